package sample.app;

import org.springframework.modulith.Modulithic;
import sample.beta.Beta;
import sample.kernel.Modules;

/**
 * The application's entry point; it names only the modules' APIs. For Spring Modulith, the modules are the
 * packages below {@code sample} (this class's own package is one of them), and the kernel is shared by all.
 */
@Modulithic(additionalPackages = "sample", sharedModules = "kernel")
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.out.println(Modules.find(Beta.class).welcome(args.length > 0 ? args[0] : "world"));
    }
}

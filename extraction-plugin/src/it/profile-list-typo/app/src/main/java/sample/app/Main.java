package sample.app;

import sample.beta.Beta;
import sample.kernel.Modules;

/** The application's entry point; it names only the modules' APIs. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.out.println(Modules.find(Beta.class).welcome(args.length > 0 ? args[0] : "world"));
    }
}

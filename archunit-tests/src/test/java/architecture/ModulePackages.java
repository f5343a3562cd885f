package architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import java.util.Optional;

/**
 * Where a class of a modular application belongs, from its package alone: the modules are the direct sub-packages of
 * one root package, {@code root.platform} is the shared kernel ({@link BoundaryRules#KERNEL}), a module's
 * implementation is under {@code root.X.internal..}, its persistence in a package named {@code persistence}. In: a
 * package name or a class; out: the module it belongs to, whose internals or persistence it is, or empty when none.
 * The rules' predicates and conditions ({@link BoundaryConditions}) ask this.
 */
final class ModulePackages {

    private final String root;

    /** @param root the application's root package ({@code "forum"}), checked by {@link BoundaryRules#forRoot} */
    ModulePackages(String root) {
        this.root = root;
    }

    /** @return the root package */
    String root() {
        return root;
    }

    /** The module a package belongs to: the first segment after the root; empty for the root itself and outside it. */
    Optional<String> moduleOf(String packageName) {
        if (!packageName.startsWith(root + ".")) {
            return Optional.empty();
        }
        String rest = packageName.substring(root.length() + 1);
        int dot = rest.indexOf('.');
        return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
    }

    /** The module of the class's package ({@link #moduleOf(String)}). */
    Optional<String> moduleOf(JavaClass type) {
        return moduleOf(type.getPackageName());
    }

    /** Whether {@code module} is a business module, that is not the shared kernel. */
    boolean isBusinessModule(String module) {
        return !BoundaryRules.KERNEL.equals(module);
    }

    /** {@code root.X.internal} or below, for some module X; the module's name if so. */
    Optional<String> internalsOwner(String packageName) {
        return moduleOf(packageName).filter(module -> {
            String internal = root + "." + module + ".internal";
            return packageName.equals(internal) || packageName.startsWith(internal + ".");
        });
    }

    /** A package below {@code root.X} one of whose segments is {@code persistence}; the module's name if so. */
    Optional<String> persistenceOwner(String packageName) {
        return moduleOf(packageName).filter(module ->
                (packageName + ".").contains(".persistence."));
    }

    /** Whether the package is exactly a module's API package (or the kernel's root package), never one below it. */
    boolean isModuleApiPackage(String packageName) {
        return moduleOf(packageName).filter(module -> packageName.equals(root + "." + module)).isPresent();
    }
}

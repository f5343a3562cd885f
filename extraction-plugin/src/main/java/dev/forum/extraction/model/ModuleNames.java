package dev.forum.extraction.model;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rule for a module's name where it names something of its own: a service of its own, the load balancer's rule
 * for its routes, the deployment's resources (its database roles and secrets). Those take lower-case letters, digits
 * and '-' ({@code dev.forum.topology.ModuleRoute#NAME}); a module is a package, whose name may be camelCase
 * ({@code org.acme.library.readingClub}). Such a module is a valid module: it runs in the monolith, is listed by the
 * report, and is refused only where its name would be rendered, with one line saying what to rename.
 */
public final class ModuleNames {

    private ModuleNames() {
    }

    /** Whether {@code module} can name a service, a route and a deployed resource. */
    public static boolean valid(String module) {
        return module != null && module.matches("[a-z][a-z0-9-]*");
    }

    /**
     * The package name to rename {@code module} to: lower-case letters and digits only, since a Java package takes no
     * '-' ({@code readingClub} to {@code readingclub}, {@code reading_club} to {@code readingclub}).
     */
    public static String suggestion(String module) {
        String name = module.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "").replaceAll("^[^a-z]+", "");
        return name.isEmpty() ? "a name of lower-case letters and digits" : name;
    }

    /**
     * The one line refusing {@code module}'s name, or empty when it is valid.
     *
     * @param what what the name would become, e.g. {@code "a service of its own"}
     * @param then what happens to the module as it is, e.g. {@code "it runs in the monolith as it is"}
     */
    public static Optional<String> problem(String module, String what, String then) {
        if (valid(module)) {
            return Optional.empty();
        }
        return Optional.of("Module '" + module + "' cannot be " + what + " as it is: its name is not a valid route or"
                + " resource name (lower-case letters, digits and '-': the service, the load balancer's rules and the"
                + " deployment's resources are named after it): rename its package to " + suggestion(module)
                + " (" + then + ")");
    }

    /** The blocker of a service of its own for each module of {@code modules} whose name cannot name one. */
    static List<Blocker> blockers(List<String> modules) {
        return modules.stream().flatMap(module -> problem(module, "a service of its own",
                "it runs in the monolith as it is").stream()
                .map(line -> new Blocker(Blocker.Kind.MODULE_NAME, module, "", "", module, "", line))).toList();
    }
}

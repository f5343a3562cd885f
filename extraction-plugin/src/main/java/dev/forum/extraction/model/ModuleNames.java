package dev.forum.extraction.model;

import dev.forum.topology.ModuleRoute;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rule for a module's name where it names something of its own: a service of its own, the load balancer's rule
 * for its routes, the deployment's resources (its database roles and secrets). Those take lower-case letters, digits
 * and '-' ({@link ModuleRoute#NAME}); Spring Modulith names a module after its package, so its name may be camelCase
 * ({@code org.acme.library.readingClub}) or, for a nested module or an explicitly annotated one deeper below a root,
 * dotted ({@code catalog.covers}, {@code admin.reports}: its package's path below the root). Such a module is a valid
 * module: it runs in the monolith, is listed by the report, and is refused only where its name would be rendered, with
 * one line saying how to name it: Spring Modulith's {@code @ApplicationModule(id = ...)} on its
 * {@code package-info.java} (an id is any text without {@code ::}, so it may hold the '-' a package cannot), which
 * leaves its package, and a nested module's place in its parent, as they are.
 */
public final class ModuleNames {

    private ModuleNames() {
    }

    /** Whether {@code module} can name a service, a route and a deployed resource ({@link ModuleRoute#resourceName}). */
    public static boolean valid(String module) {
        return ModuleRoute.resourceName(module);
    }

    /**
     * The id to give {@code module} with {@code @ApplicationModule(id = ...)}: a {@link #valid} name, none of
     * {@code others}. Each part of the name in lower case with '-' between its words ({@code readingClub} and
     * {@code reading_club} give {@code reading-club}); of a dotted name its last part first ({@code catalog.covers}
     * gives {@code covers}), else its last two parts and so on ({@code catalog-covers}), else the whole with a number
     * ({@code catalog-covers-2}).
     *
     * @param module a module name that is not {@link #valid}
     * @param others the application's other modules' names, which the id must not repeat
     */
    public static String suggestion(String module, Collection<String> others) {
        Set<String> taken = new TreeSet<>(others);
        List<String> parts = new ArrayList<>();
        for (String part : module.split("\\.")) {
            String words = words(part);
            if (!words.isEmpty()) {
                parts.add(words);
            }
        }
        if (parts.isEmpty()) {
            parts.add("module");
        }
        String candidate = null;
        for (int from = parts.size() - 1; from >= 0; from--) {
            candidate = String.join("-", parts.subList(from, parts.size()));
            if (valid(candidate) && !taken.contains(candidate)) {
                return candidate;
            }
        }
        for (int number = 2; ; number++) {
            if (!taken.contains(candidate + "-" + number)) {
                return candidate + "-" + number;
            }
        }
    }

    /** One part of a name in lower case, '-' between its words: {@code readingClub}, {@code HTTPClub} to http-club. */
    private static String words(String part) {
        String split = part.replaceAll("([a-z0-9])([A-Z])", "$1-$2").replaceAll("([A-Z])([A-Z][a-z])", "$1-$2");
        return split.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^[^a-z]+", "")
                .replaceAll("-+$", "");
    }

    /**
     * The one line refusing {@code module}'s name, or empty when it is valid.
     *
     * @param modules the application's modules' names ({@code module} among them or not), which the suggested id must not
     *                repeat ({@link #suggestion})
     * @param what   what the name would become, e.g. {@code "a service of its own"}
     * @param then   what happens to the module as it is, e.g. {@code "it runs in the monolith as it is"}
     */
    public static Optional<String> problem(String module, Collection<String> modules, String what, String then) {
        if (valid(module)) {
            return Optional.empty();
        }
        String id = suggestion(module, modules.stream().filter(name -> !name.equals(module)).toList());
        return Optional.of("Module '" + module + "' cannot be " + what + " as it is: its name is not a valid route or"
                + " resource name (lower-case letters, digits and '-': the service, the load balancer's rules and the"
                + " deployment's resources are named after it): name it " + id + " with @ApplicationModule(id = \"" + id
                + "\") on its package-info.java, then use that name wherever the module is named (allowedDependencies,"
                + " a per-module migration folder) (" + then + ")");
    }

    /**
     * The blocker of a service of its own for each module of {@code modules} whose name cannot name one.
     *
     * @param all every module of the application, for ids that repeat none ({@link #suggestion})
     */
    static List<Blocker> blockers(List<String> modules, Collection<String> all) {
        return modules.stream().flatMap(module -> problem(module, all, "a service of its own",
                "it runs in the monolith as it is").stream()
                .map(line -> new Blocker(Blocker.Kind.MODULE_NAME, module, "", "", module, "", line))).toList();
    }
}

package dev.forum.extraction.model;

import dev.forum.topology.ModuleRoute;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one module declares for HTTP, and the route prefix that follows from it: the prefix the load balancer sends the
 * service holding the module, and the one the run time answers for the module (extraction-runtime's
 * {@code ModuleMetadata}). The rule, in this order:
 * <ol>
 * <li>the class-level {@code @HttpExchange} (or {@code extract.routeAnnotation}) prefixes of its HTTP contracts, when
 *     any declares one: the contract is the module's API, what other modules call;</li>
 * <li>else the class-level {@code @RequestMapping} paths of its controllers, when every controller declares one: each
 *     route of a controller lies below its class-level path, so these are all the module serves;</li>
 * <li>else none: a controller without a class-level mapping serves routes the plugin does not read (its methods'
 *     own paths), so no prefix is known to hold them.</li>
 * </ol>
 * A path that lies below another of them (segment by segment: {@code /api/orders/{id}/lines} below {@code /api/orders},
 * {@code /api/ordersx} not) adds nothing: the load balancer's rule for the outer one ({@code /api/orders} and
 * {@code /api/orders/*}) routes it too. One usable prefix is exactly one outermost path; several are several, which the
 * load balancer cannot route as one module (it has one rule per module). A contract prefix or controller path written
 * without a leading '/' ({@code "api/orders"}) is read as Spring MVC maps it, with one ({@code /api/orders}); one
 * trailing '/' is dropped, as Spring MVC serves the routes of {@code "/api/orders/"} below {@code /api/orders}; and a
 * mapping whose one path is blank ({@code @HttpExchange(" ")}, {@code @RequestMapping(" ")}) as no path, as Spring
 * takes it; a blank path beside others is Spring's {@code "/ "}: {@link ModuleRoute#fullPath}, {@link ModuleRoute#fullPaths}.
 *
 * @param module           the module's name
 * @param contracts        its HTTP contracts, sorted
 * @param contractPrefixes their class-level prefixes that are not blank, each a {@link ModuleRoute#fullPath}
 * @param controllers      its controllers, sorted, each to its class-level {@code @RequestMapping} paths, each a
 *                         {@link ModuleRoute#fullPaths} (empty: none)
 * @param written          each of {@code contractPrefixes} that differs from how it is written to the prefixes as
 *                         written ({@code /api/orders/} to {@code /api/orders//}), so that a refusal quotes what the
 *                         user wrote
 * @param controllerPaths  its controllers, each to its class-level {@code @RequestMapping} paths as written, path i
 *                         read as path i of {@code controllers} (empty: none), so that a refusal naming each
 *                         controller's paths quotes what that controller declares
 */
public record HttpDeclarations(String module, List<String> contracts, SortedSet<String> contractPrefixes,
        Map<String, List<String>> controllers, Map<String, SortedSet<String>> written,
        Map<String, List<String>> controllerPaths) {

    private static final String SHAPE = "where a route prefix is " + ModuleRoute.PREFIX_SHAPE;

    /** What {@code module} of {@code model} declares. */
    public static HttpDeclarations of(ModulithModel model, String module) {
        List<String> contracts = new ArrayList<>();
        SortedSet<String> prefixes = new TreeSet<>();
        Map<String, SortedSet<String>> written = new TreeMap<>();
        model.httpContracts().values().stream()
                .filter(c -> model.moduleOf(c.type()).map(m -> m.name().equals(module)).orElse(false))
                .forEach(c -> {
                    contracts.add(c.type());
                    String prefix = ModuleRoute.fullPath(c.prefix());
                    if (prefix != null) {
                        prefixes.add(prefix);
                        writtenAs(written, prefix, c.prefix());
                    }
                });
        contracts.sort(null);
        Map<String, List<String>> controllers = new TreeMap<>();
        Map<String, List<String>> controllerPaths = new TreeMap<>();
        model.controllersOf(module).forEach(c -> {
            List<String> paths = model.controllerPaths(c);
            List<String> read = ModuleRoute.fullPaths(paths);
            controllers.put(c, read);
            // fullPaths reads path i as read i; it drops a path only when it is the one and blank (read is empty).
            controllerPaths.put(c, read.isEmpty() ? List.of() : List.copyOf(paths));
        });
        return new HttpDeclarations(module, List.copyOf(contracts), prefixes, controllers, written, controllerPaths);
    }

    private static void writtenAs(Map<String, SortedSet<String>> written, String read, String asWritten) {
        if (!read.equals(asWritten)) {
            written.computeIfAbsent(read, r -> new TreeSet<>()).add(asWritten);
        }
    }

    /** A contract prefix quoted as written ({@link ModuleRoute#quoted}). */
    private String quoted(String prefix) {
        return ModuleRoute.quoted(prefix, written.getOrDefault(prefix, new TreeSet<>()));
    }

    /** A controller path quoted as the controllers that are mapped to it write it ({@link ModuleRoute#quoted}). */
    private String quotedMapping(String path) {
        List<String> asWritten = new ArrayList<>();
        controllers.forEach((controller, paths) -> {
            for (int i = 0; i < paths.size(); i++) {
                if (paths.get(i).equals(path)) {
                    asWritten.add(controllerPaths.get(controller).get(i));
                }
            }
        });
        return ModuleRoute.quoted(path, asWritten);
    }

    /** Whether it serves HTTP at all: a controller or an HTTP contract. */
    public boolean servesHttp() {
        return !contracts.isEmpty() || !controllers.isEmpty();
    }

    /** Whether its prefixes are its controllers' class-level mappings rather than its contracts' (see the rule above). */
    public boolean fromControllers() {
        return contractPrefixes.isEmpty() && !controllers.isEmpty() && unmapped().isEmpty();
    }

    /**
     * Every prefix the rule gives it: its contracts', else its controllers' when each has one, else none; only the
     * outermost ones (a path below another of them is left out).
     */
    public SortedSet<String> prefixes() {
        SortedSet<String> paths = new TreeSet<>(contractPrefixes);
        if (paths.isEmpty() && fromControllers()) {
            controllers.values().forEach(paths::addAll);
        }
        List<String> all = List.copyOf(paths);
        paths.removeIf(path -> all.stream().anyMatch(outer -> below(path, outer)));
        return paths;
    }

    /** Whether {@code path} lies below {@code outer}, segment by segment ({@code /a/b} below {@code /a}, {@code /ab} not). */
    static boolean below(String path, String outer) {
        return !path.equals(outer) && path.startsWith(outer.endsWith("/") ? outer : outer + "/");
    }

    /** Its one prefix, when the rule gives exactly one (of any shape: {@link #route} keeps it only when routable). */
    public Optional<String> prefix() {
        SortedSet<String> prefixes = prefixes();
        return prefixes.size() == 1 ? Optional.of(prefixes.first()) : Optional.empty();
    }

    /**
     * Its route: its one prefix ({@link #prefix}) when {@link ModuleRoute} accepts it for this module (the module's name
     * can name a route, the prefix has the shape the load balancer's rule needs), else unrouted. The one rule for both
     * the load balancer's rules ({@code ModuleRoutes}) and the prefix the run time answers for the module
     * ({@code RuntimeMetadata}), so the run time never claims a path no rule sends.
     */
    public ModuleRoute route() {
        String prefix = ModuleRoute.resourceName(module) ? prefix().orElse(null) : null;
        try {
            return new ModuleRoute(module, prefix);
        } catch (IllegalArgumentException badPrefix) {
            return ModuleRoute.unrouted(module);
        }
    }

    /** Its controllers without a class-level {@code @RequestMapping}, sorted. */
    public List<String> unmapped() {
        return controllers.entrySet().stream().filter(e -> e.getValue().isEmpty()).map(Map.Entry::getKey).toList();
    }

    /**
     * What was found instead of one usable prefix, for a line that says why the module has no route: several prefixes
     * (named with where each is declared), one of the wrong shape, or none and why. Every prefix and path is quoted as
     * written, with how it was read when that differs ({@link ModuleRoute#quoted}).
     */
    public String found() {
        SortedSet<String> prefixes = prefixes();
        if (!contractPrefixes.isEmpty()) {
            if (prefixes.size() > 1) {
                return "several prefixes " + String.join(", ", prefixes.stream().map(this::quoted).toList()) + " on "
                        + String.join(", ", contracts) + ", where the load balancer routes one per module";
            }
            return "prefix " + quoted(prefixes.first()) + " on " + String.join(", ", contracts) + ", " + SHAPE;
        }
        if (fromControllers()) {
            if (prefixes.size() > 1) {
                return "several prefixes on the class-level @RequestMapping of its controllers, " + mappings()
                        + ", where the load balancer routes one per module";
            }
            return "prefix " + quotedMapping(prefixes.first()) + " on the class-level @RequestMapping of "
                    + String.join(", ", controllers.keySet()) + ", " + SHAPE;
        }
        String contract = "HTTP contract " + String.join(", ", contracts) + " without a class-level prefix";
        if (controllers.isEmpty()) {
            return contract;
        }
        List<String> unmapped = unmapped();
        String without = "controller " + String.join(", ", unmapped) + " without a class-level @RequestMapping, so "
                + (unmapped.size() == 1 ? "its" : "their") + " routes are unknown";
        String mapped = unmapped.size() == controllers.size() ? "" : " (beside " + mappings() + ")";
        return contracts.isEmpty() ? without + mapped + ", no HTTP contract" : contract + ", " + without + mapped;
    }

    /**
     * Each controller with a class-level mapping and its paths, each quoted as that controller writes it
     * ({@link ModuleRoute#quoted}): {@code '/api/loans' on a.LoansController, ...}.
     */
    private String mappings() {
        List<String> each = new ArrayList<>();
        controllers.forEach((controller, paths) -> {
            List<String> quoted = new ArrayList<>();
            for (int i = 0; i < paths.size(); i++) {
                quoted.add(ModuleRoute.quoted(paths.get(i), List.of(controllerPaths.get(controller).get(i))));
            }
            if (!quoted.isEmpty()) {
                each.add(String.join(", ", quoted) + " on " + controller);
            }
        });
        return String.join(", ", each);
    }
}

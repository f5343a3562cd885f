package dev.forum.extraction.model;

import dev.forum.topology.ModuleRoute;
import java.util.ArrayList;
import java.util.Collections;
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
 * @param module             the module's name
 * @param contractMappings   its HTTP contracts, sorted, each to its class-level prefix when that is not blank (else
 *                           empty)
 * @param controllerMappings its controllers, sorted, each to its class-level {@code @RequestMapping} paths (empty:
 *                           none)
 */
public record HttpDeclarations(String module, Map<String, List<Mapping>> contractMappings,
        Map<String, List<Mapping>> controllerMappings) {

    private static final String SHAPE = "where a route prefix is " + ModuleRoute.PREFIX_SHAPE;

    /**
     * One class-level path of a contract or controller: how it is read, which every rule here uses, and how it is
     * written, which every refusal quotes ({@link ModuleRoute#quoted}), so that the line names what is in the user's
     * code.
     *
     * @param read    as {@link ModuleRoute#fullPath} reads it ({@code /api/orders})
     * @param written as written ({@code api/orders/})
     */
    public record Mapping(String read, String written) {
    }

    /** What {@code module} of {@code model} declares. */
    public static HttpDeclarations of(ModulithModel model, String module) {
        Map<String, List<Mapping>> contracts = new TreeMap<>();
        model.httpContracts().values().stream()
                .filter(c -> model.moduleOf(c.type()).map(m -> m.name().equals(module)).orElse(false))
                .forEach(c -> {
                    String prefix = ModuleRoute.fullPath(c.prefix());
                    contracts.put(c.type(), prefix == null ? List.of() : List.of(new Mapping(prefix, c.prefix())));
                });
        Map<String, List<Mapping>> controllers = new TreeMap<>();
        model.controllersOf(module).forEach(c -> {
            List<String> paths = model.controllerPaths(c);
            List<String> read = ModuleRoute.fullPaths(paths);
            // fullPaths reads path i as read i; it drops a path only when it is the one and blank (read is empty).
            List<Mapping> mappings = new ArrayList<>();
            for (int i = 0; i < read.size(); i++) {
                mappings.add(new Mapping(read.get(i), paths.get(i)));
            }
            controllers.put(c, List.copyOf(mappings));
        });
        return new HttpDeclarations(module, Collections.unmodifiableMap(contracts),
                Collections.unmodifiableMap(controllers));
    }

    /** Its HTTP contracts, sorted. */
    public List<String> contracts() {
        return List.copyOf(contractMappings.keySet());
    }

    /** Its controllers, sorted, each to its class-level {@code @RequestMapping} paths as read (empty: none). */
    public Map<String, List<String>> controllers() {
        Map<String, List<String>> paths = new TreeMap<>();
        controllerMappings.forEach((controller, mappings) -> paths.put(controller, read(mappings)));
        return Collections.unmodifiableMap(paths);
    }

    private static List<String> read(List<Mapping> mappings) {
        return mappings.stream().map(Mapping::read).toList();
    }

    /** Every path of {@code declared} as read, sorted. */
    private static SortedSet<String> paths(Map<String, List<Mapping>> declared) {
        SortedSet<String> paths = new TreeSet<>();
        declared.values().forEach(mappings -> paths.addAll(read(mappings)));
        return paths;
    }

    /** A path quoted as each contract or controller of {@code declared} read as it writes it ({@link ModuleRoute#quoted}). */
    private static String quoted(String path, Map<String, List<Mapping>> declared) {
        return ModuleRoute.quoted(path, declared.values().stream().flatMap(List::stream)
                .filter(m -> m.read().equals(path)).map(Mapping::written).toList());
    }

    /** Whether it serves HTTP at all: a controller or an HTTP contract. */
    public boolean servesHttp() {
        return !contractMappings.isEmpty() || !controllerMappings.isEmpty();
    }

    /** Whether its prefixes are its controllers' class-level mappings rather than its contracts' (see the rule above). */
    public boolean fromControllers() {
        return paths(contractMappings).isEmpty() && !controllerMappings.isEmpty() && unmapped().isEmpty();
    }

    /**
     * Every prefix the rule gives it: its contracts', else its controllers' when each has one, else none; only the
     * outermost ones (a path below another of them is left out).
     */
    public SortedSet<String> prefixes() {
        SortedSet<String> paths = paths(contractMappings);
        if (paths.isEmpty() && fromControllers()) {
            paths = paths(controllerMappings);
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
        return controllerMappings.entrySet().stream().filter(e -> e.getValue().isEmpty()).map(Map.Entry::getKey)
                .toList();
    }

    /**
     * What was found instead of one usable prefix, for a line that says why the module has no route: several prefixes
     * (each named with the contract or controller that declares it), one of the wrong shape, or none and why. Every
     * prefix and path is quoted as written, with how it was read when that differs ({@link ModuleRoute#quoted}).
     */
    public String found() {
        SortedSet<String> prefixes = prefixes();
        String contracts = String.join(", ", contractMappings.keySet());
        if (!paths(contractMappings).isEmpty()) {
            if (prefixes.size() > 1) {
                return "several prefixes on its HTTP contracts, " + each(contractMappings)
                        + ", where the load balancer routes one per module";
            }
            return "prefix " + quoted(prefixes.first(), contractMappings) + " on " + contracts + ", " + SHAPE;
        }
        if (fromControllers()) {
            if (prefixes.size() > 1) {
                return "several prefixes on the class-level @RequestMapping of its controllers, "
                        + each(controllerMappings) + ", where the load balancer routes one per module";
            }
            return "prefix " + quoted(prefixes.first(), controllerMappings) + " on the class-level @RequestMapping of "
                    + String.join(", ", controllerMappings.keySet()) + ", " + SHAPE;
        }
        String contract = "HTTP contract " + contracts + " without a class-level prefix";
        if (controllerMappings.isEmpty()) {
            return contract;
        }
        List<String> unmapped = unmapped();
        String without = "controller " + String.join(", ", unmapped) + " without a class-level @RequestMapping, so "
                + (unmapped.size() == 1 ? "its" : "their") + " routes are unknown";
        String mapped = unmapped.size() == controllerMappings.size() ? ""
                : " (beside " + each(controllerMappings) + ")";
        return contractMappings.isEmpty() ? without + mapped + ", no HTTP contract"
                : contract + ", " + without + mapped;
    }

    /**
     * Each contract or controller of {@code declared} that declares a path, with its paths, each quoted as it writes
     * it ({@link ModuleRoute#quoted}): {@code '/api/loans' on a.LoansController, 'api/renewals/' (read as ...) on
     * a.RenewalsController}.
     */
    private static String each(Map<String, List<Mapping>> declared) {
        List<String> each = new ArrayList<>();
        declared.forEach((type, mappings) -> {
            if (!mappings.isEmpty()) {
                each.add(String.join(", ", mappings.stream()
                        .map(m -> ModuleRoute.quoted(m.read(), List.of(m.written()))).toList()) + " on " + type);
            }
        });
        return String.join(", ", each);
    }
}

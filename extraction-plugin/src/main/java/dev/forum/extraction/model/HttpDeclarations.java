package dev.forum.extraction.model;

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
 * One usable prefix is exactly one of them; several are several, which the load balancer cannot route as one module
 * (it has one rule per module).
 *
 * @param module           the module's name
 * @param contracts        its HTTP contracts, sorted
 * @param contractPrefixes their class-level prefixes
 * @param controllers      its controllers, sorted, each to its class-level {@code @RequestMapping} paths (empty: none)
 */
public record HttpDeclarations(String module, List<String> contracts, SortedSet<String> contractPrefixes,
        Map<String, List<String>> controllers) {

    private static final String SHAPE = "not of the shape /api/name (no wildcard, no trailing '/')";

    /** What {@code module} of {@code model} declares. */
    public static HttpDeclarations of(ModulithModel model, String module) {
        List<String> contracts = new ArrayList<>();
        SortedSet<String> prefixes = new TreeSet<>();
        model.httpContracts().values().stream()
                .filter(c -> model.moduleOf(c.type()).map(m -> m.name().equals(module)).orElse(false))
                .forEach(c -> {
                    contracts.add(c.type());
                    if (c.prefix() != null) {
                        prefixes.add(c.prefix());
                    }
                });
        contracts.sort(null);
        Map<String, List<String>> controllers = new TreeMap<>();
        model.controllersOf(module).forEach(c -> controllers.put(c, model.controllerPaths(c)));
        return new HttpDeclarations(module, List.copyOf(contracts), prefixes, controllers);
    }

    /** Whether it serves HTTP at all: a controller or an HTTP contract. */
    public boolean servesHttp() {
        return !contracts.isEmpty() || !controllers.isEmpty();
    }

    /** Whether its prefixes are its controllers' class-level mappings rather than its contracts' (see the rule above). */
    public boolean fromControllers() {
        return contractPrefixes.isEmpty() && !controllers.isEmpty() && unmapped().isEmpty();
    }

    /** Every prefix the rule gives it: its contracts', else its controllers' when each has one, else none. */
    public SortedSet<String> prefixes() {
        if (!contractPrefixes.isEmpty()) {
            return contractPrefixes;
        }
        SortedSet<String> paths = new TreeSet<>();
        if (fromControllers()) {
            controllers.values().forEach(paths::addAll);
        }
        return paths;
    }

    /** Its one prefix, when the rule gives exactly one (of any shape: {@code ModuleRoute} checks that). */
    public Optional<String> prefix() {
        SortedSet<String> prefixes = prefixes();
        return prefixes.size() == 1 ? Optional.of(prefixes.first()) : Optional.empty();
    }

    /** Its controllers without a class-level {@code @RequestMapping}, sorted. */
    public List<String> unmapped() {
        return controllers.entrySet().stream().filter(e -> e.getValue().isEmpty()).map(Map.Entry::getKey).toList();
    }

    /**
     * What was found instead of one usable prefix, for a line that says why the module has no route: several prefixes
     * (named with where each is declared), one of the wrong shape, or none and why.
     */
    public String found() {
        SortedSet<String> prefixes = prefixes();
        if (!contractPrefixes.isEmpty()) {
            if (prefixes.size() > 1) {
                return "several prefixes " + String.join(", ", prefixes) + " on " + String.join(", ", contracts)
                        + ", where the load balancer routes one per module";
            }
            return "prefix '" + prefixes.first() + "' on " + String.join(", ", contracts) + ", " + SHAPE;
        }
        if (fromControllers()) {
            if (prefixes.size() > 1) {
                return "several prefixes on the class-level @RequestMapping of its controllers, " + mappings()
                        + ", where the load balancer routes one per module";
            }
            return "prefix '" + prefixes.first() + "' on the class-level @RequestMapping of " + String.join(", ",
                    controllers.keySet()) + ", " + SHAPE;
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

    /** Each controller with a class-level mapping and its paths: {@code /api/loans on a.LoansController, ...}. */
    private String mappings() {
        List<String> each = new ArrayList<>();
        controllers.forEach((controller, paths) -> {
            if (!paths.isEmpty()) {
                each.add(String.join(", ", paths) + " on " + controller);
            }
        });
        return String.join(", ", each);
    }
}

package dev.forum.extraction.maven;

import dev.forum.extraction.model.ModulithModel;
import dev.forum.topology.ModuleRoute;
import dev.forum.topology.ServiceSpec;
import dev.forum.topology.Topology;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The route prefix of each module, from the class-level {@code @HttpExchange} (or {@code extract.routeAnnotation}) of
 * its HTTP contracts: the load balancer's path rules come from them. Only the modules an extracted service holds need
 * one, and of those only the ones that serve HTTP: the monolith is the default route, and a module with no controller
 * and no HTTP contract gets no request of its own. A module that needs one and has none blocks the service that
 * holds it ({@link #blockedServices}), not the others.
 */
final class ModuleRoutes {

    private ModuleRoutes() {
    }

    /**
     * Every module that can be a service, in name order, with its route prefix when its contracts declare exactly one
     * of the right shape, else with none ({@link ModuleRoute#unrouted}): whether it needs one depends on the topology
     * ({@link #blockedServices}). A module whose name cannot name a route ({@link ModuleRoute#resourceName}, e.g. a
     * camelCase package) is listed unrouted: it runs in the monolith, and only a service of its own is refused for it
     * ({@link dev.forum.extraction.model.ModuleNames}).
     */
    static List<ModuleRoute> of(ModulithModel model) {
        List<ModuleRoute> routes = new ArrayList<>();
        for (String module : model.extractableModules()) {
            Declared declared = Declared.of(model, module);
            String prefix = declared.prefixes().size() == 1 && ModuleRoute.resourceName(module)
                    ? declared.prefixes().first() : null;
            try {
                routes.add(new ModuleRoute(module, prefix));
            } catch (IllegalArgumentException badPrefix) {
                routes.add(ModuleRoute.unrouted(module));
            }
        }
        return routes;
    }

    /**
     * The extracted services of {@code topology} the load balancer cannot route to, each with its blocker: a module it
     * holds that serves HTTP (it has a controller or an HTTP contract) without one usable route prefix, or no module
     * with a route at all. Only those services are blocked; the others deploy and build.
     *
     * @param topology the topology resolved with {@link #of}'s routes
     * @return service name to one line naming the service, the module, what was found, and the fix in the topology
     *         file (by its path); in the file's order, empty when every service can be routed to
     */
    static Map<String, String> blockedServices(Topology topology, ModulithModel model) {
        Map<String, String> blocked = new LinkedHashMap<>();
        for (ServiceSpec service : topology.extracted()) {
            String where = topology.source() + ":" + service.line() + ": service '" + service.name() + "' is blocked: ";
            List<String> missing = new ArrayList<>();
            String example = null;
            for (String module : service.modules()) {
                ModuleRoute route = topology.modules().stream().filter(r -> r.module().equals(module)).findFirst().orElse(null);
                Declared declared = Declared.of(model, module);
                if (route != null && route.prefix() == null && declared.servesHttp()) {
                    missing.add("module '" + module + "' has no route prefix the load balancer can use ("
                            + declared.found() + ")");
                    example = example == null ? module : example;
                }
            }
            if (!missing.isEmpty()) {
                blocked.put(service.name(), where + String.join("; ", missing) + ": give each such module one prefix on an"
                        + " interface of its published API that its controller implements, e.g. @HttpExchange(\"/api/"
                        + example + "\"), or take it out of service '" + service.name() + "' in " + topology.source()
                        + " (it stays in the monolith)");
            } else if (service.modules().stream().noneMatch(m -> topology.modules().stream()
                    .anyMatch(r -> r.module().equals(m) && r.prefix() != null))) {
                blocked.put(service.name(), where + "it holds only modules that serve no HTTP route ("
                        + String.join(", ", service.modules()) + "), so the load balancer has nothing to send it: in "
                        + topology.source() + ", put them in a service with a module that serves routes, or leave them in"
                        + " the monolith");
            }
        }
        return blocked;
    }

    /**
     * The warning for a service that no request can reach: none of its own modules has a controller. The load balancer
     * sends a service only the routes of its modules' controllers, another module reaches it only through an HTTP
     * contract (which a controller serves), and events do not cross services; so such a service runs only what it starts
     * itself ({@code @Scheduled} work, a message listener of its own). That may be meant: a warning, not a refusal.
     *
     * @param service the service's name, as the build's lines name it
     * @param modules the service's own modules (not those that run in every service)
     * @return one line naming the modules and why, or empty when one of them has a controller
     */
    static Optional<String> unreachable(ModulithModel model, String service, List<String> modules) {
        List<Declared> declared = modules.stream().map(m -> Declared.of(model, m)).toList();
        if (modules.isEmpty() || declared.stream().anyMatch(d -> !d.controllers().isEmpty())) {
            return Optional.empty();
        }
        List<String> contracts = declared.stream().flatMap(d -> d.contracts().stream()).toList();
        String which = modules.size() == 1 ? "module " + modules.get(0) : "modules " + String.join(", ", modules);
        return Optional.of(service + ": " + which + " will get no requests as a service: "
                + (modules.size() == 1 ? "it has no" : "none has a") + " @Controller or @RestController (so no web route for the"
                + " load balancer" + (contracts.isEmpty() ? ", and no HTTP contract another module could call)"
                        : ", and no controller implements its HTTP contract " + String.join(", ", contracts) + ")")
                + ", and events do not cross services: it runs only what it starts itself (@Scheduled work, a message"
                + " listener of its own); built all the same. If it should serve requests, give it a controller, or leave it"
                + " in the monolith");
    }

    /**
     * The warnings for controllers whose routes the load balancer may not send to the service: a controller of a routed
     * module (one with a route prefix) that implements none of the module's HTTP contracts. The load balancer sends
     * the service only the paths below the module's prefix ({@link #of}); such a controller's routes are read nowhere
     * by the plugin, so one outside the prefix ({@code /admin/customers} beside {@code /api/customers}) would go to the
     * monolith, where the module does not run. A warning, not a refusal: its routes may all be below the prefix.
     *
     * @param service the service's name, as the build's lines name it
     * @param modules the service's own modules
     * @return one line per such controller, in module and controller order; empty when there is none
     */
    static List<String> outsideTheirPrefix(ModulithModel model, String service, List<String> modules) {
        List<String> warnings = new ArrayList<>();
        for (String module : modules) {
            Declared declared = Declared.of(model, module);
            if (declared.prefixes().size() != 1) {
                continue; // no route: blockedServices says so where it matters
            }
            String prefix = declared.prefixes().first();
            new TreeSet<>(declared.controllers()).stream()
                    .filter(controller -> model.httpContracts().values().stream()
                            .noneMatch(c -> c.controllers().contains(controller)))
                    .forEach(controller -> warnings.add(service + ": controller " + controller + " of module " + module
                            + " implements none of its HTTP contracts, so its routes are not checked against the load"
                            + " balancer's rule for " + module + ", which sends " + service + " only " + prefix + " and "
                            + prefix + "/*: a route of it outside them reaches the monolith, where " + module + " does not"
                            + " run; serve its routes below " + prefix + " (or through the contract)"));
        }
        return warnings;
    }

    /** What a module declares for HTTP: its contracts, their class-level prefixes and its controllers. */
    private record Declared(List<String> contracts, TreeSet<String> prefixes, Set<String> controllers) {

        static Declared of(ModulithModel model, String module) {
            List<String> contracts = new ArrayList<>();
            TreeSet<String> prefixes = new TreeSet<>();
            model.httpContracts().values().stream()
                    .filter(c -> model.moduleOf(c.type()).map(m -> m.name().equals(module)).orElse(false))
                    .forEach(c -> {
                        contracts.add(c.type());
                        if (c.prefix() != null) {
                            prefixes.add(c.prefix());
                        }
                    });
            contracts.sort(null);
            return new Declared(contracts, prefixes, model.controllersOf(module));
        }

        boolean servesHttp() {
            return !contracts.isEmpty() || !controllers.isEmpty();
        }

        /** What was found instead of one usable prefix. */
        String found() {
            if (contracts.isEmpty()) {
                return "controller " + String.join(", ", controllers) + ", no HTTP contract";
            }
            if (prefixes.isEmpty()) {
                return "HTTP contract " + String.join(", ", contracts) + " without a class-level prefix";
            }
            if (prefixes.size() > 1) {
                return "several prefixes " + String.join(", ", prefixes) + " on " + String.join(", ", contracts)
                        + ", where the load balancer routes one per module";
            }
            return "prefix '" + prefixes.first() + "' on " + String.join(", ", contracts)
                    + ", not of the shape /api/name (no wildcard, no trailing '/')";
        }
    }
}

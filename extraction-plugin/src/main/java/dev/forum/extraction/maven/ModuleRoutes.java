package dev.forum.extraction.maven;

import dev.forum.extraction.model.ExtractionException;
import dev.forum.extraction.model.ModulithModel;
import dev.forum.topology.ModuleRoute;
import dev.forum.topology.ServiceSpec;
import dev.forum.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The route prefix of each module, from the class-level {@code @HttpExchange} (or {@code extract.routeAnnotation}) of
 * its HTTP contracts: the load balancer's path rules come from them. Only the modules an extracted service holds need
 * one, and of those only the ones that serve HTTP: the monolith is the default route, and a module with no controller
 * and no HTTP contract gets no request of its own.
 */
final class ModuleRoutes {

    private ModuleRoutes() {
    }

    /**
     * Every module that can be a service, in name order, with its route prefix when its contracts declare exactly one
     * of the right shape, else with none ({@link ModuleRoute#unrouted}): whether it needs one depends on the topology
     * ({@link #requireRoutes}).
     *
     * @throws ExtractionException (one line) for a module name a load balancer rule cannot carry
     */
    static List<ModuleRoute> of(ModulithModel model) {
        List<ModuleRoute> routes = new ArrayList<>();
        for (String module : model.extractableModules()) {
            Declared declared = Declared.of(model, module);
            String prefix = declared.prefixes().size() == 1 ? declared.prefixes().first() : null;
            try {
                routes.add(new ModuleRoute(module, prefix));
            } catch (IllegalArgumentException badPrefix) {
                try {
                    routes.add(ModuleRoute.unrouted(module));
                } catch (IllegalArgumentException badName) {
                    throw new ExtractionException("Module '" + module + "': " + badName.getMessage()
                            + " (the load balancer's rules and the deployment's resources are named after it): rename its package");
                }
            }
        }
        return routes;
    }

    /**
     * Checks that the load balancer can route to every extracted service of {@code topology}: each module such a
     * service holds that serves HTTP (it has a controller or an HTTP contract) has one usable route prefix, and each
     * service holds at least one such module.
     *
     * @param topology the topology resolved with {@link #of}'s routes
     * @throws ExtractionException one line naming every module without a usable prefix (its service, the line, what
     *                             was found) and what to change; or naming a service with nothing to route to
     */
    static void requireRoutes(Topology topology, ModulithModel model) {
        List<String> missing = new ArrayList<>();
        String example = null;
        for (ModuleRoute route : topology.modules()) {
            ServiceSpec service = topology.extractedHolder(route.module()).orElse(null);
            Declared declared = Declared.of(model, route.module());
            if (service == null || route.prefix() != null || !declared.servesHttp()) {
                continue;
            }
            missing.add(route.module() + " (service '" + service.name() + "', line " + service.line() + ": " + declared.found() + ")");
            example = example == null ? route.module() : example;
        }
        if (!missing.isEmpty()) {
            throw new ExtractionException(topology.source() + ": the load balancer sends each module of an extracted service the"
                    + " requests below the module's route prefix (the class-level @HttpExchange of its HTTP contract), and "
                    + (missing.size() == 1 ? "1 module of an extracted service has none it can use: "
                            : missing.size() + " modules of extracted services have none they can use: ")
                    + String.join("; ", missing) + ". Give each one prefix on an interface of its published API that its"
                    + " controller implements, e.g. @HttpExchange(\"/api/" + example + "\"), or leave the module in the monolith"
                    + " (take it out of its service in " + topology.source() + ")");
        }
        for (ServiceSpec service : topology.extracted()) {
            if (service.modules().stream().noneMatch(m -> topology.modules().stream()
                    .anyMatch(r -> r.module().equals(m) && r.prefix() != null))) {
                throw new ExtractionException(topology.source() + ":" + service.line() + ": service '" + service.name()
                        + "' holds only modules that serve no HTTP route (" + String.join(", ", service.modules())
                        + "), so the load balancer has nothing to send it: put them in a service with a module that serves"
                        + " routes, or leave them in the monolith");
            }
        }
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

package dev.forum.extraction.maven;

import dev.forum.extraction.model.FunctionalRoutes;
import dev.forum.extraction.model.HttpDeclarations;
import dev.forum.extraction.model.ModulithModel;
import dev.forum.topology.ModuleRoute;
import dev.forum.topology.ServiceSpec;
import dev.forum.topology.Topology;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The route prefix of each module, by {@link HttpDeclarations}' rule: the class-level {@code @HttpExchange} (or
 * {@code extract.routeAnnotation}) of its HTTP contracts, else the class-level {@code @RequestMapping} its controllers
 * all declare; the load balancer's path rules come from them. Only the modules an extracted service holds need one,
 * and of those only the ones that serve HTTP: the monolith is the default route, and a module with no controller and
 * no HTTP contract gets no request of its own. A module that needs one and has none blocks the service that holds it
 * ({@link #blockedServices}), not the others.
 */
final class ModuleRoutes {

    private ModuleRoutes() {
    }

    /**
     * Every module that can be a service, in name order, with its route prefix when it declares exactly one of the right
     * shape ({@link HttpDeclarations#route}), else with none ({@link ModuleRoute#unrouted}): whether it needs one
     * depends on the topology ({@link #blockedServices}). A module whose name cannot name a route
     * ({@link ModuleRoute#resourceName}: a camelCase package, a nested module's dotted name) is listed unrouted: it runs in the monolith, and only a service of its own is refused for it
     * ({@link dev.forum.extraction.model.ModuleNames}).
     */
    static List<ModuleRoute> of(ModulithModel model) {
        List<ModuleRoute> routes = new ArrayList<>();
        for (String module : model.extractableModules()) {
            routes.add(HttpDeclarations.of(model, module).route());
        }
        return routes;
    }

    /**
     * The extracted services of {@code topology} the load balancer cannot route to, each with its blocker: a module it
     * holds that serves HTTP (it has a controller or an HTTP contract) without one usable route prefix, or no module
     * with a route at all. Only those services are blocked; the others deploy and build. A module whose routes are
     * functional endpoints (a {@code RouterFunction}) only has a route when it declares its prefix as the plugin reads
     * one (an {@code @HttpExchange("/api/x")} interface without methods); a service whose modules have none is blocked
     * naming them, where they are declared and that declaration, the advice of the {@code functional-routes} warning
     * ({@link FunctionalRoutes}): its tasks would get no rule of the load balancer, and their requests would reach
     * the monolith, where the module does not run.
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
                HttpDeclarations declared = HttpDeclarations.of(model, module);
                if (route != null && route.prefix() == null && declared.servesHttp()) {
                    missing.add("module '" + module + "' has no route prefix the load balancer can use ("
                            + declared.found() + ")");
                    example = example == null ? module : example;
                }
            }
            if (!missing.isEmpty()) {
                blocked.put(service.name(), where + String.join("; ", missing) + ": give each such module one prefix,"
                        + " @HttpExchange(\"/api/" + example + "\") on an interface of its published API that its"
                        + " controllers implement or the same class-level @RequestMapping(\"/api/" + example + "\") on each"
                        + " of its controllers, or take it out of service '" + service.name() + "' in " + topology.source()
                        + " (it stays in the monolith)");
            } else if (service.modules().stream().noneMatch(m -> topology.modules().stream()
                    .anyMatch(r -> r.module().equals(m) && r.prefix() != null))) {
                List<String> functional = service.modules().stream()
                        .filter(m -> !model.routerFunctionsOf(m).isEmpty()).toList();
                blocked.put(service.name(), where + (functional.isEmpty() ? noRoute(topology, service)
                        : functionalOnly(topology, service, model, functional)));
            }
        }
        return blocked;
    }

    /** Why a service none of whose modules serves HTTP (no controller, no contract, no router function) is blocked. */
    private static String noRoute(Topology topology, ServiceSpec service) {
        return "it holds only modules that serve no HTTP route (" + String.join(", ", service.modules()) + "), so the load"
                + " balancer has nothing to send it: in " + topology.source() + ", put them in a service with a module that"
                + " serves routes, or leave them in the monolith";
    }

    /**
     * Why a service whose only HTTP is {@code functional} modules' router functions, none with a route prefix, is
     * blocked: each module with where it declares them, and how to give it a prefix.
     */
    private static String functionalOnly(Topology topology, ServiceSpec service, ModulithModel model,
            List<String> functional) {
        List<String> each = functional.stream().map(m -> "module '" + m + "' serves functional endpoints (a RouterFunction"
                + " declared by " + String.join(", ", FunctionalRoutes.declaredBy(model, m)) + ") and has no route prefix")
                .toList();
        String example = "/api/" + functional.get(0);
        return String.join("; ", each) + ": the plugin cannot read functional paths from the code, so the load balancer"
                + " has no rule to send service '" + service.name() + "' anything, and " + (functional.size() == 1
                        ? "its requests reach" : "their requests reach") + " the monolith, where "
                + String.join(", ", functional) + (functional.size() == 1 ? " does" : " do") + " not run: declare the"
                + " prefix the routes lie below on an interface of the module's published API, @HttpExchange(\""
                + example + "\") (no method needed; the load balancer then sends " + example + " and " + example
                + "/* to " + service.name() + "), or put " + (functional.size() == 1 ? "it" : "them") + " in a service"
                + " with a module that serves routes in " + topology.source() + ", or leave "
                + (functional.size() == 1 ? "it" : "them") + " in the monolith";
    }

    /**
     * The warning for a service that no request can reach: none of its own modules has a controller. The load balancer
     * sends a service only the routes of its modules' controllers, another module reaches it only through an HTTP
     * contract (which a controller serves), and events do not cross services; so such a service runs only what it starts
     * itself ({@code @Scheduled} work, a message listener of its own). That may be meant: a warning, not a refusal.
     *
     * @param service the service's name, as the build's lines name it
     * @param modules the service's own modules (not those that run in every service)
     * @return one line naming the modules and why, or empty when one of them has a controller or functional endpoints
     *         ({@link dev.forum.extraction.model.FunctionalRoutes} warns of those)
     */
    static Optional<String> unreachable(ModulithModel model, String service, List<String> modules) {
        List<HttpDeclarations> declared = modules.stream().map(m -> HttpDeclarations.of(model, m)).toList();
        if (modules.isEmpty() || declared.stream().anyMatch(d -> !d.controllers().isEmpty())
                || modules.stream().anyMatch(m -> !model.routerFunctionsOf(m).isEmpty())) {
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
     * module (one with a route prefix, {@link #of}) that implements none of the module's HTTP contracts, unless its
     * class-level {@code @RequestMapping} puts all its routes below the prefix. The load balancer sends the service only
     * the paths below the module's prefix: a controller whose class-level mapping is elsewhere ({@code /admin/customers}
     * beside the contract's {@code /api/customers}) is named with that mapping, as its routes certainly reach the
     * monolith, where the module does not run; one with no class-level mapping has routes the plugin does not read, and
     * is named as possibly outside. Warnings, not refusals: the module's API (its contract) is routed.
     *
     * @param service the service's name, as the build's lines name it
     * @param modules the service's own modules
     * @return one line per such controller, in module and controller order; empty when there is none
     */
    static List<String> outsideTheirPrefix(ModulithModel model, String service, List<String> modules) {
        List<String> warnings = new ArrayList<>();
        for (String module : modules) {
            HttpDeclarations declared = HttpDeclarations.of(model, module);
            if (declared.prefix().isEmpty()) {
                continue; // no route: blockedServices says so where it matters
            }
            String prefix = declared.prefix().get();
            String sent = service + " only " + prefix + " and " + prefix + "/*";
            declared.controllers().forEach((controller, paths) -> {
                if (model.httpContracts().values().stream().anyMatch(c -> c.controllers().contains(controller))) {
                    return;
                }
                List<String> outside = paths.stream().filter(p -> !p.equals(prefix) && !p.startsWith(prefix + "/")).toList();
                if (paths.isEmpty()) {
                    warnings.add(service + ": controller " + controller + " of module " + module + " implements none of"
                            + " its HTTP contracts and has no class-level @RequestMapping, so its routes are not checked"
                            + " against the load balancer's rule for " + module + ", which sends " + sent + ": a route of it"
                            + " outside them reaches the monolith, where " + module + " does not run; map it below " + prefix
                            + " (@RequestMapping(\"" + prefix + "\") on the class) or serve its routes through the contract");
                } else if (!outside.isEmpty()) {
                    warnings.add(service + ": controller " + controller + " of module " + module + " serves its routes"
                            + " below " + String.join(", ", outside) + " (its class-level @RequestMapping), outside " + prefix
                            + ", the prefix of " + module + "'s HTTP contract " + String.join(", ", declared.contracts())
                            + ": the load balancer sends " + sent + ", so those requests reach the monolith, where " + module
                            + " does not run; map it below " + prefix + " or serve its routes through the contract");
                }
            });
        }
        return warnings;
    }
}

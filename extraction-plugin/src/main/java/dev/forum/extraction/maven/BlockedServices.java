package dev.forum.extraction.maven;

import dev.forum.extraction.model.ExtractionException;
import dev.forum.extraction.model.ModulithModel;
import dev.forum.extraction.model.Planner;
import dev.forum.extraction.model.ScannedArtifact;
import dev.forum.extraction.model.ServiceRequest;
import dev.forum.extraction.model.TopologyServices;
import dev.forum.topology.ServiceSpec;
import dev.forum.topology.Topology;
import dev.forum.topology.TopologySpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The services of a checked topology that cannot be built or rendered: the load balancer cannot route to one
 * ({@link ModuleRoutes#blockedServices}), or its plan is blocked ({@link Planner}). Such a service blocks only itself:
 * a request for it is refused, and the ecs goal renders the topology without it.
 */
final class BlockedServices {

    private BlockedServices() {
    }

    /**
     * The extracted services of {@code topology} that {@code -Dextract=<service>} refuses, each with every line it is
     * refused for: the load balancer cannot route to it ({@link ModuleRoutes#blockedServices}), then each blocker of
     * its plan ({@link Planner}: an event, a bean call, an entity, ... across its boundary), the latter as
     * {@code <file>:<line>: service '<name>' is blocked: <the blocker's line>}.
     *
     * @param artifacts the application's classes and the libraries a service may hold ({@link ApplicationAnalysis#packed})
     * @param services  the file's services as planning's messages name them
     * @return service name to its lines, in the file's order; only the services refused
     */
    static Map<String, List<String>> refused(Topology topology, ModulithModel model, List<ScannedArtifact> artifacts,
            TopologyServices services) {
        Map<String, String> unrouted = ModuleRoutes.blockedServices(topology, model);
        Map<String, List<String>> refused = new LinkedHashMap<>();
        for (ServiceSpec service : topology.extracted()) {
            List<String> lines = new ArrayList<>();
            if (unrouted.containsKey(service.name())) {
                lines.add(unrouted.get(service.name()));
            }
            String where = topology.source() + ":" + service.line() + ": service '" + service.name() + "' is blocked: ";
            ServiceRequest request = new ServiceRequest(service.name(), service.modules(), false, true);
            Planner.plan(model, artifacts, request, services).blockers()
                    .forEach(blocker -> lines.add(where + withoutSubject(blocker.message(), request.subject())));
            if (!lines.isEmpty()) {
                refused.put(service.name(), List.copyOf(lines));
            }
        }
        return refused;
    }

    /**
     * A blocker's line without the service it opens with ({@code Service 'x': ...}, {@code Service 'x' needs ...}), which
     * the line's own opening, {@code service 'x' is blocked: }, already names.
     */
    private static String withoutSubject(String message, String subject) {
        if (message.startsWith(subject + ": ")) {
            return message.substring(subject.length() + 2);
        }
        return message.startsWith(subject + " ") ? "it" + message.substring(subject.length()) : message;
    }

    /**
     * {@code topology} without the services {@code blocked}: their modules stay in the monolith. The other services
     * keep their order, and the rules their priorities (which follow the modules, not the services).
     */
    static Topology without(Topology topology, Set<String> blocked) {
        if (blocked.isEmpty()) {
            return topology;
        }
        List<ServiceSpec> services = new ArrayList<>();
        services.add(topology.monolith());
        topology.extracted().stream().filter(s -> !blocked.contains(s.name())).forEach(services::add);
        return Topology.resolve(new TopologySpec(topology.source(), topology.name(), services, topology.edge(),
                topology.database()), topology.modules());
    }

    /**
     * Refuses a request for a service the load balancer cannot route to, with its blocker; any other request passes.
     *
     * @param requested the names requested ({@code -Dextract}), services or modules
     * @param topology  the topology file read and checked
     * @throws ExtractionException one line per such service requested
     */
    static void refuseUnrouted(List<String> requested, Topology topology, ModulithModel model) {
        Map<String, String> blocked = ModuleRoutes.blockedServices(topology, model);
        List<String> lines = requested.stream().filter(blocked::containsKey).map(blocked::get).toList();
        if (!lines.isEmpty()) {
            throw new ExtractionException(lines);
        }
    }
}

package dev.forum.extraction.maven;

import dev.forum.extraction.model.ModulithModel;
import dev.forum.extraction.model.ScannedArtifact;
import dev.forum.extraction.model.TopologyServices;
import dev.forum.topology.Topology;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The topology the ecs goal renders: the file's, without the services {@code -Dextract=<service>} refuses (the load
 * balancer cannot route to one, or its plan is blocked: an event, a bean call, an entity across its boundary), in the
 * words the service goal and the report use ({@link BlockedServices#refused}). Such a service blocks itself
 * only: the others are rendered, its modules stay in the monolith, and deploy.sh never builds it.
 */
final class RenderedTopology {

    private RenderedTopology() {
    }

    /**
     * @param full      the topology file, resolved against the application's modules
     * @param artifacts the application's classes and the libraries a service may hold
     * @param services  the file's services as planning names them in its messages
     * @param warn      gets one warning line per reason a service is left out; nothing is refused
     * @return the topology without the refused services
     */
    static Topology of(Topology full, ModulithModel model, List<ScannedArtifact> artifacts, TopologyServices services,
            Consumer<String> warn) {
        Map<String, List<String>> blocked = BlockedServices.refused(full, model, artifacts, services);
        blocked.values().forEach(lines -> lines.forEach(line -> warn.accept("[extract] ecs: " + line + "; rendered without it")));
        return BlockedServices.without(full, blocked.keySet());
    }
}

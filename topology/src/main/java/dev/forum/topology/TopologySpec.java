package dev.forum.topology;

import java.util.List;

/**
 * A topology file as written: well-formed, not yet checked against the application's modules
 * (see {@link Topology#resolve}).
 *
 * @param source   where it was read from, for messages
 * @param name     the application's name, used as the prefix of every deployed resource
 * @param services the services in the order written
 */
public record TopologySpec(String source, String name, List<ServiceSpec> services) {

    public TopologySpec {
        services = List.copyOf(services);
    }
}

package dev.forum.topology;

import java.util.List;

/**
 * A topology file as written: well-formed, not yet checked against the application's modules
 * (see {@link Topology#resolve}).
 *
 * @param source   where it was read from, for messages
 * @param name     the application's name, used as the prefix of every deployed resource
 * @param services the services in the order written
 * @param edge     the public edge: TLS certificate and the firewall's rate limit
 * @param database the database's availability and connection pools
 */
public record TopologySpec(String source, String name, List<ServiceSpec> services, EdgeSpec edge, DatabaseSpec database) {

    public TopologySpec {
        services = List.copyOf(services);
        edge = edge == null ? EdgeSpec.DEFAULT : edge;
        database = database == null ? DatabaseSpec.DEFAULT : database;
    }

    /** A topology with the default edge and database. */
    public TopologySpec(String source, String name, List<ServiceSpec> services) {
        this(source, name, services, EdgeSpec.DEFAULT, DatabaseSpec.DEFAULT);
    }
}

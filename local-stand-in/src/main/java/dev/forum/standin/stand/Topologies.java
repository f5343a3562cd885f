package dev.forum.standin.stand;

import dev.forum.topology.ModuleRoute;
import dev.forum.topology.ServiceSpec;
import dev.forum.topology.Topology;
import dev.forum.topology.TopologySpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Variations of a topology, as a migration needs them: the same services (their modules, sizes and own databases)
 * with another traffic share.
 */
public final class Topologies {

    private Topologies() {
    }

    /** {@code topology} with every extracted service at {@code traffic} percent. */
    public static Topology withTraffic(Topology topology, int traffic) {
        return with(topology, null, traffic);
    }

    /** {@code topology} with {@code service} (an extracted one) at {@code traffic} percent. */
    public static Topology withTraffic(Topology topology, String service, int traffic) {
        if (topology.extracted().stream().noneMatch(s -> s.name().equals(service))) {
            throw new IllegalArgumentException("no extracted service named " + service + " in " + topology.source()
                    + " (services: " + String.join(", ", topology.extracted().stream().map(ServiceSpec::name).toList()) + ")");
        }
        return with(topology, service, traffic);
    }

    private static Topology with(Topology topology, String only, int traffic) {
        if (traffic < 0 || traffic > 100) {
            throw new IllegalArgumentException("traffic is a share from 0 to 100, not " + traffic);
        }
        List<ServiceSpec> services = new ArrayList<>();
        services.add(topology.monolith());
        for (ServiceSpec s : topology.extracted()) {
            boolean change = only == null || s.name().equals(only);
            services.add(change ? new ServiceSpec(s.name(), false, s.modules(), s.sizing(), s.count(), s.autoscaling(),
                    traffic, s.line(), s.database()) : s);
        }
        List<ModuleRoute> modules = topology.modules();
        return Topology.resolve(new TopologySpec(topology.source(), topology.name(), services), modules);
    }
}

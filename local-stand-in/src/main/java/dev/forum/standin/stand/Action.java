package dev.forum.standin.stand;

import dev.forum.topology.Topology;
import java.util.Set;

/** One step a {@link Stand} takes to move from one stage to the next; {@link Plan} orders them. */
public sealed interface Action {

    /** Start every instance of a service that does not run, holding {@code modules}, and wait until it is healthy. */
    record StartService(String service, Set<String> modules) implements Action {
        @Override
        public String toString() {
            return "start " + service + " holding " + String.join(", ", modules);
        }
    }

    /** Restart a running service's instances one at a time (drain, stop, start, ready) to hold {@code modules}. */
    record Reconfigure(String service, Set<String> modules) implements Action {
        @Override
        public String toString() {
            return "reconfigure " + service + " to hold " + String.join(", ", modules) + " (rolling)";
        }
    }

    /** Set the load balancer's weights to those of {@code weights}' rules. */
    record Shift(Topology weights) implements Action {
        @Override
        public String toString() {
            return "shift weights";
        }
    }

    /** Drain and stop every instance of a service that takes no traffic. */
    record StopService(String service) implements Action {
        @Override
        public String toString() {
            return "stop " + service;
        }
    }
}

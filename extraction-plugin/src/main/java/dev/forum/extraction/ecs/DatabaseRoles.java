package dev.forum.extraction.ecs;

import dev.forum.topology.ServiceSpec;
import dev.forum.topology.Topology;

/**
 * How many connections each module role may hold (PostgreSQL's per-role {@code CONNECTION LIMIT}, set by
 * {@code module-roles.sql}): enough for every task that may hold the module at once, never more.
 */
final class DatabaseRoles {

    /** A rolling deployment runs up to twice a service's tasks (the ECS services' maximum percent). */
    static final int DEPLOYMENT_MAXIMUM_PERCENT = 200;
    /** Connections a task's migration (Flyway, as the owner) opens at start-up. */
    static final int MIGRATION_CONNECTIONS = 2;

    private DatabaseRoles() {
    }

    /**
     * The most tasks that may hold {@code module} at one time: the largest autoscaling count of each service that
     * may hold it (its extracted holder, the monolith while it is deployed), doubled during a rolling deployment.
     */
    static int maximumTasks(Topology topology, String module) {
        int tasks = 0;
        for (ServiceSpec service : topology.possibleHolders(module)) {
            tasks += service.autoscaling().max() * DEPLOYMENT_MAXIMUM_PERCENT / 100;
        }
        return Math.max(1, tasks);
    }

    /** The runtime role's limit: the maximum task count times the pool size of the topology. */
    static int runtimeConnectionLimit(Topology topology, String module) {
        return maximumTasks(topology, module) * topology.database().poolSize();
    }

    /** The owner role's limit: each of those tasks migrates once at start-up. */
    static int ownerConnectionLimit(Topology topology, String module) {
        return maximumTasks(topology, module) * MIGRATION_CONNECTIONS;
    }
}

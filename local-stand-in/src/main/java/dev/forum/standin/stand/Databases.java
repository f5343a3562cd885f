package dev.forum.standin.stand;

import dev.forum.datamove.server.InitdbServer;
import dev.forum.standin.db.LocalPostgres;
import dev.forum.topology.ModuleRoute;
import dev.forum.topology.ServiceSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A stand-in's PostgreSQL: the machine's cluster, or, where a service has a database of its own (topology
 * {@code database:}), servers of the run's own; and the data source settings each process is given for them.
 */
final class Databases {

    private static final int POOL_SIZE_PER_MODULE = 4;

    /**
     * The servers' settings where a service has a database of its own: logical replication (both ways: the way back is
     * replicated too), and connections for every pool of a migration (two services, rolling restarts, the move).
     */
    static final Map<String, String> LOGICAL_REPLICATION = Map.of("wal_level", "logical", "max_wal_senders", "10",
            "max_replication_slots", "10", "max_connections", "300", "wal_sender_timeout", "10s");

    private final StandContext context;
    private LocalPostgres shared;
    /** Each service's own database, by service name. */
    private final Map<String, LocalPostgres> own = new LinkedHashMap<>();

    Databases(StandContext context) {
        this.context = context;
    }

    /**
     * Starts the machine's PostgreSQL cluster, or, where a service has a database of its own, two or more servers of
     * the run's own (the shared one and one per such service, {@code initdb} in the work folder, {@code wal_level=logical}
     * for the data move), each with the same module roles (from {@code deploy/postgres/module-roles.sql}). Logs each.
     */
    void start() {
        Path script = context.options().jars().root().resolve("deploy/postgres/module-roles.sql");
        List<String> modules = context.layout().modules().stream().map(ModuleRoute::module).toList();
        List<ServiceSpec> owning = context.layout().extracted().stream().filter(ServiceSpec::ownDatabase).toList();
        if (owning.isEmpty()) {
            shared = LocalPostgres.start(script, modules);
            context.log().info(shared.describe());
            return;
        }
        Path workDir = context.options().workDir();
        shared = LocalPostgres.onServer(InitdbServer.in(workDir.resolve("postgres-shared"), LOGICAL_REPLICATION), script,
                modules, null);
        context.log().info("shared database: " + shared.describe());
        for (ServiceSpec service : owning) {
            LocalPostgres database = LocalPostgres.onServer(InitdbServer.in(workDir.resolve("postgres-" + service.name()),
                    LOGICAL_REPLICATION), script, modules, shared);
            own.put(service.name(), database);
            context.log().info(service.name() + "'s own database: " + database.describe() + "; its processes are given it as "
                    + String.join(", ", service.modules().stream().map(m -> "FORUM_DATASOURCE_" + envName(m) + "_MOVED_URL")
                            .toList()));
        }
    }

    /** The shared database (every module's, before any data move); null before {@link #start()}. */
    LocalPostgres shared() {
        return shared;
    }

    /** Each service's own database, by service name; empty when no service has one. */
    Map<String, LocalPostgres> own() {
        return Map.copyOf(own);
    }

    /**
     * Puts into {@code env} the data source settings of a process of {@code service} holding {@code modules}: the
     * shared database's URL, each module's roles and pool size, and, for a service with a database of its own, that
     * database as each module's second ({@code _MOVED_}) data source.
     */
    void configure(Map<String, String> env, String service, Set<String> modules) {
        env.put("SPRING_DATASOURCE_URL", shared.jdbcUrl());
        for (String module : modules) {
            LocalPostgres.Role role = shared.role(module);
            String prefix = "FORUM_DATASOURCE_" + envName(module) + "_";
            env.put(prefix + "USERNAME", role.name());
            env.put(prefix + "PASSWORD", role.password());
            env.put(prefix + "OWNER_USERNAME", role.owner());
            env.put(prefix + "OWNER_PASSWORD", role.ownerPassword());
            env.put(prefix + "MAXIMUMPOOLSIZE", Integer.toString(POOL_SIZE_PER_MODULE));
            LocalPostgres database = own.get(service);
            if (database != null) {
                // Its second database from the start: the process follows a data move by itself (data-move/README.md).
                env.put(prefix + "MOVED_URL", database.jdbcUrl());
                env.put(prefix + "MOVED_USERNAME", role.name());
                env.put(prefix + "MOVED_PASSWORD", role.password());
            }
        }
    }

    /**
     * What {@link #close} stops, for the stand-in's stop line: {@code "the database"} on the machine's cluster, or
     * {@code "the 2 databases and their servers"} where services have their own.
     */
    String describe() {
        return own.isEmpty() ? "the database" : "the " + (own.size() + 1) + " databases and their servers";
    }

    /**
     * Drops every database (the shared one first) and stops the servers this run started, logging each.
     *
     * @param failure what failed before (null for nothing); each database that fails to close is added to it
     * @return {@code failure} with those added, or the first of them when it was null
     */
    RuntimeException close(RuntimeException failure) {
        List<LocalPostgres> databases = new ArrayList<>(own.values());
        if (shared != null) {
            databases.addFirst(shared);
        }
        for (LocalPostgres db : databases) {
            try {
                db.close();
                context.log().info("database " + db.database() + " on :" + db.port() + " dropped"
                        + (db.startedHere() ? ", PostgreSQL stopped" : ""));
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        return failure;
    }

    private static String envName(String module) {
        return module.toUpperCase(Locale.ROOT).replace("-", "");
    }
}

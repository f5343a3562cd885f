package dev.forum.datamove.support;

import dev.forum.datamove.server.InitdbServer;
import dev.forum.datamove.Endpoint;
import dev.forum.datamove.MoveSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/**
 * A fresh database on each of two servers, set up as the forum's deployment sets them up: the roles and schemas of
 * {@code deploy/postgres/module-roles.sql} (an owner and a runtime role per module) on both, and on the source the
 * module's schema migrated by its own migrations as its owner, rows granted to the runtime role, as the module's
 * process does at start-up. {@link #addDatabase} makes a third one (a move to another database) on the target's server.
 * {@link #close()} drops every subscription and replication slot of the databases and the databases themselves.
 */
public final class ModuleDatabases implements AutoCloseable {

    public static final Path ROOT = Path.of(System.getProperty("forum.root", "..")).toAbsolutePath().normalize();
    public static final String OWNER_PASSWORD = "owner-" + UUID.randomUUID();
    public static final String RUNTIME_PASSWORD = "runtime-" + UUID.randomUUID();

    private final InitdbServer sourceServer;
    private final InitdbServer targetServer;
    private final String database = "forum_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    public final String module;
    public final Endpoint source;
    public final Endpoint target;
    /** Databases added ({@link #addDatabase}), by endpoint: their names and servers. */
    private final Map<Endpoint, String> added = new LinkedHashMap<>();
    private final Map<Endpoint, InitdbServer> addedOn = new LinkedHashMap<>();

    public ModuleDatabases(InitdbServer sourceServer, String sourceLabel, InitdbServer targetServer,
            String targetLabel, String module) {
        this.sourceServer = sourceServer;
        this.targetServer = targetServer;
        this.module = module;
        for (InitdbServer server : List.of(sourceServer, targetServer)) {
            server.psql("postgres", "create database " + database);
            server.psqlFile(database, ROOT.resolve("deploy/postgres/module-roles.sql"), roleVariables());
        }
        source = new Endpoint(sourceLabel, "127.0.0.1", sourceServer.port(), database, "postgres", sourceServer.password());
        target = new Endpoint(targetLabel, "127.0.0.1", targetServer.port(), database, "postgres", targetServer.password());
        Flyway.configure().dataSource(sourceServer.jdbcUrl(database), owner(module), OWNER_PASSWORD).schemas(module)
                .createSchemas(false).table("flyway_schema_history").locations(migrations(module)).load().migrate();
        sourceServer.psql(database, "set role " + owner(module) + "; grant select, insert, update, delete on all tables in"
                + " schema " + module + " to " + runtime(module) + "; revoke all on " + module + ".flyway_schema_history from "
                + runtime(module));
    }

    public static String owner(String module) {
        return "forum_" + module + "_owner";
    }

    public static String runtime(String module) {
        return "forum_" + module;
    }

    public static String migrations(String module) {
        return "filesystem:" + ROOT.resolve("modules/" + module + "/impl/src/main/resources/db/migration/" + module);
    }

    /** The forum's defaults for the module, with a short catch-up bound for tests. */
    public MoveSettings settings() {
        return new MoveSettings(module, owner(module), OWNER_PASSWORD, runtime(module), migrations(module), 1000,
                Duration.ofSeconds(60), Duration.ofSeconds(2));
    }

    public InitdbServer server(Endpoint endpoint) {
        return addedOn.getOrDefault(endpoint, endpoint == source ? sourceServer : targetServer);
    }

    /**
     * A third database on the target's server, set up as the target's ({@code module-roles.sql}, nothing migrated):
     * the target of another move of the module. Dropped by {@link #close()}.
     *
     * @param label its label, e.g. {@code third}
     */
    public Endpoint addDatabase(String label) {
        return addDatabase(label, targetServer);
    }

    /**
     * A further database as {@link #addDatabase(String)}, on the source's server: the target of a move from a database
     * on the target's server (a subscription to a database of the same server cannot make its slot, PostgreSQL's
     * {@code CREATE SUBSCRIPTION} waits for itself).
     */
    public Endpoint addDatabaseOnSourceServer(String label) {
        return addDatabase(label, sourceServer);
    }

    private Endpoint addDatabase(String label, InitdbServer server) {
        String name = database + "_" + (added.size() + 3);
        server.psql("postgres", "create database " + name);
        server.psqlFile(name, ROOT.resolve("deploy/postgres/module-roles.sql"), roleVariables());
        Endpoint endpoint = new Endpoint(label, "127.0.0.1", server.port(), name, "postgres", server.password());
        added.put(endpoint, name);
        addedOn.put(endpoint, server);
        return endpoint;
    }

    public String database() {
        return database;
    }

    /** SQL as the superuser in this pair's database on the endpoint's server. */
    public String psql(Endpoint endpoint, String sql) {
        return server(endpoint).psql(added.getOrDefault(endpoint, database), sql);
    }

    /** This database's replication slots on the endpoint's server: name and whether active, e.g. {@code x|t}. */
    public List<String> slots(Endpoint endpoint) {
        String out = psql(endpoint, "select slot_name || '|' || active from pg_replication_slots"
                + " where database = current_database() order by 1");
        return out.isEmpty() ? List.of() : out.lines().toList();
    }

    /**
     * What a data-move run may write in this pair's database on the endpoint's server, in one line: its slots (a
     * subscription's table-sync slots, which come and go while it copies, left out), subscriptions, publications,
     * whether the control schema exists, the objects of the posts schema, the triggers and the placement rows (with
     * their pause and time). Equal before and after a run that changed nothing.
     */
    public String state(Endpoint side) {
        return psql(side, """
                select 'slots: ' || coalesce((select string_agg(slot_name, ',' order by slot_name) from pg_replication_slots
                        where database = current_database() and slot_name not like 'pg!_%!_sync!_%' escape '!'), '')
                    || '; subscriptions: ' || coalesce((select string_agg(subname || ':' || subenabled, ',' order by subname)
                        from pg_subscription where subdbid = (select oid from pg_database where datname = current_database())), '')
                    || '; publications: ' || coalesce((select string_agg(pubname, ',' order by pubname) from pg_publication), '')
                    || '; forum_move: ' || exists (select 1 from pg_namespace where nspname = 'forum_move')
                    || '; posts: ' || coalesce((select string_agg(relname, ',' order by relname) from pg_class
                        where relnamespace = 'posts'::regnamespace), '')
                    || '; triggers: ' || coalesce((select string_agg(tgname || ' on ' || tgrelid::regclass, ',' order by 1)
                        from pg_trigger where not tgisinternal), '')
                    || '; placement: ' || case when to_regclass('forum_move.placement') is null then ''
                        else query_to_xml('select * from forum_move.placement order by module', false, false, '')::text end""")
                .replace('\n', ' ');
    }

    private static Map<String, String> roleVariables() {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String module : List.of("users", "threads", "posts")) {
            variables.put(module + "_owner", owner(module));
            variables.put(module + "_owner_password", OWNER_PASSWORD);
            variables.put(module + "_role", runtime(module));
            variables.put(module + "_password", RUNTIME_PASSWORD);
        }
        return variables;
    }

    @Override
    public void close() {
        List<Map.Entry<InitdbServer, String>> databases = new ArrayList<>(List.of(Map.entry(sourceServer, database),
                Map.entry(targetServer, database)));
        added.forEach((endpoint, name) -> databases.add(Map.entry(addedOn.get(endpoint), name)));
        for (Map.Entry<InitdbServer, String> each : databases) {
            InitdbServer server = each.getKey();
            String name = each.getValue();
            try {
                String subscriptions = server.psql(name, "select subname from pg_subscription"
                        + " where subdbid = (select oid from pg_database where datname = current_database())");
                for (String subscription : subscriptions.lines().filter(line -> !line.isBlank()).toList()) {
                    server.psql(name, "alter subscription " + subscription + " disable");
                    server.psql(name, "alter subscription " + subscription + " set (slot_name = none)");
                    server.psql(name, "drop subscription " + subscription);
                }
            } catch (RuntimeException ignored) {
                // The database may already be gone.
            }
        }
        for (Map.Entry<InitdbServer, String> each : databases) {
            InitdbServer server = each.getKey();
            String name = each.getValue();
            server.psql("postgres", "select pg_terminate_backend(active_pid) from pg_replication_slots"
                    + " where database = '" + name + "' and active_pid is not null");
            server.psql("postgres", "select pg_drop_replication_slot(slot_name) from pg_replication_slots"
                    + " where database = '" + name + "' and not active");
            server.psql("postgres", "drop database if exists " + name + " with (force)");
        }
    }
}

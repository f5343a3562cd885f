package dev.forum.standin.db;

import dev.forum.datamove.Endpoint;
import dev.forum.datamove.server.InitdbServer;
import dev.forum.datamove.server.LocalCommand;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A database for one run of the stand-in, with two login roles per module from {@code deploy/postgres/module-roles.sql}
 * (the owner, which migrates, and the runtime role, which reads and writes rows; nothing else). Either on the machine's
 * PostgreSQL ({@link MachineCluster}, {@link #start}): the cluster is started if it is down, a fresh database is made,
 * and {@link #close()} drops the database and the roles and stops the cluster again if it was started here. Or on a
 * server of the run's own ({@link #onServer}, an {@link InitdbServer} in the run folder, for a topology where a service
 * has a database of its own: logical replication needs {@code wal_level=logical}, which the machine's cluster may not
 * have), which {@link #close()} stops.
 */
public final class LocalPostgres implements AutoCloseable {

    /** One module's login roles: the runtime role ({@code name}) and the owner of its schema. */
    public record Role(String module, String name, String password, String owner, String ownerPassword) {
    }

    /** The machine's cluster, or null on a server of the run's own. */
    private final MachineCluster cluster;
    /** The run's own server, or null on the machine's cluster. */
    private final InitdbServer server;
    private final int port;
    private final String database;
    private final Map<String, Role> roles;
    /** Each runtime role's connection limit here: every instance of a migration (4 per service, 2 services) times its pool. */
    static final int CONNECTION_LIMIT = 100;
    private boolean closed;

    private LocalPostgres(MachineCluster cluster, InitdbServer server, int port, String database,
            Map<String, Role> roles) {
        this.cluster = cluster;
        this.server = server;
        this.port = port;
        this.database = database;
        this.roles = roles;
    }

    /**
     * Why the stand-in cannot have a database on the machine's cluster, or null if it can ({@link MachineCluster}).
     *
     * @return one line naming the fix, or null
     */
    public static String unavailableReason() {
        return MachineCluster.unavailableReason();
    }

    /**
     * Starts the cluster if needed and sets up a new database with a role per module.
     *
     * @param script  {@code deploy/postgres/module-roles.sql}
     * @param modules the application's modules (the script's variables are named after them)
     */
    public static LocalPostgres start(Path script, List<String> modules) {
        MachineCluster cluster = MachineCluster.startIfDown();
        String runId = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        LocalPostgres postgres = new LocalPostgres(cluster, null, cluster.port(), "forum_standin_" + runId,
                roles(modules, runId));
        return postgres.setUp(script);
    }

    /**
     * Sets up a database named {@code forum} on a server of the run's own, with {@code roles} (the same names and
     * passwords on every server of a run: a module's processes reach its second database with the credentials of its
     * first). {@link #close()} stops the server.
     *
     * @param server a started server; stopped here if the setup fails
     * @param script {@code deploy/postgres/module-roles.sql}
     * @param roles  from {@link #rolesOf} of another database of the run, or null for new ones
     */
    public static LocalPostgres onServer(InitdbServer server, Path script, List<String> modules, LocalPostgres rolesOf) {
        Map<String, Role> roles = rolesOf != null ? rolesOf.roles
                : roles(modules, UUID.randomUUID().toString().replace("-", "").substring(0, 10));
        LocalPostgres postgres = new LocalPostgres(null, server, server.port(), "forum", roles);
        return postgres.setUp(script);
    }

    private static Map<String, Role> roles(List<String> modules, String runId) {
        Map<String, Role> roles = new LinkedHashMap<>();
        for (String module : modules) {
            roles.put(module, new Role(module, "forum_standin_" + module + "_" + runId, "pw-" + UUID.randomUUID(),
                    "forum_standin_" + module + "_" + runId + "_owner", "pw-" + UUID.randomUUID()));
        }
        return roles;
    }

    private LocalPostgres setUp(Path script) {
        LocalPostgres postgres = this;
        try {
            postgres.psql("postgres", "create database " + postgres.database);
            postgres.runScript(script);
        } catch (RuntimeException e) {
            try {
                postgres.close();
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        return postgres;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String database() {
        return database;
    }

    /** The server's TCP port on 127.0.0.1. */
    public int port() {
        return port;
    }

    public Role role(String module) {
        Role role = roles.get(module);
        if (role == null) {
            throw new IllegalArgumentException("no database role for module " + module);
        }
        return role;
    }

    /** Whether this run started its server: always for a server of the run's own, else the machine's cluster's. */
    public boolean startedHere() {
        return server != null || cluster.startedHere();
    }

    /**
     * This database as one side of a data move: its label in the placement rows, the superuser as administrator.
     *
     * @throws IllegalStateException on the machine's cluster (the stand-in moves data only between its own servers)
     */
    public Endpoint moveEndpoint(String label) {
        if (server == null) {
            throw new IllegalStateException("the machine's PostgreSQL cluster takes no part in a data move here");
        }
        return new Endpoint(label, "127.0.0.1", port, database, "postgres", server.password());
    }

    /**
     * For the stand-in's log.
     *
     * @return the server (version, port, where it runs or whether this run started it), the database and its roles
     */
    public String describe() {
        String where = server != null
                ? "PostgreSQL 15 on 127.0.0.1:" + port + " (initdb in " + server.folder() + ", pid " + server.pid() + ")"
                : "PostgreSQL " + cluster.version() + " on 127.0.0.1:" + port
                        + (cluster.startedHere() ? " (started for this run)" : "");
        return where + ", database " + database + ", a role per module ("
                + String.join(", ", roles.values().stream().map(Role::name).toList()) + ")";
    }

    /**
     * Runs SQL as the superuser.
     *
     * @param db  the database to connect to
     * @param sql the statements
     * @return psql's unaligned output
     * @throws IllegalStateException naming the command (never a password) with psql's output when it fails
     */
    public String psql(String db, String sql) {
        return LocalCommand.run(psqlCommand(db, List.of("-qAtc", sql)));
    }

    private List<String> psqlCommand(String db, List<String> arguments) {
        return server != null ? server.psqlCommand(db, arguments) : cluster.psqlCommand(db, arguments);
    }

    private void runScript(Path script) {
        byte[] text;
        try {
            text = Files.readAllBytes(script);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + script + ": " + e.getMessage(), e);
        }
        List<String> command = new ArrayList<>(List.of("-q"));
        roles.values().forEach(role -> command.addAll(List.of("-v", role.module() + "_role=" + role.name(),
                "-v", role.module() + "_password=" + role.password(), "-v", role.module() + "_owner=" + role.owner(),
                "-v", role.module() + "_owner_password=" + role.ownerPassword(),
                "-v", role.module() + "_connection_limit=" + CONNECTION_LIMIT)));
        command.addAll(List.of("-f", "-"));
        try {
            // From "/" with the script on standard input: the postgres user may not enter the build's folders.
            Process process = new ProcessBuilder(psqlCommand(database, command)).directory(new File("/")).redirectErrorStream(true).start();
            try (OutputStream in = process.getOutputStream()) {
                in.write(text);
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("psql -f " + script + " did not finish: " + output);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(script + " failed (exit " + process.exitValue() + "): " + output.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("psql could not run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Ends the roles' sessions, drops the database and the roles, and stops the cluster if this run started it; on a
     * server of the run's own, stops it (and deletes its data). Safe to call twice.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (server != null) {
            server.close();
            return;
        }
        RuntimeException failure = null;
        try {
            String quoted = String.join(", ", roles.values().stream()
                    .flatMap(role -> java.util.stream.Stream.of(role.name(), role.owner())).map(name -> "'" + name + "'").toList());
            psql("postgres", "drop database if exists " + database + " with (force)");
            List<String> existing = psql("postgres", "select rolname from pg_roles where rolname in (" + quoted + ")")
                    .lines().filter(line -> !line.isBlank()).toList();
            for (String role : existing) {
                psql("postgres", "drop owned by " + role + " cascade");
            }
            if (!existing.isEmpty()) {
                psql("postgres", "drop role " + String.join(", ", existing));
            }
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            try {
                cluster.stopIfStartedHere();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}

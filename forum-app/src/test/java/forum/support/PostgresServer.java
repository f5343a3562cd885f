package forum.support;

import dev.forum.datamove.server.LocalCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The PostgreSQL server of this machine (Debian's {@code postgresql} package), for tests. If its cluster
 * is not running it is started, and stopped again when the tests end; the test role and every database
 * made for the tests are dropped then, so the server is left as it was found. Administration runs as the
 * {@code postgres} OS user through {@code runuser}, which needs root.
 */
public final class PostgresServer {

    /** Set (as {@code .ci/run} does) to make a missing server fail the tests instead of skipping them. */
    public static final String REQUIRED_ENV = "FORUM_REQUIRE_POSTGRES";
    public static final String HOW_TO =
            "install it with `apt-get install postgresql` and run the tests as root (they start the cluster "
                    + "with `pg_ctlcluster <version> main start` and stop it again)";

    private static PostgresServer instance;

    private final String version;
    private final String cluster;
    private final int port;
    private final boolean startedHere;
    /** A role of this test JVM's own: two test runs on one machine never change each other's password. */
    private final String role = "forum_test_role_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final String password = "forum-test-" + UUID.randomUUID();
    private final List<String> databases = new ArrayList<>();

    private PostgresServer(String version, String cluster, int port, boolean startedHere) {
        this.version = version;
        this.cluster = cluster;
        this.port = port;
        this.startedHere = startedHere;
        psql("postgres", "create role " + role + " login password '" + password + "'");
    }

    /** Why PostgreSQL tests cannot run here, or null if they can. */
    public static String unavailableReason() {
        if (!Files.isExecutable(Path.of("/usr/bin/pg_lsclusters"))) {
            return "PostgreSQL is not installed: " + HOW_TO;
        }
        if (!"0".equals(LocalCommand.run(List.of("id", "-u")).strip())) {
            return "PostgreSQL tests administer the local server as the postgres user and need root: " + HOW_TO;
        }
        if (LocalCommand.run(List.of("pg_lsclusters", "-h")).isBlank()) {
            return "PostgreSQL has no cluster: create one with `pg_createcluster 15 main`";
        }
        return null;
    }

    public static synchronized PostgresServer instance() {
        if (instance == null) {
            String[] first = LocalCommand.run(List.of("pg_lsclusters", "-h")).lines().findFirst().orElseThrow().trim()
                    .split("\\s+");
            String version = first[0];
            String cluster = first[1];
            boolean online = first[3].startsWith("online");
            if (!online) {
                LocalCommand.run(List.of("pg_ctlcluster", version, cluster, "start"));
            }
            try {
                instance = new PostgresServer(version, cluster, Integer.parseInt(first[2]), !online);
            } catch (RuntimeException setupFailed) {
                if (!online) {
                    LocalCommand.run(List.of("pg_ctlcluster", version, cluster, "stop"));
                }
                throw setupFailed;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(instance::restore, "postgres-test-cleanup"));
        }
        return instance;
    }

    /** A new, empty database owned by the test role. */
    public synchronized String newDatabase() {
        String name = "forum_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        psql("postgres", "create database " + name + " owner " + role);
        databases.add(name);
        return name;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String role() {
        return role;
    }

    public String password() {
        return password;
    }

    /** Runs SQL as the superuser in a database and returns the unaligned output. */
    public String psql(String database, String sql) {
        return LocalCommand.run(List.of("runuser", "-u", "postgres", "--", "psql", "-p", Integer.toString(port), "-d",
                database, "-v", "ON_ERROR_STOP=1", "-qAtc", sql));
    }

    private void restore() {
        try {
            for (String database : databases) {
                psql("postgres", "drop database if exists " + database + " with (force)");
            }
            psql("postgres", "drop role if exists " + role);
        } finally {
            if (startedHere) {
                LocalCommand.run(List.of("pg_ctlcluster", version, cluster, "stop"));
            }
        }
    }
}

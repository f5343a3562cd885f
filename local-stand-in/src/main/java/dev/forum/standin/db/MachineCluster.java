package dev.forum.standin.db;

import dev.forum.datamove.server.LocalCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The machine's PostgreSQL cluster (Debian's {@code postgresql} package), where {@link LocalPostgres#start} makes a
 * run's database: the first cluster {@code pg_lsclusters} lists, started with {@code pg_ctlcluster} if it is down and
 * stopped again ({@link #stopIfStartedHere}) only then. It is administered as the {@code postgres} OS user through
 * {@code runuser}, which needs root.
 *
 * @param version     the PostgreSQL version of the cluster, e.g. {@code 15}
 * @param name        the cluster's name, e.g. {@code main}
 * @param port        its TCP port on 127.0.0.1
 * @param startedHere whether {@link #startIfDown} started it (and {@link #stopIfStartedHere} stops it)
 */
record MachineCluster(String version, String name, int port, boolean startedHere) {

    /** What to do when the cluster cannot be used ({@link #unavailableReason}). */
    static final String HOW_TO = "install it with `apt-get install postgresql` and run as root (the stand-in "
            + "starts the cluster with `pg_ctlcluster <version> main start` and stops it again)";

    /**
     * Why the stand-in cannot use the machine's cluster, or null if it can.
     *
     * @return one line naming the fix: PostgreSQL not installed, not root, or no cluster
     * @throws IllegalStateException when {@code id} or {@code pg_lsclusters} fails
     */
    static String unavailableReason() {
        if (!Files.isExecutable(Path.of("/usr/bin/pg_lsclusters"))) {
            return "PostgreSQL is not installed: " + HOW_TO;
        }
        if (!"0".equals(LocalCommand.run(List.of("id", "-u")).strip())) {
            return "the stand-in administers the local PostgreSQL as the postgres user and needs root: " + HOW_TO;
        }
        if (LocalCommand.run(List.of("pg_lsclusters", "-h")).isBlank()) {
            return "PostgreSQL has no cluster: create one with `pg_createcluster 15 main`";
        }
        return null;
    }

    /**
     * The machine's first cluster, started if it is down.
     *
     * @return the cluster, which remembers whether it was started here
     * @throws IllegalStateException with {@link #unavailableReason} when it cannot be used, or naming the command
     *                               that failed
     */
    static MachineCluster startIfDown() {
        String reason = unavailableReason();
        if (reason != null) {
            throw new IllegalStateException(reason);
        }
        String[] first = LocalCommand.run(List.of("pg_lsclusters", "-h")).lines().findFirst().orElseThrow().trim()
                .split("\\s+");
        String version = first[0];
        String name = first[1];
        int port = Integer.parseInt(first[2]);
        boolean online = first[3].startsWith("online");
        if (!online) {
            LocalCommand.run(List.of("pg_ctlcluster", version, name, "start"));
        }
        return new MachineCluster(version, name, port, !online);
    }

    /**
     * The command line of psql as the {@code postgres} superuser (through {@code runuser}), connected to {@code db}
     * with {@code ON_ERROR_STOP}.
     *
     * @param db        the database
     * @param arguments psql's further arguments
     * @return the command
     */
    List<String> psqlCommand(String db, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of("runuser", "-u", "postgres", "--", "psql", "-X", "-p",
                Integer.toString(port), "-d", db, "-v", "ON_ERROR_STOP=1"));
        command.addAll(arguments);
        return command;
    }

    /**
     * Stops the cluster if {@link #startIfDown} started it; else does nothing.
     *
     * @throws IllegalStateException naming {@code pg_ctlcluster} with its output when it fails
     */
    void stopIfStartedHere() {
        if (startedHere) {
            LocalCommand.run(List.of("pg_ctlcluster", version, name, "stop"));
        }
    }
}

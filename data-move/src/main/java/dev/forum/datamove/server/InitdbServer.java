package dev.forum.datamove.server;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL 15 server of its own, for tests and for the local stand-in's databases: {@code initdb} in a folder
 * (a temporary one, {@link #temporary}, or one given, {@link #in}), started with {@code pg_ctl} on a free loopback
 * port with the settings given on its command line (nothing under {@code /etc} is read or written), and stopped by its
 * postmaster's pid in {@link #close()} (also when the JVM ends without it), which deletes the data folder. As root the
 * server runs as the {@code postgres} OS user (through {@code runuser}), as PostgreSQL refuses to run as root. The
 * superuser {@code postgres} has a random password; connections use scram-sha-256 over TCP.
 */
public final class InitdbServer implements AutoCloseable {

    public static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");

    private final Path folder;
    /** What {@link #close()} deletes: the whole folder if it was made here, else its data folder (the log stays). */
    private final Path deleteOnClose;
    private final int port;
    private final String password = "pw-" + UUID.randomUUID();
    private long pid;

    /**
     * Makes and starts a server in a new temporary folder, deleted by {@link #close()}.
     *
     * @param settings server settings, e.g. {@code wal_level=logical}, passed as {@code -c} options (they win over
     *                 the defaults: loopback only, {@code fsync=off}, {@code max_connections=60},
     *                 {@code wal_retrieve_retry_interval=200ms})
     * @throws IllegalStateException naming the command that failed (initdb, pg_ctl) with its output
     */
    public static InitdbServer temporary(Map<String, String> settings) {
        try {
            Path folder = Files.createTempDirectory("forum-data-move-pg-");
            return new InitdbServer(folder, folder, settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Makes and starts a server in {@code folder} (created if missing; a {@code data} folder left there by a run whose
     * server is gone is deleted first):
     * data in {@code folder/data}, log in {@code folder/server.log}, socket in {@code folder}. {@link #close()}
     * deletes the data folder and keeps the log. When the {@code postgres} user (the server's, as root) cannot enter
     * {@code folder}, the server is made in a new temporary folder instead, whose path {@code folder/server-folder}
     * holds.
     *
     * @param settings as for {@link #temporary}
     * @throws IllegalStateException naming the command that failed (initdb, pg_ctl) with its output
     */
    public static InitdbServer in(Path folder, Map<String, String> settings) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + folder + ": " + e.getMessage(), e);
        }
        Path absolute = folder.toAbsolutePath().normalize();
        if (!reachableByServerUser(absolute)) {
            // The server runs as postgres, which cannot enter a folder below a private one (a clone in /root or in
            // mktemp -d's 0700 folder). Rather than open the user's folders to others, the server goes to a new
            // temporary folder, and the folder asked for says where (its log stays there after close()).
            try {
                Path elsewhere = Files.createTempDirectory("forum-pg-" + absolute.getFileName() + "-");
                Files.writeString(absolute.resolve("server-folder"), elsewhere + "\n");
                return new InitdbServer(elsewhere, elsewhere.resolve("data"), settings);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Path data = absolute.resolve("data");
        long running = runningPostmaster(data);
        if (running > 0) {
            throw new IllegalStateException("a PostgreSQL server (pid " + running + ") still runs in " + data
                    + ": stop it (kill -INT " + running + ") or use another folder");
        }
        if (Files.exists(data)) {
            // Left by a run that ended without close() (killed): its server is gone, its data is of no use.
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete the old " + data + ": " + e.getMessage(), e);
            }
        }
        return new InitdbServer(absolute, data, settings);
    }

    /** The pid of a live postmaster in {@code data} ({@code postmaster.pid}), or 0. */
    private static long runningPostmaster(Path data) {
        try {
            long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).getFirst().strip());
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) ? pid : 0;
        } catch (IOException | RuntimeException none) {
            return 0;
        }
    }

    private InitdbServer(Path folder, Path deleteOnClose, Map<String, String> settings) {
        this.folder = folder;
        this.deleteOnClose = deleteOnClose;
        try {
            port = freePort();
            Path passwordFile = folder.resolve("pw");
            Files.writeString(passwordFile, password + "\n");
            passwordFile.toFile().deleteOnExit();
            asServerUser(List.of("chown", "-R", "postgres:postgres", folder.toString()), true);
            LocalCommand.run(asServerUser(List.of(BIN.resolve("initdb").toString(), "-D", folder.resolve("data").toString(),
                    "-U", "postgres", "--auth=scram-sha-256", "--pwfile=" + passwordFile, "-E", "UTF8", "--no-locale",
                    "--no-sync"), false));
            // wal_retrieve_retry_interval: PostgreSQL 15's launcher starts a subscription's apply worker at most once
            // per interval (5 s by default); a move pauses and resumes one to verify, so every move waited ~5 s for it.
            List<String> options = new ArrayList<>(List.of("-c", "port=" + port, "-c", "listen_addresses=127.0.0.1",
                    "-c", "unix_socket_directories=" + folder, "-c", "fsync=off", "-c", "max_connections=60",
                    "-c", "wal_retrieve_retry_interval=200ms"));
            settings.forEach((name, value) -> options.addAll(List.of("-c", name + "=" + value)));
            LocalCommand.run(asServerUser(List.of(BIN.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(),
                    "-l", folder.resolve("server.log").toString(), "-w", "-t", "60", "-o", String.join(" ", options),
                    "start"), false));
            Files.deleteIfExists(passwordFile);
            pid = Long.parseLong(Files.readAllLines(folder.resolve("data/postmaster.pid")).getFirst().strip());
            // Also stopped if the test JVM ends without close() (a timeout, a killed fork): never left running.
            Runtime.getRuntime().addShutdownHook(new Thread(this::close, "initdb-server-" + port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Why such servers cannot be made here, or null if they can. */
    public static String unavailableReason() {
        if (!Files.isExecutable(BIN.resolve("initdb"))) {
            return "PostgreSQL 15 is not installed (" + BIN + "/initdb): apt-get install postgresql-15";
        }
        if (isRoot() && !Files.isExecutable(Path.of("/usr/sbin/runuser"))) {
            return "runuser is missing (util-linux): as root the test servers run as the postgres user through it";
        }
        return null;
    }

    public int port() {
        return port;
    }

    public String password() {
        return password;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Runs SQL with psql as the superuser over TCP; returns the unaligned output. */
    public String psql(String database, String sql) {
        return LocalCommand.run(psqlCommand(database, List.of("-qAtc", sql)));
    }

    /** Runs a psql script file with {@code -v} variables as the superuser. */
    public String psqlFile(String database, Path script, Map<String, String> variables) {
        List<String> arguments = new ArrayList<>();
        variables.forEach((name, value) -> arguments.addAll(List.of("-v", name + "=" + value)));
        arguments.addAll(List.of("-q", "-f", script.toString()));
        return LocalCommand.run(psqlCommand(database, arguments));
    }

    /**
     * The command line of psql connected as the superuser to {@code database} (with {@code ON_ERROR_STOP}), to which a
     * caller appends its arguments; the password is in its environment ({@code env PGPASSWORD=...}), never printed.
     */
    public List<String> psqlCommand(String database, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of("env", "PGPASSWORD=" + password, BIN.resolve("psql").toString(), "-X",
                "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", "postgres", "-d", database, "-v", "ON_ERROR_STOP=1"));
        command.addAll(arguments);
        return command;
    }

    /** The postmaster's process id; 0 once stopped. */
    public synchronized long pid() {
        return pid;
    }

    /** The folder holding the data folder and {@code server.log}. */
    public Path folder() {
        return folder;
    }

    /**
     * Stops the server by its postmaster's pid (fast shutdown, then kill after 30 s) and deletes its folder (made by
     * {@link #temporary}) or its data folder (given to {@link #in}). Safe to call twice.
     */
    @Override
    public synchronized void close() {
        if (pid > 0) {
            ProcessHandle.of(pid).ifPresent(postmaster -> {
                LocalCommand.run(List.of("kill", "-INT", Long.toString(pid)));
                try {
                    postmaster.onExit().get(30, TimeUnit.SECONDS);
                } catch (Exception slow) {
                    LocalCommand.run(List.of("kill", "-KILL", Long.toString(pid)));
                }
            });
            pid = 0;
        }
        if (!Files.exists(deleteOnClose)) {
            return;
        }
        try (Stream<Path> files = Files.walk(deleteOnClose)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException ignored) {
            // A temporary folder left behind is harmless.
        }
    }

    private static List<String> asServerUser(List<String> command, boolean runNowIfRoot) {
        if (!isRoot()) {
            return command;
        }
        if (runNowIfRoot) {
            LocalCommand.run(command);
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Whether the server's user can enter {@code folder} (always, when not root: the server runs as this user). */
    private static boolean reachableByServerUser(Path folder) {
        if (!isRoot()) {
            return true;
        }
        try {
            Process test = new ProcessBuilder("runuser", "-u", "postgres", "--", "test", "-x", folder.toString())
                    .directory(new File("/")).redirectErrorStream(true).start();
            test.getInputStream().readAllBytes();
            return test.waitFor() == 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

package dev.forum.standin.haproxy;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code haproxy} process of the machine (Debian's package), run in the foreground with a given configuration. */
public final class HaproxyProcess implements AutoCloseable {

    private final Process process;
    private final Path config;
    private final Path log;
    private final RuntimeApi api;

    private HaproxyProcess(Process process, Path config, Path log, RuntimeApi api) {
        this.process = process;
        this.config = config;
        this.log = log;
        this.api = api;
    }

    /** Folders a root shell has on its PATH, which a user's PATH may lack (Debian installs haproxy in /usr/sbin). */
    private static final List<String> SYSTEM_DIRS = List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin");
    private static final Pattern VERSION = Pattern.compile("HAProxy version (\\d+)\\.(\\d+)\\S*");
    private static final Duration PROBE_WITHIN = Duration.ofSeconds(10);

    /** The folders searched for {@code haproxy}: this process's PATH, then the sbin and bin folders. */
    public static List<Path> searchPath() {
        Set<String> dirs = new LinkedHashSet<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        dirs.addAll(SYSTEM_DIRS);
        return dirs.stream().filter(dir -> !dir.isBlank()).map(Path::of).toList();
    }

    /** Why HAProxy cannot run here (one line naming the fix), or null if it can: {@link #unavailableReason(List)} of {@link #searchPath()}. */
    public static String unavailableReason() {
        return unavailableReason(searchPath());
    }

    /**
     * Whether the first {@code haproxy} in {@code dirs} is usable, found out in seconds: it must answer {@code haproxy -v}
     * within 10 s with version 2.2 or later (the configuration uses {@code http-request return} and {@code http-error}).
     *
     * @return null when it is, else one line naming what failed and the fix
     */
    public static String unavailableReason(List<Path> dirs) {
        Optional<Path> found = find(dirs);
        if (found.isEmpty()) {
            return "HAProxy is not installed: install it with `apt-get install haproxy`";
        }
        Path haproxy = found.get();
        String output;
        try {
            Process probe = new ProcessBuilder(haproxy.toString(), "-v").redirectErrorStream(true).start();
            CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
                try {
                    return probe.getInputStream().readAllBytes();
                } catch (IOException e) {
                    return new byte[0];
                }
            });
            if (!probe.waitFor(PROBE_WITHIN.toMillis(), TimeUnit.MILLISECONDS)) {
                probe.descendants().forEach(ProcessHandle::destroyForcibly);
                probe.destroyForcibly();
                return "HAProxy is installed (" + haproxy + ") but `haproxy -v` did not answer within "
                        + PROBE_WITHIN.toSeconds() + " s: reinstall it (`apt-get install --reinstall haproxy`)";
            }
            output = new String(read.get(), StandardCharsets.UTF_8).strip();
            if (probe.exitValue() != 0) {
                return "HAProxy is installed (" + haproxy + ") but `haproxy -v` exited with " + probe.exitValue() + " ("
                        + firstLine(output) + "): reinstall it (`apt-get install --reinstall haproxy`)";
            }
        } catch (IOException | ExecutionException e) {
            return "HAProxy is installed (" + haproxy + ") but does not run (" + firstLine(e.getMessage())
                    + "): reinstall it (`apt-get install --reinstall haproxy`)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while asking haproxy -v";
        }
        Matcher version = VERSION.matcher(output);
        if (!version.find()) {
            return "HAProxy is installed (" + haproxy + ") but `haproxy -v` printed no version (" + firstLine(output)
                    + "): reinstall it (`apt-get install --reinstall haproxy`)";
        }
        int major = Integer.parseInt(version.group(1));
        int minor = Integer.parseInt(version.group(2));
        if (major < 2 || major == 2 && minor < 2) {
            return "HAProxy " + major + "." + minor + " (" + haproxy + ") is too old: the stand-in's configuration needs 2.2 or "
                    + "later (Debian 12 has 2.6)";
        }
        return null;
    }

    /** The path of the {@code haproxy} the stand-in runs: the first in {@link #searchPath()}. */
    public static String executable() {
        return find(searchPath()).map(Path::toString).orElse("haproxy");
    }

    /** The version {@code haproxy -v} prints (e.g. {@code 2.6.12-1+deb12u1}); {@code ?} when it cannot run. */
    public static String version() {
        try {
            Process process = new ProcessBuilder(executable(), "-v").redirectErrorStream(true).start();
            String first = new String(process.getInputStream().readAllBytes()).lines().findFirst().orElse("");
            process.waitFor();
            String[] words = first.split(" ");
            return words.length > 2 ? words[2] : first;
        } catch (IOException e) {
            return "?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    private static Optional<Path> find(List<Path> dirs) {
        return dirs.stream().map(dir -> dir.resolve("haproxy")).filter(Files::isExecutable).findFirst();
    }

    private static String firstLine(String text) {
        return text == null || text.isBlank() ? "no output" : text.strip().lines().findFirst().orElse("").strip();
    }

    /** {@code haproxy -c}: null when the configuration is valid, else HAProxy's complaint. */
    public static String check(Path config) {
        try {
            Process check = new ProcessBuilder(executable(), "-c", "-f", config.toString()).redirectErrorStream(true).start();
            String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!check.waitFor(30, TimeUnit.SECONDS)) {
                check.destroyForcibly();
                return "haproxy -c did not finish";
            }
            return check.exitValue() == 0 ? null : output.strip();
        } catch (IOException e) {
            return "haproxy -c could not run: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** Writes the configuration, checks it, starts HAProxy and waits until its listener and socket answer. */
    public static HaproxyProcess start(String configText, Path dir, HaproxySettings settings, Duration timeout) {
        try {
            Files.createDirectories(dir);
            Path config = dir.resolve("haproxy.cfg");
            Files.writeString(config, configText);
            String problem = check(config);
            if (problem != null) {
                throw new IllegalStateException("HAProxy refuses the generated configuration " + config + ": " + problem);
            }
            Files.deleteIfExists(settings.statsSocket());
            Path log = dir.resolve("haproxy.log");
            Process process = new ProcessBuilder(executable(), "-db", "-f", config.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            HaproxyProcess haproxy = new HaproxyProcess(process, config, log, new RuntimeApi(settings.statsSocket()));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!(haproxy.api.answers() && accepts(settings.bindAddress(), settings.frontendPort()))) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("HAProxy exited (" + process.exitValue() + "): " + tail(log));
                }
                if (System.nanoTime() > deadline) {
                    haproxy.close();
                    throw new IllegalStateException("HAProxy did not open its socket and port within " + timeout);
                }
                Thread.sleep(50);
            }
            return haproxy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start HAProxy: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting HAProxy", e);
        }
    }

    private static boolean accepts(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    public RuntimeApi api() {
        return api;
    }

    public long pid() {
        return process.pid();
    }

    public Path config() {
        return config;
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Stops HAProxy (SIGTERM, then SIGKILL after 10 s). */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}

package dev.forum.standin.haproxy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

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

    /** Why HAProxy cannot run here, or null if it can. */
    public static String unavailableReason() {
        for (String dir : List.of("/usr/sbin", "/usr/bin", "/usr/local/sbin")) {
            if (Files.isExecutable(Path.of(dir, "haproxy"))) {
                return null;
            }
        }
        return "HAProxy is not installed: install it with `apt-get install haproxy`";
    }

    public static String executable() {
        for (String dir : List.of("/usr/sbin", "/usr/bin", "/usr/local/sbin")) {
            Path candidate = Path.of(dir, "haproxy");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return "haproxy";
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

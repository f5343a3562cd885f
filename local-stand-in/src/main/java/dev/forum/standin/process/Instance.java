package dev.forum.standin.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One instance of a service: a JDK 25 process running the service's jar on a fixed loopback port, configured
 * entirely by environment variables (as an ECS task is), its output appended to {@code <name>.log}. It keeps
 * its port across restarts, so that its load balancer entry stays the same.
 */
public final class Instance {

    private final String service;
    private final String name;
    private final int port;
    private final int managementPort;
    private final Path logFile;
    private Process process;
    private Set<String> localModules = Set.of();
    private Map<String, String> environment = Map.of();
    private Path jar;
    private boolean niced;

    /** The niceness a process started beside serving ones has until it is ready (CFS gives it about a tenth of a core's share). */
    public static final int STARTING_NICENESS = 10;

    /**
     * @param port           the application's port ({@code SERVER_PORT})
     * @param managementPort Actuator's own port ({@code MANAGEMENT_SERVER_PORT}), where readiness is asked
     */
    public Instance(String service, String name, int port, int managementPort, Path logFile) {
        this.service = service;
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.logFile = logFile;
    }

    public int managementPort() {
        return managementPort;
    }

    public String service() {
        return service;
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public Path logFile() {
        return logFile;
    }

    public synchronized boolean running() {
        return process != null && process.isAlive();
    }

    public synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    /** The modules the running process holds; empty when it does not run. */
    public synchronized Set<String> localModules() {
        return running() ? localModules : Set.of();
    }

    public synchronized Map<String, String> environment() {
        return environment;
    }

    /** Starts the process at the usual CPU priority; returns at once (see {@link #awaitReady}). */
    public synchronized void start(Path java, List<String> jvmOptions, Path jar, Set<String> localModules,
            Map<String, String> environment) {
        start(java, jvmOptions, jar, localModules, environment, false);
    }

    /**
     * Starts the process; returns at once (see {@link #awaitReady}).
     *
     * @param beside true when it starts beside instances that serve meanwhile (a rolling restart, a crash restart):
     *               it then runs at {@link #STARTING_NICENESS} until {@link #servePriority()}, so that its start (a
     *               JVM compiling and initialising, most of a core for tens of seconds) does not starve them of the
     *               machine's cores, as an ECS task's start never takes CPU from another task. Only as root, who can
     *               give the priority back; otherwise it is ignored.
     */
    public synchronized void start(Path java, List<String> jvmOptions, Path jar, Set<String> localModules,
            Map<String, String> environment, boolean beside) {
        if (running()) {
            throw new IllegalStateException(name + " already runs (pid " + process.pid() + ")");
        }
        List<String> command = new ArrayList<>();
        niced = beside && root();
        if (niced) {
            command.addAll(List.of("nice", "-n", Integer.toString(STARTING_NICENESS)));
        }
        command.add(java.toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        environment.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        try {
            Files.createDirectories(logFile.getParent());
            Files.writeString(logFile, "----- " + Instant.now() + " start " + name + " " + command + " local modules "
                    + localModules + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            this.process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + e.getMessage(), e);
        }
        this.jar = jar;
        this.localModules = Collections.unmodifiableSet(new LinkedHashSet<>(localModules));
        Map<String, String> set = new LinkedHashMap<>();
        environment.forEach((name, value) -> {
            if (value != null) {
                set.put(name, value);
            }
        });
        this.environment = Collections.unmodifiableMap(set);
    }

    /**
     * Gives a process started {@code beside} others the usual CPU priority (nice 0) back, every thread of it
     * ({@code renice}; Linux keeps a priority per thread, and a thread inherits its creator's). Does nothing for a
     * process started without it.
     *
     * @return false when {@code renice} failed (the process then stays at the lower priority)
     */
    public synchronized boolean servePriority() {
        if (!niced || !running()) {
            return true;
        }
        boolean done = false;
        for (int pass = 0; pass < 2; pass++) { // a second pass for threads a not yet reniced thread made meanwhile
            List<String> command = new ArrayList<>(List.of("renice", "-n", "0", "-p"));
            try (var tasks = Files.list(Path.of("/proc", Long.toString(process.pid()), "task"))) {
                tasks.forEach(task -> command.add(task.getFileName().toString()));
                Process renice = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                done = renice.waitFor(10, TimeUnit.SECONDS) && renice.exitValue() == 0;
            } catch (IOException e) {
                done = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        niced = !done;
        return done;
    }

    private static boolean root() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Waits until {@code GET /actuator/health/readiness} answers 200 on the instance's management port.
     *
     * @return how long it took from now
     * @throws IllegalStateException if the process exits or the time runs out (with the end of its log)
     */
    public Duration awaitReady(String healthPath, Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        URI uri = URI.create("http://127.0.0.1:" + managementPort + healthPath);
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build()) {
            while (true) {
                Process current;
                synchronized (this) {
                    current = process;
                }
                if (current == null || !current.isAlive()) {
                    throw new IllegalStateException(name + " exited" + (current == null ? "" : " with " + current.exitValue())
                            + " before it was ready; the end of " + logFile + ":\n" + tail(30));
                }
                try {
                    HttpResponse<Void> response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() == 200) {
                        return Duration.ofNanos(System.nanoTime() - start);
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds() + " s; the end of "
                            + logFile + ":\n" + tail(30));
                }
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name, e);
        }
    }

    /** What a stop did. */
    public record Stopped(String how, int exitCode, Duration took) {
        @Override
        public String toString() {
            return how + ", exit " + exitCode + " after " + Seconds.of(took);
        }
    }

    /**
     * Graceful stop: SIGTERM (Spring Boot then refuses new work, finishes what is in flight and exits), and
     * SIGKILL only if it is still there after {@code grace}.
     */
    public Stopped stop(Duration grace) {
        Process current;
        synchronized (this) {
            current = process;
        }
        if (current == null || !current.isAlive()) {
            return new Stopped("not running", current == null ? 0 : current.exitValue(), Duration.ZERO);
        }
        long start = System.nanoTime();
        current.destroy();
        try {
            if (current.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                return new Stopped("SIGTERM", current.exitValue(), Duration.ofNanos(System.nanoTime() - start));
            }
            current.destroyForcibly();
            current.waitFor(10, TimeUnit.SECONDS);
            return new Stopped("SIGTERM, then SIGKILL after " + grace.toSeconds() + " s", current.isAlive() ? -1 : current.exitValue(),
                    Duration.ofNanos(System.nanoTime() - start));
        } catch (InterruptedException e) {
            current.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping " + name, e);
        }
    }

    /** {@code kill -9}: no shutdown at all, as when a task crashes. */
    public Stopped kill() {
        Process current;
        synchronized (this) {
            current = process;
        }
        if (current == null || !current.isAlive()) {
            return new Stopped("not running", 0, Duration.ZERO);
        }
        long start = System.nanoTime();
        current.destroyForcibly();
        try {
            current.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Stopped("SIGKILL", current.isAlive() ? -1 : current.exitValue(), Duration.ofNanos(System.nanoTime() - start));
    }

    public synchronized Path jar() {
        return jar;
    }

    /** The last lines of the instance's log. */
    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public String toString() {
        return name + " (:" + port + (running() ? ", pid " + pid() + ", local " + String.join(",", localModules) : ", stopped") + ")";
    }
}

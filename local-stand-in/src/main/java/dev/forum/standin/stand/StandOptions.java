package dev.forum.standin.stand;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How a {@link Stand} runs.
 *
 * @param jars           where the services' jars are
 * @param workDir        configuration, logs and the HAProxy socket go here
 * @param frontendPort   the load balancer's port on 127.0.0.1; 0 picks a free one
 * @param statsPort      HAProxy's stats page; 0 picks a free one, -1 for none
 * @param jvmOptions     options of every service process
 * @param monolithJarFallback run an extracted service from the monolith's jar (with only its modules local) when
 *                       its own jar has not been built
 * @param readyTimeout   how long a process may take to become ready
 * @param drainTimeout   how long to wait for a drained server's requests in flight
 * @param stopGrace      SIGTERM, then SIGKILL after this
 * @param environment    more environment for every process
 */
public record StandOptions(ServiceJars jars, Path workDir, int frontendPort, int statsPort, List<String> jvmOptions,
        boolean monolithJarFallback, Duration readyTimeout, Duration drainTimeout, Duration stopGrace,
        Map<String, String> environment, PrintStream out) {

    /**
     * JVM options for many JVMs on a small machine: C1 only and the serial collector start faster and leave the
     * cores to the processes that serve.
     */
    public static final List<String> SMALL_MACHINE_JVM = List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-Xss512k");

    public static StandOptions defaults(Path root, Path workDir, PrintStream out) {
        return new StandOptions(new ServiceJars(root), workDir, 0, 0, SMALL_MACHINE_JVM, true, Duration.ofSeconds(120),
                Duration.ofSeconds(30), Duration.ofSeconds(30), Map.of(), out);
    }

    public StandOptions withFrontendPort(int port) {
        return new StandOptions(jars, workDir, port, statsPort, jvmOptions, monolithJarFallback, readyTimeout, drainTimeout,
                stopGrace, environment, out);
    }

    public StandOptions withMonolithJarFallback(boolean fallback) {
        return new StandOptions(jars, workDir, frontendPort, statsPort, jvmOptions, fallback, readyTimeout, drainTimeout,
                stopGrace, environment, out);
    }

    /** These options with another bound on a process's start (a busy machine starts the forum slowly). */
    public StandOptions withReadyTimeout(Duration timeout) {
        return new StandOptions(jars, workDir, frontendPort, statsPort, jvmOptions, monolithJarFallback, timeout, drainTimeout,
                stopGrace, environment, out);
    }

    public StandOptions withJvmOptions(List<String> options) {
        return new StandOptions(jars, workDir, frontendPort, statsPort, List.copyOf(options), monolithJarFallback,
                readyTimeout, drainTimeout, stopGrace, environment, out);
    }
}

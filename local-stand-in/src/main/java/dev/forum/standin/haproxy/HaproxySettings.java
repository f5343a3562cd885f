package dev.forum.standin.haproxy;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where HAProxy listens and how fast it checks. The defaults mirror the ALB's target groups (readiness check,
 * 2 healthy / 2 unhealthy, round robin with slow start) at loopback speed: a check every 500 ms instead of 5 s, a
 * 10 s ramp instead of 30 s.
 *
 * @param frontendPort the loopback port that takes the forum's traffic (the internet-facing ALB's listener)
 * @param internalPort the loopback port of the processes' calls to each other (the internal ALB's listener): the
 *                     same rules in a second frontend; 0 for none
 * @param statsPort    a loopback port with HAProxy's stats page, or 0 for none
 * @param statsSocket  the runtime API socket (weights, server states, counters)
 * @param checkInterval time between two health checks of a server
 * @param serverTimeout how long a server may take to answer before the client gets a 504 (15 s by default)
 * @param slowStart     how long a server that comes back up (after a restart, a failed check) takes to reach its full
 *                      share of requests, ramped linearly from almost none (HAProxy's {@code slowstart}, whole seconds;
 *                      the ALB target group's {@code slow_start.duration_seconds}); zero for none
 */
public record HaproxySettings(String bindAddress, int frontendPort, int internalPort, int statsPort, Path statsSocket,
        Duration checkInterval, int rise, int fall, String healthPath, Duration serverTimeout, Duration slowStart) {

    public static final String READINESS = "/actuator/health/readiness";

    /**
     * A restarted JVM answers slowly until its code is compiled (a second and more for reads that take tens of
     * milliseconds warm, on this 2-core machine): 10 s of ramp covered the slow answers seen after each restart.
     */
    public static final Duration SLOW_START = Duration.ofSeconds(10);

    public HaproxySettings {
        if (slowStart.isNegative() || slowStart.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException("slow start is whole seconds (HAProxy ramps once a second), not " + slowStart);
        }
    }

    public static HaproxySettings loopback(int frontendPort, int statsPort, Path statsSocket) {
        return new HaproxySettings("127.0.0.1", frontendPort, 0, statsPort, statsSocket, Duration.ofMillis(500), 2, 2,
                READINESS, Duration.ofSeconds(15), SLOW_START);
    }

    /** The same settings with another server timeout. */
    public HaproxySettings withServerTimeout(Duration timeout) {
        return new HaproxySettings(bindAddress, frontendPort, internalPort, statsPort, statsSocket, checkInterval, rise, fall,
                healthPath, timeout, slowStart);
    }

    /** The same settings with an internal frontend on {@code port}. */
    public HaproxySettings withInternalPort(int port) {
        return new HaproxySettings(bindAddress, frontendPort, port, statsPort, statsSocket, checkInterval, rise, fall, healthPath,
                serverTimeout, slowStart);
    }

    /** The same settings with another slow start ({@link Duration#ZERO} for none). */
    public HaproxySettings withSlowStart(Duration ramp) {
        return new HaproxySettings(bindAddress, frontendPort, internalPort, statsPort, statsSocket, checkInterval, rise, fall,
                healthPath, serverTimeout, ramp);
    }

    public String frontendUrl() {
        return "http://" + bindAddress + ":" + frontendPort;
    }

    /** Where processes reach their remote modules: the internal frontend, or the public one without it. */
    public String internalUrl() {
        return internalPort > 0 ? "http://" + bindAddress + ":" + internalPort : frontendUrl();
    }
}

package dev.forum.extraction.runtime.remote;

import java.util.function.Predicate;

/**
 * Which failures of an idempotent remote read (GET, HEAD: the only calls {@link RemoteCallInterceptor} retries) are
 * worth one more try through the load balancer, which sends it to the next instance in its rotation. Set as the
 * retry's {@code resilience4j.retry.configs.default.retry-exception-predicate}.
 *
 * <ul>
 *   <li>{@link RemoteModuleUnavailableException}: no connection, a refused or broken one, a 502 or 503 (a balancer
 *       without a healthy target, an instance shutting down): yes.</li>
 *   <li>{@link RemoteModuleTimeoutException} that {@linkplain RemoteModuleTimeoutException#unanswered() got no
 *       answer} within {@code extraction.topology.read-timeout}: yes. A slow answer comes from one overloaded or cold
 *       instance (a JVM just started, its neighbour restarting on the same cores) and passes within a second; the
 *       same read on the next instance, or a moment later, answers in tens of milliseconds.</li>
 *   <li>A 504 <em>answer</em>: no. Whoever answered it already waited its own timeout for something further on;
 *       trying again would multiply the calls down a chain of services instead of adding one.</li>
 *   <li>Anything else (a 500, a domain answer such as a 404): no.</li>
 * </ul>
 *
 * The worst case of a read that keeps timing out is its attempts times the read timeout plus the waits between them
 * (and, per attempt, up to the connect timeout to get a connection). With the forum's settings (two attempts 50 ms
 * apart, {@code extraction.topology.read-timeout=800ms}): 1.65 s. With two attempts 50 ms apart and the library's
 * default read timeout of 5 s: 10.05 s. With no retry settings at all, Resilience4j's defaults apply (three attempts
 * 500 ms apart, every failure retried, this predicate unused): 16 s, longer than many load balancers and clients wait
 * (an application whose callers give up sooner sets a shorter read timeout or fewer attempts). A write is never retried,
 * whatever failed: it may have been done; it fails after one read timeout.
 */
public final class RetryableRemoteRead implements Predicate<Throwable> {

    /** Made by Resilience4j from the property (a public no-argument constructor). */
    public RetryableRemoteRead() {
    }

    @Override
    public boolean test(Throwable failure) {
        return failure instanceof RemoteModuleUnavailableException
                || failure instanceof RemoteModuleTimeoutException timeout && timeout.unanswered();
    }
}

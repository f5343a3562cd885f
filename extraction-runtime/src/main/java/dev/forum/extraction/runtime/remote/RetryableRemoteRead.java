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
 * With the application's two attempts, a read that keeps timing out fails after twice the read timeout plus the
 * retry's wait (1.65 s with 800 ms and 50 ms), well within the timeouts of its caller's own callers (a load
 * balancer's 15 s or more). A write is never retried, whatever failed: it may have been done.
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

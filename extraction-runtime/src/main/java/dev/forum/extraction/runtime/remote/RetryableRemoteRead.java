package dev.forum.extraction.runtime.remote;

import java.util.function.Predicate;

/**
 * Which failures of an idempotent remote read (GET, HEAD: the only calls {@link RemoteCallInterceptor} retries) are
 * worth one more try through the load balancer, which sends it to the next instance in its rotation. The run time's
 * default for the retries it creates ({@link RemoteReadRetryDefaults}), unless the application names its own
 * ({@code resilience4j.retry.configs.default.retry-exception-predicate} or {@code retry-exceptions}, or the same of
 * {@code resilience4j.retry.instances.<module>}).
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
 * (and, per attempt, up to the connect timeout to get a connection). With the run time's default retry (two attempts
 * 50 ms apart, {@link RemoteReadRetryDefaults}) and the forum's {@code extraction.topology.read-timeout=800ms}: 1.65 s;
 * with the library's default read timeout of 5 s: 10.05 s. An application that sets more attempts or longer waits
 * lengthens it accordingly (three attempts 500 ms apart, Resilience4j's own defaults: 16 s with 5 s, longer than many
 * load balancers and clients wait). A write is never retried, whatever failed: it may have been done; it fails after
 * one read timeout.
 */
public final class RetryableRemoteRead implements Predicate<Throwable> {

    /** Made by the run time's default, or by Resilience4j from the property (a public no-argument constructor). */
    public RetryableRemoteRead() {
    }

    @Override
    public boolean test(Throwable failure) {
        return failure instanceof RemoteModuleUnavailableException
                || failure instanceof RemoteModuleTimeoutException timeout && timeout.unanswered();
    }
}

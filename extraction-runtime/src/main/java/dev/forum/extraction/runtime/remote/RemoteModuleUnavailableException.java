package dev.forum.extraction.runtime.remote;

import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * The remote module refused the connection, answered 502 or 503, or its circuit breaker is open: answered 503 with
 * {@code Retry-After} (RFC 9110, section 10.2.3) in whole seconds, {@link #retryAfterSeconds()}. The message says why
 * ({@code The inventory module is unavailable: it refused the connection}); the problem's detail only that it is
 * unavailable. Its {@link #getHeaders()} hold that {@code Retry-After}.
 */
public class RemoteModuleUnavailableException extends RemoteModuleException {

    private static final long serialVersionUID = 1L;

    /** When nothing says how long the module will be away (a refused connection, a reset): try again shortly. */
    public static final Duration RETRY_SOON = Duration.ofSeconds(1);

    private final Duration retryAfter;

    /**
     * @param module the module's name, as in the topology
     * @param reason why, for the message ("it refused the connection"); the problem's detail is only
     *     {@code The <module> module is unavailable}
     * @param retryAfter how long until a call may succeed: an open breaker's wait, the module's own
     *     {@code Retry-After}, or {@link #RETRY_SOON}; null, zero or negative is taken as {@link #RETRY_SOON}
     * @param cause what the HTTP client or the circuit breaker threw, or null
     */
    public RemoteModuleUnavailableException(String module, String reason, Duration retryAfter, Throwable cause) {
        super(module, "The " + module + " module is unavailable: " + reason, "The " + module + " module is unavailable", cause,
                HttpStatus.SERVICE_UNAVAILABLE);
        this.retryAfter = retryAfter == null || retryAfter.isNegative() || retryAfter.isZero() ? RETRY_SOON : retryAfter;
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds()));
    }

    /** @return how long until a call may succeed; always positive */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** @return {@link #retryAfter()} in whole seconds, rounded up, at least 1: the {@code Retry-After} value */
    public long retryAfterSeconds() {
        long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}

package forum.platform;

import java.time.Duration;

/**
 * This process has no room now for the work a request needs (e.g. every password hashing slot is taken): answered
 * 503 {@code urn:forum:problem:busy} with {@code Retry-After} ({@code forum.platform.web.error.ProblemDetailsAdvice}).
 * Not a domain outcome: the same request may succeed a moment later, here or at another process.
 */
public class ServerBusyException extends RuntimeException {

    /** The problem type it is answered with; a remote caller turns it back into this exception. */
    public static final String TYPE = "urn:forum:problem:busy";

    private final Duration retryAfter;

    /**
     * @param message    what could not be done now, in the client's terms
     * @param retryAfter when to try again; rounded up to whole seconds on the wire
     */
    public ServerBusyException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** When to try again. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** {@code Retry-After} in whole seconds, rounded up, at least 1. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}

package forum.platform;

import java.time.Duration;
import java.util.List;

/** Too many attempts: refused for a while (HTTP 429 with {@code Retry-After}). */
public non-sealed class RateLimitedException extends DomainException {

    public static final String TYPE = "urn:forum:problem:rate-limited";

    private final Duration retryAfter;

    /**
     * @param message    what was refused, in the client's terms
     * @param retryAfter how long until a new attempt is taken; rounded up to whole seconds on the wire
     */
    public RateLimitedException(String message, Duration retryAfter) {
        super(message, List.of());
        this.retryAfter = retryAfter;
    }

    /** How long until a new attempt is taken. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** {@link #retryAfter} in whole seconds, rounded up, at least 1: the {@code Retry-After} header's value. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    @Override
    public String problemType() {
        return TYPE;
    }
}

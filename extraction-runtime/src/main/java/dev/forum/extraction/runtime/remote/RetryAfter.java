package dev.forum.extraction.runtime.remote;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads the {@code Retry-After} field of a remote module's answer (a 502 or 503 here, a 429 in an application's error
 * decoder), so that a wait it asks for is relayed to this process's callers as it was meant.
 */
public final class RetryAfter {

    /** The longest wait of a module that is relayed as it is: a module cannot keep callers away for days. */
    public static final Duration LONGEST_RELAYED_WAIT = Duration.ofHours(1);

    private RetryAfter() {
    }

    /**
     * @param value the field's value: delta-seconds or an HTTP-date (RFC 9110, section 10.2.3); may be null
     * @param now   the time to measure an HTTP-date from
     * @return the wait, at most {@link #LONGEST_RELAYED_WAIT}; for a missing, unreadable, zero or past value,
     *     {@link RemoteModuleUnavailableException#RETRY_SOON} (1 s)
     */
    public static Duration parse(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return RemoteModuleUnavailableException.RETRY_SOON;
        }
        String field = value.strip();
        Duration wait;
        try {
            wait = field.chars().allMatch(c -> c >= '0' && c <= '9')
                    ? (field.length() > 9 ? LONGEST_RELAYED_WAIT : Duration.ofSeconds(Long.parseLong(field)))
                    : Duration.between(now, ZonedDateTime.parse(field, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException unreadable) {
            return RemoteModuleUnavailableException.RETRY_SOON;
        }
        if (wait.isNegative() || wait.isZero()) {
            return RemoteModuleUnavailableException.RETRY_SOON;
        }
        return wait.compareTo(LONGEST_RELAYED_WAIT) > 0 ? LONGEST_RELAYED_WAIT : wait;
    }
}

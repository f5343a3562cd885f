package forum.users.internal.auth;

import forum.platform.RateLimitedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Slows down password guessing: failed logins are counted per username and client address in the users module's
 * own database ({@code users.login_failures}), so every process that holds the module shares the count. After
 * {@value #FREE_FAILURES} failures within {@link #FORGET_AFTER}, that username is refused from that address for
 * {@link #FIRST_BLOCK}, doubling with each further failure up to {@link #MAX_BLOCK}; a login that succeeds clears
 * the count. Keyed by address too, so that nobody can lock a user out from elsewhere.
 */
public final class LoginThrottle {

    static final int FREE_FAILURES = 5;
    static final Duration FIRST_BLOCK = Duration.ofSeconds(5);
    static final Duration MAX_BLOCK = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofMinutes(15);

    private final JdbcClient jdbc;
    private final Clock clock;

    public LoginThrottle(DataSource usersDatabase, Clock clock) {
        this.jdbc = JdbcClient.create(usersDatabase);
        this.clock = clock;
    }

    /**
     * @throws RateLimitedException while this username is blocked from this address
     */
    public void checkAllowed(String username, String clientAddress) {
        Optional<OffsetDateTime> blockedUntil = jdbc.sql("select blocked_until from users.login_failures"
                        + " where username = :username and client_address = :client")
                .param("username", key(username)).param("client", clientAddress)
                .query(OffsetDateTime.class).optional();
        Instant now = clock.instant();
        if (blockedUntil.isPresent() && blockedUntil.get().toInstant().isAfter(now)) {
            throw new RateLimitedException("Too many failed logins for this username from your address: try again later",
                    Duration.between(now, blockedUntil.get().toInstant()));
        }
    }

    /** Counts a failed login; from the {@value #FREE_FAILURES}th, blocks the pair for a while. */
    public void failed(String username, String clientAddress) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        int failures = increment(key(username), clientAddress, now);
        if (failures >= FREE_FAILURES) {
            long factor = 1L << Math.min(20, failures - FREE_FAILURES);
            Duration block = FIRST_BLOCK.multipliedBy(factor);
            if (block.compareTo(MAX_BLOCK) > 0) {
                block = MAX_BLOCK;
            }
            jdbc.sql("update users.login_failures set blocked_until = :until where username = :username and client_address = :client")
                    .param("until", now.plus(block)).param("username", key(username)).param("client", clientAddress).update();
        }
    }

    /** A login that succeeds clears the pair's count. */
    public void succeeded(String username, String clientAddress) {
        jdbc.sql("delete from users.login_failures where username = :username and client_address = :client")
                .param("username", key(username)).param("client", clientAddress).update();
    }

    private int increment(String username, String client, OffsetDateTime now) {
        for (int attempt = 0; attempt < 3; attempt++) {
            int updated = jdbc.sql("update users.login_failures set failures = case when last_failure_at > :forgetBefore"
                            + " then failures + 1 else 1 end, last_failure_at = :now"
                            + " where username = :username and client_address = :client")
                    .param("forgetBefore", now.minus(FORGET_AFTER)).param("now", now)
                    .param("username", username).param("client", client).update();
            if (updated == 0) {
                try {
                    jdbc.sql("insert into users.login_failures (username, client_address, failures, last_failure_at)"
                                    + " values (:username, :client, 1, :now)")
                            .param("username", username).param("client", client).param("now", now).update();
                } catch (DuplicateKeyException raced) {
                    continue; // another process counted the same pair first: count on top of it
                }
            }
            return jdbc.sql("select failures from users.login_failures where username = :username and client_address = :client")
                    .param("username", username).param("client", client).query(Integer.class).single();
        }
        throw new IllegalStateException("the failed login of '" + username + "' could not be counted");
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}

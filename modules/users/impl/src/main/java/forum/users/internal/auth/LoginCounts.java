package forum.users.internal.auth;

import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rows of {@code users.login_failures} (V3, V7), one per username and client address, for {@link LoginThrottle}:
 * {@code failures} counts every attempt within {@link LoginThrottle#FORGET_AFTER} of the last, the {@code in_flight}
 * of them whose password is still being checked included, until {@code in_flight_until}. Only SQL here; what the
 * counts mean for an attempt is {@link LoginThrottle}'s. Every method but {@link #read} and {@link #inFlightFrom}
 * runs in the caller's transaction.
 */
final class LoginCounts {

    /**
     * A pair's row.
     *
     * @param failures      the attempts counted, failed or still being checked
     * @param inFlight      how many of them are still being checked (0 for rows of processes before V7)
     * @param inFlightUntil until when those are taken to be in flight; null if none ever were
     * @param lastFailureAt when the last attempt was counted
     * @param blockedUntil  until when the pair is refused; null if it is not
     */
    record Row(int failures, int inFlight, OffsetDateTime inFlightUntil, OffsetDateTime lastFailureAt,
               OffsetDateTime blockedUntil) {

        /** The attempts still in flight at this instant: none once {@link #inFlightUntil} has passed. */
        int inFlightAt(Instant now) {
            return inFlight > 0 && inFlightUntil != null && inFlightUntil.toInstant().isAfter(now) ? inFlight : 0;
        }

        /** Whether the pair is refused at this instant. */
        boolean blockedAt(Instant now) {
            return blockedUntil != null && blockedUntil.toInstant().isAfter(now);
        }
    }

    private final JdbcClient jdbc;

    LoginCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The pair's row, locked until the transaction ends; empty if it has none. */
    Optional<Row> lock(String username, String client) {
        return select(username, client, " for update");
    }

    /** The pair's row as committed, without a lock (outside any transaction: a look while waiting). */
    Optional<Row> read(String username, String client) {
        return select(username, client, "");
    }

    /** The pair's first row: one attempt, in flight until {@code inFlightUntil}. */
    void insertFirst(String username, String client, Instant now, Instant inFlightUntil) {
        jdbc.sql("insert into users.login_failures (username, client_address, failures, last_failure_at, in_flight,"
                        + " in_flight_until) values (:username, :client, 1, :now, 1, :until)")
                .param("username", username).param("client", client).param("now", at(now)).param("until", at(inFlightUntil))
                .update();
    }

    /** The pair's row after an attempt was counted. */
    void counted(String username, String client, int failures, int inFlight, Instant inFlightUntil, Instant now,
                 OffsetDateTime blockedUntil) {
        jdbc.sql("update users.login_failures set failures = :failures, in_flight = :inFlight, in_flight_until = :inFlightUntil,"
                        + " last_failure_at = :now, blocked_until = :until where username = :username and client_address = :client")
                .param("failures", failures).param("inFlight", inFlight).param("inFlightUntil", at(inFlightUntil))
                .param("now", at(now)).param("until", blockedUntil, Types.TIMESTAMP_WITH_TIMEZONE)
                .param("username", username).param("client", client).update();
    }

    /** The pair's row after a success left {@code remaining} attempts in flight (at least 1): they alone stay counted. */
    void onlyInFlight(String username, String client, int remaining, OffsetDateTime blockedUntil) {
        jdbc.sql("update users.login_failures set failures = :remaining, in_flight = :remaining, blocked_until = :until"
                        + " where username = :username and client_address = :client")
                .param("remaining", remaining).param("until", blockedUntil, Types.TIMESTAMP_WITH_TIMEZONE)
                .param("username", username).param("client", client).update();
    }

    /** Deletes the pair's row: nothing is counted any more. */
    void delete(String username, String client) {
        jdbc.sql("delete from users.login_failures where username = :username and client_address = :client")
                .param("username", username).param("client", client).update();
    }

    /**
     * One attempt of the pair is no longer in flight: it failed, and stays counted. Never below 0: a row made again
     * since, or whose attempts expired, is left as it is.
     */
    void resolvedAsFailure(String username, String client) {
        jdbc.sql("update users.login_failures set in_flight = in_flight - 1"
                        + " where username = :username and client_address = :client and in_flight > 0")
                .param("username", username).param("client", client).update();
    }

    /** The attempts from this address still in flight at this instant, across usernames; no lock. */
    int inFlightFrom(String client, Instant now) {
        return jdbc.sql("select coalesce(sum(in_flight), 0) from users.login_failures"
                        + " where client_address = :client and in_flight > 0 and in_flight_until > :now")
                .param("client", client).param("now", at(now)).query(Integer.class).single();
    }

    private Optional<Row> select(String username, String client, String lock) {
        return jdbc.sql("select failures, in_flight, in_flight_until, last_failure_at, blocked_until from users.login_failures"
                        + " where username = :username and client_address = :client" + lock)
                .param("username", username).param("client", client)
                .query((result, number) -> new Row(result.getInt(1), result.getInt(2),
                        result.getObject(3, OffsetDateTime.class), result.getObject(4, OffsetDateTime.class),
                        result.getObject(5, OffsetDateTime.class)))
                .optional();
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}

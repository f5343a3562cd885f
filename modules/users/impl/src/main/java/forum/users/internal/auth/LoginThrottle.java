package forum.users.internal.auth;

import forum.platform.RateLimitedException;
import forum.platform.Text;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Slows down password guessing: login attempts are counted per username and client address in the users module's
 * own database ({@code users.login_failures}), so every process that holds the module shares the count. After
 * {@value #FREE_FAILURES} failures within {@link #FORGET_AFTER}, that username is refused from that address for
 * {@link #FIRST_BLOCK}, doubling with each further failure up to {@link #MAX_BLOCK}; a login that succeeds clears
 * the count. Keyed by address too, so that nobody can lock a user out from elsewhere.
 *
 * <p>An attempt is counted as a failure before its password is checked, in the same transaction that checks the
 * block ({@link #attempt}), with the pair's row locked: so attempts made at once, in one process or many, are counted
 * one after the other, and no more than {@value #FREE_FAILURES} passwords are ever checked before the block. A
 * login whose password is right then clears the count ({@link #succeeded}).
 *
 * <p>Each attempt also spends one unit of the client address's failed-login budget ({@link ClientBudgets}, across
 * every username: password spraying), checked first in the same transaction, and given back by a success. An attempt
 * refused by either writes nothing. One WARN is logged per block, naming the username only by
 * {@link LogNames#username its hash}: by {@link #failed}, once the attempt that earned the block is known to have
 * failed, never for an attempt whose password turns out right (it clears the count, and the block with it).
 */
public final class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    static final int FREE_FAILURES = 5;
    static final Duration FIRST_BLOCK = Duration.ofSeconds(5);
    static final Duration MAX_BLOCK = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofMinutes(15);

    /**
     * An attempt taken by {@link #attempt}: the block it sets if it fails, if it earns one. For {@link #failed}.
     *
     * @param username      the username as counted (stripped, lower case), logged only as its hash
     * @param clientAddress the client's address
     * @param failures      the failures counted with this attempt
     * @param blockedUntil  until when the pair is refused if this attempt fails; null if it earns no block
     */
    public record Attempt(String username, String clientAddress, int failures, Instant blockedUntil) {
    }

    /** The pair's row as it was before this attempt. */
    private record Count(int failures, OffsetDateTime lastFailureAt, OffsetDateTime blockedUntil) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ClientBudgets budgets;
    private final ClientBudgets.Budget addressBudget;

    /**
     * @param usersDatabase the users module's connections; the throttle's transactions are its own (a plain
     *                      {@link DataSourceTransactionManager}), so counting raises no data version of the module
     * @param clock         what "now" is
     * @param budgets       the per-address budgets, on the same connections
     * @param addressBudget the failed logins an address may have per window, across all usernames
     */
    public LoginThrottle(DataSource usersDatabase, Clock clock, ClientBudgets budgets, ClientBudgets.Budget addressBudget) {
        this.jdbc = JdbcClient.create(usersDatabase);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(usersDatabase));
        this.clock = clock;
        this.budgets = budgets;
        this.addressBudget = addressBudget;
    }

    /**
     * Takes one login attempt for this username from this address, counting it as a failure until
     * {@link #succeeded} says otherwise; the {@value #FREE_FAILURES}th failure within {@link #FORGET_AFTER} and each
     * later one blocks the pair.
     *
     * @param username      the username as sent (counted in any case, without its blank characters)
     * @param clientAddress the client's address
     * @return the attempt, for {@link #failed} if its password is not right
     * @throws RateLimitedException while this address has spent its failed-login budget, or this username is blocked
     *                              from this address; such an attempt is not counted
     */
    public Attempt attempt(String username, String clientAddress) {
        String key = key(username);
        budgets.purgeIfDue();
        for (int tries = 1; ; tries++) {
            try {
                Counted counted = transactions.execute(status -> {
                    budgets.check(addressBudget, clientAddress);
                    Counted pair = count(key, clientAddress, clock.instant());
                    if (pair.refusedFor() != null) {
                        // Refused: not even the address's row that check() may have made is kept.
                        status.setRollbackOnly();
                    } else {
                        budgets.spend(addressBudget, clientAddress);
                    }
                    return pair;
                });
                if (counted.refusedFor() != null) {
                    throw new RateLimitedException("Too many failed logins for this username from your address: try again later",
                            counted.refusedFor());
                }
                return new Attempt(key, clientAddress, counted.failures(), counted.blockedUntil());
            } catch (DuplicateKeyException | ClientBudgets.Raced raced) {
                // Another attempt inserted the pair's (or the address's) first row at the same moment: count on top of it.
                if (tries == 3) {
                    throw new IllegalStateException("a login attempt for username " + LogNames.username(key)
                            + " could not be counted", raced);
                }
            }
        }
    }

    /**
     * A login that succeeds clears the pair's count, this attempt's included, and gives its unit of the address's
     * failed-login budget back.
     */
    public void succeeded(String username, String clientAddress) {
        // The address's row first, then the pair's, as attempt() locks them: two transactions never wait on each other.
        transactions.executeWithoutResult(status -> {
            budgets.refund(addressBudget, clientAddress);
            jdbc.sql("delete from users.login_failures where username = :username and client_address = :client")
                    .param("username", key(username)).param("client", clientAddress).update();
        });
    }

    /**
     * The attempt whose password was not right (or could not be checked): it stays counted, and if it set a block,
     * the block is logged now, once, as it is the one attempt that set it. Nothing is written.
     *
     * @param attempt what {@link #attempt} answered (null is ignored)
     */
    public void failed(Attempt attempt) {
        if (attempt != null && attempt.blockedUntil() != null) {
            log.warn("Username {} is refused from client address {} until {}: {} failed logins",
                    LogNames.username(attempt.username()), attempt.clientAddress(), attempt.blockedUntil(), attempt.failures());
        }
    }

    /**
     * What counting found: refused for how long (the pair is blocked now; nothing counted), or the failures counted
     * with this attempt and the block they set (null if none).
     */
    private record Counted(Duration refusedFor, int failures, Instant blockedUntil) {
    }

    /** In a transaction: the pair's block, if it is blocked now; else the attempt counted, and the block it earns set. */
    private Counted count(String username, String client, Instant instant) {
        OffsetDateTime now = OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
        Optional<Count> row = jdbc.sql("select failures, last_failure_at, blocked_until from users.login_failures"
                        + " where username = :username and client_address = :client for update")
                .param("username", username).param("client", client)
                .query((result, number) -> new Count(result.getInt(1), result.getObject(2, OffsetDateTime.class),
                        result.getObject(3, OffsetDateTime.class)))
                .optional();
        if (row.isEmpty()) {
            jdbc.sql("insert into users.login_failures (username, client_address, failures, last_failure_at)"
                            + " values (:username, :client, 1, :now)")
                    .param("username", username).param("client", client).param("now", now).update();
            return new Counted(null, 1, null);
        }
        Count before = row.get();
        if (before.blockedUntil() != null && before.blockedUntil().toInstant().isAfter(instant)) {
            return new Counted(Duration.between(instant, before.blockedUntil().toInstant()), before.failures(), null);
        }
        int failures = before.lastFailureAt().toInstant().isAfter(instant.minus(FORGET_AFTER)) ? before.failures() + 1 : 1;
        OffsetDateTime until = blockedUntil(failures, now);
        jdbc.sql("update users.login_failures set failures = :failures, last_failure_at = :now, blocked_until = :until"
                        + " where username = :username and client_address = :client")
                .param("failures", failures).param("now", now).param("until", until, Types.TIMESTAMP_WITH_TIMEZONE)
                .param("username", username).param("client", client).update();
        // Not logged here: the password is not checked yet, and a right one clears this block (failed() logs it).
        return new Counted(null, failures, until == null ? null : until.toInstant());
    }

    /** From the {@value #FREE_FAILURES}th failure on, the block it earns; null before it. */
    private static OffsetDateTime blockedUntil(int failures, OffsetDateTime now) {
        if (failures < FREE_FAILURES) {
            return null;
        }
        Duration block = FIRST_BLOCK.multipliedBy(1L << Math.min(20, failures - FREE_FAILURES));
        return now.plus(block.compareTo(MAX_BLOCK) > 0 ? MAX_BLOCK : block);
    }

    private static String key(String username) {
        return username == null ? "" : Text.strip(username).toLowerCase(Locale.ROOT);
    }
}

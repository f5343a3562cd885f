package forum.users.internal.auth;

import forum.platform.RateLimitedException;
import forum.platform.Text;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Slows down password guessing: login attempts are counted per username and client address in the users module's
 * own database ({@code users.login_failures}, {@link LoginCounts}), so every process that holds the module shares the
 * count. After {@value #FREE_FAILURES} failures within {@link #FORGET_AFTER}, that username is refused from that
 * address for {@link #FIRST_BLOCK}, doubling with each further failure up to {@link #MAX_BLOCK}; a login that succeeds
 * clears the count. Keyed by address too, so that nobody can lock a user out from elsewhere.
 *
 * <p>An attempt is counted before its password is checked, in the same transaction that checks the block
 * ({@link #attempt}), with the pair's row locked: so attempts made at once, in one process or many, are counted one
 * after the other, and no more than {@value #FREE_FAILURES} passwords are ever checked before the block. Until its
 * password is checked it is counted as <em>in flight</em> (V7): {@link #failed} then leaves it counted as a failure,
 * {@link #succeeded} clears the count. An attempt that only attempts still in flight refuse (their passwords may yet
 * be right, and clear the block) is not told of failures that may never happen: it waits for them, at most
 * {@link #IN_FLIGHT_WAIT}, holding no connection and no lock, and is then decided again; if they are still being
 * checked, it is refused as such ({@link #STILL_CHECKED}, {@code Retry-After} 1 s). So logins at once with the right
 * password all succeed, {@value #FREE_FAILURES} checked at a time. An attempt whose process died is in flight for
 * {@link #IN_FLIGHT_TIMEOUT} at most, then counts as the failure it may have been.
 *
 * <p>Each attempt also spends one unit of the client address's failed-login budget ({@link ClientBudgets}, across
 * every username: password spraying), checked first in the same transaction, and given back by a success; a spent
 * budget waits the same way while attempts from the address are in flight. An attempt refused writes nothing. One
 * WARN is logged per block, naming the username only by {@link LogNames#username its hash}: by {@link #failed}, once
 * the attempt that earned the block is known to have failed, never for an attempt whose password turns out right.
 */
public final class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    static final int FREE_FAILURES = 5;
    static final Duration FIRST_BLOCK = Duration.ofSeconds(5);
    static final Duration MAX_BLOCK = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofMinutes(15);
    /** How long an attempt is in flight at most: well past any check (a hashing slot's wait, 2 s by default, and a hash). */
    static final Duration IN_FLIGHT_TIMEOUT = Duration.ofSeconds(30);
    /** How long an attempt refused only by attempts in flight waits for them: a few rounds of checks. */
    static final Duration IN_FLIGHT_WAIT = Duration.ofSeconds(2);
    /** How often a waiting attempt looks again (plus up to as much again at random, so waiters spread out). */
    private static final long POLL_MILLIS = 25;

    /** The detail of a refusal by the pair's block. */
    public static final String TOO_MANY_FAILURES = "Too many failed logins for this username from your address: try again later";
    /** The detail of a refusal while the pair's earlier attempts are still being checked. */
    public static final String STILL_CHECKED = "Earlier logins for this username from your address are still being"
            + " checked: try again in a moment";
    /** The detail of a refusal by the address's spent budget while attempts from it are still being checked. */
    public static final String ADDRESS_STILL_CHECKED = "Earlier logins from your address are still being checked: try"
            + " again in a moment";

    /**
     * An attempt taken by {@link #attempt}: the block it sets if it fails, if it earns one. For {@link #failed}.
     *
     * @param username      the username as counted (stripped, lower case), logged only as its hash
     * @param clientAddress the client's address
     * @param failures      the attempts counted with this one
     * @param blockedUntil  until when the pair is refused if this attempt fails; null if it earns no block
     */
    public record Attempt(String username, String clientAddress, int failures, Instant blockedUntil) {
    }

    /** What one look at the locked rows found: the attempt counted, refused by the pair's block, or undecided. */
    private sealed interface Decision {
    }

    private record Admitted(int failures, Instant blockedUntil) implements Decision {
    }

    private record Blocked(Duration refusedFor) implements Decision {
    }

    /** Refused only while attempts are in flight: of the pair, or from the address (its budget). */
    private enum Undecided implements Decision {
        PAIR, ADDRESS
    }

    private final LoginCounts counts;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ClientBudgets budgets;
    private final ClientBudgets.Budget addressBudget;

    /**
     * @param usersDatabase the users module's connections; the throttle's transactions are its own (a plain
     *                      {@link DataSourceTransactionManager}), so counting raises no data version of the module
     * @param clock         what "now" is (the counts' times; a wait is measured in real time)
     * @param budgets       the per-address budgets, on the same connections
     * @param addressBudget the failed logins an address may have per window, across all usernames
     */
    public LoginThrottle(DataSource usersDatabase, Clock clock, ClientBudgets budgets, ClientBudgets.Budget addressBudget) {
        this.counts = new LoginCounts(JdbcClient.create(usersDatabase));
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(usersDatabase));
        this.clock = clock;
        this.budgets = budgets;
        this.addressBudget = addressBudget;
    }

    /**
     * Takes one login attempt for this username from this address, counted as in flight until {@link #succeeded} or
     * {@link #failed}; the {@value #FREE_FAILURES}th attempt within {@link #FORGET_AFTER} and each later one blocks
     * the pair if it fails. Refused only by attempts still in flight, it waits up to {@link #IN_FLIGHT_WAIT} for them.
     *
     * @param username      the username as sent (counted in any case, without its blank characters)
     * @param clientAddress the client's address
     * @return the attempt, for {@link #failed} if its password is not right
     * @throws RateLimitedException while this address has spent its failed-login budget, this username is blocked
     *                              from this address ({@link #TOO_MANY_FAILURES}), or earlier attempts that would
     *                              block it are still being checked after the wait ({@link #STILL_CHECKED},
     *                              {@link #ADDRESS_STILL_CHECKED}); such an attempt is not counted
     */
    public Attempt attempt(String username, String clientAddress) {
        String key = key(username);
        budgets.purgeIfDue();
        long deadline = System.nanoTime() + IN_FLIGHT_WAIT.toNanos();
        while (true) {
            switch (decide(key, clientAddress)) {
                case Admitted admitted -> {
                    return new Attempt(key, clientAddress, admitted.failures(), admitted.blockedUntil());
                }
                case Blocked blocked -> throw new RateLimitedException(TOO_MANY_FAILURES, blocked.refusedFor());
                case Undecided undecided -> {
                    if (System.nanoTime() - deadline >= 0 || !awaitChange(key, clientAddress, undecided, deadline)) {
                        throw new RateLimitedException(undecided == Undecided.PAIR ? STILL_CHECKED : ADDRESS_STILL_CHECKED,
                                Duration.ofSeconds(1));
                    }
                }
            }
        }
    }

    /**
     * A login that succeeds clears the pair's count and block, and gives its unit of the address's failed-login budget
     * back. Other attempts of the pair still in flight stay counted (their passwords are not checked yet), as the
     * whole count.
     */
    public void succeeded(String username, String clientAddress) {
        String key = key(username);
        // The address's row first, then the pair's, as attempt() locks them: two transactions never wait on each other.
        transactions.executeWithoutResult(status -> {
            budgets.refund(addressBudget, clientAddress);
            Instant now = clock.instant();
            counts.lock(key, clientAddress).ifPresent(row -> {
                int others = Math.max(row.inFlightAt(now) - 1, 0);
                if (others == 0) {
                    counts.delete(key, clientAddress);
                } else {
                    counts.onlyInFlight(key, clientAddress, others, blockedUntil(others, now));
                }
            });
        });
    }

    /**
     * The attempt whose password was not right (or could not be checked): it is no longer in flight and stays counted
     * as a failure. If it set a block that still stands, the block is logged now, once, as it is the one attempt that
     * set it. A database failure here is logged only: the attempt stays in flight until {@link #IN_FLIGHT_TIMEOUT},
     * then counts as a failure all the same.
     *
     * @param attempt what {@link #attempt} answered (null is ignored)
     */
    public void failed(Attempt attempt) {
        if (attempt == null) {
            return;
        }
        Boolean stands;
        try {
            stands = transactions.execute(status -> {
                counts.resolvedAsFailure(attempt.username(), attempt.clientAddress());
                // A success of another attempt meanwhile may have cleared the block this one set: none to log then.
                return counts.read(attempt.username(), attempt.clientAddress())
                        .map(row -> row.blockedAt(clock.instant())).orElse(false);
            });
        } catch (DataAccessException unrecorded) {
            log.warn("A failed login of username {} from client address {} could not be recorded as checked; it counts"
                    + " as in flight for up to {}: {}", LogNames.username(attempt.username()), attempt.clientAddress(),
                    IN_FLIGHT_TIMEOUT, unrecorded.getMessage());
            stands = true;
        }
        if (attempt.blockedUntil() != null && Boolean.TRUE.equals(stands)) {
            log.warn("Username {} is refused from client address {} until {}: {} failed logins",
                    LogNames.username(attempt.username()), attempt.clientAddress(), attempt.blockedUntil(), attempt.failures());
        }
    }

    /** One transaction: the address's budget, then the pair's row, both locked; the attempt counted if admitted. */
    private Decision decide(String key, String client) {
        for (int tries = 1; ; tries++) {
            try {
                return transactions.execute(status -> {
                    Instant now = clock.instant();
                    // Attempts in flight from the address may yet succeed and give their units back.
                    if (!budgets.checkUnlessPending(addressBudget, client, () -> counts.inFlightFrom(client, now) > 0)) {
                        status.setRollbackOnly();
                        return Undecided.ADDRESS;
                    }
                    Decision decision = count(key, client, now);
                    if (decision instanceof Admitted) {
                        budgets.spend(addressBudget, client);
                    } else {
                        // Refused: not even the address's row that check() may have made is kept.
                        status.setRollbackOnly();
                    }
                    return decision;
                });
            } catch (DuplicateKeyException | ClientBudgets.Raced raced) {
                // Another attempt inserted the pair's (or the address's) first row at the same moment: count on top of it.
                if (tries == 3) {
                    throw new IllegalStateException("a login attempt for username " + LogNames.username(key)
                            + " could not be counted", raced);
                }
            }
        }
    }

    /** In a transaction: the pair's block or the attempts in flight that may block it; else the attempt counted. */
    private Decision count(String key, String client, Instant now) {
        Optional<LoginCounts.Row> row = counts.lock(key, client);
        Instant inFlightUntil = now.plus(IN_FLIGHT_TIMEOUT);
        if (row.isEmpty()) {
            counts.insertFirst(key, client, now, inFlightUntil);
            return new Admitted(1, null);
        }
        LoginCounts.Row before = row.get();
        int inFlight = before.inFlightAt(now);
        if (before.blockedAt(now)) {
            return inFlight > 0 ? Undecided.PAIR : new Blocked(Duration.between(now, before.blockedUntil().toInstant()));
        }
        int failures = before.lastFailureAt().toInstant().isAfter(now.minus(FORGET_AFTER)) ? before.failures() + 1 : 1;
        OffsetDateTime until = blockedUntil(failures, now);
        counts.counted(key, client, failures, inFlight + 1, inFlightUntil, now, until);
        // Not logged here: the password is not checked yet, and a right one clears this block (failed() logs it).
        return new Admitted(failures, until == null ? null : until.toInstant());
    }

    /**
     * Waits, holding no connection between looks, until the attempts in flight that refused this one may have
     * resolved (for the pair: its row no longer blocks, or has none in flight; for the address: at each look), or
     * the deadline passes.
     *
     * @return true to decide again; false if the deadline passed, or the thread was interrupted
     */
    private boolean awaitChange(String key, String client, Undecided undecided, long deadline) {
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            long pause = POLL_MILLIS + ThreadLocalRandom.current().nextLong(POLL_MILLIS + 1);
            try {
                Thread.sleep(Math.max(1, Math.min(pause, left / 1_000_000)));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return false;
            }
            if (undecided == Undecided.ADDRESS) {
                return true;
            }
            Instant now = clock.instant();
            Optional<LoginCounts.Row> row = counts.read(key, client);
            if (row.isEmpty() || !row.get().blockedAt(now) || row.get().inFlightAt(now) == 0) {
                return true;
            }
        }
    }

    /** From the {@value #FREE_FAILURES}th failure on, the block it earns; null before it. */
    private static OffsetDateTime blockedUntil(int failures, Instant now) {
        if (failures < FREE_FAILURES) {
            return null;
        }
        Duration block = FIRST_BLOCK.multipliedBy(1L << Math.min(20, failures - FREE_FAILURES));
        return OffsetDateTime.ofInstant(now.plus(block.compareTo(MAX_BLOCK) > 0 ? MAX_BLOCK : block), ZoneOffset.UTC);
    }

    private static String key(String username) {
        return username == null ? "" : Text.strip(username).toLowerCase(Locale.ROOT);
    }
}

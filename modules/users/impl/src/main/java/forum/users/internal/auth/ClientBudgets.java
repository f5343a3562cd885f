package forum.users.internal.auth;

import forum.platform.RateLimitedException;
import forum.platform.web.ClientAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Budgets per client address, shared by every process that holds the users module ({@code users.client_budgets},
 * V6): an address may spend at most {@link Budget#limit} units of a budget (a failed login, a sign-up) within one
 * window of {@link Budget#window}, which opens at its first use; once it has spent them, it is refused until the
 * window ends. The limits are settings ({@code forum.users.budget.*}, README "Identity", "Logins").
 *
 * <p>{@link #check}, {@link #spend} and {@link #refund} run in the caller's transaction on the users module's
 * connections, so that a refusal writes nothing and a unit is spent together with what it pays for, or not at all:
 * {@link #check} locks the address's row (first of all rows the transaction locks) and refuses a spent budget,
 * {@link #spend} then counts the unit, and {@link #refund} gives one back. {@link #peek} only looks. A call
 * made outside any HTTP request ({@link ClientAddress#NO_REQUEST}: seeding, in-process tests) has no budget.
 *
 * <p>Exactly one WARN is logged per block: when a unit spends the budget's last one.
 */
public final class ClientBudgets {

    private static final Logger log = LoggerFactory.getLogger(ClientBudgets.class);

    /** How often, at most, each process deletes the rows whose window has ended. */
    static final Duration PURGE_EVERY = Duration.ofMinutes(1);

    /**
     * One budget: its name (the {@code budget} column), how many units an address may spend per window, and the
     * window's length.
     *
     * @param name   the row's key, e.g. {@code login-failure}
     * @param limit  units per window, at least 1
     * @param window the window, positive
     * @param refusal what a refused client is told (the 429's detail)
     */
    public record Budget(String name, int limit, Duration window, String refusal) {
        /** @throws IllegalArgumentException when the limit is below 1 or the window not positive */
        public Budget {
            if (limit < 1 || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("the budget " + name + " needs a limit of 1 or more and a positive"
                        + " window, not " + limit + " per " + window);
            }
        }
    }

    /**
     * Another attempt from the same address inserted the address's first row of a budget at the same moment as this
     * one: try the transaction again (it then counts on top of that row). A type of its own, so that a caller can tell
     * it from a unique key of its own data (a taken username).
     */
    public static final class Raced extends RuntimeException {
        Raced(Budget budget, DuplicateKeyException cause) {
            super("the first use of the budget " + budget.name() + " by an address raced another", cause);
        }
    }

    /** The address's row as it was before this use. */
    private record Row(String clientAddress, int used, OffsetDateTime windowEndsAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AtomicLong nextPurgeAt = new AtomicLong(Long.MIN_VALUE);
    /** The windows whose first refusal this process has logged; purged with the rows ({@link #purgeIfDue}). */
    private final Set<RefusedWindow> refusedWindows = ConcurrentHashMap.newKeySet();

    private record RefusedWindow(String budget, String clientAddress, Instant endsAt) {
    }

    /**
     * @param usersDatabase the users module's connections (the caller's transaction, where there is one)
     * @param clock         what "now" is
     */
    public ClientBudgets(DataSource usersDatabase, Clock clock) {
        this.jdbc = JdbcClient.create(usersDatabase);
        this.clock = clock;
    }

    /**
     * Refuses the address if it has spent the budget in its current window, reading without a lock and writing
     * nothing: a cheap look before costly work (a password hash), which {@link #check} repeats where it counts.
     *
     * @throws RateLimitedException with the time until the window ends, when the budget is spent
     */
    public void peek(Budget budget, String clientAddress) {
        if (!ClientAddress.NO_REQUEST.equals(clientAddress)) {
            refuseIfSpent(budget, read(budget, clientAddress, ""), clock.instant());
        }
    }

    /**
     * In the caller's transaction: locks the address's row of the budget (making it, with nothing spent, if it has
     * none: so that every transaction takes the row's lock before any other, and two never wait on each other), then
     * refuses the address if it has spent the budget. The lock lasts until the transaction ends, so that a following
     * {@link #spend} counts on what was read. A caller that refuses for another reason after this rolls back, so that
     * a refusal writes nothing.
     *
     * @throws RateLimitedException with the time until the window ends, when the budget is spent; nothing was written
     * @throws Raced when another transaction made the address's row at the same moment: the caller's transaction is
     *         spoilt (PostgreSQL), and the caller tries it again
     */
    public void check(Budget budget, String clientAddress) {
        checkUnlessPending(budget, clientAddress, () -> false);
    }

    /**
     * As {@link #check}, except when the budget is spent while {@code pending} says that units spent may yet be given
     * back ({@link #refund}: logins still being checked): then it answers false, refusing nothing and logging nothing,
     * for the caller to roll back, wait and check again. {@code pending} is asked only then, in the transaction.
     *
     * @return true if the address may spend a unit; false if it may once the pending units are settled
     * @throws RateLimitedException when the budget is spent and nothing is pending; nothing was written
     * @throws Raced as {@link #check}
     */
    public boolean checkUnlessPending(Budget budget, String clientAddress, BooleanSupplier pending) {
        if (ClientAddress.NO_REQUEST.equals(clientAddress)) {
            return true;
        }
        Instant now = clock.instant();
        Optional<Row> row = read(budget, clientAddress, " for update");
        if (row.isEmpty()) {
            try {
                jdbc.sql("insert into users.client_budgets (budget, client_address, used, window_ends_at)"
                                + " values (:budget, :client, 0, :ends)")
                        .param("budget", budget.name()).param("client", clientAddress)
                        .param("ends", OffsetDateTime.ofInstant(now.plus(budget.window()), ZoneOffset.UTC)).update();
            } catch (DuplicateKeyException raced) {
                throw new Raced(budget, raced);
            }
            return true;
        }
        if (spent(budget, row, now) && pending.getAsBoolean()) {
            return false;
        }
        refuseIfSpent(budget, row, now);
        return true;
    }

    /**
     * Spends one unit of the address's budget (opening a new window if the last one ended), after {@link #check}
     * in the same transaction.
     */
    public void spend(Budget budget, String clientAddress) {
        if (ClientAddress.NO_REQUEST.equals(clientAddress)) {
            return;
        }
        Instant now = clock.instant();
        Row row = read(budget, clientAddress, " for update").orElseThrow(() -> new IllegalStateException(
                "spend() of the budget " + budget.name() + " without check() in the same transaction"));
        boolean ended = !row.windowEndsAt().toInstant().isAfter(now);
        int used = ended ? 1 : row.used() + 1;
        OffsetDateTime windowEndsAt = ended ? OffsetDateTime.ofInstant(now.plus(budget.window()), ZoneOffset.UTC) : row.windowEndsAt();
        jdbc.sql("update users.client_budgets set used = :used, window_ends_at = :ends"
                        + " where budget = :budget and client_address = :client")
                .param("used", used).param("ends", windowEndsAt)
                .param("budget", budget.name()).param("client", clientAddress).update();
    }

    /**
     * Refuses an address that has spent its budget in a window that has not ended. The first refusal of a window is
     * logged (one WARN per window and process; not when the last unit is spent, as a login that succeeds gives its
     * unit back and the address may never be refused).
     */
    private void refuseIfSpent(Budget budget, Optional<Row> row, Instant now) {
        if (spent(budget, row, now)) {
            Instant windowEndsAt = row.get().windowEndsAt().toInstant();
            if (refusedWindows.add(new RefusedWindow(budget.name(), row.get().clientAddress(), windowEndsAt))) {
                log.warn("Client address {} is refused {} until {}: it spent its {} per {}", row.get().clientAddress(),
                        budget.name(), windowEndsAt, budget.limit(), budget.window());
            }
            throw new RateLimitedException(budget.refusal(), Duration.between(now, windowEndsAt));
        }
    }

    /** Whether the address has spent the budget in a window that has not ended. */
    private static boolean spent(Budget budget, Optional<Row> row, Instant now) {
        return row.isPresent() && row.get().windowEndsAt().toInstant().isAfter(now) && row.get().used() >= budget.limit();
    }

    /** Gives back one unit of the address's current window (a login that turned out to succeed). */
    public void refund(Budget budget, String clientAddress) {
        if (ClientAddress.NO_REQUEST.equals(clientAddress)) {
            return;
        }
        jdbc.sql("update users.client_budgets set used = used - 1"
                        + " where budget = :budget and client_address = :client and used > 0 and window_ends_at > :now")
                .param("budget", budget.name()).param("client", clientAddress)
                .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).update();
    }

    /**
     * Deletes every budget row whose window has ended, and every login failure count that is forgotten and not
     * blocking ({@link LoginThrottle#FORGET_AFTER}), at most once per {@link #PURGE_EVERY} in this process; outside
     * any transaction. A failure is logged and tried again at the next due time: the rows only take room.
     *
     * @return whether it purged this time
     */
    public boolean purgeIfDue() {
        long now = clock.millis();
        long due = nextPurgeAt.get();
        if (now < due || !nextPurgeAt.compareAndSet(due, now + PURGE_EVERY.toMillis())) {
            return false;
        }
        OffsetDateTime at = OffsetDateTime.ofInstant(Instant.ofEpochMilli(now), ZoneOffset.UTC);
        refusedWindows.removeIf(window -> !window.endsAt().isAfter(at.toInstant()));
        try {
            jdbc.sql("delete from users.client_budgets where window_ends_at <= :now").param("now", at).update();
            jdbc.sql("delete from users.login_failures where last_failure_at <= :forgotten"
                            + " and (blocked_until is null or blocked_until <= :now)")
                    .param("forgotten", at.minus(LoginThrottle.FORGET_AFTER)).param("now", at).update();
        } catch (DataAccessException failed) {
            log.warn("Old login counts could not be purged; tried again in {}: {}", PURGE_EVERY, failed.getMessage());
        }
        return true;
    }

    private Optional<Row> read(Budget budget, String clientAddress, String lock) {
        return jdbc.sql("select used, window_ends_at from users.client_budgets"
                        + " where budget = :budget and client_address = :client" + lock)
                .param("budget", budget.name()).param("client", clientAddress)
                .query((result, number) -> new Row(clientAddress, result.getInt(1), result.getObject(2, OffsetDateTime.class)))
                .optional();
    }
}

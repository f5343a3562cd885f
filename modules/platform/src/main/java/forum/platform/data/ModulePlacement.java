package forum.platform.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which of a module's two databases takes its writes, as the databases themselves say: the row of
 * {@code forum_move.placement} that the data move ({@code data-move/README.md}) keeps in each of them.
 *
 * <p>A process given a second database for a module ({@code forum.datasource.<module>.moved.url}) keeps a pool on
 * each: <em>home</em> (the module's usual database, {@code forum.datasource.<module>.url}) and <em>moved</em>. This
 * class reads the row on the side it trusts (the authoritative one) every {@code pollInterval}, reads both rows at
 * start, whenever the trusted row changes and at once when a write is refused with SQLSTATE 25006
 * ({@link #refreshNow()}), and follows the rule of the move: of two rows, the higher epoch is right, and an epoch once
 * seen is never gone back on. Each row names its own database ({@code here}), so the two sides' labels are learned from
 * the rows, not configured. Where neither database has the table or a row (no move has touched the module), home is
 * authoritative.
 *
 * <p>While the authoritative row's {@code paused_until} lies in the future (a switch is about to happen), writes are
 * held: {@link #awaitWritable()} blocks until the pause ends, the switch is seen, or {@code paused_until} passes,
 * whichever comes first, so a write is held at most as long as the move's pause bound (2 s), never failed. Reads are
 * never held.
 */
public final class ModulePlacement implements AutoCloseable {

    /** One of the module's two databases. */
    public enum Side { HOME, MOVED }

    /**
     * One database's row.
     *
     * @param here           label of the database holding the row
     * @param authoritative  label of the database that takes the module's writes
     * @param epoch          +1 at every switch
     * @param pauseLeftMillis how long {@code paused_until} still lies ahead, by the database's clock; 0 when none
     */
    record Row(String here, String authoritative, long epoch, long pauseLeftMillis) {
    }

    private static final Logger log = LoggerFactory.getLogger(ModulePlacement.class);
    private static final String QUERY = """
            select here, authoritative, epoch,
                   coalesce(greatest(0, ceil(extract(epoch from paused_until - clock_timestamp()) * 1000)), 0)
            from forum_move.placement where module = ?""";

    private final String module;
    private final DataSource home;
    private final DataSource moved;
    private final Duration pollInterval;
    private final ScheduledExecutorService poller;
    private final AtomicLong heldWrites = new AtomicLong();
    private final AtomicLong switches = new AtomicLong();

    private volatile Side authoritative = Side.HOME;
    private volatile long epoch = -1;
    /** {@link System#nanoTime()} until which writes are held; 0 for none. */
    private volatile long pausedUntilNanos;
    private Row homeRow;
    private Row movedRow;
    private boolean warned;

    /**
     * @param module       the module (= its schema and its row's key)
     * @param home         the pool on the module's usual database
     * @param moved        the pool on its second database
     * @param pollInterval how often the trusted side's row is read (the forum uses 200 ms)
     */
    public ModulePlacement(String module, DataSource home, DataSource moved, Duration pollInterval) {
        this.module = module;
        this.home = home;
        this.moved = moved;
        this.pollInterval = pollInterval;
        this.poller = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name(module + "-placement").factory());
    }

    /** Reads both rows, then starts polling the trusted side. */
    public void start() {
        refreshNow();
        poller.scheduleWithFixedDelay(this::poll, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The database that takes the module's writes (and serves its reads), as last read. */
    public Side authoritative() {
        return authoritative;
    }

    /** The pool of the authoritative database. */
    DataSource authoritativeDataSource() {
        return authoritative == Side.HOME ? home : moved;
    }

    /** The highest epoch seen; -1 while no row has been read. */
    public long epoch() {
        return epoch;
    }

    /** How many writes were held by a pause so far (for tests and logs). */
    public long heldWrites() {
        return heldWrites.get();
    }

    /** How many times the authoritative side changed while this process ran. */
    public long switches() {
        return switches.get();
    }

    /**
     * Blocks the calling write while a pause is announced: until the pause is cleared (by the switch or its
     * abandonment, seen by the next poll) or {@code paused_until} passes. Returns at once when there is none.
     *
     * @throws InterruptedException when the calling thread is interrupted while held
     */
    public void awaitWritable() throws InterruptedException {
        if (pausedUntilNanos == 0 || System.nanoTime() >= pausedUntilNanos) {
            return;
        }
        heldWrites.incrementAndGet();
        synchronized (this) {
            long left;
            while (pausedUntilNanos != 0 && (left = pausedUntilNanos - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
    }

    /** Reads both rows now and applies them (after a refused write; at start). Never throws. */
    public void refreshNow() {
        Row fromHome = read(home, Side.HOME);
        Row fromMoved = read(moved, Side.MOVED);
        synchronized (this) {
            if (fromHome != null) {
                homeRow = fromHome;
            }
            if (fromMoved != null) {
                movedRow = fromMoved;
            }
            apply();
        }
    }

    private void poll() {
        try {
            Side trusted = authoritative;
            Row row = read(trusted == Side.HOME ? home : moved, trusted);
            boolean changed;
            synchronized (this) {
                Row before = trusted == Side.HOME ? homeRow : movedRow;
                changed = row == null || before == null || row.epoch() != before.epoch()
                        || !row.authoritative().equals(before.authoritative());
                if (row != null) {
                    if (trusted == Side.HOME) {
                        homeRow = row;
                    } else {
                        movedRow = row;
                    }
                }
                apply();
            }
            if (changed) {
                refreshNow();
            }
        } catch (RuntimeException e) {
            log.warn("Module '{}': reading its placement failed: {}", module, e.toString());
        }
    }

    /** Applies the rows known (callers hold the monitor): the higher epoch's word, never an older one. */
    private void apply() {
        Row best = homeRow;
        if (movedRow != null && (best == null || movedRow.epoch() > best.epoch())) {
            best = movedRow;
        }
        if (best == null || best.epoch() < epoch) {
            return;
        }
        if (homeRow != null && movedRow != null && homeRow.epoch() == movedRow.epoch()
                && !homeRow.authoritative().equals(movedRow.authoritative())) {
            log.error("Module '{}': both databases claim epoch {} but name {} and {}; keeping {}", module, best.epoch(),
                    homeRow.authoritative(), movedRow.authoritative(), authoritative);
            return;
        }
        Side side = sideOf(best.authoritative());
        if (side == null) {
            return;
        }
        Row sideRow = side == Side.HOME ? homeRow : movedRow;
        long pauseLeft = sideRow != null && sideRow.epoch() == best.epoch() ? sideRow.pauseLeftMillis() : 0;
        if (pauseLeft > 0 && pausedUntilNanos == 0) {
            log.info("Module '{}': database {} announced a switch: writes are held for up to {} ms", module,
                    best.authoritative(), pauseLeft);
        }
        pausedUntilNanos = pauseLeft > 0 ? System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pauseLeft) : 0;
        if (side != authoritative) {
            switches.incrementAndGet();
            log.info("Module '{}': database {} ({}) is authoritative at epoch {}; its connections go there now", module,
                    best.authoritative(), side.name().toLowerCase(java.util.Locale.ROOT), best.epoch());
        }
        authoritative = side;
        epoch = best.epoch();
        notifyAll();
    }

    /**
     * The side a label names. There are two databases only, so a row that names another database than its own names
     * the other side, even while that side's row cannot be read (it is down, or a process starts before it answers):
     * the module's data is then there, not here.
     */
    private Side sideOf(String label) {
        if (homeRow != null) {
            return homeRow.here().equals(label) ? Side.HOME : Side.MOVED;
        }
        if (movedRow != null) {
            return movedRow.here().equals(label) ? Side.MOVED : Side.HOME;
        }
        return null;
    }

    /**
     * The module's row in one database.
     *
     * @return the row, or null when the table has none for the module
     * @throws SQLException when it cannot be read: SQLSTATE 42P01 or 3F000 when no move ever made the table
     */
    static Row readRow(DataSource dataSource, String module) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(QUERY)) {
            query.setString(1, module);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? new Row(rows.getString(1), rows.getString(2), rows.getLong(3), rows.getLong(4)) : null;
            }
        }
    }

    /** One side's row; null when it has none, no table, or cannot be read now (logged once until it can). */
    private Row read(DataSource dataSource, Side side) {
        try {
            Row row = readRow(dataSource, module);
            warned = false;
            return row;
        } catch (SQLException e) {
            String state = String.valueOf(e.getSQLState());
            if (!state.equals("42P01") && !state.equals("3F000") && !warned) {
                warned = true;
                log.warn("Module '{}': cannot read forum_move.placement on its {} database: {}", module,
                        side.name().toLowerCase(java.util.Locale.ROOT), e.getMessage());
            }
            return null;
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}

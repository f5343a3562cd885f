package dev.forum.datamove;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * The check after a switch: each table's count and checksum ({@link TableChecksums}) must agree between the
 * authoritative side and the replica, compared at one position of the module's data, with the module's writes held
 * only to pin that position, never while rows are read (a checksum takes about 1.4 s per million rows).
 *
 * <ol>
 *   <li>The replica confirms the authoritative side's WAL position, first without holding writes (a subscription just
 *       made may still wait for its worker: PostgreSQL 15's launcher starts at most one per
 *       {@code wal_retrieve_retry_interval}).</li>
 *   <li>Writes held (the placement row locked): the replica confirms the position of that moment; a repeatable-read
 *       snapshot is taken on the authoritative side; the replica's subscription is disabled and its worker awaited, so
 *       its tables stay as of that position. Writes are released: this is the pause reported.</li>
 *   <li>Both sides are counted and checksummed (the authoritative side in the snapshot), then the subscription is
 *       enabled again, whatever happened, and its worker awaited. A process killed in between leaves it disabled: the next run of the move
 *       finds it so and makes the way back again.</li>
 * </ol>
 */
final class Verification {

    /** The figures of every table and how long writes were held for them. */
    record Result(List<TableChecksums.Comparison> tables, Duration pause) {
    }

    /** How long the replica's apply worker may take to run again after the check (PostgreSQL starts it within 5 s). */
    static final Duration RESTART_BOUND = Duration.ofSeconds(30);

    private Verification() {
    }

    /**
     * @param authoritativeSide the side taking the writes (its row is locked to pin the position)
     * @param replicaSide       the side replicating from it
     * @param slot              the replica's subscription (and its slot on the authoritative side)
     * @throws MoveException when the replica does not catch up in time, or a table differs (both in one line)
     */
    static Result run(Endpoint authoritativeSide, Endpoint replicaSide, Connection authoritative, Connection replica,
            String slot, MoveSettings settings, Consumer<String> log) throws SQLException {
        List<String> tables = TargetSchema.dataTables(authoritative, settings.module());
        String before = ReplicationSlots.currentLsn(authoritative);
        if (!ReplicationSlots.awaitConfirmed(authoritative, slot, before, settings.catchUpTimeout())) {
            throw new MoveException(replicaSide.describe() + " did not catch up with " + authoritativeSide.label()
                    + " within " + Durations.text(settings.catchUpTimeout()) + " (see pg_stat_subscription there); "
                    + authoritativeSide.label() + " stays authoritative; run the move again to verify");
        }
        try (Connection barrier = authoritativeSide.connect(); Connection snapshot = authoritativeSide.connect()) {
            Duration pause;
            boolean paused = false;
            try {
                barrier.setAutoCommit(false);
                long started = System.nanoTime();
                try {
                    Placement.holdWrites(barrier, settings.module(), settings.pauseBound());
                    String lsn = ReplicationSlots.currentLsn(barrier);
                    if (!ReplicationSlots.awaitConfirmed(authoritative, slot, lsn, settings.pauseBound())) {
                        throw new MoveException(replicaSide.describe() + " did not confirm " + authoritativeSide.label()
                                + "'s position " + lsn + " within " + settings.pauseBound().toMillis() + " ms for the"
                                + " verification; " + authoritativeSide.label() + " stays authoritative; run the move again to verify");
                    }
                    snapshot.setAutoCommit(false);
                    snapshot.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                    try (Statement statement = snapshot.createStatement()) {
                        statement.executeQuery("select 1").close(); // the snapshot is taken by the first statement
                    }
                    paused = true;
                    Subscriptions.pauseSubscription(replica, slot, settings.pauseBound());
                } finally {
                    barrier.rollback();
                    pause = Duration.ofNanos(System.nanoTime() - started);
                }
                List<TableChecksums.Comparison> comparisons = TableChecksums.compare(
                        TableChecksums.of(replica, settings.module(), tables),
                        TableChecksums.of(snapshot, settings.module(), tables));
                comparisons.forEach(comparison -> log.accept("verify " + comparison.describe()));
                log.accept("verified at one position, writes held " + pause.toMillis() + " ms to pin it");
                List<String> different = comparisons.stream().filter(c -> !c.equal())
                        .map(TableChecksums.Comparison::describe).toList();
                if (!different.isEmpty()) {
                    throw new MoveException("verification failed: " + String.join("; ", different));
                }
                return new Result(comparisons, pause);
            } finally {
                if (!snapshot.getAutoCommit()) {
                    snapshot.rollback();
                }
                if (paused) {
                    Subscriptions.resumeSubscription(replica, slot, RESTART_BOUND);
                }
            }
        }
    }
}

package dev.forum.datamove;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * The check after a switch: holds the module's writes on the authoritative side, waits until the other side has
 * confirmed its WAL position (first without holding writes, as a subscription just made may still wait for its
 * worker: PostgreSQL 15's launcher starts at most one per {@code wal_retrieve_retry_interval}), then compares each
 * table's count and checksum ({@link TableChecksums}) and releases the writes.
 */
final class Verification {

    /** The figures of every table and how long writes were held for them. */
    record Result(List<TableChecksums.Comparison> tables, Duration pause) {
    }

    private Verification() {
    }

    /**
     * @param authoritativeSide the side taking the writes (its row is locked for the comparison)
     * @param replicaSide       the side replicating from it
     * @param slot              the replica's subscription slot on the authoritative side
     * @throws MoveException when the replica does not catch up in time, or a table differs (both in one line)
     */
    static Result run(Endpoint authoritativeSide, Endpoint replicaSide, Connection authoritative, Connection replica,
            String slot, MoveSettings settings, Consumer<String> log) throws SQLException {
        List<String> tables = TargetSchema.dataTables(authoritative, settings.module());
        String before = Replication.currentLsn(authoritative);
        if (!Replication.awaitConfirmed(authoritative, slot, before, settings.catchUpTimeout())) {
            throw new MoveException(replicaSide.describe() + " did not catch up with " + authoritativeSide.label()
                    + " within " + settings.catchUpTimeout() + " (see pg_stat_subscription there); "
                    + authoritativeSide.label() + " stays authoritative; run the move again to verify");
        }
        try (Connection barrier = authoritativeSide.connect()) {
            barrier.setAutoCommit(false);
            long started = System.nanoTime();
            try {
                Placement.holdWrites(barrier, settings.module(), settings.pauseBound());
                String lsn = Replication.currentLsn(barrier);
                if (!Replication.awaitConfirmed(authoritative, slot, lsn, settings.pauseBound())) {
                    throw new MoveException(replicaSide.describe() + " did not confirm " + authoritativeSide.label()
                            + "'s position " + lsn + " within " + settings.pauseBound().toMillis() + " ms for the"
                            + " verification; " + authoritativeSide.label() + " stays authoritative; run the move again to verify");
                }
                List<TableChecksums.Comparison> comparisons = TableChecksums.compare(
                        TableChecksums.of(replica, settings.module(), tables),
                        TableChecksums.of(barrier, settings.module(), tables));
                Duration pause = Duration.ofNanos(System.nanoTime() - started);
                comparisons.forEach(comparison -> log.accept("verify " + comparison.describe()));
                log.accept("verified with writes held " + pause.toMillis() + " ms");
                List<String> different = comparisons.stream().filter(c -> !c.equal())
                        .map(TableChecksums.Comparison::describe).toList();
                if (!different.isEmpty()) {
                    throw new MoveException("verification failed: " + String.join("; ", different));
                }
                return new Result(comparisons, pause);
            } finally {
                barrier.rollback();
            }
        }
    }
}

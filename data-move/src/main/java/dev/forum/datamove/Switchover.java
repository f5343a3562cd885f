package dev.forum.datamove;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The part of a {@link ModuleMove} from its subscription to the switch: waiting for the initial copy and catch-up
 * ({@link #catchUp}, step {@link Step#CAUGHT_UP}), then the switch itself ({@link #run}, steps
 * {@link Step#SWITCH_TARGET_READY} to {@link Step#SWITCHED}). Kept apart from the move's other steps only to keep each
 * file short; it is not used on its own.
 */
final class Switchover {

    /**
     * What a switch left.
     *
     * @param epoch     the epoch both rows now carry
     * @param pause     how long the module's writes were held
     * @param sequences the target's sequences as advanced
     */
    record Result(long epoch, Duration pause, Map<String, Long> sequences) {
    }

    private final Endpoint source;
    private final Endpoint target;
    private final MoveSettings settings;
    private final Consumer<String> log;
    private final Consumer<Step> reached;

    /**
     * @param source   the move's source, authoritative until the switch commits
     * @param target   the move's target
     * @param settings the module and the move's bounds
     * @param log      receives one line per thing done
     * @param reached  told of each step reached (the move's {@link ModuleMove.StepListener}); what it throws stops
     *                 the switch as a kill would
     */
    Switchover(Endpoint source, Endpoint target, MoveSettings settings, Consumer<String> log, Consumer<Step> reached) {
        this.source = source;
        this.target = target;
        this.settings = settings;
        this.log = log;
        this.reached = reached;
    }

    /** Waits for the initial copy, then for the target to confirm the source's WAL position of that moment. */
    void catchUp(Connection s, Connection t, String fwd) throws SQLException {
        long started = System.nanoTime();
        long deadline = started + settings.catchUpTimeout().toNanos();
        while (!Subscriptions.copyDone(t, fwd)) {
            if (System.nanoTime() > deadline) {
                throw new MoveException("the initial copy into " + target.describe() + " did not finish within "
                        + Durations.text(settings.catchUpTimeout()) + " (see pg_stat_subscription there); the source stays authoritative;"
                        + " run the move again to resume, or abort it");
            }
            Replication.sleep(Duration.ofMillis(50));
        }
        String lsn = ReplicationSlots.currentLsn(s);
        if (!ReplicationSlots.awaitConfirmed(s, fwd, lsn, Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))) {
            throw new MoveException(target.describe() + " did not catch up with " + source.describe() + " (position " + lsn
                    + ") within " + Durations.text(settings.catchUpTimeout()) + "; the source stays authoritative; run the move again");
        }
        log.accept("caught up: initial copy done and " + source.label() + "'s position " + lsn + " confirmed in "
                + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
    }

    /**
     * The switch: holds the source's writes, waits for the target to confirm the source's position, advances the
     * target's sequences, turns replication around and names the target in both rows (the source's first).
     */
    Result run(Connection s, Connection t, long epoch, String fwd, String rev) throws SQLException {
        Placement.announcePause(s, settings.module(), settings.pauseBound().plus(ModuleMove.ANNOUNCEMENT_LEAD));
        Replication.sleep(ModuleMove.ANNOUNCEMENT_LEAD);
        try (Connection barrier = source.connect()) {
            barrier.setAutoCommit(false);
            long started = System.nanoTime();
            boolean committed = false;
            try {
                Placement.holdWrites(barrier, settings.module(), settings.pauseBound());
                String lsn = ReplicationSlots.currentLsn(barrier);
                Duration left = settings.pauseBound().minusNanos(System.nanoTime() - started);
                if (left.isNegative() || !ReplicationSlots.awaitConfirmed(s, fwd, lsn, left)) {
                    throw new MoveException(target.describe() + " did not confirm " + source.label() + "'s position " + lsn
                            + " within the pause bound " + settings.pauseBound().toMillis() + " ms; writes resumed on "
                            + source.label() + ", which stays authoritative; run the move again (at a quieter moment)");
                }
                Map<String, Long> sequences = TargetSchema.advanceSequences(barrier, t, settings.module(),
                        settings.sequenceMargin());
                reached.accept(Step.SWITCH_TARGET_READY);
                Subscriptions.dropSubscription(t, fwd);
                reached.accept(Step.SWITCH_FORWARD_DROPPED);
                Subscriptions.dropSubscription(s, rev);
                Subscriptions.subscribe(s, rev, target, settings.publication(), false);
                reached.accept(Step.SWITCH_REVERSE_SUBSCRIBED);
                Placement.name(barrier, settings.module(), target.label(), epoch + 1);
                barrier.commit();
                committed = true;
                reached.accept(Step.SWITCH_SOURCE_COMMITTED);
                Placement.name(t, settings.module(), target.label(), epoch + 1);
                Duration pause = Duration.ofNanos(System.nanoTime() - started);
                log.accept("switched: " + target.label() + " is authoritative (epoch " + (epoch + 1) + "), writes held "
                        + pause.toMillis() + " ms, sequences " + sequences + ", replication now " + target.label() + " -> "
                        + source.label() + " (" + rev + ")");
                reached.accept(Step.SWITCHED);
                return new Result(epoch + 1, pause, sequences);
            } finally {
                if (!committed) {
                    barrier.rollback();
                    try {
                        Placement.clearPause(s, settings.module());
                    } catch (SQLException ignored) {
                        // The pause announcement expires by itself (paused_until is a bound).
                    }
                }
            }
        }
    }
}

package dev.forum.datamove;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code abort} when its target cannot be reached ({@link UnreachableException}): the part of {@link MoveAbort} that
 * is the source's, done on the source alone, and only when the source's own placement row names the source. That row
 * is conclusive: a switch names the target in the source's row first, in the transaction that holds the writes, so a
 * source whose row names itself has not been switched away from, whatever the target's row says. What it ends is
 * what keeps the source's WAL for a target that may never come back: the slot of the move to the target.
 *
 * <p>On the source it drops, under the module's lock taken there ({@link ConcurrentMoves#lockModule}): the pair's
 * subscription from the target (its slot on the target detached and left, {@link Subscriptions#dropSubscription}),
 * the pair's slots (their WAL senders ended first), the publication unless a move with a third database has a slot
 * there, and the announced pause unless such a move replicates from there. It leaves on the target whatever is there
 * (the subscription, which then fails to find its slot and retries, harmlessly; the target's publication and copy),
 * each named in the log; {@code abort} run again once the target can be reached ends them, as a {@code move} run
 * again would (it copies again).
 *
 * <p>Refused in one line, with nothing changed: when the source has no placement row of the module (nothing there
 * says who is authoritative), when its row names another database (after the switch: a rollback is a move back),
 * when no move of the module has left anything on the source, or when another run of the module holds its lock there.
 */
final class SourceSideAbort {

    private final Endpoint source;
    private final Endpoint target;
    private final MoveSettings settings;
    private final Consumer<String> log;

    /**
     * @param source   the database the move started from, reachable
     * @param target   the database the move was copying into, which could not be reached
     * @param settings the module and its names
     * @param log      receives one line per thing done or left
     */
    SourceSideAbort(Endpoint source, Endpoint target, MoveSettings settings, Consumer<String> log) {
        this.source = source;
        this.target = target;
        this.settings = settings;
        this.log = log;
    }

    /**
     * Does on the source what is safe without the target, logging each thing done; then throws, as the pair's abort is
     * not complete.
     *
     * @param unreached why the target could not be reached (said in the refusal and the last line)
     * @throws MoveException always: when done, one line saying what was done on the source and what is left on the
     *                       target, to run abort again for; (nothing changed) when it is not safe, as the class says;
     *                       when the source cannot be reached either, or fails
     */
    void run(UnreachableException unreached) throws SQLException {
        String module = settings.module();
        String notReached = target.label() + " could not be reached (" + unreached.getMessage() + ")";
        String done;
        try (Connection s = source.connect()) {
            try {
                ConcurrentMoves.lockModule(s, source, null, target, settings, ConcurrentMoves.Command.ABORT);
                Placement.Row row = Placement.read(s, module);
                if (row == null) {
                    ModuleNames.checkAbort(s, source, null, target, settings);
                    throw new MoveException(source.label() + " has no placement row of " + module + ", so nothing there"
                            + " says it is authoritative, and " + notReached + ": nothing was changed; run abort again once "
                            + target.label() + " can be reached");
                }
                Placement.authority(row, source, null, target, module); // refuses a row naming a third database
                if (!row.authoritativeHere()) {
                    throw new MoveException(source.label() + "'s placement row names " + row.authoritative() + " at epoch "
                            + row.epoch() + ": the switch committed, so there is nothing to abort; roll back by moving "
                            + module + " back (source and target swapped) once " + target.label() + " can be reached ("
                            + notReached + "); nothing was changed");
                }
                ModuleNames.checkAbort(s, source, null, target, settings);
                log.accept(target.label() + " could not be reached: aborting on " + source.label() + " alone, which its"
                        + " placement row names authoritative (epoch " + row.epoch() + ")");
                done = tearDownSource(s, row, notReached);
            } finally {
                try (Statement unlock = s.createStatement()) {
                    unlock.execute("select pg_advisory_unlock_all()"); // now, not when the server ends the session
                } catch (SQLException ignored) {
                    // Broken: the session's end releases it.
                }
            }
        }
        throw new MoveException(done);
    }

    /**
     * The source's part of {@link MoveAbort#tearDown}.
     *
     * @return the line that says what was done on the source and what is left on the target
     */
    private String tearDownSource(Connection s, Placement.Row row, String notReached) throws SQLException {
        String back = settings.subscription(target, source);
        String forward = settings.subscription(source, target);
        if (Subscriptions.subscriptionExists(s, back)) {
            Subscriptions.dropSubscription(s, back);
            log.accept("dropped subscription " + back + " on " + source.label() + " (its slot on " + target.label()
                    + " is left: abort run again once " + target.label() + " can be reached drops it)");
        }
        boolean hadSlot = ReplicationSlots.slotExists(s, forward);
        List<String> others = ReplicationSlots.dropOrphanSlots(s, source.label(), settings,
                settings.pairNames(source, target), null, log);
        if (hadSlot && row.epoch() > 0) {
            log.accept("if " + source.label() + " took " + settings.module() + " over from " + target.label() + " (epoch "
                    + row.epoch() + "), " + forward + " was also that move's way back: a move back now copies the data again");
        }
        if (others.isEmpty()) {
            Replication.dropPublication(s, settings.publication());
            Placement.clearPause(s, settings.module());
        } else {
            log.accept("kept publication " + settings.publication() + " on " + source.label() + ": a move of "
                    + settings.module() + " with another database reads it (" + (others.size() == 1 ? "slot " : "slots ")
                    + String.join(", ", others) + ")");
        }
        return "aborted on " + source.label() + " only: no subscription or slot of " + settings.module() + " between "
                + source.label() + " and " + target.label() + " is left there" + (others.isEmpty() ? ", nor its publication"
                        : "") + ", and " + source.label() + " stays authoritative; " + notReached + ": what the move left"
                + " there (subscription " + forward + ", the copy) is left; run abort again once " + target.label()
                + " can be reached";
    }
}

package dev.forum.datamove;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Gives up a module's move before its switch ({@code data-move abort}): tears down this pair's move while the source
 * is authoritative. Kept apart from {@link ModuleMove}, which runs the move; after the switch the way back is a move
 * back ({@code new ModuleMove(target, source, ...)}), not an abort.
 *
 * <p>Drops the pair's subscriptions and slots both ways (an orphaned slot of the pair too), and the publications
 * unless a move of the module between one of the two and a third database still has a slot there; ends a pause
 * announced on the source unless such a move replicates from there. Such a move to or from a third database is left
 * running (its slots are logged, naming its pair: an abort given the wrong target ends nothing of it).
 *
 * <p>Refused, with nothing changed, when neither side has anything of a move of the module (a placement row, its
 * publication, a subscription or slot of its moves), naming the modules abort would act on and the closest to a
 * mistyped name ({@link ModuleNames#checkAbort}); when the target is authoritative (after the switch); and, before it
 * reads anything, while another run of a move, abort or drop-source of the module holds its lock on either side
 * ({@link ConcurrentMoves}): an abort holds that lock itself for its whole run, so it never tears down replication
 * under a running move, and no move starts under it.
 *
 * <p>What it leaves: the placement rows and write guards on both sides as they are (the source stays authoritative),
 * the target's schema and whatever the copy put in its tables (a later move empties them before it copies again), a
 * publication another pair's move reads, and every slot of the module's moves with a third database. Safe to run
 * again: a second run finds nothing left and says so.
 *
 * <p>One server down: with the target unreachable, the source's part is done alone when the source's own placement
 * row names the source, and the run ends with a one-line {@link MoveException} saying what is left on the target
 * ({@link SourceSideAbort}); with the source unreachable nothing is done, as only its row tells whether the switch
 * committed.
 */
public final class MoveAbort {

    private final Endpoint source;
    private final Endpoint target;
    private final MovePair pair;
    private final MoveSettings settings;
    private final Consumer<String> log;

    /**
     * @param source   the database the move started from, which stays authoritative
     * @param target   the database the move was copying into
     * @param settings the module and its names (the same as the move's)
     * @param log      receives one line per thing done (no passwords)
     * @throws MoveException when source and target carry the same label
     */
    public MoveAbort(Endpoint source, Endpoint target, MoveSettings settings, Consumer<String> log) {
        this.pair = new MovePair(source, target, settings.module());
        this.source = source;
        this.target = target;
        this.settings = settings;
        this.log = log;
    }

    /**
     * Tears down this pair's move while the source is authoritative: its subscriptions and slots both ways (an
     * orphaned slot of the pair too), and the publications unless a move of the module between one of the two and a
     * third database still has a slot there. Such a move is left running (its slots are logged, naming its pair: an
     * abort given the wrong target ends nothing of it).
     *
     * @throws MoveException (one line, nothing changed) when neither side has anything of a move of the module (a
     *                       placement row, its publication, a subscription or slot of its moves), naming the modules
     *                       abort would act on and the closest to a mistyped name ({@link ModuleNames#checkAbort}); when
     *                       the target is authoritative (after the switch); before it reads or writes anything, when
     *                       another run of a move, abort or drop-source of the module (any pair) holds the module's
     *                       lock on either side ({@link ConcurrentMoves#refusal}: wait until it has ended); when the
     *                       source cannot be reached (nothing is done on the target alone: only the source's row tells
     *                       whether the switch committed); or when a server fails. When the target cannot be reached
     *                       ({@link UnreachableException}), the source's part is done alone if the source's own row
     *                       names it authoritative, else refused ({@link SourceSideAbort})
     */
    public void run() {
        MovePair.Opened opened;
        try {
            opened = pair.open(false,
                    (s, t) -> ConcurrentMoves.lockModule(s, source, t, target, settings, ConcurrentMoves.Command.ABORT));
        } catch (UnreachableException unreached) {
            if (unreached.server().equals(target.label())) {
                try {
                    new SourceSideAbort(source, target, settings, log).run(unreached);
                    return;
                } catch (SQLException e) {
                    throw new MoveException("aborting the move of " + settings.module() + " on " + source.label()
                            + " failed: " + Endpoint.oneLine(e), e);
                }
            }
            throw new MoveException(unreached.getMessage() + "; abort does nothing on " + target.label() + " alone: only "
                    + source.label() + "'s placement row tells whether the switch committed, and the slot that keeps WAL"
                    + " is on " + source.label() + "; nothing was changed: run abort again once " + source.label()
                    + " can be reached (status shows " + target.label() + " meanwhile)", unreached);
        } catch (SQLException e) {
            throw new MoveException("aborting the move of " + settings.module() + " failed: " + Endpoint.oneLine(e), e);
        }
        try (MovePair.Opened both = opened) {
            ModuleNames.checkAbort(both.s(), source, both.t(), target, settings);
            if (!both.authority().authoritative().equals(source.label())) {
                throw new MoveException(target.label() + " is authoritative for " + settings.module()
                        + " since the switch: roll back by moving it back (source and target swapped), not by aborting");
            }
            List<String> kept = tearDown(both.s(), source, both.t(), target, settings, log);
            Placement.Row theirs = both.onTarget();
            if (theirs != null && theirs.epoch() > 0 && theirs.equals(new Placement.Row(target.label(), source.label(),
                    theirs.epoch()))) {
                // A move back before its switch and the finished move's way back are one replication: say what went.
                log.accept("the replication from " + source.label() + " to " + target.label() + " was also the way back"
                        + " of the finished move of " + settings.module() + " from " + target.label() + " to "
                        + source.label() + ": a move back now copies the data again");
            }
            log.accept("aborted: " + (kept.isEmpty() ? "no subscription, slot or publication" : "no subscription or slot") + " of "
                    + settings.module() + " between " + source.label() + " and " + target.label() + " is left"
                    + (kept.isEmpty() ? "" : " (publication kept on " + String.join(" and ", kept) + ", above)") + "; "
                    + source.label() + " stays authoritative");
        } catch (SQLException e) {
            throw new MoveException("aborting the move of " + settings.module() + " failed: " + Endpoint.oneLine(e), e);
        }
    }

    /**
     * Drops the pair's subscriptions both ways and slots, and the publications another pair's move does not read
     * ({@link MovePair#dropReplication}); ends a pause announced on the authoritative side (whose placement row, if
     * any, stays as it is) unless another pair's move replicates from there, whose switch may have announced it (it
     * ends by itself: {@code paused_until} is a bound). Also what {@link ModuleMove#run()} drops of an unfinished move
     * from its target when the module never left the target.
     *
     * @param authoritative     a connection to the side that takes the module's writes
     * @param authoritativeSide that side
     * @param other             a connection to the other side of the pair
     * @param otherSide         that side
     * @param settings          the module and its names
     * @param log               receives one line per thing dropped or kept
     * @return the labels of the sides whose publication was kept for another pair's move
     * @throws SQLException when a server fails
     */
    static List<String> tearDown(Connection authoritative, Endpoint authoritativeSide, Connection other, Endpoint otherSide,
            MoveSettings settings, Consumer<String> log) throws SQLException {
        List<String> kept = MovePair.dropReplication(authoritative, authoritativeSide, other, otherSide, settings, log);
        if (!kept.contains(authoritativeSide.label()) && Placement.read(authoritative, settings.module()) != null) {
            Placement.clearPause(authoritative, settings.module());
        }
        return kept;
    }
}

package dev.forum.datamove;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Moves one module's data from the source database to the target live, with PostgreSQL logical replication, in the
 * steps of {@link Step}; {@code new ModuleMove(target, source, ...)} after a move is its rollback (a switch back over
 * the replication the switch started, no second copy).
 *
 * <p>Safe to run again after a failure or a kill at any point: it reads both databases' {@link Placement} rows, takes
 * the higher epoch's word for who is authoritative, and goes on from there. Before the switch it reuses a working
 * subscription or else drops what it finds (subscriptions, their slots, stale reverse subscriptions), empties the
 * target's tables and copies again; after it, it completes the switch. Either way every replication slot of this
 * pair's move ({@code <source>_to_<target>}, {@code <target>_to_<source>}) that no subscription uses is dropped, so
 * none holds WAL; a slot of the module's move to or from a third database is left to that move (and logged).
 *
 * <p>One move of a module at a time: {@link #run()} is refused before it writes anything while another pair's move of
 * the module is live on the source or the target, or another run of a move, abort or drop-source of the module holds
 * its lock on either ({@link ConcurrentMoves}); the same pair's re-run after a crash is not. It holds that lock itself
 * for its whole run, so neither an abort nor a drop-source of the module runs under it.
 *
 * <p>A move given up before its switch is torn down by {@link MoveAbort}; where a move stands, and who is
 * authoritative, is read by {@link MoveStatus}.
 */
public final class ModuleMove {

    /** Told of each {@link Step} as it is reached; an exception thrown here stops the move as a kill would. */
    public interface StepListener {
        void reached(Step step) throws Exception;
    }

    /**
     * What a finished move left.
     *
     * @param authoritative label of the database that now takes the module's writes (the target's)
     * @param epoch         the placement epoch both rows now carry
     * @param switchPause   how long the module's writes were held at the switch (zero when a re-run only completed
     *                      a switch already committed)
     * @param verifyPause   how long writes were held for the verification
     * @param sequences     the target's sequences as advanced at the switch (empty on a completing re-run)
     * @param tables        count and checksum of each table on both sides, all equal
     * @param moved         false when the module's data was on the target already and had never left it (a move
     *                      back of a module whose move never switched): nothing was moved or verified, the pauses are
     *                      zero and the figures empty
     */
    public record Report(String authoritative, long epoch, Duration switchPause, Duration verifyPause,
            Map<String, Long> sequences, List<TableChecksums.Comparison> tables, boolean moved) {
    }

    /**
     * How long the pause is announced before the write barrier is taken: longer than the interval at which the
     * module's processes read the placement row (200 ms, {@code forum.platform.data.ModulePlacement}), so they hold new
     * writes themselves before the database would, and writes in flight finish first.
     */
    static final Duration ANNOUNCEMENT_LEAD = Duration.ofMillis(250);

    private final Endpoint source;
    private final Endpoint target;
    private final MovePair pair;
    private final MoveSettings settings;
    private final Consumer<String> log;
    private final StepListener listener;

    /**
     * @param log      receives one line per thing done (no passwords)
     * @param listener told of each step (tests stop the move there); {@code step -> {}} for none
     * @throws MoveException when source and target carry the same label
     */
    public ModuleMove(Endpoint source, Endpoint target, MoveSettings settings, Consumer<String> log, StepListener listener) {
        this.pair = new MovePair(source, target, settings.module());
        this.source = source;
        this.target = target;
        this.settings = settings;
        this.log = log;
        this.listener = listener;
    }

    /**
     * Runs (or resumes) the move to the end.
     *
     * A write pause a switch that did not finish left announced on the source is ended before the target is prepared.
     *
     * @return the report, with every table equal on both sides; or, when the module's data never left the target
     *         (the placement rows name the target at epoch 0, or no row exists and only the target has the module's
     *         tables: a rollback of a move that never switched), a report with {@code moved} false after what an
     *         unfinished move from the target left is dropped
     * @throws MoveException one line saying what failed and what to do (a module the source has no table of, and that
     *                       never left the target, before any line is logged); the source stays authoritative if the
     *                       switch had not committed, the target if it had; before anything is written, when another
     *                       pair's move of the module is live on either side ({@link ConcurrentMoves}: a subscription
     *                       or slot of it, an orphaned slot too), naming that move and the command that ends it;
     *                       or when another run of a move, abort or drop-source of the module (any pair) holds its
     *                       lock on either side ({@link ConcurrentMoves#refusal})
     */
    public Report run() {
        try (MovePair.Opened both = pair.open(true,
                (s, t) -> {
                    ConcurrentMoves.lockModule(s, source, t, target, settings, ConcurrentMoves.Command.MOVE);
                    ConcurrentMoves.refuseOtherPairs(s, source, t, target, settings);
                })) {
            Connection s = both.s();
            Connection t = both.t();
            Placement.Row authority = both.authority();
            String fwd = settings.subscription(source, target);
            String rev = settings.subscription(target, source);
            boolean onTarget = authority.authoritative().equals(target.label());
            List<String> tables = onTarget ? List.of() : TargetSchema.dataTables(s, settings.module());
            if (!onTarget && tables.isEmpty() && !(both.onSource() == null && both.onTarget() == null
                    && !TargetSchema.dataTables(t, settings.module()).isEmpty())) {
                // Not a module the source holds, nor one that never left the target: refused before any line.
                throw ModuleNames.noSuchSchema(s, source, settings.module());
            }
            log.accept("module " + settings.module() + ": " + authority.authoritative() + " is authoritative (epoch "
                    + authority.epoch() + ")");
            reached(Step.CHECKED);
            if (onTarget) {
                // Epoch 0 names the database a move started from: the target held the module all along.
                return authority.epoch() == 0 ? alreadyOnTarget(s, t, 0) : complete(s, t, authority.epoch(), fwd, rev);
            }
            if (tables.isEmpty()) {
                // No move ever touched either side, and only the target has the module's tables.
                return alreadyOnTarget(s, t, 0);
            }
            MovePreconditions.check(source, s, target, t, settings, both.onTarget() == null);
            endStalePause(s);
            Placement.install(s, source, settings.module(), tables, Placement.readers(s, settings), source.label());
            String migrated = TargetSchema.migrate(target, settings, TargetSchema.history(s, settings.module()), t);
            List<String> targetTables = TargetSchema.dataTables(t, settings.module());
            if (!targetTables.equals(tables)) {
                throw new MoveException("the tables of " + settings.module() + " differ after migrating: source " + tables
                        + ", target " + targetTables + "; drop the extra tables on the target");
            }
            Placement.install(t, target, settings.module(), tables, Placement.readers(t, settings), source.label());
            log.accept("target prepared: schema " + settings.module() + " migrated as " + settings.ownerRole() + " "
                    + migrated + ", placement row and write guard on both sides, tables " + tables);
            reached(Step.TARGET_PREPARED);

            Replication.publish(s, settings.publication(), settings.module(), tables);
            Replication.publish(t, settings.publication(), settings.module(), tables);
            log.accept("publication " + settings.publication() + " on both sides: " + tables);
            reached(Step.PUBLISHED);

            Subscriptions.dropSubscription(s, rev);
            if (Subscriptions.subscriptionEnabled(t, fwd) && ReplicationSlots.slotExists(s, fwd)) {
                log.accept("subscription " + fwd + " exists and runs: resuming it");
            } else {
                Subscriptions.dropSubscription(t, fwd);
                ReplicationSlots.dropOrphanSlots(s, source.label(), settings, pairNames(), null, log);
                TargetSchema.truncate(t, settings.module(), tables);
                Subscriptions.subscribe(t, fwd, source, settings.publication(), true);
                log.accept("subscription " + fwd + " on " + target.label() + " (slot on " + source.label()
                        + "): initial copy started");
            }
            ReplicationSlots.dropOrphanSlots(t, target.label(), settings, pairNames(), null, log);
            reached(Step.SUBSCRIBED);

            Switchover switchover = new Switchover(source, target, settings, log, this::reached);
            switchover.catchUp(s, t, fwd);
            reached(Step.CAUGHT_UP);

            Switchover.Result switched = switchover.run(s, t, authority.epoch(), fwd, rev);
            return verify(t, s, switched.epoch(), rev, switched.pause(), switched.sequences());
        } catch (SQLException e) {
            throw new MoveException("module " + settings.module() + " move from " + source.label() + " to " + target.label()
                    + " failed: " + Endpoint.oneLine(e) + (passing(e) ? " (run it again: it resumes)"
                    : " (fix that, then run it again: it resumes)"), e);
        }
    }

    /**
     * Whether a failure may pass by itself, so that running again alone can succeed: a connection lost, a transaction
     * rolled back, a server out of resources, an object busy or a server shutting down (SQLSTATE classes 08, 40, 53,
     * 55, 57, 58 of PostgreSQL's error codes, appendix A), or no SQLSTATE at all. The others (a missing role, a privilege
     * denied, a value refused) fail again until what they name is fixed.
     */
    static boolean passing(SQLException failure) {
        String state = failure.getSQLState();
        return state == null || state.length() < 2
                || List.of("08", "40", "53", "55", "57", "58").contains(state.substring(0, 2));
    }

    /** Completes a switch already committed on the source: the target's row, the way back, no stray objects. */
    private Report complete(Connection s, Connection t, long epoch, String fwd, String rev) throws SQLException {
        Placement.name(t, settings.module(), target.label(), epoch);
        Placement.name(s, settings.module(), target.label(), epoch);
        Subscriptions.dropSubscription(t, fwd);
        if (TargetSchema.dataTables(s, settings.module()).isEmpty()) {
            return sourceDropped(s, t, epoch, rev);
        }
        List<String> tables = TargetSchema.dataTables(t, settings.module());
        Replication.publish(t, settings.publication(), settings.module(), tables);
        if (!(Subscriptions.subscriptionEnabled(s, rev) && ReplicationSlots.slotExists(t, rev))) {
            Subscriptions.dropSubscription(s, rev);
            ReplicationSlots.dropOrphanSlots(t, target.label(), settings, pairNames(), null, log);
            TargetSchema.truncate(s, settings.module(), tables);
            Subscriptions.subscribe(s, rev, target, settings.publication(), true);
            log.accept("replication back to " + source.label() + " was missing: " + rev + " made again with a copy");
            while (!Subscriptions.copyDone(s, rev)) {
                Replication.sleep(Duration.ofMillis(50));
            }
        }
        ReplicationSlots.dropOrphanSlots(s, source.label(), settings, pairNames(), null, log);
        ReplicationSlots.dropOrphanSlots(t, target.label(), settings, pairNames(), rev, log);
        log.accept("module " + settings.module() + " is on " + target.label() + " (epoch " + epoch + "): switch complete");
        reached(Step.SWITCHED);
        return verify(t, s, epoch, rev, Duration.ZERO, Map.of());
    }

    /**
     * The module never left the target (a rollback's move back of a module whose move had not switched): nothing
     * moves; what an unfinished move from the target left (subscriptions both ways, slots, publications, an announced
     * pause) is dropped, as {@link MoveAbort} of that move would.
     */
    private Report alreadyOnTarget(Connection s, Connection t, long epoch) throws SQLException {
        MoveAbort.tearDown(t, target, s, source, settings, log);
        log.accept(settings.module() + " is already on " + target.label() + ": nothing to move");
        return new Report(target.label(), epoch, Duration.ZERO, Duration.ZERO, Map.of(), List.of(), false);
    }

    /**
     * The move completed and its copy on the source was dropped since ({@code drop-source}): there is no way back to
     * make and nothing to verify. A deployment re-runs its move on every release, so this is "done", not an error; the
     * replication the drop ended stays ended (any slot of the module left on either side is dropped).
     */
    private Report sourceDropped(Connection s, Connection t, long epoch, String rev) throws SQLException {
        Subscriptions.dropSubscription(s, rev);
        ReplicationSlots.dropOrphanSlots(s, source.label(), settings, pairNames(), null, log);
        ReplicationSlots.dropOrphanSlots(t, target.label(), settings, pairNames(), null, log);
        log.accept("module " + settings.module() + " is on " + target.label() + " (epoch " + epoch + ") and its copy on "
                + source.label() + " was dropped (drop-source): nothing to move or verify");
        reached(Step.SWITCHED);
        return new Report(target.label(), epoch, Duration.ZERO, Duration.ZERO, Map.of(), List.of(), false);
    }

    /**
     * Ends a write pause a switch that did not finish announced on the source (its process died between announcing it
     * and committing or giving up): no other run of the module holds its lock, so it is no running switch's, and this
     * move announces its own at its switch.
     */
    private void endStalePause(Connection s) throws SQLException {
        AnnouncedPause pause = AnnouncedPause.read(s, settings.module());
        if (pause != null) {
            Placement.clearPause(s, settings.module());
            log.accept("ended the write pause announced on " + source.label() + " until " + pause.until() + " ("
                    + (pause.stale() ? "stale, " + Durations.text(pause.ahead()) + " ago" : Durations.text(pause.ahead())
                            + " ahead") + "): a switch that did not finish left it");
        }
    }

    /** Verifies both sides (see {@link Verification}) and reports the move. */
    private Report verify(Connection authoritative, Connection replica, long epoch, String slot, Duration switchPause,
            Map<String, Long> sequences) throws SQLException {
        Verification.Result result = Verification.run(target, source, authoritative, replica, slot, settings, log);
        reached(Step.VERIFIED);
        return new Report(target.label(), epoch, switchPause, result.pause(), sequences, result.tables(), true);
    }

    /** The subscription and slot names of this pair's move, either way round. */
    private List<String> pairNames() {
        return settings.pairNames(source, target);
    }

    private void reached(Step step) {
        try {
            listener.reached(step);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new MoveException("stopped at " + step + ": " + e.getMessage(), e);
        }
    }
}

package dev.forum.datamove;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.datamove.support.EnabledIfThrowawayPostgres;
import dev.forum.datamove.support.HeldRun;
import dev.forum.datamove.support.LogicalServers;
import dev.forum.datamove.support.ModuleDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One writing run of a module at a time ({@link ConcurrentMoves}, <b>Running</b>), on two PostgreSQL 15 servers made
 * for this class: every {@code move}, {@code abort} and {@code drop-source} holds the module's lock on both databases
 * for its whole run, so an abort or a drop-source beside a running move, and a move beside a running abort or
 * drop-source, is refused before it writes anything, in one line naming the run that holds the lock; nothing changes
 * on either side, the running one finishes, and the refused command runs once it has ended. {@code status} takes no
 * lock and answers while a move runs. The runs are held in another thread ({@link HeldRun}): a move at a
 * {@link Step}, an abort or a drop-source at a line it logs.
 */
@EnabledIfThrowawayPostgres
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class OneWriterAtATimeIntegrationTest {

    @RegisterExtension
    static final LogicalServers servers = new LogicalServers();

    /**
     * Held before anything of the move exists but its lock, while its subscription copies, and in its switch with the
     * forward subscription dropped and the way back not made yet (where an abort would leave no replication at all).
     */
    @ParameterizedTest(name = "held at {0}")
    @EnumSource(value = Step.class, names = {"CHECKED", "SUBSCRIBED", "SWITCH_FORWARD_DROPPED"})
    void anAbortBesideARunningMoveIsRefusedBeforeWritingAndTheMoveFinishes(Step at) throws Exception {
        try (ModuleDatabases pair = new ModuleDatabases(servers.shared(), "shared", servers.own(), "a", "posts")) {
            Endpoint b = pair.addDatabase("b");
            seed(pair, 500);
            try (HeldRun<ModuleMove.Report> move = HeldRun.move(pair.source, pair.target, pair.settings(), at)) {
                String sharedBefore = pair.state(pair.source);
                String aBefore = pair.state(pair.target);
                String bBefore = pair.state(b);

                List<String> log = new ArrayList<>();
                MoveException refused = assertThrows(MoveException.class,
                        () -> new MoveAbort(pair.source, pair.target, pair.settings(), log::add).run());
                assertEquals("another data-move run (a move of posts from shared to a) holds its lock on shared: this"
                        + " abort of posts, from shared to a, is refused and nothing was changed; wait until that run has"
                        + " ended (status --module posts --source shared --target a shows where it is)", refused.getMessage());
                // Of another pair too: the lock is the module's.
                assertEquals(refused("a move", pair.source, pair.target, pair.source, "abort", pair.source, b),
                        assertThrows(MoveException.class,
                                () -> new MoveAbort(pair.source, b, pair.settings(), log::add).run()).getMessage());
                assertEquals(List.of(), log, "refused before its first line");
                assertEquals(sharedBefore, pair.state(pair.source), "nothing written on shared");
                assertEquals(aBefore, pair.state(pair.target), "nothing written on a");
                assertEquals(bBefore, pair.state(b), "nothing written on b");

                // status takes no lock: it shows where the running move is.
                List<String> status = MoveStatus.of(pair.source, pair.target, pair.settings());
                assertEquals(at == Step.CHECKED ? "shared: no placement row (no move has touched it)"
                        : "shared: placement names shared at epoch 0 (takes the writes)", status.get(0));
                // In its switch, the pause it announced (ahead, or past if the test held the switch beyond its bound).
                int next = 1;
                if (at == Step.SWITCH_FORWARD_DROPPED) {
                    assertTrue(status.get(next++).matches("shared: write pause announced until [0-9-]+ [0-9:.]+ UTC,"
                            + " [0-9]+ m?s (ahead|ago): .*"), status.toString());
                }
                // and which run holds the lock, on both sides, as the refusal above says it would.
                assertEquals("shared: the module's lock is held by a move of posts from shared to a", status.get(next));
                assertTrue(status.contains("a: the module's lock is held by a move of posts from shared to a"),
                        status.toString());
                if (at == Step.SUBSCRIBED) { // the copy has its own time: the table is at one of its states
                    assertTrue(status.stream().anyMatch(line -> line.matches("a: subscription forum_move_posts_shared_to_a"
                            + " enabled, its tables: [1-9][0-9]* (waiting to copy|copying|catching up|ready)( \\(posts\\.[a-z_]+.*)?")),
                            status.toString());
                }

                ModuleMove.Report report = move.finish();
                assertEquals("a", report.authoritative());
                assertEquals(1, report.epoch());
                assertTrue(report.moved() && report.tables().stream().allMatch(TableChecksums.Comparison::equal),
                        report.tables().toString());
            }
            assertEquals("500", pair.psql(pair.target, "select count(*) from posts.posts"));
            assertEquals("a|1", pair.psql(pair.source, "select authoritative || '|' || epoch from forum_move.placement"));
        }
    }

    @Test
    void aDropSourceBesideARunningReRunOrMoveBackIsRefusedBeforeWritingAndRunsAfter() throws Exception {
        try (ModuleDatabases pair = new ModuleDatabases(servers.shared(), "shared", servers.own(), "a", "posts")) {
            seed(pair, 200);
            new ModuleMove(pair.source, pair.target, pair.settings(), line -> { }, step -> { }).run();
            // A re-run of the finished move (a deployment's, on its next release), then the move back over the way
            // back, caught up: either reads the tables on shared that drop-source would drop.
            for (Endpoint[] running : List.of(new Endpoint[] {pair.source, pair.target},
                    new Endpoint[] {pair.target, pair.source})) {
                Step at = running[0] == pair.source ? Step.CHECKED : Step.CAUGHT_UP;
                try (HeldRun<ModuleMove.Report> move = HeldRun.move(running[0], running[1], pair.settings(), at)) {
                    String sharedBefore = pair.state(pair.source);
                    String aBefore = pair.state(pair.target);
                    List<String> log = new ArrayList<>();
                    MoveException refused = assertThrows(MoveException.class,
                            () -> new SourceDrop(pair.source, pair.target, pair.settings(), log::add).run());
                    assertEquals(refused("a move", running[0], running[1], pair.source, "drop-source", pair.source,
                            pair.target), refused.getMessage());
                    assertEquals(List.of(), log, "refused before its first line");
                    assertEquals(sharedBefore, pair.state(pair.source), "nothing dropped on shared");
                    assertEquals(aBefore, pair.state(pair.target), "nothing dropped on a");
                    assertEquals("200", pair.psql(pair.source, "select count(*) from posts.posts"));

                    ModuleMove.Report report = move.finish();
                    assertEquals(running[1].label(), report.authoritative());
                    assertTrue(report.tables().stream().allMatch(TableChecksums.Comparison::equal), report.tables().toString());
                }
            }
            // Nothing runs now: the drop of the move back's source (a) runs as before.
            SourceDrop.Report dropped = new SourceDrop(pair.target, pair.source, pair.settings(), line -> { }).run();
            assertEquals("shared", dropped.authoritative());
            assertEquals(2, dropped.epoch());
            assertFalse(dropped.objects().isEmpty(), "a's copy dropped");
            assertEquals("200", pair.psql(pair.source, "select count(*) from posts.posts"));
        }
    }

    @Test
    void aMoveIsRefusedWhileAnAbortOrADropSourceRunsOrAnySessionHoldsTheLock() throws Exception {
        try (ModuleDatabases pair = new ModuleDatabases(servers.shared(), "shared", servers.own(), "a", "posts")) {
            seed(pair, 100);
            assertThrows(IllegalStateException.class, () -> new ModuleMove(pair.source, pair.target, pair.settings(),
                    line -> { }, step -> {
                        if (step == Step.SUBSCRIBED) {
                            throw new IllegalStateException("killed at " + step);
                        }
                    }).run());

            // The abort of that move, held after its tear-down with its lock still held.
            try (HeldRun<Void> abort = HeldRun.abort(pair.source, pair.target, pair.settings(), "aborted: ")) {
                String sharedBefore = pair.state(pair.source);
                String aBefore = pair.state(pair.target);
                List<String> log = new ArrayList<>();
                for (Endpoint[] other : List.of(new Endpoint[] {pair.source, pair.target},
                        new Endpoint[] {pair.target, pair.source})) {
                    assertEquals(refused("an abort", pair.source, pair.target, other[0], "move", other[0], other[1]),
                            assertThrows(MoveException.class, () -> new ModuleMove(other[0], other[1], pair.settings(),
                                    log::add, step -> { }).run()).getMessage());
                }
                assertEquals(refused("an abort", pair.source, pair.target, pair.source, "drop-source", pair.source,
                        pair.target), assertThrows(MoveException.class,
                                () -> new SourceDrop(pair.source, pair.target, pair.settings(), log::add).run()).getMessage());
                assertEquals(List.of(), log, "refused before the first step");
                assertEquals(sharedBefore, pair.state(pair.source), "nothing written on shared");
                assertEquals(aBefore, pair.state(pair.target), "nothing written on a");
                abort.finish();
            }
            assertEquals("a", new ModuleMove(pair.source, pair.target, pair.settings(), line -> { }, step -> { }).run()
                    .authoritative(), "the abort has ended: the move runs");

            // drop-source, held with the replication ended and the tables on shared not dropped yet.
            try (HeldRun<SourceDrop.Report> drop = HeldRun.dropSource(pair.source, pair.target, pair.settings(),
                    "replication of posts between shared and a ended")) {
                String sharedBefore = pair.state(pair.source);
                String aBefore = pair.state(pair.target);
                List<String> log = new ArrayList<>();
                // The move back, whose replication it has just ended, and a re-run, whose way back it would drop.
                for (Endpoint[] other : List.of(new Endpoint[] {pair.target, pair.source},
                        new Endpoint[] {pair.source, pair.target})) {
                    assertEquals(refused("a drop-source", pair.source, pair.target, other[0], "move", other[0], other[1]),
                            assertThrows(MoveException.class, () -> new ModuleMove(other[0], other[1], pair.settings(),
                                    log::add, step -> { }).run()).getMessage());
                }
                assertEquals(List.of(), log, "refused before the first step");
                assertEquals(sharedBefore, pair.state(pair.source), "nothing written on shared");
                assertEquals(aBefore, pair.state(pair.target), "nothing written on a");
                assertEquals("100", pair.psql(pair.source, "select count(*) from posts.posts"), "not dropped yet");
                assertFalse(drop.finish().objects().isEmpty(), "shared's copy dropped once the drop went on");
            }

            // A session that does not say what it is (not data-move's, or of an older one): the refusal says what
            // could hold it; the lock goes with the session.
            try (Connection holder = pair.target.connect();
                    PreparedStatement lock = holder.prepareStatement("select pg_advisory_lock(?, ?)")) {
                lock.setInt(1, ConcurrentMoves.LOCK_CLASS);
                lock.setInt(2, "posts".hashCode());
                lock.executeQuery().close();
                assertEquals("another data-move run (a move, abort or drop-source of posts) holds its lock on a: this move"
                        + " of posts, from shared to a, is refused and nothing was changed; wait until that run has ended"
                        + " (its status shows where it is)", assertThrows(MoveException.class, () -> new ModuleMove(
                                pair.source, pair.target, pair.settings(), line -> { }, step -> { }).run()).getMessage());
                assertTrue(MoveStatus.of(pair.source, pair.target, pair.settings()).contains("a: the module's lock is held"
                        + " by a session that does not say what it is (a move, abort or drop-source of posts, or another tool)"));
            }
            assertFalse(new ModuleMove(pair.source, pair.target, pair.settings(), line -> { }, step -> { }).run().moved(),
                    "the session has ended: the re-run runs, and finds shared's copy dropped");
        }
    }

    private static void seed(ModuleDatabases pair, int rows) {
        pair.psql(pair.source, "insert into posts.posts (thread_id, text, user_id) select 1 + g % 7, 'seed ' || g,"
                + " 1 + g % 5 from generate_series(1, " + rows + ") g");
    }

    /**
     * The refusal by the module's lock ({@link ConcurrentMoves#refusal}) of {@code command} from {@code from} to
     * {@code to}, held on {@code at} by {@code holder} ({@code a move}, {@code an abort}, ...) from {@code heldFrom} to
     * {@code heldTo}.
     */
    private static String refused(String holder, Endpoint heldFrom, Endpoint heldTo, Endpoint at, String command,
            Endpoint from, Endpoint to) {
        return "another data-move run (" + holder + " of posts from " + heldFrom.label() + " to " + heldTo.label()
                + ") holds its lock on " + at.label() + ": this " + command + " of posts, from " + from.label() + " to "
                + to.label() + ", is refused and nothing was changed; wait until that run has ended (status --module posts"
                + " --source " + heldFrom.label() + " --target " + heldTo.label() + " shows where it is)";
    }
}

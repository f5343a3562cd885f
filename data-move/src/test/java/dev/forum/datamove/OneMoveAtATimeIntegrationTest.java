package dev.forum.datamove;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.datamove.support.EnabledIfThrowawayPostgres;
import dev.forum.datamove.support.HeldRun;
import dev.forum.datamove.support.LogicalServers;
import dev.forum.datamove.support.ModuleDatabases;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One move of a module at a time ({@link ConcurrentMoves}), on two PostgreSQL 15 servers made for this class and
 * further databases: a {@code move} of the module with another pair is refused at its start while a
 * move's subscription or slot is live on its source or its target (a running move from the same source, the way back
 * of a finished move, an orphaned slot, a disabled subscription), in one line naming that move and the command that
 * ends it, with nothing written on either side; the running move still finishes, and a re-run of the same pair is
 * accepted as before. A move that has not made its subscription yet is told apart by its lock: a second move of the
 * module, of any pair, is refused while it runs ({@link OneWriterAtATimeIntegrationTest}: abort and drop-source too).
 */
@EnabledIfThrowawayPostgres
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class OneMoveAtATimeIntegrationTest {

    @RegisterExtension
    static final LogicalServers servers = new LogicalServers();

    @Test
    void aSecondMoveBesideARunningOneIsRefusedBeforeWritingAndTheRunningMoveFinishes() {
        try (ModuleDatabases pair = new ModuleDatabases(servers.shared(), "shared", servers.own(), "a", "posts")) {
            Endpoint b = pair.addDatabase("b");
            pair.psql(pair.source, "insert into posts.posts (thread_id, text, user_id) select 1 + g % 7, 'seed ' || g, 1 + g % 5"
                    + " from generate_series(1, 200) g");
            killedAt(pair, pair.source, pair.target, Step.CAUGHT_UP); // posts moving from shared to a, copied, replicating
            awaitInUse(pair, pair.source, "forum_move_posts_shared_to_a");
            String sharedBefore = pair.state(pair.source);
            String aBefore = pair.state(pair.target);
            String bBefore = pair.state(b);

            List<String> log = new ArrayList<>();
            MoveException refused = assertThrows(MoveException.class,
                    () -> new ModuleMove(pair.source, b, pair.settings(), log::add, step -> { }).run());
            assertEquals("module posts is moving from shared to a (slot forum_move_posts_shared_to_a on shared, in use): a"
                    + " second move of posts, from shared to b, is refused and nothing was changed; wait until that move has"
                    + " ended (a finished move from a to shared keeps it as its way back until drop-source --module posts"
                    + " --source a --target shared), or end it with abort --module posts --source shared --target a",
                    refused.getMessage());
            assertEquals(List.of(), log, "refused before its first step");
            // Into the same target from another source, and onward from that target: the same move named, from its
            // subscription on a (before a refusal of a's placement row, which names shared).
            for (Endpoint[] other : List.of(new Endpoint[] {b, pair.target}, new Endpoint[] {pair.target, b})) {
                assertTrue(assertThrows(MoveException.class, () -> new ModuleMove(other[0], other[1], pair.settings(),
                        log::add, step -> { }).run()).getMessage().startsWith("module posts is moving from shared to a"
                                + " (subscription forum_move_posts_shared_to_a on a): a second move of posts, from "
                                + other[0].label() + " to " + other[1].label() + ", is refused and nothing was changed;"));
            }
            assertEquals(List.of(), log);
            assertEquals(sharedBefore, pair.state(pair.source), "nothing written on the source");
            assertEquals(aBefore, pair.state(pair.target), "nothing written on a");
            assertEquals(bBefore, pair.state(b), "nothing written on the target");
            assertTrue(bBefore.startsWith("slots: ; subscriptions: ; publications: ; forum_move: false; posts: ;"), bBefore);

            // The running move goes on and finishes over its subscription; the same pair run again is accepted.
            pair.psql(pair.source, "insert into posts.posts (thread_id, text, user_id) values (1, 'after the refusal', 1)");
            List<String> moved = new ArrayList<>();
            ModuleMove.Report report = new ModuleMove(pair.source, pair.target, pair.settings(), moved::add, step -> { }).run();
            assertTrue(moved.contains("subscription forum_move_posts_shared_to_a exists and runs: resuming it"), moved.toString());
            assertEquals("a", report.authoritative());
            assertTrue(report.tables().stream().allMatch(TableChecksums.Comparison::equal), report.tables().toString());
            assertEquals("201", pair.psql(pair.target, "select count(*) from posts.posts"));
            ModuleMove.Report again = new ModuleMove(pair.source, pair.target, pair.settings(), line -> { }, step -> { }).run();
            assertEquals(1, again.epoch());
            assertTrue(again.moved() && again.tables().stream().allMatch(TableChecksums.Comparison::equal));
            assertEquals(bBefore, pair.state(b));
        }
    }

    @Test
    void aMoveStartedBeforeTheFirstHasMadeItsSubscriptionIsRefusedByItsLock() throws Exception {
        try (ModuleDatabases pair = new ModuleDatabases(servers.shared(), "shared", servers.own(), "a", "posts")) {
            Endpoint b = pair.addDatabase("b");
            pair.psql(pair.source, "insert into posts.posts (thread_id, text, user_id) select 1, 'seed ' || g, 1"
                    + " from generate_series(1, 30) g");
            // The first move holds at its first step: no publication, slot or subscription of it exists yet, so only
            // its lock tells the others it runs.
            try (HeldRun<ModuleMove.Report> first = HeldRun.move(pair.source, pair.target, pair.settings(), Step.CHECKED)) {
                String sharedBefore = pair.state(pair.source);
                String bBefore = pair.state(b);

                List<String> log = new ArrayList<>();
                for (Endpoint[] other : List.of(new Endpoint[] {pair.source, b}, new Endpoint[] {b, pair.target},
                        new Endpoint[] {pair.source, pair.target})) {
                    MoveException refused = assertThrows(MoveException.class, () -> new ModuleMove(other[0], other[1],
                            pair.settings(), log::add, step -> { }).run());
                    String held = other[0] == b ? "a" : "shared";
                    assertEquals("another data-move run (a move of posts from shared to a) holds its lock on " + held
                            + ": this move of posts, from " + other[0].label() + " to " + other[1].label() + ", is refused"
                            + " and nothing was changed; wait until that run has ended (status --module posts --source"
                            + " shared --target a shows where it is)", refused.getMessage());
                }
                assertEquals(List.of(), log, "refused before its first step");
                assertEquals(sharedBefore, pair.state(pair.source), "nothing written on the source");
                assertEquals(bBefore, pair.state(b), "nothing written on b");

                assertEquals("a", first.finish().authoritative());
            }
            // Its lock went with its connections: the same pair's re-run, right after, is accepted.
            assertEquals("a", new ModuleMove(pair.source, pair.target, pair.settings(), line -> { }, step -> { }).run()
                    .authoritative());
            assertEquals("30", pair.psql(pair.target, "select count(*) from posts.posts"));
        }
    }

    @Test
    void theWayBackOfAFinishedMoveRefusesAMoveOnwardUntilDropSourceEndsIt() {
        try (ModuleDatabases pair = new ModuleDatabases(servers.shared(), "shared", servers.own(), "a", "posts")) {
            Endpoint b = pair.addDatabaseOnSourceServer("b");
            pair.psql(pair.source, "insert into posts.posts (thread_id, text, user_id) select 1, 'seed ' || g, 1"
                    + " from generate_series(1, 50) g");
            new ModuleMove(pair.source, pair.target, pair.settings(), line -> { }, step -> { }).run();
            awaitInUse(pair, pair.target, "forum_move_posts_a_to_shared");
            String aBefore = pair.state(pair.target);
            String bBefore = pair.state(b);

            // a holds posts and replicates to shared (the way back): moving it on from a to b is a second move.
            MoveException refused = assertThrows(MoveException.class,
                    () -> new ModuleMove(pair.target, b, pair.settings(), line -> { }, step -> { }).run());
            assertEquals("module posts is moving from a to shared (slot forum_move_posts_a_to_shared on a, in use): a second"
                    + " move of posts, from a to b, is refused and nothing was changed; wait until that move has ended (a"
                    + " finished move from shared to a keeps it as its way back until drop-source --module posts --source"
                    + " shared --target a), or end it with abort --module posts --source a --target shared",
                    refused.getMessage());
            assertEquals(aBefore, pair.state(pair.target));
            assertEquals(bBefore, pair.state(b));

            // As the refusal says: drop-source ends the way back, and then the move onward runs.
            new SourceDrop(pair.source, pair.target, pair.settings(), line -> { }).run();
            ModuleMove.Report onward = new ModuleMove(pair.target, b, pair.settings(), line -> { }, step -> { }).run();
            assertEquals("b", onward.authoritative());
            assertEquals("50", pair.psql(b, "select count(*) from posts.posts"));
        }
    }

    @Test
    void anOrphanedSlotOrADisabledSubscriptionOfAnotherPairOnTheTargetRefusesTheMoveUntilEnded() {
        try (ModuleDatabases pair = new ModuleDatabases(servers.shared(), "shared", servers.own(), "own", "posts")) {
            // What a crashed move of posts from own to old left on own: a slot no subscription reads.
            pair.psql(pair.target, "select pg_create_logical_replication_slot('forum_move_posts_own_to_old', 'pgoutput')");
            String ownBefore = pair.state(pair.target);
            String sharedBefore = pair.state(pair.source);
            MoveException orphan = assertThrows(MoveException.class,
                    () -> new ModuleMove(pair.source, pair.target, pair.settings(), line -> { }, step -> { }).run());
            assertEquals("module posts is moving from own to old (slot forum_move_posts_own_to_old on own, no WAL sender"
                    + " uses it): a second move of posts, from shared to own, is refused and nothing was changed; wait until"
                    + " that move has ended (a finished move from old to own keeps it as its way back until drop-source"
                    + " --module posts --source old --target own), or end it with abort --module posts --source own --target"
                    + " old (if old is gone: select pg_drop_replication_slot('forum_move_posts_own_to_old') on own)",
                    orphan.getMessage());
            assertEquals(ownBefore, pair.state(pair.target));
            assertEquals(sharedBefore, pair.state(pair.source));
            pair.psql(pair.target, "select pg_drop_replication_slot('forum_move_posts_own_to_old')");

            // A subscription of a move from old into own, disabled (its publisher unreachable, say).
            pair.psql(pair.target, "create subscription forum_move_posts_old_to_own connection 'host=127.0.0.1 port=9"
                    + " dbname=gone' publication forum_move_posts with (connect = false)");
            MoveException subscribed = assertThrows(MoveException.class,
                    () -> new ModuleMove(pair.source, pair.target, pair.settings(), line -> { }, step -> { }).run());
            assertTrue(subscribed.getMessage().startsWith("module posts is moving from old to own (subscription"
                    + " forum_move_posts_old_to_own on own, disabled): a second move of posts, from shared to own, is"
                    + " refused and nothing was changed;"), subscribed.getMessage());
            assertTrue(subscribed.getMessage().endsWith("or end it with abort --module posts --source old --target own"),
                    subscribed.getMessage());
            pair.psql(pair.target, "alter subscription forum_move_posts_old_to_own set (slot_name = none);"
                    + " drop subscription forum_move_posts_old_to_own");

            // Nothing of another move left: the move runs.
            assertEquals("own", new ModuleMove(pair.source, pair.target, pair.settings(), line -> { }, step -> { }).run()
                    .authoritative());
        }
    }

    private static void killedAt(ModuleDatabases pair, Endpoint from, Endpoint to, Step stop) {
        assertThrows(IllegalStateException.class, () -> new ModuleMove(from, to, pair.settings(), line -> { }, step -> {
            if (step == stop) {
                throw new IllegalStateException("killed at " + step);
            }
        }).run());
    }

    /** Waits (at most 30 s) until a WAL sender uses the slot: a subscription just enabled connects a moment later. */
    private static void awaitInUse(ModuleDatabases pair, Endpoint side, String slot) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!pair.slots(side).contains(slot + "|true")) {
            assertTrue(System.nanoTime() < deadline, slot + " not in use: " + pair.slots(side));
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}

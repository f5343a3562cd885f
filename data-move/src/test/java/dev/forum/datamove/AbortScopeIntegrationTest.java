package dev.forum.datamove;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.datamove.support.EnabledIfThrowawayPostgres;
import dev.forum.datamove.support.LogicalServers;
import dev.forum.datamove.support.ModuleDatabases;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code abort} acts on the replication of the pair it is given only ({@link MovePair#dropReplication}), on two
 * PostgreSQL 15 servers made for this class and a third database on the second: given the wrong target while the
 * module moves from {@code shared} to {@code third}, it drops the orphaned slot of its own pair, names the slots of
 * the other pairs and leaves them with the publication they read, and the move to {@code third} finishes once the
 * given-up move's slot is ended as its refusal says; objects named as a module {@code posts_x} would name them (a name
 * refused now) are not the module {@code posts}'s to drop.
 */
@EnabledIfThrowawayPostgres
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class AbortScopeIntegrationTest {

    @RegisterExtension
    static final LogicalServers servers = new LogicalServers();

    @Test
    void abortGivenAnotherTargetLeavesTheMoveToAThirdDatabaseRunningAndFinishable() {
        try (ModuleDatabases pair = new ModuleDatabases(servers.shared(), "shared", servers.own(), "own", "posts")) {
            Endpoint third = pair.addDatabase("third");
            pair.psql(pair.source, "insert into posts.posts (thread_id, text, user_id) select 1 + g % 7, 'seed ' || g, 1 + g % 5"
                    + " from generate_series(1, 300) g");
            killedAt(pair, pair.source, third, Step.CAUGHT_UP);
            // An orphaned slot of the pair shared/own (its subscription dropped without it), and one a move of posts to
            // a database since given up left.
            pair.psql(pair.source, "select pg_create_logical_replication_slot('forum_move_posts_shared_to_own', 'pgoutput')");
            pair.psql(pair.source, "select pg_create_logical_replication_slot('forum_move_posts_shared_to_old', 'pgoutput')");

            List<String> log = new ArrayList<>();
            new MoveAbort(pair.source, pair.target, pair.settings(), log::add).run();

            assertTrue(log.contains("dropped orphaned replication slot forum_move_posts_shared_to_own"), log.toString());
            assertTrue(log.contains("left replication slot forum_move_posts_shared_to_third on shared: it is of the move of"
                    + " posts from shared to third, not of this one, and in use"), log.toString());
            assertTrue(log.contains("left replication slot forum_move_posts_shared_to_old on shared: it is of the move of"
                    + " posts from shared to old, not of this one, and no WAL sender uses it: if that move was given up, run"
                    + " abort --source shared --target old (if old is gone: select pg_drop_replication_slot("
                    + "'forum_move_posts_shared_to_old') on shared)"), log.toString());
            assertTrue(log.contains("kept publication forum_move_posts on shared: a move of posts with another database reads"
                    + " it (slots forum_move_posts_shared_to_old, forum_move_posts_shared_to_third)"), log.toString());
            assertEquals("aborted: no subscription or slot of posts between shared and own is left (publication kept on"
                    + " shared, above); shared stays authoritative", log.getLast());
            assertEquals(List.of("forum_move_posts_shared_to_old", "forum_move_posts_shared_to_third"),
                    moveSlots(pair, pair.source), "the other pairs' slots stay");
            assertEquals("forum_move_posts", pair.psql(pair.source, "select string_agg(pubname, ',') from pg_publication"));
            assertEquals("t", pair.psql(third, "select subenabled from pg_subscription"
                    + " where subname = 'forum_move_posts_shared_to_third'"), "the move to third still subscribes");

            // Run again, abort still answers, and still leaves the move to third.
            new MoveAbort(pair.source, pair.target, pair.settings(), log::add).run();
            assertEquals(2, log.stream().filter(line -> line.startsWith("aborted: ")).count(), log.toString());

            // The move to third goes on, but is not run again while the given-up move's slot is there (one move of a
            // module at a time, ConcurrentMoves): the refusal names it, and the abort it gives ends it.
            pair.psql(pair.source, "insert into posts.posts (thread_id, text, user_id) values (1, 'after the abort', 1)");
            assertEquals("module posts is moving from shared to old (slot forum_move_posts_shared_to_old on shared, no WAL"
                    + " sender uses it): a second move of posts, from shared to third, is refused and nothing was changed;"
                    + " wait until that move has ended (a finished move from old to shared keeps it as its way back until"
                    + " drop-source --module posts --source old --target shared), or end it with abort --module posts"
                    + " --source shared --target old (if old is gone: select pg_drop_replication_slot("
                    + "'forum_move_posts_shared_to_old') on shared)", assertThrows(MoveException.class,
                            () -> new ModuleMove(pair.source, third, pair.settings(), line -> { }, step -> { }).run())
                            .getMessage());
            Endpoint old = pair.addDatabase("old");
            new MoveAbort(pair.source, old, pair.settings(), log::add).run();
            assertTrue(log.contains("dropped orphaned replication slot forum_move_posts_shared_to_old"), log.toString());

            // The move to third then finishes over the subscription it had (no second copy); a write after the abort
            // reaches third.
            List<String> moved = new ArrayList<>();
            ModuleMove.Report report = new ModuleMove(pair.source, third, pair.settings(), moved::add, step -> { }).run();
            assertTrue(moved.contains("subscription forum_move_posts_shared_to_third exists and runs: resuming it"),
                    moved.toString());
            assertEquals("third", report.authoritative());
            assertTrue(report.tables().stream().allMatch(TableChecksums.Comparison::equal), report.tables().toString());
            assertEquals("301", pair.psql(third, "select count(*) from posts.posts"));
            assertEquals(List.of(), moveSlots(pair, pair.source), "the way back's slot is on third");
        }
    }

    @Test
    void objectsNamedAsAModulePostsXWouldHaveThemAreNotTheModulePostsToDrop() {
        try (ModuleDatabases pair = new ModuleDatabases(servers.shared(), "shared", servers.own(), "own", "posts")) {
            killedAt(pair, pair.source, pair.target, Step.CAUGHT_UP);
            // What a move of a module posts_x from shared to own would have made on shared (the old rule allowed it).
            pair.psql(pair.source, "create publication forum_move_posts_x for table posts.posts");
            pair.psql(pair.source, "select pg_create_logical_replication_slot('forum_move_posts_x_shared_to_own', 'pgoutput')");

            List<String> log = new ArrayList<>();
            new MoveAbort(pair.source, pair.target, pair.settings(), log::add).run();
            assertEquals(List.of("forum_move_posts_x_shared_to_own"), moveSlots(pair, pair.source), log.toString());
            // By the rule of the names that slot can only be posts' from a database x_shared: another pair's, named so.
            assertTrue(log.contains("left replication slot forum_move_posts_x_shared_to_own on shared: it is of the move of"
                    + " posts from x_shared to own, not of this one, and no WAL sender uses it: if that move was given up,"
                    + " run abort --source x_shared --target own (if own is gone: select pg_drop_replication_slot("
                    + "'forum_move_posts_x_shared_to_own') on shared)"), log.toString());
            assertEquals("forum_move_posts,forum_move_posts_x", pair.psql(pair.source,
                    "select string_agg(pubname, ',' order by pubname) from pg_publication"), "neither publication dropped");
            assertEquals("", pair.psql(pair.target, "select string_agg(pubname, ',') from pg_publication"));
            assertEquals(List.of(), moveSlots(pair, pair.target));

            // A move of posts between shared and own leaves them too: by its name the slot is of posts' move from
            // x_shared to own, another pair's, so the move is refused (ConcurrentMoves) and drops nothing.
            assertTrue(assertThrows(MoveException.class, () -> new ModuleMove(pair.source, pair.target, pair.settings(),
                    log::add, step -> { }).run()).getMessage().startsWith("module posts is moving from x_shared to own"
                            + " (slot forum_move_posts_x_shared_to_own on shared, no WAL sender uses it): a second move of"
                            + " posts, from shared to own, is refused and nothing was changed;"));
            assertEquals(List.of("forum_move_posts_x_shared_to_own"), moveSlots(pair, pair.source), log.toString());
            assertEquals("forum_move_posts,forum_move_posts_x", pair.psql(pair.source,
                    "select string_agg(pubname, ',' order by pubname) from pg_publication"));

            // A module posts_x cannot be named any more, so its names cannot be read as posts' either.
            MoveSettings settings = pair.settings();
            assertEquals("module 'posts_x' is not a module name: use 1-21 lower-case letters or digits, starting with a"
                    + " letter, no _ (the move's names forum_move_<module>_<from>_to_<to> would not tell a module posts_x"
                    + " from posts)", assertThrows(MoveException.class, () -> new MoveSettings("posts_x",
                            settings.ownerRole(), settings.ownerPassword(), settings.runtimeRole(), settings.migrations(),
                            settings.sequenceMargin(), settings.catchUpTimeout(), settings.pauseBound())).getMessage());
        }
    }

    private static void killedAt(ModuleDatabases pair, Endpoint from, Endpoint to, Step stop) {
        assertThrows(IllegalStateException.class, () -> new ModuleMove(from, to, pair.settings(), line -> { }, step -> {
            if (step == stop) {
                throw new IllegalStateException("killed at " + step);
            }
        }).run());
    }

    /** The move slots on a side (a table's initial copy may hold a {@code pg_..._sync_...} slot of its own a while). */
    private static List<String> moveSlots(ModuleDatabases pair, Endpoint side) {
        return pair.slots(side).stream().filter(slot -> slot.startsWith("forum_move_"))
                .map(slot -> slot.substring(0, slot.indexOf('|'))).toList();
    }
}

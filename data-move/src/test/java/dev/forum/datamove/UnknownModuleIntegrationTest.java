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
 * {@code status} and {@code abort} of a module name that is not one there ({@link ModuleNames}), on two PostgreSQL 15
 * servers made for this class: refused in one line with the closest module the command would act on, changing
 * nothing; a module that exists but never moved still answers {@code status}, and {@code abort} still ends a move
 * started, a move already aborted and a slot of the pair orphaned with no placement row (one of another pair's move
 * it names and leaves).
 */
@EnabledIfThrowawayPostgres
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class UnknownModuleIntegrationTest {

    @RegisterExtension
    static final LogicalServers servers = new LogicalServers();

    @Test
    void statusRefusesANameWithNoSchemaRowOrReplicationAndAnswersAModuleNeverMoved() {
        try (ModuleDatabases pair = new ModuleDatabases(servers.shared(), "shared", servers.own(), "own", "posts")) {
            // module-roles.sql made the schemas posts, threads and users on both; only posts is migrated, none moved.
            String modules = ": check --module (the modules there are posts, threads, users) and --source, --target";
            assertEquals("shared and own have no schema, placement row or replication of postz (did you mean posts?)"
                    + modules, refusal(() -> status(pair, "postz")));
            assertEquals("shared and own have no schema, placement row or replication of orders" + modules,
                    refusal(() -> status(pair, "orders")));
            assertEquals(List.of("shared: no placement row (no move has touched it)", "own: no placement row (no move has"
                    + " touched it)"), status(pair, "posts"), "a module never moved");
            assertEquals(List.of("shared: no placement row (no move has touched it)", "own: no placement row (no move has"
                    + " touched it)"), status(pair, "threads"), "a module whose schema has no table yet");

            // Once a move ran, its placement row alone makes a module known: a module of another database's move too.
            killedAt(pair, Step.SUBSCRIBED);
            pair.psql(pair.source, "insert into forum_move.placement (module, here, authoritative, epoch) values"
                    + " ('orders', 'shared', 'third', 1)");
            assertEquals("shared and own have no schema, placement row or replication of order (did you mean orders?):"
                    + " check --module (the modules there are orders, posts, threads, users) and --source, --target",
                    refusal(() -> status(pair, "order")));
            assertEquals("shared: placement names third at epoch 1 (read-only for the module)",
                    status(pair, "orders").getFirst());
            List<String> posts = status(pair, "posts");
            // Killed at its subscription: the copy has its own time, so its tables are at one of the copy's states.
            assertTrue(posts.stream().anyMatch(line -> line.matches("own: subscription forum_move_posts_shared_to_own enabled,"
                    + " its tables: [1-9][0-9]* (waiting to copy|copying|catching up|ready)( \\(posts\\.[a-z_]+.*)?")), posts.toString());
        }
    }

    @Test
    void abortRefusesANameNoMoveStartedAndOffersOnlyMovesItWouldEnd() {
        try (ModuleDatabases pair = new ModuleDatabases(servers.shared(), "shared", servers.own(), "own", "posts")) {
            String none = ", nothing to abort: check --module (no move abort can end is there) and --source, --target";
            assertEquals("no move of posts has started on shared or own" + none, refusal(() -> abort(pair, "posts")),
                    "nothing of a move is there to end");
            assertEquals("no move of postz has started on shared or own" + none, refusal(() -> abort(pair, "postz")));

            killedAt(pair, Step.SUBSCRIBED);
            // Another pair's move (users, held by a third database) and a move between them that switched (threads):
            // abort refuses both, so neither is offered.
            pair.psql(pair.source, "insert into forum_move.placement (module, here, authoritative, epoch) values"
                    + " ('users', 'shared', 'third', 1), ('threads', 'shared', 'own', 1)");
            pair.psql(pair.target, "insert into forum_move.placement (module, here, authoritative, epoch) values"
                    + " ('threads', 'own', 'own', 1)");
            String posts = ", nothing to abort: check --module (moves abort can end there: posts) and --source, --target";
            assertEquals("no move of postz has started on shared or own (did you mean posts?)" + posts,
                    refusal(() -> abort(pair, "postz")));
            assertEquals("no move of orders has started on shared or own" + posts, refusal(() -> abort(pair, "orders")));
            assertEquals("no move of thread has started on shared or own" + posts, refusal(() -> abort(pair, "thread")));
            assertEquals("no move of user has started on shared or own" + posts, refusal(() -> abort(pair, "user")));
            assertEquals("own is authoritative for threads since the switch: roll back by moving it back (source and target"
                    + " swapped), not by aborting", refusal(() -> abort(pair, "threads")));
            assertEquals(List.of("forum_move_posts_shared_to_own"), moveSlots(pair, pair.source), "the refusals changed nothing");
            pair.psql(pair.source, "delete from forum_move.placement where module in ('users', 'threads')");
            pair.psql(pair.target, "delete from forum_move.placement where module = 'threads'");

            List<String> log = new ArrayList<>();
            abort(pair, "posts", log);
            assertEquals(List.of(), moveSlots(pair, pair.source));
            assertEquals("0", pair.psql(pair.target, "select count(*) from pg_subscription where subdbid ="
                    + " (select oid from pg_database where datname = current_database())"));
            // Aborted again: the placement rows stay, so the move is still known and abort says there is nothing left.
            abort(pair, "posts", log);
            assertEquals(2, log.stream().filter(line -> line.equals("aborted: no subscription, slot or publication of posts"
                    + " between shared and own is left; shared stays authoritative")).count(), log.toString());

            // A slot of a move of threads between the two, orphaned, with no placement row: abort ends it (as the slot
            // alarm advises). One a move of threads to an earlier target left is that move's: abort names it and the
            // abort that ends it, and leaves it.
            pair.psql(pair.source, "select pg_create_logical_replication_slot('forum_move_threads_shared_to_own', 'pgoutput')");
            pair.psql(pair.source, "select pg_create_logical_replication_slot('forum_move_threads_shared_to_old', 'pgoutput')");
            abort(pair, "threads", log);
            assertTrue(log.contains("dropped orphaned replication slot forum_move_threads_shared_to_own"), log.toString());
            assertTrue(log.stream().anyMatch(line -> line.startsWith("left replication slot forum_move_threads_shared_to_old"
                    + " on shared: it is of the move of threads from shared to old, not of this one, and no WAL sender uses it:"
                    + " if that move was given up, run abort --source shared --target old")), log.toString());
            assertEquals(List.of("forum_move_threads_shared_to_old"), moveSlots(pair, pair.source));
        }
    }

    /** {@code status} of {@code module} between the pair's databases. */
    private static List<String> status(ModuleDatabases pair, String module) {
        return MoveStatus.of(pair.source, pair.target, settings(pair, module));
    }

    private static void abort(ModuleDatabases pair, String module) {
        abort(pair, module, new ArrayList<>());
    }

    /** {@code abort} of {@code module}'s move between the pair's databases. */
    private static void abort(ModuleDatabases pair, String module, List<String> log) {
        new MoveAbort(pair.source, pair.target, settings(pair, module), log::add).run();
    }

    /** The settings of a move of {@code module} (with the pair's module's roles and migrations). */
    private static MoveSettings settings(ModuleDatabases pair, String module) {
        MoveSettings settings = pair.settings();
        return new MoveSettings(module, settings.ownerRole(), settings.ownerPassword(), settings.runtimeRole(),
                settings.migrations(), settings.sequenceMargin(), settings.catchUpTimeout(), settings.pauseBound());
    }

    private static String refusal(Runnable command) {
        return assertThrows(MoveException.class, command::run).getMessage();
    }

    private static void killedAt(ModuleDatabases pair, Step stop) {
        assertThrows(IllegalStateException.class, () -> new ModuleMove(pair.source, pair.target, pair.settings(),
                line -> { }, step -> {
                    if (step == stop) {
                        throw new IllegalStateException("killed at " + step);
                    }
                }).run());
    }

    /** The move's slots on a side (a table's initial copy may hold a {@code pg_..._sync_...} slot of its own a while). */
    private static List<String> moveSlots(ModuleDatabases pair, Endpoint side) {
        return pair.slots(side).stream().filter(slot -> slot.startsWith("forum_move_"))
                .map(slot -> slot.substring(0, slot.indexOf('|'))).toList();
    }
}

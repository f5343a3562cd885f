package dev.forum.datamove;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.datamove.server.InitdbServer;
import dev.forum.datamove.support.EnabledIfThrowawayPostgres;
import dev.forum.datamove.support.LogicalServers;
import dev.forum.datamove.support.ModuleDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The operator's drop of the copy a move left on its source ({@link SourceDrop}), on two PostgreSQL 15 servers of its
 * own: refused with nothing changed before any move, before the switch and while the switch is not complete (a
 * mistyped module is told the closest module drop-source would drop, whose move from source to target completed, and
 * never a module of another database's move); after a completed move it drops the source's tables and every
 * replication object, keeps the schema and the placement row, says so again on a second run, and a rollback
 * afterwards is a full move back.
 */
@EnabledIfThrowawayPostgres
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class SourceDropIntegrationTest {


    @Test
    void refusedUntilTheMoveCompletedThenDropsTheSourcesCopyAndARollbackCopiesAgain() throws Exception {
        try (InitdbServer shared = InitdbServer.temporary(LogicalServers.SETTINGS);
                InitdbServer own = InitdbServer.temporary(LogicalServers.SETTINGS);
                ModuleDatabases pair = new ModuleDatabases(shared, "shared", own, "own", "posts")) {
            pair.psql(pair.source, "insert into posts.posts (thread_id, text, user_id) select 1 + g % 7, 'seed ' || g, 1 + g % 5"
                    + " from generate_series(1, 200) g");

            String noMove = ", nothing to drop: check --module (no move from shared to own has completed) and --source, --target";
            assertEquals("no move of posts has run between shared and own" + noMove, refusal(pair));
            assertEquals("no move of postz has run between shared and own" + noMove, refusal(pair, "postz"),
                    "no module a move has run for, so none to suggest");

            killedAt(pair, Step.CAUGHT_UP);
            assertEquals("posts is not switched: shared is authoritative (epoch 0); drop-source drops the copy left on the"
                    + " database a move switched away from, so move posts to own first", refusal(pair));
            // Only modules drop-source would drop are offered: posts has not switched, so it is not.
            assertEquals("no move of postz has run between shared and own" + noMove, refusal(pair, "postz"));
            // A move of threads from shared to a third database, never switched, and one switched: shared's rows name
            // shared and third; neither is a move between shared and own that drop-source would drop.
            pair.psql(pair.source, "insert into forum_move.placement (module, here, authoritative, epoch) values"
                    + " ('threads', 'shared', 'shared', 0), ('users', 'shared', 'third', 1)");
            assertEquals("no move of thread has run between shared and own" + noMove, refusal(pair, "thread"));
            assertEquals("no move of user has run between shared and own" + noMove, refusal(pair, "user"));

            killedAt(pair, Step.SWITCH_SOURCE_COMMITTED);
            assertEquals("the switch of posts to own is not complete (both placement rows must name it at epoch 1): run the"
                    + " move again to complete it, then drop-source", refusal(pair));
            assertEquals("200", pair.psql(pair.source, "select count(*) from posts.posts"), "every refusal changed nothing");

            new ModuleMove(pair.source, pair.target, pair.settings(), line -> { }, step -> { }).run();
            // A mistyped module once the move of posts completed: posts is offered, the third database's moves are not.
            String completed = ", nothing to drop: check --module (moves from shared to own have completed for posts) and"
                    + " --source, --target";
            assertEquals("no move of postz has run between shared and own (did you mean posts?)" + completed,
                    refusal(pair, "postz"));
            assertEquals("no move of orders has run between shared and own" + completed, refusal(pair, "orders"));
            assertEquals("no move of thread has run between shared and own" + completed, refusal(pair, "thread"));
            assertEquals("threads is not switched: shared is authoritative (epoch 0); drop-source drops the copy left on"
                    + " the database a move switched away from, so move threads to own first", refusal(pair, "threads"),
                    "the module it would have offered before is refused");
            pair.psql(pair.source, "delete from forum_move.placement where module in ('threads', 'users')");
            assertTrue(pair.slots(pair.target).size() == 1, "the way back's slot, before the drop: " + pair.slots(pair.target));
            List<String> log = new ArrayList<>();
            SourceDrop.Report report = new SourceDrop(pair.source, pair.target, pair.settings(), log::add).run();

            assertEquals("shared", report.droppedFrom());
            assertEquals("own", report.authoritative());
            assertEquals(1, report.epoch());
            assertEquals(Map.of("data_version", 1L, "posts", 200L), report.rows());
            assertEquals(List.of("table posts.data_version", "table posts.flyway_schema_history", "table posts.posts"),
                    report.objects());
            assertEquals("posts", pair.psql(pair.source, "select nspname from pg_namespace where nspname = 'posts'"),
                    "the schema stays, for a move back");
            assertEquals("", pair.psql(pair.source, "select string_agg(c.relname, ',') from pg_class c join pg_namespace n"
                    + " on n.oid = c.relnamespace where n.nspname = 'posts'"), "no table, sequence or index of posts on shared");
            for (Endpoint side : List.of(pair.source, pair.target)) {
                assertEquals(List.of(), pair.slots(side), "no slot on " + side.label());
                assertEquals("0", pair.psql(side, "select count(*) from pg_subscription"), "no subscription on " + side.label());
                assertEquals("0", pair.psql(side, "select count(*) from pg_publication"), "no publication on " + side.label());
                assertEquals("own|1", pair.psql(side, "select authoritative || '|' || epoch from forum_move.placement"),
                        "the placement row stays on " + side.label());
            }
            writeAsRuntimeRole(pair.target);
            assertEquals("201", pair.psql(pair.target, "select count(*) from posts.posts"), "own takes the writes");

            List<String> again = new ArrayList<>();
            SourceDrop.Report second = new SourceDrop(pair.source, pair.target, pair.settings(), again::add).run();
            assertEquals(List.of(), second.objects());
            assertTrue(again.contains("nothing of posts is left on shared: dropped before"), again.toString());

            // A deployment re-runs its move on every release: after the drop it finds nothing to do and makes no way back.
            assertDroppedCopyStaysDropped(pair, pair.source, pair.target, 1);

            // The rollback after a drop: the module's migrations make the tables on shared again and the data is copied.
            ModuleMove.Report back = new ModuleMove(pair.target, pair.source, pair.settings(), line -> { }, step -> { }).run();
            assertEquals("shared", back.authoritative());
            assertEquals(2, back.epoch());
            assertEquals("201", pair.psql(pair.source, "select count(*) from posts.posts"));
            writeAsRuntimeRole(pair.source);

            // The rollback ends with the drop of own's copy (deploy.sh: the move back's --then-drop-source), so no slot
            // is left on shared for a database that will be deleted; re-run, both find nothing to do.
            assertEquals(1, pair.slots(pair.source).size(), "the way forward's slot, before the drop: " + pair.slots(pair.source));
            SourceDrop.Report rolledBack = new SourceDrop(pair.target, pair.source, pair.settings(), line -> { }).run();
            assertEquals("own", rolledBack.droppedFrom());
            assertTrue(rolledBack.rows().get("posts") >= 201, "own's copy held every row: " + rolledBack.rows());
            assertDroppedCopyStaysDropped(pair, pair.target, pair.source, 2);
            assertEquals("202", pair.psql(pair.source, "select count(*) from posts.posts"), "shared takes the writes");
        }
    }

    /** The move {@code from -> to} run again after {@code from}'s copy was dropped: nothing moved, no replication. */
    private static void assertDroppedCopyStaysDropped(ModuleDatabases pair, Endpoint from, Endpoint to, long epoch) {
        List<String> rerun = new ArrayList<>();
        ModuleMove.Report report = new ModuleMove(from, to, pair.settings(), rerun::add, step -> { }).run();
        assertFalse(report.moved(), "nothing moved again");
        assertEquals(to.label(), report.authoritative());
        assertEquals(epoch, report.epoch());
        assertTrue(rerun.contains("module posts is on " + to.label() + " (epoch " + epoch + ") and its copy on "
                + from.label() + " was dropped (drop-source): nothing to move or verify"), rerun.toString());
        assertEquals("0", pair.psql(from, "select count(*) from pg_tables where schemaname = 'posts'"),
                "no table of posts made again on " + from.label());
        for (Endpoint side : List.of(pair.source, pair.target)) {
            assertEquals(List.of(), pair.slots(side), "no slot on " + side.label());
            assertEquals("0", pair.psql(side, "select count(*) from pg_subscription"), "no subscription on " + side.label());
        }
    }

    private static String refusal(ModuleDatabases pair) {
        return refusal(pair, pair.module);
    }

    /** The refusal of drop-source for {@code module} (with the pair's module's roles and migrations). */
    private static String refusal(ModuleDatabases pair, String module) {
        MoveSettings settings = pair.settings();
        MoveSettings other = new MoveSettings(module, settings.ownerRole(), settings.ownerPassword(), settings.runtimeRole(),
                settings.migrations(), settings.sequenceMargin(), settings.catchUpTimeout(), settings.pauseBound());
        return assertThrows(MoveException.class, () -> new SourceDrop(pair.source, pair.target, other, line -> { }).run())
                .getMessage();
    }

    private static void killedAt(ModuleDatabases pair, Step stop) {
        assertThrows(IllegalStateException.class, () -> new ModuleMove(pair.source, pair.target, pair.settings(), line -> { },
                step -> {
                    if (step == stop) {
                        throw new IllegalStateException("killed at " + step);
                    }
                }).run());
    }

    private static void writeAsRuntimeRole(Endpoint side) throws SQLException {
        try (Connection connection = DriverManager.getConnection(side.jdbcUrl(), ModuleDatabases.runtime("posts"),
                ModuleDatabases.RUNTIME_PASSWORD)) {
            connection.createStatement().execute("insert into posts.posts (thread_id, text, user_id) values (1, 'probe', 1)");
        }
    }
}

package dev.forum.datamove;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.datamove.support.EnabledIfThrowawayPostgres;
import dev.forum.datamove.support.LogicalServers;
import dev.forum.datamove.support.ModuleDatabases;
import dev.forum.datamove.server.InitdbServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A move back (deploy.sh's rollback step 3b: source the service's own database, target the shared one) of a module
 * whose data never left the shared database: nothing moves, what an unfinished move left is dropped, and the module
 * stays writable on the shared database. Two PostgreSQL 15 servers of its own ({@link InitdbServer}).
 */
@EnabledIfThrowawayPostgres
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class NothingToMoveIntegrationTest {

    @RegisterExtension
    static final LogicalServers servers = new LogicalServers();

    @Test
    void aMoveBackWhenNoMoveEverRanChangesNothingAndSaysSo() throws Exception {
        try (ModuleDatabases pair = new ModuleDatabases(servers.shared(), "shared", servers.own(), "own", "posts")) {
            seed(pair, 120);
            List<String> log = new ArrayList<>();
            ModuleMove.Report report = moveBack(pair, log);

            assertFalse(report.moved(), "nothing moved");
            assertEquals("shared", report.authoritative());
            assertEquals(0, report.epoch());
            assertEquals(List.of(), report.tables());
            assertTrue(log.contains("posts is already on shared: nothing to move"), log.toString());
            for (var side : List.of(pair.source, pair.target)) {
                assertEquals("", pair.psql(side, "select string_agg(nspname, ',') from pg_namespace where nspname = 'forum_move'"),
                        "no control table was made on " + side.label());
                assertEquals(List.of(), pair.slots(side), "no slot on " + side.label());
            }
            assertEquals("", pair.psql(pair.target, "select string_agg(tablename, ',') from pg_tables where schemaname = 'posts'"),
                    "the own database (the pair's target) still has no table of posts");
            assertEquals("120", pair.psql(pair.source, "select count(*) from posts.posts"));
            writeAsRuntimeRole(pair.source);
            assertFalse(moveBack(pair, new ArrayList<>()).moved(), "again: still nothing to move");
        }
    }

    @Test
    void aMoveBackAfterAMoveKilledBeforeItsSwitchDropsItsReplicationAndLeavesSharedTakingTheWrites() throws Exception {
        try (ModuleDatabases pair = new ModuleDatabases(servers.shared(), "shared", servers.own(), "own", "posts")) {
            seed(pair, 300);
            // Killed in the switch after replication runs both ways, before the shared row named the own database.
            assertThrows(IllegalStateException.class, () -> new ModuleMove(pair.source, pair.target, pair.settings(),
                    line -> { }, step -> {
                        if (step == Step.SWITCH_REVERSE_SUBSCRIBED) {
                            throw new IllegalStateException("killed");
                        }
                    }).run());
            assertEquals("1", pair.psql(pair.source, "select count(*) from pg_subscription where subname = 'forum_move_posts_own_to_shared'"),
                    "the way back's subscription, on shared (the pair's source)");
            assertFalse(pair.slots(pair.target).isEmpty(), "the way back's slot on the own database");

            List<String> log = new ArrayList<>();
            ModuleMove.Report report = moveBack(pair, log);

            assertFalse(report.moved());
            assertEquals("shared", report.authoritative());
            assertTrue(log.contains("posts is already on shared: nothing to move"), log.toString());
            for (var side : List.of(pair.source, pair.target)) {
                assertEquals(List.of(), pair.slots(side), "no slot left on " + side.label());
                assertEquals("0", pair.psql(side, "select count(*) from pg_subscription"), "no subscription on " + side.label());
                assertEquals("0", pair.psql(side, "select count(*) from pg_publication"), "no publication on " + side.label());
            }
            assertEquals("shared|shared|0|true", pair.psql(pair.source, "select here || '|' || authoritative || '|' || epoch"
                    + " || '|' || (paused_until is null) from forum_move.placement"), "shared holds posts, no pause left");
            writeAsRuntimeRole(pair.source);
            SQLException refused = assertThrows(SQLException.class, () -> writeAsRuntimeRole(pair.target));
            assertEquals("25006", refused.getSQLState(), "the own database still refuses the module's writes");

            ModuleMove.Report moved = new ModuleMove(pair.source, pair.target, pair.settings(), line -> { }, step -> { }).run();
            assertTrue(moved.moved(), "a later move starts from a clean state");
            assertEquals("own", moved.authoritative());
            assertEquals("301", pair.psql(pair.target, "select count(*) from posts.posts"));
        }
    }

    /** The rollback's move: from the own database (the pair's target) to the shared one (the pair's source). */
    private static ModuleMove.Report moveBack(ModuleDatabases pair, List<String> log) {
        return new ModuleMove(pair.target, pair.source, pair.settings(), log::add, step -> { }).run();
    }

    private static void seed(ModuleDatabases pair, int rows) {
        pair.psql(pair.source, "insert into posts.posts (thread_id, text, user_id) select 1 + g % 7, 'seed ' || g, 1 + g % 5"
                + " from generate_series(1, " + rows + ") g");
    }

    private static void writeAsRuntimeRole(Endpoint side) throws SQLException {
        try (Connection connection = DriverManager.getConnection(side.jdbcUrl(), ModuleDatabases.runtime("posts"),
                ModuleDatabases.RUNTIME_PASSWORD)) {
            connection.createStatement().execute("insert into posts.posts (thread_id, text, user_id) values (1, 'probe', 1)");
        }
    }
}

package dev.forum.datamove;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.datamove.server.InitdbServer;
import dev.forum.datamove.support.EnabledIfThrowawayPostgres;
import dev.forum.datamove.support.LogicalServers;
import dev.forum.datamove.support.ModuleDatabases;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Pairs a move must not run on, refused in one line with nothing changed, on two PostgreSQL 15 servers made for this
 * class: a target holding rows of the module that no move put there (a move empties the target's tables before its
 * copy), one database given as both sides, and two databases of one server (a subscription there cannot make its
 * slot and would wait for itself, holding the module's lock). And which failures say that running again alone may
 * pass.
 */
@EnabledIfThrowawayPostgres
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class PairRefusalsIntegrationTest {

    @RegisterExtension
    static final LogicalServers servers = new LogicalServers();

    @Test
    void aTargetHoldingRowsNoMovePutThereIsRefusedAndKeepsThem() {
        try (ModuleDatabases pair = new ModuleDatabases(servers.shared(), "shared", servers.own(), "own", "posts")) {
            pair.psql(pair.source, "insert into posts.posts (thread_id, text, user_id) select 1, 'shared ' || g, 1"
                    + " from generate_series(1, 50) g");
            InitdbServer own = pair.server(pair.target);
            Flyway.configure().dataSource(own.jdbcUrl(pair.database()), ModuleDatabases.owner("posts"),
                    ModuleDatabases.OWNER_PASSWORD).schemas("posts").createSchemas(false).table("flyway_schema_history")
                    .locations(ModuleDatabases.migrations("posts")).load().migrate();
            pair.psql(pair.target, "insert into posts.posts (thread_id, text, user_id) values (9, 'only on own', 9),"
                    + " (9, 'also only on own', 9)");
            String sharedBefore = pair.state(pair.source);
            String ownBefore = pair.state(pair.target);

            List<String> log = new ArrayList<>();
            pair.psql(pair.target, "update posts.data_version set version = 3");
            MoveException refused = assertThrows(MoveException.class,
                    () -> new ModuleMove(pair.source, pair.target, pair.settings(), log::add, step -> { }).run());
            assertEquals("target " + pair.target.describe() + " already holds rows of posts that no move put there"
                    + " (tables data_version, posts): a move copies into empty tables and would delete them; give as --target the"
                    + " database the module moves to, or empty those tables first if their rows are not needed; nothing"
                    + " was changed", refused.getMessage());
            assertEquals(sharedBefore, pair.state(pair.source), "nothing written on shared");
            assertEquals(ownBefore, pair.state(pair.target), "nothing written on own");
            assertEquals("2", pair.psql(pair.target, "select count(*) from posts.posts"), "own's rows are kept");

            // Emptied by the operator, the same target takes the move; the data version's row as the migration made
            // it is not data of the target's own.
            pair.psql(pair.target, "truncate posts.posts; update posts.data_version set version = 0");
            assertEquals("own", new ModuleMove(pair.source, pair.target, pair.settings(), log::add, step -> { }).run()
                    .authoritative());
            assertEquals("50", pair.psql(pair.target, "select count(*) from posts.posts"));
        }
    }

    @Test
    void oneDatabaseOrOneServerOnBothSidesIsRefusedBeforeAnyLockOrWrite() {
        try (ModuleDatabases pair = new ModuleDatabases(servers.shared(), "shared", servers.own(), "own", "posts")) {
            pair.psql(pair.source, "insert into posts.posts (thread_id, text, user_id) values (1, 'seed', 1)");
            Endpoint again = new Endpoint("copy", pair.source.host(), pair.source.port(), pair.source.database(),
                    pair.source.user(), pair.source.password());
            Endpoint beside = pair.addDatabaseOnSourceServer("beside");
            String sharedBefore = pair.state(pair.source);
            String besideBefore = pair.state(beside);

            List<String> log = new ArrayList<>();
            assertEquals("source " + pair.source.describe() + " and target " + again.describe() + " are one database:"
                    + " give as --target the database the module moves to, on another PostgreSQL server",
                    assertThrows(MoveException.class, () -> new ModuleMove(pair.source, again, pair.settings(), log::add,
                            step -> { }).run()).getMessage());
            assertTrue(assertThrows(MoveException.class, () -> new MoveAbort(pair.source, again, pair.settings(), log::add)
                    .run()).getMessage().endsWith(" are one database: give as --target the database the module moves to,"
                            + " on another PostgreSQL server"), "every command refuses it");
            assertEquals("source " + pair.source.describe() + " and target " + beside.describe() + " are two databases of"
                    + " one PostgreSQL server, and a subscription cannot make its replication slot on its own server"
                    + " (CREATE SUBSCRIPTION would wait for itself): give a target on another server; nothing was changed",
                    assertThrows(MoveException.class, () -> new ModuleMove(pair.source, beside, pair.settings(), log::add,
                            step -> { }).run()).getMessage());
            assertEquals(List.of(), log, "refused before the first step");
            assertEquals(sharedBefore, pair.state(pair.source), "nothing written on shared");
            assertEquals(besideBefore, pair.state(beside), "nothing written beside it");
            assertTrue(MoveStatus.of(pair.source, beside, pair.settings()).stream().anyMatch(line -> line.startsWith("beside")),
                    "status still answers for two databases of one server");

            // The pair of two servers is not refused: the move runs.
            assertEquals("own", new ModuleMove(pair.source, pair.target, pair.settings(), log::add, step -> { }).run()
                    .authoritative());
        }
    }

    /**
     * What a move would otherwise find out part way, after its first writes (the source's placement row and write
     * guard, the target's migrated tables): a role missing on the target, the owner's password refused there, an
     * administrator role that may not make the move's objects. Each refused first, with nothing written on either side.
     */
    @Test
    void rolesAMoveNeedsAreCheckedBeforeItWritesAnything() {
        try (ModuleDatabases pair = new ModuleDatabases(servers.shared(), "shared", servers.own(), "own", "posts")) {
            pair.psql(pair.source, "insert into posts.posts (thread_id, text, user_id) values (1, 'seed', 1)");
            pair.psql(pair.target, "create role plain_admin login password 'plain-password'; grant connect on database "
                    + pair.database() + " to plain_admin");
            String sharedBefore = pair.state(pair.source);
            String ownBefore = pair.state(pair.target);
            MoveSettings base = pair.settings();
            Endpoint plain = new Endpoint("own", pair.target.host(), pair.target.port(), pair.target.database(),
                    "plain_admin", "plain-password");
            List<String> log = new ArrayList<>();

            assertEquals("role nosuchrole (--runtime-role) does not exist on " + pair.target.describe() + ": make it there"
                    + " (deploy/postgres/module-roles.sql) or give the module's role; nothing was changed",
                    refusal(pair.source, pair.target, new MoveSettings("posts", base.ownerRole(), base.ownerPassword(),
                            "nosuchrole", base.migrations(), 1000, base.catchUpTimeout(), base.pauseBound()), log));
            assertEquals("role nobody_owner (--owner) does not exist on " + pair.target.describe() + ": make it there"
                    + " (deploy/postgres/module-roles.sql) or give the module's role; nothing was changed",
                    refusal(pair.source, pair.target, new MoveSettings("posts", "nobody_owner", base.ownerPassword(),
                            base.runtimeRole(), base.migrations(), 1000, base.catchUpTimeout(), base.pauseBound()), log));
            PasswordRefusedException owner = assertThrows(PasswordRefusedException.class, () -> new ModuleMove(pair.source,
                    pair.target, new MoveSettings("posts", base.ownerRole(), "not-the-password", base.runtimeRole(),
                            base.migrations(), 1000, base.catchUpTimeout(), base.pauseBound()), log::add, step -> { }).run());
            assertEquals(PasswordRefusedException.Role.OWNER, owner.role());
            assertTrue(owner.getMessage().startsWith("the server of " + pair.target.describe() + " refused the password"
                    + " of the module's owner role forum_posts_owner before the move changed anything"), owner.getMessage());
            assertEquals("--target-user plain_admin may not make a move's publication, subscription and control schema on "
                    + plain.describe() + ": give a superuser (on RDS, a member of rds_superuser); nothing was changed",
                    refusal(pair.source, plain, base, log));

            assertEquals(sharedBefore, pair.state(pair.source), "nothing written on shared");
            assertEquals(ownBefore, pair.state(pair.target), "nothing written on own");
        }
    }

    private static String refusal(Endpoint source, Endpoint target, MoveSettings settings, List<String> log) {
        return assertThrows(MoveException.class,
                () -> new ModuleMove(source, target, settings, log::add, step -> { }).run()).getMessage();
    }

    /**
     * An abort of the move back, before its switch, ends the replication that is also the finished move's way back: it
     * says so, since a move back then copies the data again.
     */
    @Test
    void anAbortThatEndsAFinishedMovesWayBackSaysSo() {
        try (ModuleDatabases pair = new ModuleDatabases(servers.shared(), "shared", servers.own(), "own", "posts")) {
            pair.psql(pair.source, "insert into posts.posts (thread_id, text, user_id) values (1, 'seed', 1)");
            new ModuleMove(pair.source, pair.target, pair.settings(), line -> { }, step -> { }).run();
            assertEquals("1", pair.psql(pair.source, "select count(*) from pg_subscription where subname ="
                    + " 'forum_move_posts_own_to_shared'"), "the way back");

            List<String> log = new ArrayList<>();
            new MoveAbort(pair.target, pair.source, pair.settings(), log::add).run();
            assertTrue(log.contains("the replication from own to shared was also the way back of the finished move of"
                    + " posts from shared to own: a move back now copies the data again"), log.toString());
            assertEquals("0", pair.psql(pair.source, "select count(*) from pg_subscription"));
        }
    }

    /** PostgreSQL's SQLSTATE classes (appendix A): what may pass by itself, and what must be fixed first. */
    @Test
    void onlyAFailureThatMayPassSaysRunningAgainIsEnough() {
        for (String passing : List.of("08006", "40001", "53300", "55P03", "57P01", "58030")) {
            assertTrue(ModuleMove.passing(new SQLException("x", passing)), passing);
        }
        assertTrue(ModuleMove.passing(new SQLException("no state")));
        for (String lasting : List.of("42704", "42501", "22023", "28P01", "3D000", "23505")) {
            assertFalse(ModuleMove.passing(new SQLException("x", lasting)), lasting);
        }
    }
}

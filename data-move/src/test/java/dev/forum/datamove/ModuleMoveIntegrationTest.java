package dev.forum.datamove;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.datamove.support.EnabledIfThrowawayPostgres;
import dev.forum.datamove.support.LogicalServers;
import dev.forum.datamove.support.ModuleDatabases;
import dev.forum.datamove.support.PostWriters;
import dev.forum.datamove.server.InitdbServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The move against two real PostgreSQL 15 servers made for this class ({@link InitdbServer}, both with
 * {@code wal_level=logical}), each test in fresh databases set up by {@code deploy/postgres/module-roles.sql} and the
 * module's own migrations, with writers running through the whole move.
 */
@EnabledIfThrowawayPostgres
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ModuleMoveIntegrationTest {

    @RegisterExtension
    static final LogicalServers servers = new LogicalServers();

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void movesUnderConcurrentWritesWithEveryAcknowledgedWriteOnTheTarget() throws Exception {
        try (ModuleDatabases pair = new ModuleDatabases(servers.shared(), "shared", servers.own(), "posts_own", "posts")) {
            seed(pair, 5000);
            List<String> log = new ArrayList<>();
            ModuleMove.Report report;
            PostWriters writers = new PostWriters(3, pair.source, pair.target);
            try {
                Thread.sleep(300);
                report = new ModuleMove(pair.source, pair.target, pair.settings(), line -> log.add(line), step -> { }).run();
                Thread.sleep(500);
            } finally {
                writers.close();
            }
            log.forEach(System.out::println);
            System.out.println("writes acknowledged " + writers.acknowledgedBy + ", refused " + writers.refused
                    + ", switch pause " + report.switchPause().toMillis() + " ms, verification pause "
                    + report.verifyPause().toMillis() + " ms");

            assertEquals("posts_own", report.authoritative());
            assertEquals(1, report.epoch());
            assertTrue(writers.acknowledgedBy.getOrDefault("shared", new java.util.concurrent.atomic.AtomicInteger()).get() > 0
                    && writers.acknowledgedBy.getOrDefault("posts_own", new java.util.concurrent.atomic.AtomicInteger()).get() > 0,
                    "writes acknowledged on both sides, before and after the switch: " + writers.acknowledgedBy);
            assertTrue(report.tables().stream().allMatch(TableChecksums.Comparison::equal), report.tables().toString());
            assertTrue(report.switchPause().toMillis() < 2000, "switch pause " + report.switchPause());
            assertEveryAcknowledgedWriteOn(pair, pair.target, writers);
            assertSidesEqual(pair);

            long sourceMax = Long.parseLong(pair.psql(pair.source, "select last_value from posts.posts_id_seq"));
            assertTrue(report.sequences().get("posts_id_seq") >= sourceMax + 1000, "sequence advanced: " + report.sequences());
            long next = Long.parseLong(pair.psql(pair.target, "select nextval('posts.posts_id_seq')"));
            assertTrue(next > sourceMax, "the target's next id " + next + " is past every id the source handed out (" + sourceMax + ")");

            assertEquals(List.of(), pair.slots(pair.source), "no slot left on the source");
            assertEquals(List.of("forum_move_posts_posts_own_to_shared|true"), pair.slots(pair.target),
                    "only the way back's slot, in use, on the target");
            SQLException refused = assertThrows(SQLException.class, () -> writeAsRuntimeRole(pair.source));
            assertEquals("25006", refused.getSQLState());
            assertTrue(refused.getMessage().contains("module posts is read-only in database shared: database posts_own holds it"),
                    refused.getMessage());
            assertEquals("0", pair.psql(pair.target, "select count(*) from pg_publication_tables where tablename = 'flyway_schema_history'"),
                    "the migration history is not published");
            assertEquals(pair.psql(pair.source, "select string_agg(version || ':' || checksum, ',' order by installed_rank)"
                    + " from posts.flyway_schema_history"), pair.psql(pair.target, "select string_agg(version || ':' || checksum,"
                    + " ',' order by installed_rank) from posts.flyway_schema_history"));
        }
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void movingBackIsASwitchBackOverTheReverseReplication() throws Exception {
        try (ModuleDatabases pair = new ModuleDatabases(servers.shared(), "shared", servers.own(), "posts_own", "posts")) {
            seed(pair, 1000);
            new ModuleMove(pair.source, pair.target, pair.settings(), line -> { }, step -> { }).run();
            List<String> log = new ArrayList<>();
            ModuleMove.Report back;
            PostWriters writers = new PostWriters(2, pair.target, pair.source);
            try {
                Thread.sleep(300);
                back = new ModuleMove(pair.target, pair.source, pair.settings(), log::add, step -> { }).run();
                Thread.sleep(300);
            } finally {
                writers.close();
            }
            log.forEach(System.out::println);
            assertEquals("shared", back.authoritative());
            assertEquals(2, back.epoch());
            assertTrue(log.stream().anyMatch(line -> line.contains("exists and runs: resuming it")),
                    "the way back reused the replication the switch started, no second copy: " + log);
            assertEveryAcknowledgedWriteOn(pair, pair.source, writers);
            assertSidesEqual(pair);
            assertEquals(List.of(), pair.slots(pair.target));
            assertEquals(List.of("forum_move_posts_shared_to_posts_own|true"), pair.slots(pair.source));
            writeAsRuntimeRole(pair.source);
            assertThrows(SQLException.class, () -> writeAsRuntimeRole(pair.target));
        }
    }

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void aRunKilledAfterAnyStepLeavesOneAuthoritySideAndTheNextRunFinishesWithNothingLost() throws Exception {
        for (Step killed : Step.values()) {
            if (killed == Step.VERIFIED) {
                continue;
            }
            try (ModuleDatabases pair = new ModuleDatabases(servers.shared(), "shared", servers.own(), "posts_own", "posts")) {
                seed(pair, 500);
                PostWriters writers = new PostWriters(2, pair.source, pair.target);
                try {
                    Thread.sleep(100);
                    IllegalStateException stopped = assertThrows(IllegalStateException.class, () -> new ModuleMove(pair.source, pair.target,
                            pair.settings(), line -> { }, step -> {
                                if (step == killed) {
                                    throw new IllegalStateException("killed after " + step);
                                }
                            }).run());
                    assertTrue(stopped.getMessage().contains("killed after " + killed), stopped.getMessage());
                    String authority = authority(pair);
                    boolean switchCommitted = killed.compareTo(Step.SWITCH_SOURCE_COMMITTED) >= 0;
                    assertEquals(switchCommitted ? "posts_own" : "shared", authority, "after a kill at " + killed);
                    if (!switchCommitted) {
                        assertThrows(SQLException.class, () -> writeAsRuntimeRole(pair.target),
                                "the target refuses writes before the switch (" + killed + ")");
                    }
                    ModuleMove.Report report = new ModuleMove(pair.source, pair.target, pair.settings(), line -> { },
                            step -> { }).run();
                    assertEquals("posts_own", report.authoritative(), "the re-run after " + killed);
                    Thread.sleep(200);
                } finally {
                    writers.close();
                }
                System.out.println("killed at " + killed + ": writes " + writers.acknowledgedBy + ", refused " + writers.refused);
                assertEveryAcknowledgedWriteOn(pair, pair.target, writers);
                assertSidesEqual(pair);
                assertEquals(List.of(), pair.slots(pair.source), "no slot on the source after a kill at " + killed);
                assertEquals(List.of("forum_move_posts_posts_own_to_shared|true"), pair.slots(pair.target),
                        "one slot, in use, on the target after a kill at " + killed);
                assertEquals("shared|posts_own|1", pair.psql(pair.source, "select here || '|' || authoritative || '|' || epoch"
                        + " from forum_move.placement"), "the source names the target");
                assertEquals("posts_own|posts_own|1", pair.psql(pair.target, "select here || '|' || authoritative || '|' || epoch"
                        + " from forum_move.placement"), "the target names itself");
            }
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void abortBeforeTheSwitchLeavesNoSlotAndTheSourceAuthoritative() throws Exception {
        try (ModuleDatabases pair = new ModuleDatabases(servers.shared(), "shared", servers.own(), "posts_own", "posts")) {
            seed(pair, 100);
            assertThrows(IllegalStateException.class, () -> new ModuleMove(pair.source, pair.target, pair.settings(),
                    line -> { }, step -> {
                        if (step == Step.SUBSCRIBED) {
                            throw new IllegalStateException("stop");
                        }
                    }).run());
            // The subscription's slot; a table's initial copy may still hold a slot of its own (pg_..._sync_...).
            assertEquals(1, pair.slots(pair.source).stream().filter(slot -> slot.startsWith("forum_move_")).count(),
                    pair.slots(pair.source).toString());
            new MoveAbort(pair.source, pair.target, pair.settings(), line -> { }).run();
            assertEquals(List.of(), pair.slots(pair.source));
            assertEquals(List.of(), pair.slots(pair.target));
            assertEquals("0", pair.psql(pair.target, "select count(*) from pg_subscription"));
            assertEquals("0", pair.psql(pair.source, "select count(*) from pg_publication"));
            writeAsRuntimeRole(pair.source);
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void anOrphanedSlotHoldingWalIsFoundAndDroppedByTheNextRun() throws Exception {
        try (ModuleDatabases pair = new ModuleDatabases(servers.shared(), "shared", servers.own(), "posts_own", "posts")) {
            seed(pair, 200);
            assertThrows(IllegalStateException.class, () -> new ModuleMove(pair.source, pair.target, pair.settings(),
                    line -> { }, step -> {
                        if (step == Step.CAUGHT_UP) {
                            throw new IllegalStateException("stop");
                        }
                    }).run());
            // The target's subscription goes without its slot (as when a target database is dropped or restored):
            // the slot on the source is left behind, inactive, holding WAL.
            pair.psql(pair.target, "alter subscription forum_move_posts_shared_to_posts_own disable");
            pair.psql(pair.target, "alter subscription forum_move_posts_shared_to_posts_own set (slot_name = none)");
            pair.psql(pair.target, "drop subscription forum_move_posts_shared_to_posts_own");
            Thread.sleep(500);
            assertEquals(List.of("forum_move_posts_shared_to_posts_own|false"), pair.slots(pair.source));
            List<String> status = MoveStatus.of(pair.source, pair.target, pair.settings());
            assertTrue(status.contains("shared: placement names shared at epoch 0 (takes the writes)"), status.toString());
            assertTrue(status.contains("posts_own: placement names shared at epoch 0 (read-only for the module)"), status.toString());
            assertTrue(status.stream().anyMatch(line -> line.matches(
                    "shared: slot forum_move_posts_shared_to_posts_own NOT IN USE, keeps [1-9][0-9]* bytes of WAL")), status.toString());
            List<String> log = new ArrayList<>();
            ModuleMove.Report report = new ModuleMove(pair.source, pair.target, pair.settings(), log::add, step -> { }).run();
            assertTrue(log.contains("dropped orphaned replication slot forum_move_posts_shared_to_posts_own"), log.toString());
            assertEquals("posts_own", report.authoritative());
            assertEquals(List.of(), pair.slots(pair.source));
            assertEquals(List.of("forum_move_posts_posts_own_to_shared|true"), pair.slots(pair.target));
            assertSidesEqual(pair);
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void movesAModuleOfSeveralTablesWithAForeignKeyAndACompositeKey() throws Exception {
        try (ModuleDatabases pair = new ModuleDatabases(servers.shared(), "shared", servers.own(), "users_own", "users")) {
            // username_key (the username folded to lower case) differs from the username, so a column moved wrong would show.
            pair.psql(pair.source, "insert into users.users (username, username_key, name, bio) select 'User' || g, 'user' || g,"
                    + " 'User ' || g,"
                    + " repeat('bio ', g % 9) from generate_series(1, 300) g;"
                    + " insert into users.credentials (user_id, password_hash) select id, '{bcrypt}$2a$10$' || md5(id::text)"
                    + " from users.users;"
                    + " insert into users.login_failures (username, client_address, failures, last_failure_at, blocked_until)"
                    + " select 'user' || g, '10.0.0.' || g, g % 6, timestamptz '2026-11-30 12:00:00+01' + g * interval '1 min',"
                    + " case when g % 2 = 0 then now() end from generate_series(1, 40) g");
            List<String> log = new ArrayList<>();
            ModuleMove.Report report = new ModuleMove(pair.source, pair.target, pair.settings(), log::add, step -> { }).run();
            assertEquals(List.of("client_budgets", "credentials", "data_version", "login_failures", "users"),
                    report.tables().stream().map(TableChecksums.Comparison::table).toList(),
                    "every data table, and not the migration history");
            assertEquals(List.of(0L, 300L, 1L, 40L, 300L), report.tables().stream().map(c -> c.target().rows()).toList());
            assertTrue(report.tables().stream().allMatch(TableChecksums.Comparison::equal), report.tables().toString());
            assertTrue(report.sequences().get("users_id_seq") >= 1300, report.sequences().toString());
            assertEquals("forum_users", pair.psql(pair.target, "select grantee from information_schema.role_table_grants"
                    + " where table_schema = 'users' and table_name = 'users' and privilege_type = 'INSERT'"
                    + " and grantee = 'forum_users'"), "the runtime role may write the target's rows");
            assertEquals("forum_users_owner", pair.psql(pair.target, "select tableowner from pg_tables"
                    + " where schemaname = 'users' and tablename = 'users'"), "tables owned by the owner role, as on the source");
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aSourceWithoutLogicalWalIsRefusedNamingTheServerAndTheSetting() {
        try (InitdbServer replicaLevel = InitdbServer.temporary(Map.of("wal_level", "replica"));
                ModuleDatabases pair = new ModuleDatabases(replicaLevel, "shared", servers.own(), "posts_own", "posts")) {
            MoveException refused = assertThrows(MoveException.class,
                    () -> new ModuleMove(pair.source, pair.target, pair.settings(), line -> { }, step -> { }).run());
            assertEquals("shared (127.0.0.1:" + replicaLevel.port() + "/" + pair.database() + ") has wal_level=replica:"
                    + " set wal_level=logical and restart it (on RDS: rds.logical_replication=1 in its parameter group,"
                    + " then reboot)", refused.getMessage());
            assertEquals("", pair.psql(pair.target, "select string_agg(nspname, ',') from pg_namespace where nspname = 'forum_move'"),
                    "nothing was changed on the target");
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aModuleTheSourceHasNoSchemaOfIsRefusedNamingTheMigratedSchemasAndTheClosestOne() {
        try (ModuleDatabases pair = new ModuleDatabases(servers.shared(), "shared", servers.own(), "posts_own", "posts")) {
            // The source has the schemas of module-roles.sql (posts, threads, users); only posts is migrated.
            MoveException close = assertThrows(MoveException.class, () -> new ModuleMove(pair.source, pair.target,
                    settings(pair, "postz"), line -> { }, step -> { }).run());
            assertEquals(pair.source.describe() + " has no table in schema postz (did you mean posts?): check --module (the"
                    + " module's name is its schema's; the schemas migrated there are posts) and --source", close.getMessage());
            MoveException far = assertThrows(MoveException.class, () -> new ModuleMove(pair.source, pair.target,
                    settings(pair, "orders"), line -> { }, step -> { }).run());
            assertEquals(pair.source.describe() + " has no table in schema orders: check --module (the module's name is its"
                    + " schema's; the schemas migrated there are posts) and --source", far.getMessage());
            assertEquals("", pair.psql(pair.source, "select string_agg(nspname, ',') from pg_namespace where nspname = 'forum_move'"),
                    "nothing was changed on the source");
        }
    }

    /** The pair's settings for another module name (its roles and migrations stay the pair's module's). */
    private static MoveSettings settings(ModuleDatabases pair, String module) {
        MoveSettings settings = pair.settings();
        return new MoveSettings(module, settings.ownerRole(), settings.ownerPassword(), settings.runtimeRole(),
                settings.migrations(), settings.sequenceMargin(), settings.catchUpTimeout(), settings.pauseBound());
    }

    private static void seed(ModuleDatabases pair, int rows) {
        pair.psql(pair.source, "insert into posts.posts (thread_id, text, user_id) select 1 + g % 7, 'seed ' || g"
                + " || ' ünïcode ✓', 1 + g % 5 from generate_series(1, " + rows + ") g");
    }

    /** Who is authoritative by the placement rows (the higher epoch's word; no row anywhere: the source). */
    private static String authority(ModuleDatabases pair) {
        String onSource = placement(pair, pair.source);
        String onTarget = placement(pair, pair.target);
        long sourceEpoch = Long.parseLong(onSource.split(":")[1]);
        long targetEpoch = Long.parseLong(onTarget.split(":")[1]);
        return (sourceEpoch >= targetEpoch ? onSource : onTarget).split(":")[0];
    }

    private static String placement(ModuleDatabases pair, Endpoint side) {
        if (pair.psql(side, "select to_regclass('forum_move.placement') is null").equals("t")) {
            return "shared:0";
        }
        String row = pair.psql(side, "select authoritative || ':' || epoch from forum_move.placement");
        return row.isEmpty() ? "shared:0" : row;
    }

    private static void writeAsRuntimeRole(Endpoint side) throws SQLException {
        try (Connection connection = DriverManager.getConnection(side.jdbcUrl(), ModuleDatabases.runtime("posts"),
                ModuleDatabases.RUNTIME_PASSWORD)) {
            connection.createStatement().execute("insert into posts.posts (thread_id, text, user_id) values (1, 'probe', 1)");
        }
    }

    private static void assertEveryAcknowledgedWriteOn(ModuleDatabases pair, Endpoint side, PostWriters writers) {
        String rows = pair.psql(side, "select id || chr(9) || text from posts.posts where text like 'writer %'");
        Map<Long, String> found = new java.util.HashMap<>();
        rows.lines().filter(line -> !line.isBlank()).forEach(line -> {
            String[] parts = line.split("\t", 2);
            found.put(Long.parseLong(parts[0]), parts[1]);
        });
        assertTrue(writers.total() > 0, "writers wrote");
        List<String> missing = new ArrayList<>();
        writers.acknowledged.forEach((id, text) -> {
            if (!text.equals(found.get(id))) {
                missing.add(id + "=" + text + " (found " + found.get(id) + ")");
            }
        });
        assertEquals(List.of(), missing, "acknowledged writes missing on " + side.label());
    }

    /** Waits (up to 10 s) until both sides hold the same rows: the way back replicates asynchronously. */
    private static void assertSidesEqual(ModuleDatabases pair) throws InterruptedException {
        String sql = "select count(*) || ':' || coalesce(sum(hashtextextended(t::text, 0)), 0) from posts.posts t";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String source = pair.psql(pair.source, sql);
        String target = pair.psql(pair.target, sql);
        while (!source.equals(target) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            source = pair.psql(pair.source, sql);
            target = pair.psql(pair.target, sql);
        }
        assertEquals(source, target, "count:checksum of posts.posts on both sides");
    }
}

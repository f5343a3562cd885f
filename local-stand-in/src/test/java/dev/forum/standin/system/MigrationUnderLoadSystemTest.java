package dev.forum.standin.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.datamove.Step;
import dev.forum.datamove.TableChecksums;
import dev.forum.standin.haproxy.ServerStatus;
import dev.forum.standin.keys.KeyRotation;
import dev.forum.standin.keys.SigningKeySet;
import dev.forum.standin.stand.DataMoves;
import dev.forum.standin.stand.Migration;
import dev.forum.standin.stand.Stand;
import dev.forum.standin.stand.StandOptions;
import dev.forum.standin.support.Checkout;
import dev.forum.standin.support.EnabledIfSystemTools;
import dev.forum.standin.support.LoadGenerator;
import dev.forum.standin.support.LoadGenerator.Result;
import dev.forum.standin.support.StoredWrites;
import dev.forum.topology.Topology;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The tutorial's claim and the migration guide's next step, proven with a real load balancer and real databases, as
 * one migration under one constant load: the posts migration to {@code posts-own-database.yml} (monolith alone ->
 * posts service started -> 10 -> 50 -> 100 % -> monolith reconfigured without posts, instance by instance -> the posts
 * data moved to the service's own database), a rotation of the token signing key, and then the migration's rollback
 * (the data moved back before the monolith holds posts again). The load reads every tutorial route, logs in, and
 * creates posts with the writers' tokens.
 *
 * <p>The stand-in runs two PostgreSQL servers of its own ({@code initdb} in its work folder, {@code wal_level=logical}).
 * No request fails; every acknowledged write is in the database that holds posts (the service's after the move, read
 * there directly; the shared one after the rollback, read there directly and through the forum); each move's tables
 * agree in count and checksum; writes are held less than 2 s at each switch; logins are answered with tokens of the
 * old key before the rotation and of the new one after it.
 */
@EnabledIfSystemTools
class MigrationUnderLoadSystemTest {

    private static final Duration HOLD = Duration.ofSeconds(3);

    /** When each step of each move was reached ({@link System#nanoTime()}), in order. */
    private record Reached(Step step, long nanos) {
    }

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void the_posts_migration_to_its_own_database_a_key_rotation_and_the_rollback_under_load_drop_no_request_and_lose_no_write()
            throws Exception {
        Topology target = Checkout.topology("posts-own-database.yml");
        Path postsJar = Checkout.serviceJar("posts");
        List<Reached> steps = new CopyOnWriteArrayList<>();
        Migration migration = Migration.to(target).withMoveListener(step -> steps.add(new Reached(step, System.nanoTime())));
        StandOptions options = StandOptions.defaults(Checkout.root(), Path.of("target/system-tests/migration").toAbsolutePath(),
                System.out).withMonolithJarFallback(false)
                .withReadyTimeout(Duration.ofMinutes(4)); // four JVMs, two databases and a build on 2 shared cores

        try (Stand stand = Stand.start(migration.start(), options);
                LoadGenerator load = new LoadGenerator(stand.url(), 8, 60, Duration.ofMinutes(12))) {
            assertEquals(postsJar, stand.jar("posts"), "the posts service runs from its own extracted jar");
            var shared = stand.database().moveEndpoint(DataMoves.SHARED);
            var own = stand.ownDatabases().get("posts").moveEndpoint(DataMoves.label("posts"));
            load.start();
            Thread.sleep(HOLD);
            long migrationStart = System.nanoTime();
            migration.walk(stand, migration.indexOf("done"), HOLD);
            long migrated = System.nanoTime();
            assertEquals(Map.of("posts", own.label()), DataMoves.authoritative(stand), "posts is on its own database");
            Thread.sleep(HOLD);
            // The token signing key rotated under the same load, with posts served by its own service, which
            // verifies every token with the keys it fetches: a new key published, then signing.
            String oldKey = stand.signingKeys().signingKeyId();
            long rotationStart = System.nanoTime();
            SigningKeySet rotated = KeyRotation.rotate(stand);
            long rotatedAt = System.nanoTime();
            Thread.sleep(LoadGenerator.RELOGIN_EVERY.plus(HOLD));
            List<String> writesBeforeRollback = load.acknowledgedWrites();
            List<String> missingOnOwn = StoredWrites.missing(own, writesBeforeRollback, load.tag());
            long rollbackStart = System.nanoTime();
            migration.rollback(stand, HOLD);
            long rolledBack = System.nanoTime();
            assertEquals(Map.of("posts", shared.label()), DataMoves.authoritative(stand), "posts is back on the shared database");
            Thread.sleep(HOLD);
            load.stop();

            long postsServed = stand.haproxy().servers().stream()
                    .filter(s -> s.backend().startsWith("rule_") && s.server().startsWith("posts-"))
                    .mapToLong(ServerStatus::total).sum();
            List<Result> results = load.results();
            List<String> writes = load.acknowledgedWrites();
            List<String> unreadable = load.unreadableWrites();
            List<String> missingOnShared = StoredWrites.missing(shared, writes, load.tag());
            List<DataMoves.Moved> moves = migration.dataMoves();
            List<long[]> switches = switchWindows(steps);

            System.out.println("[system-test] " + LoadGenerator.summary("migration + rollback under load", results));
            System.out.println("[system-test] " + LoadGenerator.summary("  during the migration (with the move)",
                    load.results(r -> r.startNanos() >= migrationStart && r.startNanos() < migrated)));
            System.out.println("[system-test] " + LoadGenerator.summary("  during the key rotation",
                    load.results(r -> r.startNanos() >= rotationStart && r.startNanos() < rotatedAt)));
            System.out.println("[system-test] " + LoadGenerator.summary("  during the rollback (with the move back)",
                    load.results(r -> r.startNanos() >= rollbackStart && r.startNanos() < rolledBack)));
            printMoves(load, moves, switches);
            System.out.printf(Locale.ROOT, "[system-test] migration %.1f s, rollback %.1f s; the posts service answered %d "
                    + "requests; %d writes acknowledged (%d before the rollback); %d not readable through the forum, %d not"
                    + " on %s before the rollback, %d not on %s at the end%n", (migrated - migrationStart) / 1e9,
                    (rolledBack - rollbackStart) / 1e9, postsServed, writes.size(), writesBeforeRollback.size(),
                    unreadable.size(), missingOnOwn.size(), own.label(), missingOnShared.size(), shared.label());

            List<Result> failed = load.results(r -> !r.ok());
            assertEquals(List.of(), failed.stream().limit(20).map(Result::toString).toList(),
                    failed.size() + " of " + results.size() + " requests failed (the first 20; see target/system-tests/migration)");
            assertTrue(results.size() > 1000, "the load ran: " + results.size() + " requests");
            assertTrue(postsServed > 100, "the posts service took traffic during the migration: " + postsServed);
            assertTrue(writes.size() > 100, "writes were made: " + writes.size());
            assertEquals(2, moves.size(), "one move there and one back: " + moves);
            assertEquals(List.of("shared", "posts_own"), List.of(moves.get(0).from(), moves.get(0).to()));
            assertEquals(List.of("posts_own", "shared"), List.of(moves.get(1).from(), moves.get(1).to()));
            for (DataMoves.Moved moved : moves) {
                assertTrue(moved.report().tables().stream().allMatch(TableChecksums.Comparison::equal), moved.describe());
                assertTrue(moved.report().tables().stream().allMatch(t -> t.source().rows() > 0), moved.describe());
                assertTrue(moved.report().switchPause().toMillis() < 2000, "writes held under 2 s: " + moved.describe());
            }
            assertEquals(2, switches.size(), "two switches: " + steps);
            assertEquals(List.of(), missingOnOwn.stream().limit(20).toList(), "acknowledged writes missing on " + own.label());
            assertEquals(List.of(), missingOnShared.stream().limit(20).toList(), "acknowledged writes missing on " + shared.label());
            assertEquals(List.of(), unreadable.stream().limit(20).toList(), "acknowledged writes that cannot be read back");
            assertNotEquals(oldKey, rotated.signingKeyId());
            assertTrue(load.tokenKeyIds(r -> r.startNanos() >= rotatedAt).contains(rotated.signingKeyId()),
                    "logins after the rotation were answered with tokens of the new key");
            assertTrue(load.tokenKeyIds(r -> r.startNanos() < rotationStart).contains(oldKey), "and before it, of the old key");
        }
    }

    /** Each move's report, and the latency of the requests that began during its switch. */
    private static void printMoves(LoadGenerator load, List<DataMoves.Moved> moves, List<long[]> switches) {
        for (int i = 0; i < moves.size(); i++) {
            System.out.println("[system-test] " + moves.get(i).describe());
            if (i < switches.size()) {
                long[] window = switches.get(i);
                List<Result> during = load.results(r -> r.startNanos() >= window[0] && r.startNanos() <= window[1]);
                System.out.printf(Locale.ROOT, "[system-test]   switch %s -> %s: writes held %d ms; %d requests"
                        + " began during it (caught up .. switched + 250 ms): max %.1f ms, p99 %.1f ms; %s%n",
                        moves.get(i).from(), moves.get(i).to(), moves.get(i).report().switchPause().toMillis(),
                        during.size(), LoadGenerator.percentile(during, 100), LoadGenerator.percentile(during, 99),
                        LoadGenerator.summary("writes", during.stream().filter(r -> r.op().method().equals("POST")
                                && !r.op().path().endsWith("/login")).toList()));
            }
        }
    }

    /** Each switch's window: from {@link Step#CAUGHT_UP} to {@link Step#SWITCHED} + 250 ms (the processes' poll). */
    private static List<long[]> switchWindows(List<Reached> steps) {
        List<long[]> windows = new ArrayList<>();
        long start = -1;
        for (Reached reached : steps) {
            if (reached.step() == Step.CAUGHT_UP) {
                start = reached.nanos();
            } else if (reached.step() == Step.SWITCHED && start >= 0) {
                windows.add(new long[] {start, reached.nanos() + TimeUnit.MILLISECONDS.toNanos(250)});
                start = -1;
            }
        }
        return windows;
    }
}

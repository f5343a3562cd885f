package dev.forum.standin.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.standin.haproxy.ServerStatus;
import dev.forum.standin.keys.KeyRotation;
import dev.forum.standin.keys.SigningKeySet;
import dev.forum.standin.stand.Migration;
import dev.forum.standin.stand.Stand;
import dev.forum.standin.stand.StandOptions;
import dev.forum.standin.support.Checkout;
import dev.forum.standin.support.EnabledIfSystemTools;
import dev.forum.standin.support.LoadGenerator;
import dev.forum.standin.support.LoadGenerator.Result;
import dev.forum.topology.Topology;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The tutorial's claim, proven with a real load balancer: the posts migration (monolith alone -> posts service started
 * -> 10 -> 50 -> 100 % -> monolith reconfigured without posts, instance by instance), a rotation of the token signing
 * key, and then the migration's rollback, under a constant load of reads on every tutorial route, logins, and writes
 * that create posts with the writers' tokens, drop no request, and every acknowledged write is there at the end.
 */
@EnabledIfSystemTools
class MigrationUnderLoadSystemTest {

    private static final Duration HOLD = Duration.ofSeconds(3);

    @Test
    @Timeout(value = 12, unit = TimeUnit.MINUTES)
    void the_posts_migration_and_its_rollback_under_load_drop_no_request_and_lose_no_write() throws Exception {
        Topology target = Checkout.topology("posts-extracted.yml");
        Path postsJar = Checkout.serviceJar("posts");
        Migration migration = Migration.to(target);
        StandOptions options = StandOptions.defaults(Checkout.root(), Path.of("target/system-tests/migration").toAbsolutePath(),
                System.out).withMonolithJarFallback(false);

        try (Stand stand = Stand.start(migration.start(), options);
                LoadGenerator load = new LoadGenerator(stand.url(), 8, 80, Duration.ofMinutes(9))) {
            assertEquals(postsJar, stand.jar("posts"), "the posts service runs from its own extracted jar");
            load.start();
            Thread.sleep(HOLD);
            long migrationStart = System.nanoTime();
            migration.walk(stand, migration.indexOf("done"), HOLD);
            long migrated = System.nanoTime();
            Thread.sleep(HOLD);
            // The token signing key rotated under the same load, with posts served by its own service, which
            // verifies every token with the keys it fetches: a new key published, then signing.
            String oldKey = stand.signingKeys().signingKeyId();
            long rotationStart = System.nanoTime();
            SigningKeySet rotated = KeyRotation.rotate(stand);
            long rotatedAt = System.nanoTime();
            Thread.sleep(LoadGenerator.RELOGIN_EVERY.plus(HOLD));
            long rollbackStart = System.nanoTime();
            migration.rollback(stand, HOLD);
            long rolledBack = System.nanoTime();
            Thread.sleep(HOLD);
            load.stop();

            long postsServed = stand.haproxy().servers().stream()
                    .filter(s -> s.backend().startsWith("rule_") && s.server().startsWith("posts-"))
                    .mapToLong(ServerStatus::total).sum();
            List<Result> results = load.results();
            List<String> writes = load.acknowledgedWrites();
            List<String> unreadable = load.unreadableWrites();

            System.out.println("[system-test] " + LoadGenerator.summary("migration + rollback under load", results));
            System.out.println("[system-test] " + LoadGenerator.summary("  during the migration",
                    load.results(r -> r.startNanos() >= migrationStart && r.startNanos() < migrated)));
            System.out.println("[system-test] " + LoadGenerator.summary("  during the key rotation",
                    load.results(r -> r.startNanos() >= rotationStart && r.startNanos() < rotatedAt)));
            System.out.println("[system-test] " + LoadGenerator.summary("  during the rollback",
                    load.results(r -> r.startNanos() >= rollbackStart && r.startNanos() < rolledBack)));
            System.out.printf(Locale.ROOT, "[system-test] migration %.1f s, rollback %.1f s; the posts service answered %d "
                    + "requests; %d writes acknowledged, %d not readable at the end%n", (migrated - migrationStart) / 1e9,
                    (rolledBack - rollbackStart) / 1e9, postsServed, writes.size(), unreadable.size());

            List<Result> failed = load.results(r -> !r.ok());
            assertEquals(List.of(), failed.stream().limit(20).map(Result::toString).toList(),
                    failed.size() + " of " + results.size() + " requests failed (the first 20; see target/system-tests/migration)");
            assertTrue(results.size() > 1000, "the load ran: " + results.size() + " requests");
            assertTrue(postsServed > 100, "the posts service took traffic during the migration: " + postsServed);
            assertTrue(writes.size() > 100, "writes were made: " + writes.size());
            assertEquals(List.of(), unreadable.stream().limit(20).toList(), "acknowledged writes that cannot be read back");
            assertNotEquals(oldKey, rotated.signingKeyId());
            assertTrue(load.tokenKeyIds(r -> r.startNanos() >= rotatedAt).contains(rotated.signingKeyId()),
                    "logins after the rotation were answered with tokens of the new key");
            assertTrue(load.tokenKeyIds(r -> r.startNanos() < rotationStart).contains(oldKey), "and before it, of the old key");
        }
    }
}

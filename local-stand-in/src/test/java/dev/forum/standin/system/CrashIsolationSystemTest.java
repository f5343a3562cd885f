package dev.forum.standin.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.standin.stand.Stage;
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
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Posts extracted, under load: {@code kill -9} of both posts instances takes down only the posts routes, which answer
 * 503 at once; users and threads keep answering every request; when the instances start again, HAProxy's health checks
 * bring the traffic back with no step on the load balancer.
 */
@EnabledIfSystemTools
class CrashIsolationSystemTest {

    private static final List<String> POSTS_INSTANCES = List.of("posts-1", "posts-2");

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void a_crashed_posts_service_takes_down_only_the_posts_routes_and_comes_back_by_itself() throws Exception {
        Topology topology = Checkout.topology("posts-extracted.yml");
        Path postsJar = Checkout.serviceJar("posts");
        StandOptions options = StandOptions.defaults(Checkout.root(), Path.of("target/system-tests/crash").toAbsolutePath(),
                System.out).withMonolithJarFallback(false);

        try (Stand stand = Stand.start(Stage.of("posts extracted", topology), options);
                LoadGenerator load = new LoadGenerator(stand.url(), 8, 80, Duration.ofMinutes(4))) {
            assertEquals(postsJar, stand.jar("posts"));
            load.start();
            Thread.sleep(3_000);

            long killStart = System.nanoTime();
            POSTS_INSTANCES.forEach(stand::kill);
            long killed = System.nanoTime();
            Thread.sleep(6_000);

            long restartStart = System.nanoTime();
            stand.restart(POSTS_INSTANCES); // the processes only: nothing is said to HAProxy
            long ready = System.nanoTime();
            long recovered = awaitPostsBack(load, ready, Duration.ofSeconds(30));
            Thread.sleep(3_000);
            load.stop();

            List<Result> all = load.results();
            List<Result> usersAndThreads = load.results(r -> !r.op().route().equals("posts"));
            List<Result> postsBefore = load.results(r -> r.op().route().equals("posts")
                    && r.startNanos() + r.latencyNanos() <= killStart);
            List<Result> postsWhileDown = load.results(r -> r.op().route().equals("posts") && r.startNanos() >= killed
                    && r.startNanos() + r.latencyNanos() <= restartStart);
            List<Result> postsAtTheKill = load.results(r -> r.op().route().equals("posts") && r.startNanos() < killed
                    && r.startNanos() + r.latencyNanos() > killStart);
            List<Result> postsAfter = load.results(r -> r.op().route().equals("posts") && r.startNanos() >= recovered);

            System.out.println("[system-test] " + LoadGenerator.summary("crash isolation, all requests", all));
            System.out.println("[system-test] " + LoadGenerator.summary("  users and threads routes", usersAndThreads));
            System.out.println("[system-test] " + LoadGenerator.summary("  posts routes before the kill", postsBefore));
            System.out.println("[system-test] " + LoadGenerator.summary("  posts routes while posts was down", postsWhileDown)
                    + " statuses " + statuses(postsWhileDown));
            System.out.println("[system-test]   posts requests in flight at the kill: " + postsAtTheKill);
            System.out.println("[system-test] " + LoadGenerator.summary("  posts routes after recovery", postsAfter));
            System.out.printf(Locale.ROOT, "[system-test] posts instances ready %.1f s after the restart; posts routes answered "
                    + "through HAProxy %.1f s after that, with no load balancer step%n", (ready - restartStart) / 1e9,
                    (recovered - ready) / 1e9);

            assertEquals(List.of(), usersAndThreads.stream().filter(r -> !r.ok()).limit(20).map(Result::toString).toList(),
                    "users and threads routes failed while posts was down");
            assertEquals(List.of(), postsBefore.stream().filter(r -> !r.ok()).limit(20).map(Result::toString).toList(),
                    "posts routes before the kill");
            assertTrue(usersAndThreads.size() > 500, "users and threads took load: " + usersAndThreads.size());
            assertTrue(postsWhileDown.size() > 20, "posts requests while it was down: " + postsWhileDown.size());
            assertEquals(List.of(), postsWhileDown.stream().filter(r -> r.status() != 503).limit(20).map(Result::toString).toList(),
                    "every posts request while posts was down gets a 503 from the load balancer");
            double p99 = LoadGenerator.percentile(postsWhileDown, 99);
            assertTrue(p99 < 1000, "posts routes answer 503 fast while posts is down: p99 " + p99 + " ms, slowest "
                    + LoadGenerator.slowest(postsWhileDown, 5));
            assertTrue(postsAfter.size() > 20, "posts requests after recovery: " + postsAfter.size());
            assertEquals(List.of(), postsAfter.stream().filter(r -> !r.ok()).limit(20).map(Result::toString).toList(),
                    "posts routes after recovery");
        }
    }

    /** When posts requests succeed again through the load balancer (the first of them sent after the restart). */
    private static long awaitPostsBack(LoadGenerator load, long since, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<Result> back = load.results(r -> r.op().route().equals("posts") && r.ok() && r.startNanos() >= since);
            if (!back.isEmpty()) {
                return back.stream().mapToLong(Result::startNanos).min().orElseThrow();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("posts routes did not answer again within " + timeout.toSeconds() + " s of the restart");
    }

    private static Map<String, Long> statuses(List<Result> results) {
        Map<String, Long> statuses = new TreeMap<>();
        results.forEach(r -> statuses.merge(r.error() != null ? r.error() : Integer.toString(r.status()), 1L, Long::sum));
        return statuses;
    }
}

package forum.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.datamove.Endpoint;
import dev.forum.datamove.ModuleMove;
import dev.forum.datamove.Step;
import dev.forum.datamove.TableChecksums;
import dev.forum.datamove.support.EnabledIfThrowawayPostgres;
import dev.forum.datamove.support.LogicalServers;
import dev.forum.datamove.support.ModuleDatabases;
import dev.forum.datamove.server.InitdbServer;
import forum.platform.data.ModuleDatabase;
import forum.platform.data.ModulePlacement;
import forum.posts.NewPost;
import forum.posts.Post;
import forum.posts.PostsApi;
import forum.threads.ThreadId;
import forum.users.UserId;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application side of a data move: the whole forum runs with the posts module on a database of two PostgreSQL 15
 * servers ({@link InitdbServer}, {@code wal_level=logical}) and told of the other
 * ({@code forum.datasource.posts.moved.url}), while writers create posts through {@link PostsApi} (the module's own
 * code, its transactions and its pool) and read each back at once, and the data move ({@link ModuleMove}) moves the
 * posts schema there and back. Every write must be acknowledged (none fails: refusals by the database that no longer
 * holds the module are retried, writes during the switch's pause are held), every acknowledged post must be on the
 * database that holds the module afterwards, with its text, and the process must follow the switch by itself.
 */
@EnabledIfThrowawayPostgres
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class ModuleSwitchUnderWritesIntegrationTest {

    @RegisterExtension
    static final LogicalServers servers = new LogicalServers();

    @Test
    void writes_through_the_posts_module_are_held_not_failed_and_follow_the_move_there_and_back() throws Exception {
        try (ModuleDatabases pair = new ModuleDatabases(servers.shared(), "shared", servers.own(), "posts_own", "posts");
             ConfigurableApplicationContext forum = ForumOnPostgres.start(ForumOnPostgres.settings(pair))) {
            PostsApi posts = forum.getBean(PostsApi.class);
            ModulePlacement placement = forum.getBean("postsDatabase", ModuleDatabase.class).placement();
            assertEquals(ModulePlacement.Side.HOME, placement.authoritative(), "before any move, home takes the writes");

            Switch there = moveUnderWrites(posts, pair, pair.source, pair.target);
            assertEquals(ModulePlacement.Side.MOVED, awaitSide(placement, ModulePlacement.Side.MOVED));
            assertAcknowledgedOn(pair, pair.target, there.writers);
            assertTrue(placement.heldWrites() > 0, "writes were held during the switch's pause");
            long heldThere = placement.heldWrites();

            Switch back = moveUnderWrites(posts, pair, pair.target, pair.source);
            assertEquals(ModulePlacement.Side.HOME, awaitSide(placement, ModulePlacement.Side.HOME));
            assertAcknowledgedOn(pair, pair.source, back.writers);
            assertAcknowledgedOn(pair, pair.source, there.writers);
            assertTrue(placement.heldWrites() > heldThere, "writes were held during the way back's pause");
            assertEquals(2, placement.epoch());
            assertEquals(2, placement.switches());
        }
    }

    private record Switch(Writers writers, ModuleMove.Report report) {
    }

    /** Runs the move from one side to the other with writers through the module, and checks what the writers saw. */
    private static Switch moveUnderWrites(PostsApi posts, ModuleDatabases pair, Endpoint from, Endpoint to)
            throws Exception {
        Map<Step, Long> reached = new ConcurrentHashMap<>();
        Writers writers = new Writers(posts, 8);
        ModuleMove.Report report;
        long announced;
        try {
            Thread.sleep(400);
            announced = System.nanoTime();
            report = new ModuleMove(from, to, pair.settings(), line -> System.out.println("move: " + line),
                    step -> reached.put(step, System.nanoTime())).run();
            Thread.sleep(600);
        } finally {
            writers.stop();
        }
        long switchStart = reached.get(Step.CAUGHT_UP);
        long switchEnd = reached.get(Step.SWITCHED);
        List<Long> during = writers.latenciesBetween(switchStart, switchEnd + TimeUnit.MILLISECONDS.toNanos(250));
        System.out.printf("switch %s -> %s: pause %d ms, verification pause %d ms; writes acknowledged %d, failed %d;"
                        + " %d writes began during the switch, latency max %d ms, p99 %d ms; since the move began %d ms%n",
                from.label(), to.label(), report.switchPause().toMillis(), report.verifyPause().toMillis(),
                writers.acknowledged.size(), writers.failures.size(), during.size(), max(during), p99(during),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - announced));
        assertEquals(List.of(), writers.failures, "no write through the module failed");
        assertEquals(to.label(), report.authoritative());
        assertTrue(report.tables().stream().allMatch(TableChecksums.Comparison::equal), report.tables().toString());
        assertTrue(report.switchPause().toMillis() < 2000, "switch pause " + report.switchPause());
        assertTrue(!during.isEmpty(), "writes were sent during the switch");
        assertTrue(max(during) < 2500, "no write during the switch waited 2.5 s or more: " + max(during) + " ms");
        assertTrue(writers.acknowledgedAfter(switchEnd) > 0, "writes went on after the switch");
        return new Switch(writers, report);
    }

    private static ModulePlacement.Side awaitSide(ModulePlacement placement, ModulePlacement.Side side)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (placement.authoritative() != side && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return placement.authoritative();
    }

    private static void assertAcknowledgedOn(ModuleDatabases pair, Endpoint side, Writers writers) throws Exception {
        Map<Long, String> stored = new HashMap<>();
        try (Connection connection = side.connect(); Statement query = connection.createStatement();
             ResultSet rows = query.executeQuery("select id, text from posts.posts")) {
            while (rows.next()) {
                stored.put(rows.getLong(1), rows.getString(2));
            }
        }
        Map<Long, String> missing = new LinkedHashMap<>();
        writers.acknowledged.forEach((id, text) -> {
            if (!text.equals(stored.get(id))) {
                missing.put(id, text);
            }
        });
        assertEquals(Map.of(), missing, "acknowledged posts missing or different on " + side.label()
                + " (" + writers.acknowledged.size() + " acknowledged)");
    }

    private static long max(List<Long> latencies) {
        return latencies.stream().mapToLong(Long::longValue).max().orElse(0);
    }

    private static long p99(List<Long> latencies) {
        if (latencies.isEmpty()) {
            return 0;
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1));
    }

    /**
     * Threads that create a post through the module's API and read it back at once, over and over; each
     * acknowledged post (and its text) is kept, with when its write began and how long it took.
     */
    private static final class Writers {
        final Map<Long, String> acknowledged = new ConcurrentHashMap<>();
        final List<String> failures = Collections.synchronizedList(new ArrayList<>());
        private final List<long[]> timings = Collections.synchronizedList(new ArrayList<>());
        private final AtomicBoolean stop = new AtomicBoolean();
        private final List<Thread> threads = new ArrayList<>();

        Writers(PostsApi posts, int count) {
            for (int n = 0; n < count; n++) {
                int writer = n;
                threads.add(Thread.ofPlatform().name("posts-writer-" + n).start(() -> {
                    int sequence = 0;
                    while (!stop.get()) {
                        String text = "writer " + writer + " post " + sequence++ + " " + System.nanoTime();
                        long began = System.nanoTime();
                        try {
                            ThreadLocalRandom random = ThreadLocalRandom.current();
                            Post created = posts.create(new NewPost(new ThreadId(1 + random.nextInt(3)), text,
                                    new UserId(1 + random.nextInt(4))));
                            long took = System.nanoTime() - began;
                            acknowledged.put(created.id().value(), text);
                            timings.add(new long[] {began, took});
                            Post read = posts.get(created.id());
                            if (!read.text().equals(text)) {
                                failures.add("post " + created.id().value() + " read back as '" + read.text() + "'");
                            }
                            Thread.sleep(15);
                        } catch (InterruptedException e) {
                            return;
                        } catch (RuntimeException e) {
                            failures.add(e.toString());
                        }
                    }
                }));
            }
        }

        /** Latencies in ms of the acknowledged writes that began between two {@link System#nanoTime()} instants. */
        List<Long> latenciesBetween(long from, long to) {
            synchronized (timings) {
                return timings.stream().filter(t -> t[0] >= from && t[0] <= to)
                        .map(t -> TimeUnit.NANOSECONDS.toMillis(t[1])).toList();
            }
        }

        long acknowledgedAfter(long instant) {
            synchronized (timings) {
                return timings.stream().filter(t -> t[0] > instant).count();
            }
        }

        void stop() throws InterruptedException {
            stop.set(true);
            for (Thread thread : threads) {
                thread.join(10_000);
            }
        }
    }
}

package dev.forum.standin.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.datamove.Step;
import dev.forum.datamove.TableChecksums;
import dev.forum.standin.process.Instance;
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
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A data move of the stand-in's migration stopped half way, under load: once before the switch (the shared database
 * stays authoritative) and once right after the switch committed on the shared side (the service's database is
 * authoritative from then on), each time with one authoritative database; walking to {@code done} again finishes the
 * move, and every acknowledged write is in the service's database with the tables equal on both sides.
 */
@EnabledIfSystemTools
class InterruptedDataMoveSystemTest {

    private static final Duration HOLD = Duration.ofSeconds(2);

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void a_move_stopped_before_and_right_after_its_switch_leaves_one_authoritative_database_and_finishes_when_run_again()
            throws Exception {
        Topology target = Checkout.topology("posts-own-database.yml");
        Checkout.serviceJar("posts");
        Migration migration = Migration.to(target);
        // What the stand-in prints, kept to check its lines about ports and the stop (and shown as it comes).
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                System.out.write(b);
                printed.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                System.out.write(bytes, offset, length);
                printed.write(bytes, offset, length);
            }
        }, true, StandardCharsets.UTF_8);
        StandOptions options = StandOptions.defaults(Checkout.root(),
                Path.of("target/system-tests/interrupted-move").toAbsolutePath(), out).withMonolithJarFallback(false)
                .withReadyTimeout(Duration.ofMinutes(4)); // four JVMs, three databases and a build on 2 shared cores

        List<Instance> instances;
        try (Stand stand = Stand.start(migration.start(), options);
                LoadGenerator load = new LoadGenerator(stand.url(), 8, 60, Duration.ofMinutes(7))) {
            var shared = stand.database().moveEndpoint(DataMoves.SHARED);
            var own = stand.ownDatabases().get("posts").moveEndpoint(DataMoves.label("posts"));
            load.start();
            int done = migration.indexOf("done");
            migration.walk(stand, migration.indexOf("100"), HOLD);

            RuntimeException beforeSwitch = assertThrows(IllegalStateException.class,
                    () -> migration.withMoveListener(stopAt(Step.CAUGHT_UP)).walk(stand, done, HOLD));
            System.out.println("[system-test] stopped before the switch: " + beforeSwitch.getMessage());
            assertEquals(Map.of("posts", shared.label()), DataMoves.authoritative(stand), "the shared database still holds posts");
            Thread.sleep(HOLD);

            RuntimeException afterSwitch = assertThrows(IllegalStateException.class,
                    () -> migration.withMoveListener(stopAt(Step.SWITCH_SOURCE_COMMITTED)).walk(stand, done, HOLD));
            long stoppedAfterSwitch = System.nanoTime();
            System.out.println("[system-test] stopped right after the switch: " + afterSwitch.getMessage());
            assertEquals(Map.of("posts", own.label()), DataMoves.authoritative(stand), "the service's database holds posts");

            migration.walk(stand, done, HOLD); // at "done" already: resumes the move
            long finished = System.nanoTime();
            List<DataMoves.Moved> moves = migration.dataMoves();
            Thread.sleep(HOLD);
            load.stop();

            List<Result> results = load.results();
            List<String> writes = load.acknowledgedWrites();
            List<String> missingOnOwn = StoredWrites.missing(own, writes, load.tag());
            List<String> unreadable = load.unreadableWrites();
            System.out.println("[system-test] " + LoadGenerator.summary("interrupted moves under load", results));
            System.out.println("[system-test] " + LoadGenerator.summary("  from the stop after the switch to the end of the re-run",
                    load.results(r -> r.startNanos() >= stoppedAfterSwitch && r.startNanos() < finished)));
            moves.forEach(moved -> System.out.println("[system-test] re-run: " + moved.describe()));
            System.out.printf("[system-test] %d writes acknowledged; %d not on %s, %d not readable through the forum%n",
                    writes.size(), missingOnOwn.size(), own.label(), unreadable.size());

            assertEquals(1, moves.size(), "the re-run finished the move: " + moves);
            assertEquals(own.label(), moves.getFirst().to());
            assertTrue(moves.getFirst().report().tables().stream().allMatch(TableChecksums.Comparison::equal),
                    moves.getFirst().describe());
            assertEquals(Map.of("posts", own.label()), DataMoves.authoritative(stand));
            List<Result> failed = load.results(r -> !r.ok());
            assertEquals(List.of(), failed.stream().limit(20).map(Result::toString).toList(),
                    failed.size() + " of " + results.size() + " requests failed (the first 20)");
            assertTrue(writes.size() > 50, "writes were made: " + writes.size());
            assertEquals(List.of(), missingOnOwn.stream().limit(20).toList(), "acknowledged writes missing on " + own.label());
            assertEquals(List.of(), unreadable.stream().limit(20).toList(), "acknowledged writes that cannot be read back");

            instances = java.util.stream.Stream.of("monolith", "posts").flatMap(service -> stand.instances(service).stream())
                    .toList();
            String status = stand.status();
            for (Instance instance : instances) {
                // Each instance's two ports, told apart: the one HAProxy sends requests to, and Actuator's own.
                assertTrue(status.contains(" :" + instance.port() + " management :" + instance.managementPort() + " "),
                        status);
            }
        }
        String lines = printed.toString(StandardCharsets.UTF_8);
        for (Instance instance : instances) {
            assertTrue(lines.lines().anyMatch(line -> line.contains(" " + instance.name() + " ready in ")
                    && line.contains(", serves :" + instance.port() + "; GET /actuator/health/readiness -> 200 on its"
                            + " management port :" + instance.managementPort() + ")")), instance.name() + ":\n" + lines);
        }
        // Two servers of the run's own were stopped (the shared one and posts's), and the stop line says so.
        assertTrue(lines.contains("==> stop: every process, HAProxy, the 2 databases and their servers\n"), lines);
    }

    /** Stops a move when it reaches {@code stop}, as a kill of the move's process there would. */
    private static dev.forum.datamove.ModuleMove.StepListener stopAt(Step stop) {
        return step -> {
            if (step == stop) {
                throw new IllegalStateException("killed at " + step + " by the test");
            }
        };
    }
}

package dev.forum.datamove;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.datamove.support.EnabledIfThrowawayPostgres;
import dev.forum.datamove.support.LogicalServers;
import dev.forum.datamove.support.ModuleDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code status} and {@code abort} when one of the two servers cannot be reached (an endpoint on a closed port), and
 * {@code status} when neither can; a write pause a switch that did not finish left ({@code paused_until}): shown by
 * status, ahead or stale, and ended by a move run again and by abort; and a timeout said as {@code 1 ms}, not
 * {@code PT0.001S}. On two PostgreSQL 15 servers made for this class.
 */
@EnabledIfThrowawayPostgres
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class OneSideDownIntegrationTest {

    @RegisterExtension
    static final LogicalServers servers = new LogicalServers();

    @Test
    void statusShowsTheSideItReachesAndAbortEndsTheSourcesSlotWhenTheTargetIsDown() {
        try (ModuleDatabases pair = new ModuleDatabases(servers.shared(), "shared", servers.own(), "own", "posts")) {
            pair.psql(pair.source, "insert into posts.posts (thread_id, text, user_id) select 1, 'p ' || g, 1"
                    + " from generate_series(1, 30) g");
            stopAt(pair, Step.CAUGHT_UP);
            // What a switch killed after announcing its pause leaves (a kill inside the process rolls it back itself).
            pair.psql(pair.source, "update forum_move.placement set paused_until = now() - interval '5 minutes'");
            Endpoint ownDown = down(pair.target);
            Endpoint sharedDown = down(pair.source);

            MoveStatus.Report onlyShared = MoveStatus.read(pair.source, ownDown, pair.settings());
            assertEquals(List.of("own"), onlyShared.unreached().stream().map(MoveStatus.Unreached::side).toList());
            String why = onlyShared.unreached().getFirst().failure().getMessage();
            assertTrue(why.startsWith("cannot connect to " + ownDown.describe() + " as postgres: "), why);
            List<String> lines = onlyShared.lines();
            assertEquals("shared: placement names shared at epoch 0 (takes the writes)", lines.get(0), lines.toString());
            assertTrue(lines.get(1).matches("shared: write pause announced until 20[0-9-]+ [0-9:.]+ UTC, 30[0-9] s ago:"
                    + " stale, left by a switch that did not finish; it holds no write; move \\(run again\\) or abort ends"
                    + " it"), lines.get(1));
            assertTrue(lines.stream().anyMatch(line -> line.matches("shared: slot forum_move_posts_shared_to_own"
                    + " (in use|NOT IN USE), keeps [0-9]+ bytes of WAL")), lines.toString());
            assertTrue(lines.stream().allMatch(line -> line.startsWith("shared: ")), lines.toString());
            assertEquals(List.of("own: placement names shared at epoch 0 (read-only for the module)",
                    "own: subscription forum_move_posts_shared_to_own enabled, its tables: 2 ready"),
                    MoveStatus.read(sharedDown, pair.target, pair.settings()).lines());
            assertEquals("own", assertThrows(UnreachableException.class,
                    () -> MoveStatus.of(pair.source, ownDown, pair.settings())).server(), "of: both or nothing");

            // Both down: no line, and each side's failure, source's first.
            MoveStatus.Report neither = MoveStatus.read(sharedDown, ownDown, pair.settings());
            assertEquals(List.of(), neither.lines());
            assertEquals(List.of("shared", "own"), neither.unreached().stream().map(MoveStatus.Unreached::side).toList());
            assertTrue(neither.unreached().getLast().failure().getMessage().startsWith("cannot connect to "
                    + ownDown.describe() + " as postgres: "), neither.unreached().getLast().failure().getMessage());
            UnreachableException both = assertThrows(UnreachableException.class,
                    () -> MoveStatus.of(sharedDown, ownDown, pair.settings()));
            assertEquals("shared", both.server());
            assertEquals("own", ((UnreachableException) both.getSuppressed()[0]).server());

            // The source down: nothing is done on the target alone.
            String ownBefore = pair.state(pair.target);
            List<String> log = new ArrayList<>();
            MoveException refused = assertThrows(MoveException.class,
                    () -> new MoveAbort(sharedDown, pair.target, pair.settings(), log::add).run());
            assertTrue(refused.getMessage().startsWith("cannot connect to " + sharedDown.describe() + " as postgres: "),
                    refused.getMessage());
            assertTrue(refused.getMessage().endsWith("; abort does nothing on own alone: only shared's placement row tells"
                    + " whether the switch committed, and the slot that keeps WAL is on shared; nothing was changed: run"
                    + " abort again once shared can be reached (status shows own meanwhile)"), refused.getMessage());
            assertEquals(List.of(), log);
            assertEquals(ownBefore, pair.state(pair.target));

            // The target down: the source's slot, publication and stale pause go; the target's subscription stays.
            MoveException partial = assertThrows(MoveException.class,
                    () -> new MoveAbort(pair.source, ownDown, pair.settings(), log::add).run());
            assertTrue(partial.getMessage().startsWith("aborted on shared only: no subscription or slot of posts between"
                    + " shared and own is left there, nor its publication, and shared stays authoritative; own could not be"
                    + " reached (cannot connect to " + ownDown.describe()), partial.getMessage());
            assertTrue(partial.getMessage().endsWith(": what the move left there (subscription"
                    + " forum_move_posts_shared_to_own, the copy) is left; run abort again once own can be reached"),
                    partial.getMessage());
            assertEquals(List.of("own could not be reached: aborting on shared alone, which its placement row names"
                    + " authoritative (epoch 0)", "dropped orphaned replication slot forum_move_posts_shared_to_own"), log);
            assertEquals(List.of(), pair.slots(pair.source));
            assertEquals("", pair.psql(pair.source, "select string_agg(pubname, ',') from pg_publication"));
            assertEquals("shared|shared|0|", pair.psql(pair.source, "select here || '|' || authoritative || '|' || epoch"
                    + " || '|' || coalesce(paused_until::text, '') from forum_move.placement"), "the pause ended");
            assertEquals(ownBefore, pair.state(pair.target), "nothing done on own");

            // Both reachable again: abort ends what was left on own (its subscription, whose slot is gone).
            log.clear();
            new MoveAbort(pair.source, pair.target, pair.settings(), log::add).run();
            assertEquals("aborted: no subscription, slot or publication of posts between shared and own is left; shared"
                    + " stays authoritative", log.getLast());
            assertEquals("", pair.psql(pair.target, "select string_agg(subname, ',') from pg_subscription"));
            assertEquals(List.of(), pair.slots(pair.target));
        }
    }

    @Test
    void aSwitchedSourceIsNotAbortedAloneAndAMoveRunAgainEndsAStalePause() {
        try (ModuleDatabases pair = new ModuleDatabases(servers.shared(), "shared", servers.own(), "own", "posts")) {
            pair.psql(pair.source, "insert into posts.posts (thread_id, text, user_id) values (1, 'seed', 1)");
            stopAt(pair, Step.CAUGHT_UP);
            pair.psql(pair.source, "update forum_move.placement set paused_until = now() + interval '1 hour'");
            assertTrue(MoveStatus.of(pair.source, pair.target, pair.settings()).stream().anyMatch(line -> line.matches(
                    "shared: write pause announced until [0-9-]+ [0-9:.]+ UTC, 3[56][0-9]{2} s ahead: the module's"
                            + " processes hold new writes until then")), "a pause still ahead");

            List<String> log = new ArrayList<>();
            assertThrows(MoveException.class, () -> new ModuleMove(pair.source, pair.target, pair.settings(), log::add,
                    step -> stopAt(step, Step.TARGET_PREPARED)).run());
            assertTrue(log.stream().anyMatch(line -> line.matches("ended the write pause announced on shared until"
                    + " [0-9-]+ [0-9:.]+ UTC \\(3[56][0-9]{2} s ahead\\): a switch that did not finish left it")), log.toString());
            assertEquals("", pair.psql(pair.source, "select coalesce(paused_until::text, '') from forum_move.placement"));
            assertTrue(MoveStatus.of(pair.source, pair.target, pair.settings()).stream()
                    .noneMatch(line -> line.contains("pause")), "status shows no pause once ended");

            assertEquals("own", new ModuleMove(pair.source, pair.target, pair.settings(), log::add, step -> { }).run()
                    .authoritative());
            String sharedBefore = pair.state(pair.source);
            log.clear();
            MoveException refused = assertThrows(MoveException.class,
                    () -> new MoveAbort(pair.source, down(pair.target), pair.settings(), log::add).run());
            assertTrue(refused.getMessage().startsWith("shared's placement row names own at epoch 1: the switch committed,"
                    + " so there is nothing to abort; roll back by moving posts back (source and target swapped) once own"
                    + " can be reached (own could not be reached (cannot connect to "), refused.getMessage());
            assertTrue(refused.getMessage().endsWith("); nothing was changed"), refused.getMessage());
            assertEquals(List.of(), log);
            assertEquals(sharedBefore, pair.state(pair.source));
        }
    }

    @Test
    void aTimeoutIsSaidInMillisecondsOrSecondsNotAsIsoDuration() {
        try (ModuleDatabases pair = new ModuleDatabases(servers.shared(), "shared", servers.own(), "own", "posts")) {
            pair.psql(pair.source, "insert into posts.posts (thread_id, text, user_id) values (1, 'seed', 1)");
            MoveSettings base = pair.settings();
            MoveSettings hasty = new MoveSettings(base.module(), base.ownerRole(), base.ownerPassword(), base.runtimeRole(),
                    base.migrations(), base.sequenceMargin(), Duration.ofMillis(1), base.pauseBound());
            MoveException timedOut = assertThrows(MoveException.class,
                    () -> new ModuleMove(pair.source, pair.target, hasty, line -> { }, step -> { }).run());
            assertTrue(timedOut.getMessage().contains(" within 1 ms"), timedOut.getMessage());
            assertTrue(!timedOut.getMessage().contains("PT"), timedOut.getMessage());
            assertEquals("2 s", Durations.text(Duration.ofSeconds(2)));
            assertEquals("1800 s", Durations.text(Duration.ofMinutes(30)));
            assertEquals("2250 ms", Durations.text(Duration.ofMillis(2250)));
            assertEquals("13 s", Durations.text(Duration.ofMillis(12_600)));
            assertEquals("300 s", Durations.text(Duration.ofSeconds(-300)));
        }
    }

    /** Runs the pair's move until {@code step}, where it is stopped as a kill would stop it. */
    private static void stopAt(ModuleDatabases pair, Step step) {
        assertThrows(MoveException.class, () -> new ModuleMove(pair.source, pair.target, pair.settings(), line -> { },
                reached -> stopAt(reached, step)).run());
    }

    private static void stopAt(Step reached, Step step) {
        if (reached == step) {
            throw new MoveException("stopped at " + step + " by the test");
        }
    }

    /** The endpoint's database as it would be named with its server down: a loopback port nothing listens on. */
    static Endpoint down(Endpoint side) {
        try (ServerSocket socket = new ServerSocket(0)) {
            int closed = socket.getLocalPort();
            socket.close();
            return new Endpoint(side.label(), side.host(), closed, side.database(), side.user(), side.password());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

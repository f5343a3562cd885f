package dev.forum.datamove.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.datamove.support.EnabledIfThrowawayPostgres;
import dev.forum.datamove.support.ModuleDatabases;
import dev.forum.datamove.server.InitdbServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The command line end to end: a rollback with nothing to move, a refused password of each kind (named by the variable
 * it came from), a move and its rollback as an operator types them
 * (migrations from the class path, as in the move image), the status, a mistyped module refused by status, abort and
 * drop-source (one line, exit 1), then the drop of the copy left behind.
 */
@Isolated // swaps System.out and System.err (MainRun): no other class may print meanwhile
@EnabledIfThrowawayPostgres
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class MainIntegrationTest {

    @Test
    void movesThenMovesBackAndPrintsTheState() {
        Map<String, String> logical = Map.of("wal_level", "logical");
        try (InitdbServer shared = InitdbServer.temporary(logical); InitdbServer own = InitdbServer.temporary(logical);
                ModuleDatabases pair = new ModuleDatabases(shared, "shared", own, "threads_own", "threads")) {
            pair.psql(pair.source, "insert into threads.threads (title, created_by) select 'thread ' || g, 1 + g % 4"
                    + " from generate_series(1, 250) g");
            Map<String, String> environment = Map.of("FORUM_MOVE_SOURCE_PASSWORD", shared.password(),
                    "FORUM_MOVE_TARGET_PASSWORD", own.password(), "FORUM_MOVE_OWNER_PASSWORD", ModuleDatabases.OWNER_PASSWORD);
            String sharedAddress = "shared@127.0.0.1:" + shared.port() + "/" + pair.database();
            String ownAddress = "threads_own@127.0.0.1:" + own.port() + "/" + pair.database();

            Map<String, String> swapped = Map.of("FORUM_MOVE_SOURCE_PASSWORD", own.password(),
                    "FORUM_MOVE_TARGET_PASSWORD", shared.password(), "FORUM_MOVE_OWNER_PASSWORD", ModuleDatabases.OWNER_PASSWORD);
            // A rollback before any move: the data is on shared already.
            String nothing = stdoutOf(command("move", ownAddress, sharedAddress), swapped);
            assertTrue(nothing.contains("[data-move] threads is already on shared: nothing to move"), nothing);
            assertTrue(nothing.contains("[data-move] done: shared holds threads at epoch 0; nothing moved"), nothing);

            // A password a server refuses: one line naming the variable it came from, whichever of the three it is.
            Map<String, String> wrongSource = new java.util.HashMap<>(environment);
            wrongSource.put("FORUM_MOVE_SOURCE_PASSWORD", "not-the-password");
            // status shows the side it could read, then says which it could not (exit 1).
            assertEquals("[data-move] threads_own: no placement row (no move has touched it)\n"
                    + "data-move: the lines above are threads_own's only: cannot connect to shared (127.0.0.1:"
                    + shared.port() + "/" + pair.database() + ") as postgres: the server refused the password of postgres"
                    + " (or 127.0.0.1:" + shared.port() + " is not shared's server): check FORUM_MOVE_SOURCE_PASSWORD\n",
                    outputOf(command("status", sharedAddress, ownAddress), wrongSource, 1));
            Map<String, String> wrongTarget = new java.util.HashMap<>(environment);
            wrongTarget.put("FORUM_MOVE_TARGET_PASSWORD", "not-the-password");
            assertTrue(refusalOf(command("move", sharedAddress, ownAddress), wrongTarget).endsWith(
                    "the server refused the password of postgres (or 127.0.0.1:" + own.port() + " is not threads_own's"
                    + " server): check FORUM_MOVE_TARGET_PASSWORD"));
            // The ports swapped: each server refuses the other's password, so status reads neither side: one line
            // for each, source's first, saying the port may be wrong and which variable to check; nothing else, exit 1.
            String swappedPorts = "shared@127.0.0.1:" + own.port() + "/" + pair.database();
            MainRun neither = MainRun.of(command("status", swappedPorts, "threads_own@127.0.0.1:" + shared.port() + "/"
                    + pair.database()), environment);
            assertEquals(1, neither.status(), neither.printed());
            assertEquals("", neither.out());
            List<String> why = neither.err().lines().toList();
            assertEquals(2, why.size(), neither.err());
            assertTrue(why.get(0).endsWith("(or 127.0.0.1:" + own.port() + " is not shared's server): check"
                    + " FORUM_MOVE_SOURCE_PASSWORD"), why.get(0));
            assertTrue(why.get(1).endsWith("(or 127.0.0.1:" + shared.port() + " is not threads_own's server): check"
                    + " FORUM_MOVE_TARGET_PASSWORD"), why.get(1));
            // The owner's, refused on the target before the move writes anything (MovePreconditions): it runs again
            // below with the right one.
            Map<String, String> wrongOwner = new java.util.HashMap<>(environment);
            wrongOwner.put("FORUM_MOVE_OWNER_PASSWORD", "not-the-password");
            String refusedOwner = outputOf(command("move", sharedAddress, ownAddress), wrongOwner, 1);
            assertEquals("data-move: the server of threads_own (127.0.0.1:" + own.port() + "/" + pair.database()
                    + ") refused the password of the module's owner role " + ModuleDatabases.owner("threads")
                    + " before the move changed anything: check FORUM_MOVE_OWNER_PASSWORD",
                    refusedOwner.lines().filter(line -> line.startsWith("data-move: ")).findFirst().orElse(refusedOwner));

            // Flyway's progress is not logged (java.util.logging would print each record on two lines among the
            // move's): the move's own line says what the migration did.
            List<java.util.logging.LogRecord> flywayRecords = new java.util.concurrent.CopyOnWriteArrayList<>();
            java.util.logging.Handler recorder = new java.util.logging.Handler() {
                @Override
                public void publish(java.util.logging.LogRecord record) {
                    if (record.getLoggerName() != null && record.getLoggerName().startsWith("org.flywaydb")) {
                        flywayRecords.add(record);
                    }
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            };
            java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
            root.addHandler(recorder);
            String moved;
            try {
                moved = stdoutOf(command("move", sharedAddress, ownAddress), environment);
            } finally {
                root.removeHandler(recorder);
            }
            assertEquals(List.of(), flywayRecords.stream().map(java.util.logging.LogRecord::getMessage).toList());
            assertTrue(moved.contains("[data-move] target prepared: schema threads migrated as "
                    + ModuleDatabases.owner("threads") + " to version 3 (3 migrations run), "), moved);
            assertEquals(List.of(), moved.lines().filter(line -> !line.startsWith("[data-move] ")).toList(), moved);
            assertTrue(moved.contains("[data-move] verify threads: 250 rows, checksum "), moved);
            assertTrue(moved.lines().anyMatch(line -> line.matches("\\[data-move\\] done: threads_own holds threads at epoch 1;"
                    + " switch pause [0-9]+ ms, verification pause [0-9]+ ms")), moved);

            String back = stdoutOf(command("move", ownAddress, sharedAddress), swapped);
            assertTrue(back.contains("exists and runs: resuming it"), back);
            assertTrue(back.contains("done: shared holds threads at epoch 2"), back);

            // The way forward's subscription was just made again: its WAL sender starts on its own time.
            awaitActiveSlot(pair, pair.source);
            String status = stdoutOf(command("status", sharedAddress, ownAddress), environment);
            assertEquals(List.of(
                    "[data-move] shared: placement names shared at epoch 2 (takes the writes)",
                    "[data-move] threads_own: placement names shared at epoch 2 (read-only for the module)",
                    "[data-move] threads_own: subscription forum_move_threads_shared_to_threads_own enabled, its tables: 2 ready"),
                    status.lines().filter(line -> !line.contains(" slot ")).toList());
            assertTrue(status.lines().anyMatch(line -> line.startsWith(
                    "[data-move] shared: slot forum_move_threads_shared_to_threads_own in use, keeps ")), status);

            // A mistyped module: one line, exit 1, the closest module the command would act on.
            assertEquals("data-move: shared and threads_own have no schema, placement row or replication of threadz (did you"
                    + " mean threads?): check --module (the modules there are posts, threads, users) and --source, --target",
                    refusalOf(command("status", "threadz", sharedAddress, ownAddress), environment));
            assertEquals("data-move: no move of threadz has started on shared or threads_own (did you mean threads?), nothing"
                    + " to abort: check --module (moves abort can end there: threads) and --source, --target",
                    refusalOf(command("abort", "threadz", sharedAddress, ownAddress), environment));
            assertEquals("data-move: no move of threadz has run between threads_own and shared (did you mean threads?),"
                    + " nothing to drop: check --module (moves from threads_own to shared have completed for threads) and"
                    + " --source, --target", refusalOf(command("drop-source", "threadz", ownAddress, sharedAddress), swapped));

            // The operator's last step: the copy the move back left on threads_own (its source) is dropped.
            String dropped = stdoutOf(command("drop-source", ownAddress, sharedAddress), swapped);
            assertTrue(dropped.contains("[data-move] done: shared holds threads at epoch 2; 3 objects dropped on threads_own,"
                    + " rows {data_version=1, threads=250}"), dropped);
            assertEquals("", pair.psql(pair.target, "select string_agg(tablename, ',') from pg_tables where schemaname = 'threads'"));
        }
    }

    private static void awaitActiveSlot(ModuleDatabases pair, dev.forum.datamove.Endpoint side) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (pair.slots(side).stream().noneMatch(slot -> slot.endsWith("|true"))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no active slot on " + side.label() + " within 30 s: " + pair.slots(side));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static String[] command(String verb, String source, String target) {
        return command(verb, "threads", source, target);
    }

    private static String[] command(String verb, String module, String source, String target) {
        return MainRun.command(verb, module, "threads", source, target);
    }

    /** Standard error of a command that must fail with exit status 1, which must print nothing on standard output. */
    private static String refusalOf(String[] args, Map<String, String> environment) {
        MainRun run = MainRun.of(args, environment);
        assertEquals(1, run.status(), run.err());
        assertEquals("", run.out(), "nothing done, nothing printed");
        assertEquals(1, run.err().lines().count(), "one line: " + run.err());
        return run.err().strip();
    }

    private static String stdoutOf(String[] args, Map<String, String> environment) {
        return outputOf(args, environment, 0);
    }

    /** Standard output, then standard error, of a command that must end with {@code expectedStatus}. */
    private static String outputOf(String[] args, Map<String, String> environment, int expectedStatus) {
        MainRun run = MainRun.of(args, environment);
        assertEquals(expectedStatus, run.status(), run.printed());
        return run.printed();
    }
}

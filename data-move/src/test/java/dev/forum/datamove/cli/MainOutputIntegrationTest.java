package dev.forum.datamove.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.datamove.support.EnabledIfThrowawayPostgres;
import dev.forum.datamove.support.LogicalServers;
import dev.forum.datamove.support.ModuleDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * What the command line prints, standard output and error apart, on two PostgreSQL 15 servers made for this class: a
 * module that is not there refused by {@code move} before any line, {@code move --then-drop-source}'s {@code moved:}
 * then {@code done:}, {@code status} and {@code abort} with one server down, and {@code status} with neither read.
 */
@Isolated // swaps System.out and System.err (MainRun): no other class may print meanwhile
@EnabledIfThrowawayPostgres
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class MainOutputIntegrationTest {

    @RegisterExtension
    static final LogicalServers servers = new LogicalServers();

    @Test
    void moveThenDropSourceAndWhatStatusAndAbortSayWithAServerDown() {
        try (ModuleDatabases pair = new ModuleDatabases(servers.shared(), "shared", servers.own(), "own", "posts")) {
            pair.psql(pair.source, "insert into posts.posts (thread_id, text, user_id) select 1, 'p ' || g, 1"
                    + " from generate_series(1, 40) g");
            Map<String, String> environment = Map.of("FORUM_MOVE_SOURCE_PASSWORD", servers.shared().password(),
                    "FORUM_MOVE_TARGET_PASSWORD", servers.own().password(), "FORUM_MOVE_OWNER_PASSWORD",
                    ModuleDatabases.OWNER_PASSWORD);
            String shared = "shared@127.0.0.1:" + servers.shared().port() + "/" + pair.database();
            String own = "own@127.0.0.1:" + servers.own().port() + "/" + pair.database();
            int closed = closedPort();
            String ownDown = "own@127.0.0.1:" + closed + "/" + pair.database();

            // A module that is not there: refused before any line is printed, exit 1.
            MainRun postz = MainRun.of(command("move", "postz", shared, own), environment);
            assertEquals(new MainRun("", "data-move: shared (127.0.0.1:" + servers.shared().port() + "/" + pair.database()
                    + ") has no table in schema postz (did you mean posts?): check --module (the module's name is its"
                    + " schema's; the schemas migrated there are posts) and --source\n", 1), postz);

            // The move's line says "moved:", the drop's says "done:", in that order.
            String[] moveAndDrop = MainRun.with(command("move", "posts", shared, own), "--then-drop-source");
            MainRun moved = MainRun.of(moveAndDrop, environment);
            assertEquals(0, moved.status(), moved.toString());
            assertEquals("", moved.err());
            List<String> lines = moved.out().lines().toList();
            int movedAt = lines.indexOf(lines.stream().filter(line -> line.startsWith("[data-move] moved: ")).findFirst()
                    .orElseThrow(() -> new AssertionError(moved.out())));
            assertTrue(lines.get(movedAt).matches("\\[data-move\\] moved: own holds posts at epoch 1; switch pause"
                    + " [0-9]+ ms, verification pause [0-9]+ ms"), moved.out());
            assertEquals("[data-move] done: own holds posts at epoch 1; 3 objects dropped on shared, rows"
                    + " {data_version=1, posts=40}", lines.getLast(), moved.out());
            assertEquals(List.of(lines.getLast()), lines.stream()
                    .filter(line -> line.startsWith("[data-move] done: ")).toList(), "the drop's done only: " + moved.out());
            assertTrue(movedAt < lines.size() - 1, moved.out());

            // Status with own down: shared's lines, then one line saying which side was not read and why; exit 1.
            MainRun status = MainRun.of(command("status", "posts", shared, ownDown), environment);
            assertEquals(1, status.status(), status.toString());
            assertEquals(List.of("[data-move] shared: placement names own at epoch 1 (read-only for the module)"),
                    status.out().lines().toList());
            assertTrue(status.err().startsWith("data-move: the lines above are shared's only: cannot connect to own"
                    + " (127.0.0.1:" + closed + "/" + pair.database() + ") as postgres: "), status.err());
            assertEquals(1, status.err().lines().count(), status.err());

            // Status with neither side read (shared refuses the password, own is down): no line on standard output,
            // then one line per side, source's first, each naming it and why; exit 1.
            Map<String, String> wrongSource = new java.util.HashMap<>(environment);
            wrongSource.put("FORUM_MOVE_SOURCE_PASSWORD", "not-the-password");
            MainRun neither = MainRun.of(command("status", "posts", shared, ownDown), wrongSource);
            assertEquals(1, neither.status(), neither.toString());
            assertEquals("", neither.out());
            List<String> why = neither.err().lines().toList();
            assertEquals(2, why.size(), neither.err());
            assertEquals("data-move: cannot connect to shared (127.0.0.1:" + servers.shared().port() + "/"
                    + pair.database() + ") as postgres: the server refused the password of postgres (or 127.0.0.1:"
                    + servers.shared().port() + " is not shared's server): check FORUM_MOVE_SOURCE_PASSWORD", why.get(0));
            assertTrue(why.get(1).startsWith("data-move: cannot connect to own (127.0.0.1:" + closed + "/"
                    + pair.database() + ") as postgres: "), why.get(1));

            // Abort with own down after the switch: refused in one line, nothing printed, exit 1.
            MainRun abort = MainRun.of(command("abort", "posts", shared, ownDown), environment);
            assertEquals(1, abort.status(), abort.toString());
            assertEquals("", abort.out());
            assertTrue(abort.err().startsWith("data-move: shared's placement row names own at epoch 1: the switch"
                    + " committed, so there is nothing to abort; "), abort.err());
            assertEquals(1, abort.err().lines().count(), abort.err());
        }
    }

    private static String[] command(String verb, String module, String source, String target) {
        return MainRun.command(verb, module, "posts", source, target);
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

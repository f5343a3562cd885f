package dev.forum.standin.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.datamove.server.InitdbServer;
import dev.forum.standin.db.LocalPostgres;
import dev.forum.standin.process.Jdk;
import dev.forum.standin.stand.DataMoveCommands;
import dev.forum.standin.support.Checkout;
import dev.forum.standin.support.EnabledIfSystemTools;
import dev.forum.topology.ModuleRoute;
import dev.forum.topology.Topology;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The data-move lines {@code up} prints for {@code posts-own-database.yml} ({@link DataMoveCommands}), run as a user
 * pastes them, by a shell, against two servers set up as the stand-in sets up its own (an {@link InitdbServer} each,
 * {@code wal_level=logical}, the module roles of {@code deploy/postgres/module-roles.sql}, the same role names and
 * passwords on both; posts migrated on the shared one as its processes migrate it) with data-move's own jar:
 * {@code status}, the move to {@code posts_own}, the move back, drop-source after it as their comments say, and the
 * move to {@code posts_own} again (a full copy).
 */
@EnabledIfSystemTools
class DataMoveByHandSystemTest {

    private static final Map<String, String> LOGICAL = Map.of("wal_level", "logical");

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void the_printed_lines_run_as_pasted_move_posts_to_its_own_database_and_back_and_drop_its_copy() throws Exception {
        Topology topology = Checkout.topology("posts-own-database.yml");
        Path root = Checkout.root();
        Checkout.dataMoveJar();
        Path script = root.resolve("deploy/postgres/module-roles.sql");
        List<String> modules = topology.modules().stream().map(ModuleRoute::module).toList();
        try (LocalPostgres shared = LocalPostgres.onServer(InitdbServer.temporary(LOGICAL), script, modules, null);
                LocalPostgres own = LocalPostgres.onServer(InitdbServer.temporary(LOGICAL), script, modules, shared)) {
            migratePosts(root, shared);
            shared.psql("forum", "set role " + shared.role("posts").name() + "; insert into posts.posts (thread_id, text,"
                    + " user_id) values (1, 'one', 1), (1, 'two', 2), (2, 'three', 1)");

            List<String> lines = DataMoveCommands.render(topology, shared, Map.of("posts", own), Jdk.java(), root);
            lines.forEach(line -> System.out.println("[system-test] printed: " + line.replaceAll("pw-[0-9a-f-]+", "pw-...")));
            List<String> commands = lines.stream().filter(line -> !line.startsWith("#")).toList();
            assertEquals(3, commands.size(), "status, move, move back: " + lines);
            assertEquals(6, lines.size(), "a comment before each command, nothing else (the jar is built): " + lines);
            String statusLine = commands.get(0);
            String there = commands.get(1);
            String back = commands.get(2);
            assertTrue(statusLine.contains(" status --module posts --source shared@127.0.0.1:" + shared.port() + "/forum"),
                    statusLine);
            assertTrue(back.contains(" move --module posts --source posts_own@127.0.0.1:" + own.port() + "/forum"), back);

            Shell before = Shell.run(statusLine);
            assertEquals(0, before.exit(), before.output());
            assertTrue(before.output().contains("shared: no placement row"), before.output());

            Shell moved = Shell.run(there);
            assertEquals(0, moved.exit(), moved.output());
            assertTrue(moved.output().contains("done: posts_own holds posts at epoch 1"), moved.output());
            assertEquals("3", own.psql("forum", "select count(*) from posts.posts"));

            Shell after = Shell.run(statusLine);
            assertEquals(0, after.exit(), after.output());
            assertTrue(after.output().contains("posts_own: placement names posts_own at epoch 1 (takes the writes)"),
                    after.output());

            Shell movedBack = Shell.run(back);
            assertEquals(0, movedBack.exit(), movedBack.output());
            assertTrue(movedBack.output().contains("done: shared holds posts at epoch 2"), movedBack.output());

            Shell dropped = Shell.run(back.replace(" move --module ", " drop-source --module "));
            assertEquals(0, dropped.exit(), dropped.output());
            assertTrue(dropped.output().contains("objects dropped on posts_own"), dropped.output());
            assertEquals("3", shared.psql("forum", "select count(*) from posts.posts"));
            assertEquals("0", own.psql("forum", "select count(*) from pg_tables where schemaname = 'posts'"));

            Shell end = Shell.run(statusLine);
            assertEquals(0, end.exit(), end.output());
            assertTrue(end.output().contains("shared: placement names shared at epoch 2 (takes the writes)"), end.output());
            assertFalse(end.output().contains("slot"), "no replication left: " + end.output());

            Shell again = Shell.run(there);
            assertEquals(0, again.exit(), again.output());
            assertTrue(again.output().contains("initial copy started"), "a full copy again: " + again.output());
            assertTrue(again.output().contains("done: posts_own holds posts at epoch 3"), again.output());
            assertEquals("3", own.psql("forum", "select count(*) from posts.posts"));
        }
    }

    /** As the posts processes do at their start: the module's migrations as its owner, its rows granted. */
    private static void migratePosts(Path root, LocalPostgres shared) {
        LocalPostgres.Role role = shared.role("posts");
        Flyway.configure().dataSource(shared.jdbcUrl(), role.owner(), role.ownerPassword()).schemas("posts")
                .createSchemas(false).table("flyway_schema_history")
                .locations("filesystem:" + root.resolve("modules/posts/impl/src/main/resources/db/migration/posts"))
                .load().migrate();
        shared.psql("forum", "set role " + role.owner() + "; grant select, insert, update, delete on all tables in schema"
                + " posts to " + role.name() + "; revoke all on posts.flyway_schema_history from " + role.name());
    }

    /** A line run by {@code bash -c}, as pasted into a terminal, with no FORUM_MOVE_ variable of this JVM's. */
    private record Shell(int exit, String output) {
        static Shell run(String line) throws Exception {
            ProcessBuilder builder = new ProcessBuilder("bash", "-c", line).directory(new File("/")).redirectErrorStream(true);
            builder.environment().keySet().removeIf(name -> name.startsWith("FORUM_MOVE_"));
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("still running after 90 s: " + output);
            }
            System.out.println("[system-test] " + line.substring(line.indexOf(" -jar ") + 1).replaceAll("\\s--.*", "")
                    + " ... -> exit " + process.exitValue() + "\n" + output.strip());
            return new Shell(process.exitValue(), output);
        }
    }
}

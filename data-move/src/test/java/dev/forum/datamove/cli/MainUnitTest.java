package dev.forum.datamove.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.datamove.Endpoint;
import dev.forum.datamove.MoveException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command line's refusals: one line each, saying what to fix, and the exit status. */
class MainUnitTest {

    private static final String[] COMPLETE = {"move", "--module", "posts", "--source", "shared@127.0.0.1:1/forum",
            "--target", "posts_own@127.0.0.1:2/forum", "--source-user", "admin", "--target-user", "admin",
            "--owner", "forum_posts_owner", "--migrations", "classpath:db/migration/posts"};

    @Test
    void anEndpointIsLabelHostPortAndDatabase() {
        Endpoint endpoint = Main.endpoint("posts_own@db.internal:5432/forum", "admin", "pw");
        assertEquals("posts_own", endpoint.label());
        assertEquals("jdbc:postgresql://db.internal:5432/forum", endpoint.jdbcUrl());
        assertEquals("host='db.internal' port=5432 dbname='forum' user='admin' password='pw' application_name='forum_move'",
                endpoint.conninfo());
        assertEquals("host='h' port=1 dbname='d' user='u' password='it\\'s \\\\ odd' application_name='forum_move'",
                new Endpoint("a", "h", 1, "d", "u", "it's \\ odd").conninfo());
    }

    @Test
    void refusalsAreOneLineNamingTheFix() {
        assertEquals("data-move: '127.0.0.1:5432/forum' is not LABEL@HOST:PORT/DATABASE (e.g. shared@db.internal:5432/forum)"
                + " (data-move help)", stderrOf(new String[] {"move", "--module", "posts", "--source", "127.0.0.1:5432/forum", "--source-user", "admin"},
                passwords(), 2));
        assertEquals("data-move: set FORUM_MOVE_SOURCE_PASSWORD in the environment (passwords are never taken as arguments)"
                + " (data-move help)", stderrOf(COMPLETE, Map.of(), 2));
        assertEquals("data-move: database label 'Shared' is not valid: use 1-12 lower-case letters, digits or _, starting"
                + " with a letter (e.g. shared, posts_own)", stderrOf(completeWith("--source", "Shared@127.0.0.1:1/forum"),
                passwords(), 1));
        String unreachable = stderrOf(COMPLETE, passwords(), 1);
        assertTrue(unreachable.startsWith("data-move: cannot connect to shared (127.0.0.1:1/forum) as admin: "), unreachable);
        assertEquals(1, unreachable.lines().count());
        assertThrows(MoveException.class, () -> new Endpoint("same", "h", 70000, "d", "u", "p"));
    }

    private static String[] completeWith(String option, String value) {
        String[] args = COMPLETE.clone();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(option)) {
                args[i + 1] = value;
            }
        }
        return args;
    }

    private static Map<String, String> passwords() {
        return Map.of("FORUM_MOVE_SOURCE_PASSWORD", "a", "FORUM_MOVE_TARGET_PASSWORD", "b", "FORUM_MOVE_OWNER_PASSWORD", "c");
    }

    private static String stderrOf(String[] args, Map<String, String> environment, int expectedStatus) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertEquals(expectedStatus, Main.run(args, environment));
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8).strip();
    }
}

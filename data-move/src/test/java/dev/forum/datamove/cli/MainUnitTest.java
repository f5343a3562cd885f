package dev.forum.datamove.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.datamove.Endpoint;
import dev.forum.datamove.MoveException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/** The command line's refusals: one line each, saying what to fix, and the exit status. */
@Isolated // swaps System.out: no other class may print meanwhile
class MainUnitTest {

    private static final String[] COMPLETE = {"move", "--module", "posts", "--source", "shared@127.0.0.1:1/forum",
            "--target", "posts_own@127.0.0.1:2/forum", "--source-user", "admin", "--target-user", "admin",
            "--owner", "forum_posts_owner", "--migrations", "classpath:db/migration/posts"};

    @Test
    void anEndpointIsLabelHostPortAndDatabase() {
        Endpoint endpoint = Main.endpoint("posts_own@db.internal:5432/forum", "admin", "pw", null);
        assertEquals("posts_own", endpoint.label());
        assertEquals("jdbc:postgresql://db.internal:5432/forum", endpoint.jdbcUrl());
        assertEquals("host='db.internal' port=5432 dbname='forum' user='admin' password='pw' application_name='forum_move'",
                endpoint.conninfo());
        assertEquals("host='h' port=1 dbname='d' user='u' password='it\\'s \\\\ odd' application_name='forum_move'",
                new Endpoint("a", "h", 1, "d", "u", "it's \\ odd").conninfo());
    }

    @Test
    void thenDropSourceIsAFlagOfMoveOnly() {
        assertFalse(Main.parse(COMPLETE, passwords()).thenDropSource());
        Main.Invocation last = Main.parse(with(COMPLETE, "--then-drop-source"), passwords());
        assertTrue(last.thenDropSource());
        Main.Invocation between = Main.parse(with(with(new String[] {COMPLETE[0], COMPLETE[1], COMPLETE[2]},
                "--then-drop-source"), java.util.Arrays.copyOfRange(COMPLETE, 3, COMPLETE.length)), passwords());
        assertTrue(between.thenDropSource(), "anywhere among the options");
        assertEquals("posts", between.settings().module());
        String[] status = COMPLETE.clone();
        status[0] = "status";
        assertEquals("--then-drop-source goes with move only", assertThrows(Main.UsageException.class,
                () -> Main.parse(with(status, "--then-drop-source"), passwords())).getMessage());
        assertEquals("--then-drop-source is given twice: give it once", assertThrows(Main.UsageException.class,
                () -> Main.parse(with(COMPLETE, "--then-drop-source", "--then-drop-source"), passwords())).getMessage());
    }

    @Test
    void theCommandLineReadsEveryOptionAndTheSslRootCertTurnsOnVerifyFull() {
        Main.Invocation plain = Main.parse(COMPLETE, passwords());
        assertEquals("move", plain.command());
        assertEquals("shared", plain.source().label());
        assertEquals("a", plain.source().password());
        assertEquals("b", plain.target().password());
        assertEquals("c", plain.settings().ownerPassword());
        assertEquals("classpath:db/migration/posts", plain.settings().migrations());
        assertEquals(null, plain.settings().runtimeRole());
        assertFalse(plain.source().verifiesServer() || plain.target().verifiesServer(), "plain unless asked");

        Main.Invocation verified = Main.parse(with(COMPLETE, "--ssl-root-cert", "/app/rds/global-bundle.pem",
                "--runtime-role", "forum_posts", "--pause-ms", "1500"), passwords());
        for (Endpoint side : List.of(verified.source(), verified.target())) {
            assertTrue(side.verifiesServer(), side.label());
            assertEquals("/app/rds/global-bundle.pem", side.sslRootCert());
            assertTrue(side.conninfo().endsWith(" application_name='forum_move' sslmode='require'"), side.conninfo());
        }
        assertEquals("forum_posts", verified.settings().runtimeRole());
        assertEquals(1500, verified.settings().pauseBound().toMillis());
        assertEquals("shared (127.0.0.1:1/forum, TLS verified)", verified.source().toString(), "never the password");
    }

    @Test
    void aMissingCertificateFileIsRefusedBeforeConnecting(@TempDir Path dir) {
        String missing = dir.resolve("no-bundle.pem").toString();
        assertEquals("data-move: cannot read the certificate authorities " + missing + " for shared (127.0.0.1:1/forum, TLS"
                + " verified): give --ssl-root-cert a readable PEM file (the images carry /app/rds/global-bundle.pem)",
                stderrOf(with(COMPLETE, "--ssl-root-cert", missing), passwords(), 1));
        assertEquals("data-move: --ssl-root-cert needs a PEM file (e.g. /app/rds/global-bundle.pem) (data-move help)",
                stderrOf(with(COMPLETE, "--ssl-root-cert", " "), passwords(), 2));
    }

    @Test
    void refusalsAreOneLineNamingTheFix() {
        assertEquals("data-move: '127.0.0.1:5432/forum' is not LABEL@HOST:PORT/DATABASE (e.g. shared@db.internal:5432/forum)"
                + " (data-move help)", stderrOf(completeWith("--source", "127.0.0.1:5432/forum"), passwords(), 2));
        assertEquals("data-move: set FORUM_MOVE_SOURCE_PASSWORD in the environment (passwords are never taken as arguments)"
                + " (data-move help)", stderrOf(COMPLETE, Map.of(), 2));
        assertEquals("data-move: database label 'Shared' is not valid: use 1-12 lower-case letters, digits or _, starting"
                + " with a letter (e.g. shared, posts_own) (data-move help)", stderrOf(completeWith("--source", "Shared@127.0.0.1:1/forum"),
                passwords(), 2));
        String unreachable = stderrOf(COMPLETE, passwords(), 1);
        assertTrue(unreachable.startsWith("data-move: cannot connect to shared (127.0.0.1:1/forum) as admin: "), unreachable);
        assertEquals(1, unreachable.lines().count());
        // RFC 2606: .invalid never resolves. The driver alone would say only "The connection attempt failed."
        assertEquals("data-move: cannot connect to shared (db.invalid:5432/forum) as admin: the host name 'db.invalid'"
                + " does not resolve: check the host in shared@HOST:PORT/DATABASE and this machine's DNS",
                stderrOf(completeWith("--source", "shared@db.invalid:5432/forum"), passwords(), 1));
        assertThrows(MoveException.class, () -> new Endpoint("same", "h", 70000, "d", "u", "p"));
        assertEquals("data-move: unknown option '--ssl' (data-move help)", stderrOf(with(COMPLETE, "--ssl", "on"), passwords(), 2));
        assertEquals("data-move: --module is given twice: give it once (data-move help)",
                stderrOf(with(COMPLETE, "--module", "users"), passwords(), 2));
        assertEquals("data-move: unknown command 'copy': use move, abort, status or drop-source (data-move help)",
                stderrOf(new String[] {"copy"}, passwords(), 2));
    }

    /**
     * {@code status} with both servers down (nothing listens on ports 1 and 2): nothing on standard output, one line on
     * standard error per side, source's first, naming it and why, no stack trace; exit 1.
     */
    @Test
    void statusWithBothServersDownSaysWhyForEachSide() {
        String[] status = COMPLETE.clone();
        status[0] = "status";
        MainRun run = MainRun.of(status, passwords());
        assertEquals(1, run.status(), run.printed());
        assertEquals("", run.out());
        List<String> lines = run.err().lines().toList();
        assertEquals(2, lines.size(), run.err());
        assertTrue(lines.get(0).startsWith("data-move: cannot connect to shared (127.0.0.1:1/forum) as admin: Connection"
                + " to 127.0.0.1:1 refused"), lines.get(0));
        assertTrue(lines.get(1).startsWith("data-move: cannot connect to posts_own (127.0.0.1:2/forum) as admin:"
                + " Connection to 127.0.0.1:2 refused"), lines.get(1));
    }

    /** Help asked after the command is help, not a malformed option; an option at the end without its value says so. */
    @Test
    void helpAnywhereIsTheUsageAndALastOptionWithoutValueIsNamed() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, Main.run(new String[] {"move", "--help"}, Map.of()));
            assertEquals(0, Main.run(new String[] {"status", "--module", "posts", "-h"}, Map.of()));
        } finally {
            System.setOut(original);
        }
        assertEquals(2, captured.toString(StandardCharsets.UTF_8).split("usage: data-move", -1).length - 1, "the usage twice");
        assertEquals("data-move: --pause-ms needs a value after it (data-move help)",
                stderrOf(new String[] {"status", "--pause-ms"}, passwords(), 2));
    }

    /** A bound out of its range is a usage error before any connection, never an overflow deep in the move. */
    @Test
    void theNumbersAreRefusedOutsideTheirRange() {
        for (String[] bad : List.of(new String[] {"--catch-up-s", "99999999999999", "1 to 604800"},
                new String[] {"--catch-up-s", "9223372036854775807", "1 to 604800"},
                new String[] {"--catch-up-s", "0", "1 to 604800"},
                new String[] {"--pause-ms", "99999999999999999", "1 to 600000"},
                new String[] {"--pause-ms", "-5", "1 to 600000"},
                new String[] {"--sequence-margin", "-5", "0 to 1000000000"},
                new String[] {"--sequence-margin", "many", "0 to 1000000000"},
                new String[] {"--pause-ms", "99999999999999999999999", "1 to 600000"})) {
            assertEquals("data-move: " + bad[0] + " takes a whole number from " + bad[2] + ", not '" + bad[1] + "' (data-move help)",
                    stderrOf(with(COMPLETE, bad[0], bad[1]), passwords(), 2), String.join(" ", bad));
        }
        Main.Invocation edges = Main.parse(with(COMPLETE, "--catch-up-s", "604800", "--pause-ms", "1", "--sequence-margin", "0"),
                passwords());
        assertEquals(java.time.Duration.ofDays(7), edges.settings().catchUpTimeout());
        assertEquals(java.time.Duration.ofMillis(1), edges.settings().pauseBound());
        assertEquals(0, edges.settings().sequenceMargin());
    }

    /** Every option a command needs and lacks is named at once; a value the move refuses is a usage error too. */
    @Test
    void everyMissingOptionIsNamedAtOnce() {
        assertEquals("data-move: --target, --target-user, --owner, --migrations are required (data-move help)",
                stderrOf(new String[] {"move", "--module", "posts", "--source", "shared@127.0.0.1:1/forum", "--source-user",
                        "admin"}, passwords(), 2));
        assertEquals("data-move: --migrations is required (data-move help)",
                stderrOf(java.util.Arrays.copyOf(COMPLETE, COMPLETE.length - 2), passwords(), 2));
        assertTrue(stderrOf(completeWith("--module", "order_items"), passwords(), 2).startsWith(
                "data-move: module 'order_items' is not a module name"));
    }

    /** What a stop by a signal prints, for each place a run can be. */
    @Test
    void aStoppedRunSaysWhereItStoodAndWhatToRunNext() {
        assertEquals(null, Main.stoppedLine(null, null), "no command running: nothing to say");
        assertEquals("data-move: stopped during the move of posts from shared to own before its first step: run the same"
                + " command again, it resumes from where the databases stand (a copy already started goes on in the servers"
                + " meanwhile), or give the move up before its switch with abort",
                Main.stoppedLine("move of posts from shared to own", null));
        assertTrue(Main.stoppedLine("move of posts from shared to own", dev.forum.datamove.Step.SUBSCRIBED)
                .contains(" after step SUBSCRIBED (data-move/README.md, the steps): "));
        assertEquals("data-move: stopped during the drop-source of posts from shared to own: run the same command again,"
                + " it resumes from where the databases stand", Main.stoppedLine("drop-source of posts from shared to own",
                        null));
    }

    /**
     * A real stop: the command line in a process of its own, stopped (SIGTERM, as Ctrl-C's SIGINT and ECS's stop) while
     * it waits for a server that accepted its connection and never answers.
     */
    @Test
    void aProcessStoppedMidRunPrintsTheLine(@TempDir Path dir) throws Exception {
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            String javaBinary = ProcessHandle.current().info().command().orElseThrow();
            String[] args = completeWith("--source", "shared@127.0.0.1:" + silent.getLocalPort() + "/forum");
            List<String> command = new java.util.ArrayList<>(List.of(javaBinary, "-cp",
                    System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                    Main.class.getName()));
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(passwords());
            Path stderr = dir.resolve("stderr.txt");
            builder.redirectError(stderr.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            Process process = builder.start();
            try (java.net.Socket accepted = silent.accept()) {
                process.destroy();
                assertTrue(process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS), "stopped");
                String err = java.nio.file.Files.readString(stderr);
                assertTrue(err.contains("data-move: stopped during the move of posts from shared to posts_own before its"
                        + " first step: run the same command again"), err);
            } finally {
                process.destroyForcibly();
            }
        }
    }

    /** The command line with more options after it. */
    private static String[] with(String[] args, String... more) {
        return MainRun.with(args, more);
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
        MainRun run = MainRun.of(args, environment);
        assertEquals(expectedStatus, run.status(), run.printed());
        return run.err().strip();
    }
}

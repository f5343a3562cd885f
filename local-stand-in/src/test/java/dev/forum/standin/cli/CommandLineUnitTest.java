package dev.forum.standin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import dev.forum.topology.TopologyException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stand-in's command line and its standard input refuse what they cannot use in one line saying what to type,
 * before anything starts: no PostgreSQL, HAProxy or JVM is started by a bad option (these refusals come before the
 * topology file is even read, so the file named here need not exist).
 */
class CommandLineUnitTest {

    private final PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "--hold | -1 | --hold takes a whole number from 0 to 86400, not '-1'",
        "--hold | soon | --hold takes a whole number from 0 to 86400, not 'soon'",
        "--hold | 1.5 | --hold takes a whole number from 0 to 86400, not '1.5'",
        "--port | 65536 | --port takes a whole number from 0 to 65535, not '65536'",
        "--port | http | --port takes a whole number from 0 to 65535, not 'http'",
        "--port | -80 | --port takes a whole number from 0 to 65535, not '-80'"})
    void aNumberOptionOutOfItsRangeIsRefusedNamingTheOptionAndTheRange(String option, String value, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class,
                () -> Main.run(new String[] {"migrate", "no-such-topology.yml", option, value}, out)).getMessage());
    }

    @Test
    void noCommandIsRefusedInOneLineWhileHelpPrintsTheUsage() {
        assertEquals("no command: give up or migrate and a topology file, e.g. `migrate deploy/topologies/posts-extracted.yml`;"
                + " `help` lists the commands and options",
                assertThrows(IllegalArgumentException.class, () -> Main.run(new String[0], out)).getMessage());
        for (String help : List.of("help", "--help", "-h")) {
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            assertEquals(0, Main.run(new String[] {help}, new PrintStream(printed, true, StandardCharsets.UTF_8)));
            assertEquals(Main.USAGE, printed.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void anOptionWithoutItsValueOrUnknownIsRefused() {
        assertEquals("--hold needs a value", assertThrows(IllegalArgumentException.class,
                () -> Main.run(new String[] {"migrate", "no-such-topology.yml", "--hold"}, out)).getMessage());
        assertEquals("unknown option '--bogus' (see `help`)", assertThrows(IllegalArgumentException.class,
                () -> Main.run(new String[] {"up", "no-such-topology.yml", "--bogus"}, out)).getMessage());
    }

    @Test
    void everyInputCommandIsReadWithItsArguments() {
        assertEquals(new InputCommand("traffic", List.of("posts", "50")), InputCommand.parse("  traffic   posts 50 "));
        assertEquals("done", InputCommand.parse("migrate").argument(0, "done"));
        assertEquals("50", InputCommand.parse("migrate 50").argument(0, "done"));
        assertEquals(List.of("posts-1"), InputCommand.parse("kill posts-1").arguments());
        assertEquals(List.of(), InputCommand.parse("rotate-keys").arguments());
        assertEquals(new InputCommand("quit", List.of()), InputCommand.parse("exit"));
        assertNull(InputCommand.parse("   "));
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', value = {
        "frobnicate | unknown command 'frobnicate'; the commands are status, traffic <service> <0-100>, migrate [STEP], rollback, kill <instance>, start <instance>, rotate-keys, drop-old-keys, quit",
        "kill | usage: kill <instance>",
        "start a b | usage: start <instance>",
        "traffic posts | usage: traffic <service> <0-100>",
        "traffic posts 120 | traffic's share takes a whole number from 0 to 100, not '120'",
        "traffic posts half | traffic's share takes a whole number from 0 to 100, not 'half'",
        "status now | usage: status",
        "migrate 10 50 | usage: migrate [STEP]",
        "exit now | usage: exit"})
    void aBadInputLineIsRefusedInOneLineSayingHowToWriteIt(String line, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> InputCommand.parse(line)).getMessage());
    }

    /**
     * A topology file with a service's own mistake and no monolith is refused with both in one run, as the plugin
     * refuses it, before anything starts: not "no monolith" only once the service is fixed.
     */
    @Test
    void everyMistakeOfTheTopologyFileIsRefusedInOneRun(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("t.yml"), """
                services:
                  - { name: main, monolith: false }
                  - { name: posts, modules: [posts], cpu: 300 }
                """);
        TopologyException e = assertThrows(TopologyException.class,
                () -> Main.run(new String[] {"up", file.toString(), "--root", dir.toString()}, out));
        assertEquals(List.of(file + ": no monolith: mark one service monolith: true (it holds every module not listed"
                + " elsewhere and is the default route)",
                file + ":2: main: an extracted service needs modules: [<module>, ...] (or monolith: true)",
                file + ":3: posts: cpu 300 is not a Fargate size (use 256, 512, 1024, 2048 or 4096)"), e.mistakes());
    }
}

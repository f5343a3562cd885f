package dev.forum.standin.cli;

import dev.forum.standin.contracts.ModuleContracts;
import dev.forum.standin.keys.KeyRotation;
import dev.forum.standin.stand.DataMoveCommands;
import dev.forum.standin.stand.Migration;
import dev.forum.standin.stand.Stage;
import dev.forum.standin.stand.Stand;
import dev.forum.standin.stand.StandOptions;
import dev.forum.standin.stand.Topologies;
import dev.forum.topology.ModuleRoute;
import dev.forum.topology.Topology;
import dev.forum.topology.TopologyCheck;
import dev.forum.topology.TopologyException;
import dev.forum.topology.TopologyFile;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code java -jar local-stand-in/target/local-stand-in.jar <command> <topology.yml> [options]}: see {@link #USAGE}.
 */
public final class Main {

    static final String USAGE = """
            usage: java -jar local-stand-in/target/local-stand-in.jar <command> <topology.yml> [options]

            commands:
              up <topology.yml>        run the topology as written: PostgreSQL (a role per module), two or more
                                       JDK 25 processes per service, HAProxy in front (rules from the topology);
                                       a service with a `database:` gets a PostgreSQL server of its own, and
                                       the data-move lines to move its modules' data there by hand are printed
              migrate <topology.yml>   start with the monolith alone, then walk to the topology: start the
                                       extracted services, shift their routes 10 -> 50 -> 100 %, reconfigure the
                                       monolith without their modules (rolling); a service with a
                                       `database:` gets a PostgreSQL server of its own and its modules'
                                       data moves there live (data-move), and back on a rollback
              help                     this text

            options:
              --port N                 the load balancer's port on 127.0.0.1 (default 8080; 0 = any free port)
              --to STEP                migrate: stop at a step: start, 0, 10, 50, 100, done (default done)
              --rollback               migrate: then roll back to the monolith alone
              --hold SECONDS           migrate: keep each traffic share this long (default 5)
              --exit                   stop everything at the end instead of waiting for Ctrl-C
              --root DIR               the checkout with the built jars (default: found from this jar, else .)
              --work-dir DIR           logs, unpacked jars, HAProxy's config and socket (default local-stand-in/target/run-<time>)

            While it runs, type on standard input:
              status                   every instance, its modules, its state and weight in each HAProxy backend
              traffic <service> <0-100>  move a service's share (through 100 the monolith is reconfigured, rolling)
              migrate [STEP]           (migrate only) walk on to STEP (default done)
              rollback                 (migrate only) back to the monolith alone from wherever it is
              kill <instance>          kill -9 an instance (HAProxy's health checks notice)
              start <instance>         start a killed instance again with its configuration
              rotate-keys              rotate the token signing key: publish a new key, then sign with it (rolling)
              drop-old-keys            keep only the signing key (once the old key's tokens have expired: 15 min)
              quit                     stop everything (as Ctrl-C does)
            """;

    private Main() {
    }

    public static void main(String[] args) {
        int code;
        try {
            code = run(args, System.out);
        } catch (IllegalArgumentException | TopologyException e) {
            System.err.println("stand-in: " + e.getMessage());
            code = 2;
        } catch (RuntimeException e) {
            System.err.println("stand-in: " + e.getMessage());
            code = 1;
        }
        System.exit(code);
    }

    static int run(String[] argv, PrintStream out) {
        List<String> args = new ArrayList<>(Arrays.asList(argv));
        if (args.isEmpty()) {
            // A usage error, so a script that forgot the command fails (2) instead of passing (0) with the help text.
            throw new IllegalArgumentException("no command: give up or migrate and a topology file, e.g. `migrate"
                    + " deploy/topologies/posts-extracted.yml`; `help` lists the commands and options");
        }
        if (args.getFirst().equals("help") || args.contains("--help") || args.contains("-h")) {
            out.print(USAGE);
            return 0;
        }
        String command = args.removeFirst();
        if (!command.equals("up") && !command.equals("migrate")) {
            throw new IllegalArgumentException("unknown command '" + command + "'; the commands are up, migrate, help");
        }
        if (args.isEmpty() || args.getFirst().startsWith("--")) {
            throw new IllegalArgumentException(command + " needs a topology file, e.g. deploy/topologies/posts-extracted.yml");
        }
        Path file = Path.of(args.removeFirst());
        int port = 8080;
        String to = "done";
        boolean rollback = false;
        boolean exit = false;
        Duration hold = Duration.ofSeconds(5);
        Path root = null;
        Path workDir = null;
        while (!args.isEmpty()) {
            String option = args.removeFirst();
            switch (option) {
                case "--port" -> port = (int) wholeNumber(option, value(option, args), 0, 65_535);
                case "--to" -> to = value(option, args);
                case "--rollback" -> rollback = true;
                case "--hold" -> hold = Duration.ofSeconds(wholeNumber(option, value(option, args), 0, 86_400));
                case "--exit" -> exit = true;
                case "--root" -> root = Path.of(value(option, args));
                case "--work-dir" -> workDir = Path.of(value(option, args));
                default -> throw new IllegalArgumentException("unknown option '" + option + "' (see `help`)");
            }
        }
        root = (root == null ? defaultRoot() : root).toAbsolutePath().normalize();
        if (workDir == null) {
            workDir = root.resolve("local-stand-in/target/run-"
                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        }
        List<ModuleRoute> modules = ModuleContracts.onClassPath();
        // Every mistake of the file at once: its own and those across its services (no monolith, an unknown module).
        Topology topology = TopologyCheck.of(file, TopologyFile.DEFAULT_NAME).topology(modules);
        StandOptions options = StandOptions.defaults(root, workDir.toAbsolutePath(), out).withFrontendPort(port);

        Migration migration = command.equals("migrate") ? Migration.to(topology) : null;
        Stage first = migration != null ? migration.start() : Stage.of("as written in " + file, topology);
        int last = migration != null ? migration.indexOf(to) : 0;

        // The stand-in stops everything itself when the JVM ends (Ctrl-C), and here when the command is done.
        try (Stand stand = Stand.start(first, options)) {
            if (migration != null) {
                migration.walk(stand, last, hold);
                if (rollback) {
                    if (!hold.isZero()) {
                        sleep(hold);
                    }
                    migration.rollback(stand, hold);
                }
            }
            out.print(stand.status());
            if (exit) {
                return 0;
            }
            if (migration == null) {
                printDataMoveCommands(stand, out);
            }
            out.println("Running on " + stand.url() + " (try: curl " + stand.url() + "/api/posts/in-thread/1). Type a command "
                    + "(status, traffic <service> <0-100>, " + (migration != null ? "migrate [step], rollback, " : "")
                    + "kill <instance>, start <instance>, rotate-keys, drop-old-keys, quit) or press Ctrl-C to stop.");
            interact(stand, migration, hold, out);
            return 0;
        }
    }

    /**
     * With {@code up} of a topology where a service has a database of its own: the data-move command lines for its
     * servers ({@link DataMoveCommands}), to move the data by hand from another terminal; nothing otherwise. Printed
     * as they are, without the log's prefix, so that they can be pasted.
     */
    private static void printDataMoveCommands(Stand stand, PrintStream out) {
        List<String> lines = DataMoveCommands.of(stand);
        if (lines.isEmpty()) {
            return;
        }
        out.println("Move the data by hand (data-move/README.md, \"Try it locally\"): paste these lines into another "
                + "terminal; the processes follow each move. Keep the service's traffic at 100 meanwhile: the monolith "
                + "is given the shared database only.");
        lines.forEach(out::println);
    }

    /** Commands from standard input until {@code quit}; without input, waits for Ctrl-C. */
    private static void interact(Stand stand, Migration migration, Duration hold, PrintStream out) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                try {
                    InputCommand command = InputCommand.parse(line);
                    if (command == null) {
                        continue;
                    }
                    switch (command.name()) {
                        case "quit" -> {
                            return;
                        }
                        case "status" -> out.print(stand.status());
                        case "traffic" -> {
                            String service = command.argument(0, null);
                            int share = Integer.parseInt(command.argument(1, null));
                            Topology next = Topologies.withTraffic(stand.stage().weights(), service, share);
                            stand.apply(Stage.of(service + " at " + share + " %", next));
                        }
                        case "migrate" -> {
                            requireMigration(migration);
                            migration.walk(stand, migration.indexOf(command.argument(0, "done")), hold);
                        }
                        case "rollback" -> {
                            requireMigration(migration);
                            migration.rollback(stand, hold);
                        }
                        case "kill" -> stand.kill(command.argument(0, null));
                        case "start" -> stand.restart(List.of(command.argument(0, null)));
                        case "rotate-keys" -> KeyRotation.rotate(stand);
                        case "drop-old-keys" -> KeyRotation.dropOld(stand);
                        default -> throw new IllegalStateException("no action for " + command.name());
                    }
                } catch (RuntimeException e) {
                    out.println("stand-in: " + e.getMessage());
                }
            }
            Thread.currentThread().join(); // no more input: run until Ctrl-C
        } catch (java.io.IOException e) {
            out.println("stand-in: standard input: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void requireMigration(Migration migration) {
        if (migration == null) {
            throw new IllegalArgumentException("only a stand-in started with `migrate` walks a migration; use traffic");
        }
    }

    /**
     * @param what  what the number is, for the refusal (an option such as {@code --hold})
     * @param text  the number as typed
     * @return it, if a whole number from {@code min} to {@code max}
     * @throws IllegalArgumentException (one line naming {@code what} and the range) otherwise
     */
    static long wholeNumber(String what, String text, long min, long max) {
        long number;
        try {
            number = Long.parseLong(text.strip());
        } catch (NumberFormatException notANumber) {
            number = Long.MIN_VALUE;
        }
        if (number < min || number > max) {
            throw new IllegalArgumentException(what + " takes a whole number from " + min + " to " + max + ", not '" + text + "'");
        }
        return number;
    }

    private static String value(String option, List<String> args) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.removeFirst();
    }

    /** The checkout this jar was built in (local-stand-in/target/local-stand-in.jar), else the current folder. */
    private static Path defaultRoot() {
        try {
            Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path candidate = jar.getParent() == null ? null : jar.getParent().getParent();
            candidate = candidate == null ? null : candidate.getParent();
            if (candidate != null && Files.isRegularFile(candidate.resolve("deploy/postgres/module-roles.sql"))) {
                return candidate;
            }
        } catch (URISyntaxException | SecurityException e) {
            // fall through
        }
        return Path.of(".");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

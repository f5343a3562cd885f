package dev.forum.datamove.cli;

import dev.forum.datamove.Endpoint;
import dev.forum.datamove.ModuleMove;
import dev.forum.datamove.MoveAbort;
import dev.forum.datamove.MoveException;
import dev.forum.datamove.MoveSettings;
import dev.forum.datamove.MoveStatus;
import dev.forum.datamove.PasswordRefusedException;
import dev.forum.datamove.SourceDrop;
import dev.forum.datamove.Step;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code java -jar data-move.jar move|abort|status|drop-source --module posts --source shared@host:5432/forum --target posts_own@host2:5432/forum ...}:
 * runs a move (or resumes one), tears one down, tells where one stands, or drops the copy a finished move left on its
 * source. Passwords come from the environment only
 * ({@code FORUM_MOVE_SOURCE_PASSWORD}, {@code FORUM_MOVE_TARGET_PASSWORD}, {@code FORUM_MOVE_OWNER_PASSWORD}).
 * Exit status 0 on success, 1 with one line on standard error on failure, 2 for a usage error. The move image's entry
 * point runs this class; the ECS move tasks give the arguments ({@code MoveTasks} in extraction-plugin).
 */
public final class Main {

    static final String USAGE = """
            usage: data-move move|abort|status|drop-source --module M --source LABEL@HOST:PORT/DB --target LABEL@HOST:PORT/DB
                     --source-user ROLE --target-user ROLE --owner ROLE [--runtime-role ROLE]
                     --migrations LOCATION [--ssl-root-cert FILE] [--sequence-margin N] [--pause-ms MS] [--catch-up-s S]
                     [--then-drop-source]
              move    moves (or resumes moving) module M's schema from source to target; to roll back, move it again
                      with source and target swapped (a module already on the target: nothing to move); with
                      --then-drop-source a move that switched ends with drop-source (a final rollback: no way back kept)
              abort   before the switch only: drops the subscriptions and slots of this source/target pair's move,
                      and the publications no move of M with another database reads (its slots are named, not dropped);
                      with the target down, the source's part alone if the source's row names the source (exit 1)
              status  prints each side's placement row, announced write pause (ahead or stale), subscriptions and
                      slots (with the WAL each keeps); with one side down, the other's, and why (exit 1); with
                      both down, one line for each saying why (exit 1)
              drop-source  after a completed move only: drops the module's tables (read-only since the switch) on
                      the source it moved from, and the replication back to it; a rollback is then a full move back
              one at a time: a move, abort or drop-source of M is refused while another of M runs on either side
              M       1-21 lower-case letters or digits, no _; LABEL: 1-12 lower-case letters, digits or _, no word to
              LOCATION is a Flyway location of the module's migrations (classpath:db/migration/M or filesystem:DIR)
              N       ids added to each sequence's value when the target's sequences are advanced at the switch
                      (default 1000, 0 to 1000000000)
              MS      the longest the module's writes are held at the switch and at the verification; past it the
                      switch is given up (default 2000, 1 to 600000)
              S       the longest the initial copy and catch-up may take before the move gives up (default 1800, 1 to
                      604800)
              FILE    PEM certificate authorities: both servers are verified against them (sslmode=verify-full;
                      the images carry RDS's at /app/rds/global-bundle.pem); without it, plain connections
              passwords: FORUM_MOVE_SOURCE_PASSWORD, FORUM_MOVE_TARGET_PASSWORD, FORUM_MOVE_OWNER_PASSWORD""";

    /** The commands. */
    static final List<String> COMMANDS = List.of("move", "abort", "status", "drop-source");

    /**
     * A command line, read.
     *
     * @param command  {@code move}, {@code abort}, {@code status} or {@code drop-source}
     * @param source   the source database (with its password from the environment)
     * @param target   the target database
     * @param settings the module and the move's bounds
     * @param thenDropSource {@code move --then-drop-source}: a move that switched (epoch above 0) ends with
     *                 {@code drop-source}; a module that never left the target keeps its tables there
     */
    public record Invocation(String command, Endpoint source, Endpoint target, MoveSettings settings,
            boolean thenDropSource) {
    }

    private Main() {
    }

    /**
     * What the command was doing, for the line a stop by a signal prints ({@link #stoppedLine}); null when none runs.
     * A move's last step reached is kept beside it.
     */
    private static volatile String running;
    private static volatile Step reached;

    public static void main(String[] args) {
        // Ctrl-C, or the SIGTERM ECS sends a task it stops: say where the run stood and what to do next.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            String line = stoppedLine(running, reached);
            if (line != null) {
                System.err.println(line);
            }
        }, "data-move-stopped"));
        int status = run(args, System.getenv());
        running = null;
        System.exit(status);
    }

    /**
     * The line printed when the process is stopped while a command runs.
     *
     * @param command what was running, as {@link #run} records it ({@code move of posts from shared to own}), or null
     * @param step    the last step of a move reached, or null before its first
     * @return one line saying that it stopped, where, and what to run next; null when no command was running
     */
    static String stoppedLine(String command, Step step) {
        if (command == null) {
            return null;
        }
        String where = command.startsWith("move ")
                ? (step == null ? " before its first step" : " after step " + step + " (data-move/README.md, the steps)")
                : "";
        return "data-move: stopped during the " + command + where + ": run the same command again, it resumes from"
                + " where the databases stand" + (command.startsWith("move ") ? " (a copy already started goes on in the"
                + " servers meanwhile), or give the move up before its switch with abort" : "");
    }

    /** Runs the command; returns the exit status. */
    static int run(String[] args, Map<String, String> environment) {
        if (args.length == 0 || List.of("help", "-h", "--help").contains(args[0])
                || Arrays.asList(args).subList(1, args.length).stream().anyMatch(List.of("-h", "--help")::contains)) {
            System.out.println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        Invocation invocation = null;
        try {
            try {
                invocation = parse(args, environment);
            } catch (MoveException refused) {
                throw new UsageException(refused.getMessage());
            }
            String module = invocation.settings().module();
            Endpoint source = invocation.source();
            Endpoint target = invocation.target();
            MoveSettings settings = invocation.settings();
            Consumer<String> log = line -> System.out.println("[data-move] " + line);
            reached = null;
            running = invocation.command() + " of " + module + " from " + source.label() + " to " + target.label();
            switch (invocation.command()) {
                case "move" -> {
                    ModuleMove.Report report = new ModuleMove(source, target, settings, log, step -> reached = step).run();
                    boolean thenDrop = invocation.thenDropSource() && report.epoch() > 0;
                    // With the drop after it, the move's line is not the last: the drop's "done" is.
                    String said = thenDrop ? "[data-move] moved: " : "[data-move] done: ";
                    if (report.moved()) {
                        System.out.println(said + report.authoritative() + " holds " + module + " at epoch "
                                + report.epoch() + "; switch pause " + report.switchPause().toMillis()
                                + " ms, verification pause " + report.verifyPause().toMillis() + " ms");
                    } else {
                        System.out.println(said + report.authoritative() + " holds " + module
                                + " at epoch " + report.epoch() + "; nothing moved");
                    }
                    if (thenDrop) {
                        running = "drop-source of " + module + " from " + source.label() + " to " + target.label();
                        dropSource(invocation);
                    }
                }
                case "abort" -> new MoveAbort(source, target, settings, log).run();
                case "drop-source" -> dropSource(invocation);
                default -> {
                    MoveStatus.Report report = MoveStatus.read(source, target, settings);
                    report.lines().forEach(log);
                    // One line per side not read: which, and why. With one down, the lines above are the other's.
                    for (MoveStatus.Unreached side : report.unreached()) {
                        String shown = side.side().equals(source.label()) ? target.label() : source.label();
                        System.err.println("data-move: " + (report.lines().isEmpty() ? ""
                                : "the lines above are " + shown + "'s only: ") + side.failure().getMessage()
                                + passwordFix(side.failure(), invocation));
                    }
                    if (!report.unreached().isEmpty()) {
                        return 1;
                    }
                }
            }
            return 0;
        } catch (UsageException e) {
            System.err.println("data-move: " + e.getMessage() + " (data-move help)");
            return 2;
        } catch (MoveException e) {
            System.err.println("data-move: " + e.getMessage() + passwordFix(e, invocation));
            return 1;
        } finally {
            running = null;
        }
    }

    /**
     * For a refused password, {@code : check} and the environment variable it came from (the owner's, or the refusing
     * side's administrator's); for any other failure, nothing.
     */
    private static String passwordFix(MoveException e, Invocation invocation) {
        if (!(e instanceof PasswordRefusedException refused)) {
            return "";
        }
        if (refused.role() == PasswordRefusedException.Role.OWNER) {
            return ": check FORUM_MOVE_OWNER_PASSWORD";
        }
        return ": check " + (refused.server().equals(invocation.source().label()) ? "FORUM_MOVE_SOURCE_PASSWORD"
                : "FORUM_MOVE_TARGET_PASSWORD");
    }

    private static void dropSource(Invocation invocation) {
        SourceDrop.Report report = new SourceDrop(invocation.source(), invocation.target(), invocation.settings(),
                line -> System.out.println("[data-move] " + line)).run();
        System.out.println("[data-move] done: " + report.authoritative() + " holds " + invocation.settings().module()
                + " at epoch " + report.epoch() + "; " + (report.objects().isEmpty() ? "nothing was left on "
                + report.droppedFrom() : report.objects().size() + " objects dropped on " + report.droppedFrom() + ", rows "
                + report.rows()));
    }

    /**
     * Reads a command line as {@link #run} does, connecting to nothing ({@link Options#parse}).
     *
     * @param args        the command and its options ({@link #USAGE}), as the move tasks give them
     * @param environment where the passwords are read from
     * @return the command, both endpoints with their passwords, the settings and whether a drop follows the move
     * @throws UsageException for an unknown command or option, a missing option or password, or a malformed value
     * @throws MoveException  for a value the move refuses (a label, a module name, a port)
     */
    public static Invocation parse(String[] args, Map<String, String> environment) {
        return Options.parse(args, environment);
    }

    /** {@code LABEL@HOST:PORT/DB}, verified against {@code sslRootCert} when it is not null ({@link Options#endpoint}). */
    static Endpoint endpoint(String text, String user, String password, String sslRootCert) {
        return Options.endpoint(text, user, password, sslRootCert);
    }

    /** A command line that is not data-move's usage: exit status 2. */
    public static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}

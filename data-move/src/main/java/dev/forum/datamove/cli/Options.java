package dev.forum.datamove.cli;

import dev.forum.datamove.Endpoint;
import dev.forum.datamove.MoveException;
import dev.forum.datamove.MoveSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command line's options read into a {@link Main.Invocation} ({@link Main#USAGE}): every missing option named at
 * once, numbers bounded, passwords from the environment only. Connects to nothing; kept apart from {@link Main}, which
 * runs what it reads.
 */
final class Options {

    private static final Set<String> OPTIONS = Set.of("module", "source", "target", "source-user", "target-user", "owner",
            "runtime-role", "migrations", "ssl-root-cert", "sequence-margin", "pause-ms", "catch-up-s");
    /** The options every command needs. */
    private static final List<String> REQUIRED = List.of("module", "source", "target", "source-user", "target-user",
            "owner", "migrations");
    /** The one option without a value. */
    private static final String THEN_DROP_SOURCE = "then-drop-source";
    private static final Pattern ENDPOINT = Pattern.compile("([^@]+)@([^:/]+):([0-9]{1,5})/(.+)");

    private Options() {
    }

    /**
     * Reads a command line as {@link Main#run} does, connecting to nothing.
     *
     * @param args        the command and its options ({@link Main#USAGE}), as the move tasks give them
     * @param environment where the passwords are read from
     * @throws Main.UsageException for an unknown command or option, a missing option or password, or a malformed value
     * @throws MoveException  for a value the move refuses (a label, a module name, a port)
     */
    static Main.Invocation parse(String[] args, Map<String, String> environment) {
        if (args.length == 0 || !Main.COMMANDS.contains(args[0])) {
            throw new Main.UsageException("unknown command '" + (args.length == 0 ? "" : args[0])
                    + "': use move, abort, status or drop-source");
        }
        Map<String, String> options = options(args);
        List<String> missing = REQUIRED.stream().filter(name -> options.getOrDefault(name, "").isBlank())
                .map(name -> "--" + name).toList();
        if (!missing.isEmpty()) {
            throw new Main.UsageException(String.join(", ", missing) + (missing.size() == 1 ? " is" : " are") + " required");
        }
        String module = required(options, "module");
        String ssl = options.get("ssl-root-cert");
        Endpoint source = endpoint(required(options, "source"), required(options, "source-user"),
                password(environment, "FORUM_MOVE_SOURCE_PASSWORD"), ssl);
        Endpoint target = endpoint(required(options, "target"), required(options, "target-user"),
                password(environment, "FORUM_MOVE_TARGET_PASSWORD"), ssl);
        MoveSettings settings = new MoveSettings(module, required(options, "owner"),
                password(environment, "FORUM_MOVE_OWNER_PASSWORD"), options.get("runtime-role"),
                required(options, "migrations"), number(options, "sequence-margin", 1000, 0, 1_000_000_000),
                Duration.ofSeconds(number(options, "catch-up-s", 1800, 1, 604_800)),
                Duration.ofMillis(number(options, "pause-ms", 2000, 1, 600_000)));
        boolean thenDropSource = options.containsKey(THEN_DROP_SOURCE);
        if (thenDropSource && !args[0].equals("move")) {
            throw new Main.UsageException("--" + THEN_DROP_SOURCE + " goes with move only");
        }
        return new Main.Invocation(args[0], source, target, settings, thenDropSource);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        int i = 1;
        while (i < args.length) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : null;
            boolean flag = THEN_DROP_SOURCE.equals(name);
            if (name == null) {
                throw new Main.UsageException("expected --option value, got '" + args[i] + "'");
            }
            if (!flag && i + 1 >= args.length) {
                throw new Main.UsageException("--" + name + " needs a value after it");
            }
            if (!flag && !OPTIONS.contains(name)) {
                throw new Main.UsageException("unknown option '" + args[i] + "'");
            }
            if (options.put(name, flag ? "true" : args[i + 1]) != null) {
                throw new Main.UsageException("--" + name + " is given twice: give it once");
            }
            i += flag ? 1 : 2;
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new Main.UsageException("--" + name + " is required");
        }
        return value;
    }

    /**
     * @return the option's whole number, or {@code fallback} when it is not given
     * @throws Main.UsageException when it is not a whole number from {@code min} to {@code max}
     */
    private static long number(Map<String, String> options, String name, long fallback, long min, long max) {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        long number;
        try {
            number = Long.parseLong(value);
        } catch (NumberFormatException e) {
            number = Long.MIN_VALUE;
        }
        if (number < min || number > max) {
            throw new Main.UsageException("--" + name + " takes a whole number from " + min + " to " + max + ", not '" + value + "'");
        }
        return number;
    }

    private static String password(Map<String, String> environment, String variable) {
        String value = environment.get(variable);
        if (value == null || value.isEmpty()) {
            throw new Main.UsageException("set " + variable + " in the environment (passwords are never taken as arguments)");
        }
        return value;
    }

    /** {@code LABEL@HOST:PORT/DB}, verified against {@code sslRootCert} when it is not null. */
    static Endpoint endpoint(String text, String user, String password, String sslRootCert) {
        Matcher matcher = ENDPOINT.matcher(text);
        if (!matcher.matches()) {
            throw new Main.UsageException("'" + text + "' is not LABEL@HOST:PORT/DATABASE (e.g. shared@db.internal:5432/forum)");
        }
        if (sslRootCert != null && sslRootCert.isBlank()) {
            throw new Main.UsageException("--ssl-root-cert needs a PEM file (e.g. /app/rds/global-bundle.pem)");
        }
        return new Endpoint(matcher.group(1), matcher.group(2), Integer.parseInt(matcher.group(3)), matcher.group(4), user,
                password, sslRootCert);
    }
}

package dev.forum.standin.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One line typed on the stand-in's standard input, checked before anything is done: a known command with the
 * arguments it takes ({@link Main#USAGE}, "While it runs").
 *
 * @param name      the command, e.g. {@code traffic}
 * @param arguments its arguments, as many as it takes (a traffic share checked to be a whole number 0 to 100)
 */
record InputCommand(String name, List<String> arguments) {

    /** Each command to its arguments, for the count and for a refusal to show how it is written. */
    private static final Map<String, List<String>> COMMANDS = Map.ofEntries(
            Map.entry("status", List.of()), Map.entry("traffic", List.of("<service>", "<0-100>")),
            Map.entry("migrate", List.of("[STEP]")), Map.entry("rollback", List.of()),
            Map.entry("kill", List.of("<instance>")), Map.entry("start", List.of("<instance>")),
            Map.entry("rotate-keys", List.of()), Map.entry("drop-old-keys", List.of()),
            Map.entry("quit", List.of()), Map.entry("exit", List.of()));
    private static final String LISTED = "status, traffic <service> <0-100>, migrate [STEP], rollback, kill <instance>,"
            + " start <instance>, rotate-keys, drop-old-keys, quit";

    /**
     * @param line a line as typed; surrounding and repeated blanks do not count
     * @return the command, or null for a blank line
     * @throws IllegalArgumentException (one line, what to type instead) for an unknown command, a wrong number of
     *                                  arguments or a traffic share that is not a whole number from 0 to 100
     */
    static InputCommand parse(String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        String[] words = trimmed.split("\\s+");
        String name = words[0];
        List<String> shape = COMMANDS.get(name);
        if (shape == null) {
            throw new IllegalArgumentException("unknown command '" + name + "'; the commands are " + LISTED);
        }
        List<String> arguments = Arrays.asList(words).subList(1, words.length);
        long required = shape.stream().filter(a -> !a.startsWith("[")).count();
        if (arguments.size() < required || arguments.size() > shape.size()) {
            throw new IllegalArgumentException("usage: " + String.join(" ", name, String.join(" ", shape)).strip());
        }
        if (name.equals("traffic")) {
            Main.wholeNumber("traffic's share", arguments.get(1), 0, 100);
        }
        return new InputCommand(name, List.copyOf(arguments));
    }

    /** The argument at {@code index}, or {@code otherwise} where an optional one was left out. */
    String argument(int index, String otherwise) {
        return index < arguments.size() ? arguments.get(index) : otherwise;
    }
}

package dev.forum.standin.cli;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One line typed on the stand-in's standard input, checked before anything is done: a known command with the
 * arguments it takes ({@link Main#USAGE}, "While it runs").
 *
 * @param name      the command, e.g. {@code traffic}
 * @param arguments its arguments, as many as it takes (a traffic share checked to be a whole number 0 to 100)
 */
record InputCommand(String name, List<String> arguments) {

    /** Each command to its arguments, in the order a refusal lists them (and for the count of arguments). */
    private static final Map<String, List<String>> COMMANDS = ordered(
            "status", List.of(), "traffic", List.of("<service>", "<0-100>"), "migrate", List.of("[STEP]"),
            "rollback", List.of(), "kill", List.of("<instance>"), "start", List.of("<instance>"),
            "rotate-keys", List.of(), "drop-old-keys", List.of(), "quit", List.of());
    /** Other names of a command, taken but not listed. */
    private static final Map<String, String> ALIASES = Map.of("exit", "quit");
    private static final String LISTED = COMMANDS.entrySet().stream()
            .map(command -> String.join(" ", command.getKey(), String.join(" ", command.getValue())).strip())
            .collect(Collectors.joining(", "));

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
        String name = ALIASES.getOrDefault(words[0], words[0]);
        List<String> shape = COMMANDS.get(name);
        if (shape == null) {
            throw new IllegalArgumentException("unknown command '" + words[0] + "'; the commands are " + LISTED);
        }
        List<String> arguments = Arrays.asList(words).subList(1, words.length);
        long required = shape.stream().filter(a -> !a.startsWith("[")).count();
        if (arguments.size() < required || arguments.size() > shape.size()) {
            throw new IllegalArgumentException("usage: " + String.join(" ", words[0], String.join(" ", shape)).strip());
        }
        if (name.equals("traffic")) {
            Main.wholeNumber("traffic's share", arguments.get(1), 0, 100);
        }
        return new InputCommand(name, List.copyOf(arguments));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<String>> ordered(Object... namesAndArguments) {
        Map<String, List<String>> commands = new LinkedHashMap<>();
        for (int i = 0; i < namesAndArguments.length; i += 2) {
            commands.put((String) namesAndArguments[i], (List<String>) namesAndArguments[i + 1]);
        }
        return Collections.unmodifiableMap(commands);
    }

    /** The argument at {@code index}, or {@code otherwise} where an optional one was left out. */
    String argument(int index, String otherwise) {
        return index < arguments.size() ? arguments.get(index) : otherwise;
    }
}

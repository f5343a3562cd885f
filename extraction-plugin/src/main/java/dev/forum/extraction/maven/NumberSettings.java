package dev.forum.extraction.maven;

import dev.forum.extraction.model.ExtractionException;

/**
 * The plugin's numeric settings (ports, seconds), taken as text and checked here: Maven would otherwise convert them
 * itself and stop with its own "Cannot convert 'abc' to int", naming neither the property nor what it takes.
 */
final class NumberSettings {

    private NumberSettings() {
    }

    /**
     * @param value    the setting as given, or null (blank counts as unset)
     * @param property its property, e.g. {@code extract.image.port}
     * @return the port, or null when unset
     * @throws ExtractionException (one line) when it is no TCP port, 1 to 65535
     */
    static Integer port(String value, String property) {
        return value == null || value.isBlank() ? null : requiredPort(value, property);
    }

    /**
     * @param value    the setting as given (its default when not set)
     * @param property its property, e.g. {@code extract.ecs.containerPort}
     * @return the port
     * @throws ExtractionException (one line) when it is blank or no TCP port, 1 to 65535
     */
    static int requiredPort(String value, String property) {
        Integer port = parse(value);
        if (port == null || port < 1 || port > 65535) {
            throw new ExtractionException("-D" + property + "=" + shown(value) + " is not a TCP port (1 to 65535): set -D"
                    + property + "=<port>");
        }
        return port;
    }

    /**
     * @param value    the setting as given (its default when not set)
     * @param property its property, e.g. {@code extract.ecs.stopTimeout}
     * @param min      the least it may be
     * @param max      the most it may be
     * @return the number of seconds
     * @throws ExtractionException (one line) when it is no whole number from min to max
     */
    static int seconds(String value, String property, int min, int max) {
        Integer seconds = parse(value);
        if (seconds == null || seconds < min || seconds > max) {
            throw new ExtractionException("-D" + property + "=" + shown(value) + " is not a number of seconds from " + min
                    + " to " + max + ": set -D" + property + "=<seconds>");
        }
        return seconds;
    }

    /** The whole number the text is (digits, an optional sign), or null. */
    private static Integer parse(String value) {
        String text = shown(value);
        return text.matches("[+-]?\\d{1,9}") ? Integer.valueOf(text) : null;
    }

    private static String shown(String value) {
        return value == null ? "" : value.strip();
    }
}

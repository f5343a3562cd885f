package dev.forum.extraction.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The placeholders of the settings read, resolved as Spring resolves them in a value: {@code ${key}} by the value that
 * wins for {@code key} (placeholders in it resolved in turn), {@code ${key:default}} by the default when no file read
 * sets {@code key}. Where the files do not set a key the environment might (an environment variable such as
 * {@code ${DB_HOST:localhost}}, a system property), the build cannot know the value: the default is taken, as Spring
 * Boot takes it without that variable, and the key is named ({@link #fromEnvironment}); without a default the value
 * is unknown ({@code null}), never the {@code ${...}} text itself.
 */
final class Placeholders {

    private final Map<String, String> raw;
    private final Map<String, String> fromEnvironment = new LinkedHashMap<>();

    /** @param raw each key to its value as the files write it, placeholders and all */
    Placeholders(Map<String, String> raw) {
        this.raw = raw;
    }

    /**
     * @return the value of {@code key} with its placeholders resolved; null when the files do not set it, or when a
     *         placeholder has neither a value in the files nor a default (or refers to itself)
     */
    String value(String key) {
        return value(key, new HashSet<>());
    }

    private String value(String key, Set<String> resolving) {
        String value = raw.get(key);
        if (value == null || !resolving.add(key)) {
            return null;
        }
        String resolved = resolve(value, resolving);
        resolving.remove(key);
        return resolved;
    }

    /** {@code text} with each {@code ${...}} replaced; null when one cannot be. */
    private String resolve(String text, Set<String> resolving) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int start = text.indexOf("${", at);
            if (start < 0) {
                return out.append(text, at, text.length()).toString();
            }
            int end = closing(text, start + 2);
            if (end < 0) {
                return out.append(text, at, text.length()).toString(); // no closing brace: Spring leaves it as it is
            }
            out.append(text, at, start);
            String inner = text.substring(start + 2, end);
            int colon = separator(inner);
            String name = resolve(colon < 0 ? inner : inner.substring(0, colon), resolving);
            if (name == null) {
                return null;
            }
            String value = raw.containsKey(name) ? value(name, resolving) : null;
            if (value == null && !raw.containsKey(name)) {
                fromEnvironment.putIfAbsent(name, colon < 0 ? "unknown" : "taken as its default");
                value = colon < 0 ? null : resolve(inner.substring(colon + 1), resolving);
            }
            if (value == null) {
                return null;
            }
            out.append(value);
            at = end + 1;
        }
    }

    /** The index of the {@code }} that closes a placeholder whose name starts at {@code from}, or -1. */
    private static int closing(String text, int from) {
        int depth = 0;
        for (int i = from; i < text.length(); i++) {
            if (text.startsWith("${", i)) {
                depth++;
                i++;
            } else if (text.charAt(i) == '}') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            }
        }
        return -1;
    }

    /** The index of the {@code :} before a placeholder's default, outside nested placeholders, or -1. */
    private static int separator(String inner) {
        int depth = 0;
        for (int i = 0; i < inner.length(); i++) {
            if (inner.startsWith("${", i)) {
                depth++;
                i++;
            } else if (inner.charAt(i) == '}') {
                depth--;
            } else if (inner.charAt(i) == ':' && depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The placeholders whose key no file read sets, each with what was done: {@code ${DB_HOST} taken as its default} or
     * {@code ${DB_HOST} unknown}, in the order met.
     */
    List<String> fromEnvironment() {
        List<String> named = new ArrayList<>();
        fromEnvironment.forEach((name, done) -> named.add("${" + name + "} " + done));
        return named;
    }
}

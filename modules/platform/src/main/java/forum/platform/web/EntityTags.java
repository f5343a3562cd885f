package forum.platform.web;

import forum.platform.EchoedInput;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;

/**
 * An {@code If-Match} or {@code If-None-Match} field as RFC 9110 writes it (sections 8.8.3, 13.1.1, 13.1.2):
 * {@code *}, or a list of entity tags, each {@code "..."} or {@code W/"..."} (the characters between the quotes
 * {@code %x21 / %x23-7E / %x80-FF}), separated by commas with optional white space; several fields of one name are
 * one list. Empty list elements are skipped (section 5.6.1.2); a field sent holding none at all ({@code If-Match:},
 * {@code If-Match: ,}) is the empty list, which no tag matches: an {@code If-Match} of it fails (on a write the safe
 * answer: a client that meant to send a tag and sent none is not written over), an {@code If-None-Match} of it holds.
 *
 * @param any  whether the field is {@code *}
 * @param tags the entity tags listed, as sent ({@code W/} kept), when it is not {@code *}
 */
record EntityTags(boolean any, List<String> tags) {

    /** A field whose value is neither {@code *} nor a list of entity tags: 400, the detail saying what to send. */
    static final class MalformedException extends RuntimeException {

        MalformedException(String field, String value) {
            super("The " + field + " field must be * or a list of entity tags in double quotes (\"abc\" or W/\"abc\","
                    + " separated by commas), not " + EchoedInput.shortenField(value), null, false, false);
        }
    }

    /**
     * @param field  the field's name, as a problem names it
     * @param values the field's values (a request may send the field more than once), or null
     * @return the field (an empty list of tags if it lists none), or empty if it is not sent
     * @throws MalformedException if it is neither {@code *} nor a list of entity tags
     */
    static Optional<EntityTags> parse(String field, Enumeration<String> values) {
        List<String> sent = values == null ? List.of() : Collections.list(values);
        if (sent.isEmpty()) {
            return Optional.empty();
        }
        String value = String.join(", ", sent);
        if (value.strip().equals("*")) {
            return Optional.of(new EntityTags(true, List.of()));
        }
        List<String> tags = new ArrayList<>();
        int at = 0;
        while (at < value.length()) {
            char c = value.charAt(at);
            if (c == ' ' || c == '\t' || c == ',') {
                at++;
                continue;
            }
            int start = at;
            if (value.startsWith("W/", at)) {
                at += 2;
            }
            if (at >= value.length() || value.charAt(at) != '"') {
                throw new MalformedException(field, value);
            }
            int close = at + 1;
            while (close < value.length() && isEtagChar(value.charAt(close))) {
                close++;
            }
            if (close >= value.length() || value.charAt(close) != '"') {
                throw new MalformedException(field, value);
            }
            at = close + 1;
            if (at < value.length() && value.charAt(at) != ',' && value.charAt(at) != ' ' && value.charAt(at) != '\t') {
                throw new MalformedException(field, value);
            }
            tags.add(value.substring(start, at));
        }
        return Optional.of(new EntityTags(false, List.copyOf(tags)));
    }

    /** etagc: any visible character but the double quote, or obs-text (section 8.8.3). */
    private static boolean isEtagChar(char c) {
        return c == 0x21 || (c >= 0x23 && c <= 0x7E) || (c >= 0x80 && c <= 0xFF);
    }

    /**
     * The strong comparison of {@code If-Match} (section 8.8.3.2): a weak tag matches nothing.
     *
     * @param current the target's current entity tag, or null if it has none
     * @param exists  whether the target has a current representation (what {@code *} asks)
     */
    boolean matchStrongly(String current, boolean exists) {
        if (any) {
            return exists;
        }
        return current != null && !current.startsWith("W/") && tags.contains(current);
    }

    /**
     * The weak comparison of {@code If-None-Match}: {@code W/} ignored on both sides.
     *
     * @param current the target's current entity tag, or null if it has none
     * @param exists  whether the target has a current representation (what {@code *} asks)
     */
    boolean matchWeakly(String current, boolean exists) {
        if (any) {
            return exists;
        }
        if (current == null) {
            return false;
        }
        String opaque = opaque(current);
        return tags.stream().anyMatch(tag -> opaque(tag).equals(opaque));
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    /** @return whether a tag of the list is weak ({@code W/"..."}), which {@code If-Match} never matches */
    boolean anyWeak() {
        return tags.stream().anyMatch(tag -> tag.startsWith("W/"));
    }

    /** The field as sent again, cut short, for a problem's detail. */
    String quoted() {
        if (!any && tags.isEmpty()) {
            return "(sent, listing no entity tag, so none can match)";
        }
        return any ? "*" : EchoedInput.shortenField(String.join(", ", tags));
    }
}

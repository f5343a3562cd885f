package forum.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Collects every field violation of one input, then fails once with all of them, so a client learns
 * everything it has to fix from a single answer.
 */
public final class Validation {

    private final List<FieldViolation> violations = new ArrayList<>();

    public static Validation of() {
        return new Validation();
    }

    /**
     * A text of {@code min..max} characters after stripping its blank characters at both ends ({@link Text}: white
     * space and invisible format characters), counted as Unicode code points (an emoji is one character, as
     * PostgreSQL counts it). With {@code min > 0} the text is required: missing ({@code null}) is "is required", only
     * blank characters is "must not be blank". Every text must be storable exactly as sent ({@link #unstorable}).
     */
    public Validation text(String field, String value, int min, int max) {
        if (value == null) {
            if (min > 0) {
                violations.add(new FieldViolation(field, "is required"));
            }
            return this;
        }
        Optional<String> unstorable = unstorable(value);
        if (unstorable.isPresent()) {
            violations.add(new FieldViolation(field, unstorable.get()));
            return this;
        }
        String stripped = Text.strip(value);
        int length = stripped.codePointCount(0, stripped.length());
        if (Text.isBlank(stripped)) {
            if (min > 0) {
                violations.add(new FieldViolation(field, "must not be blank"));
            }
        } else if (length < min || length > max) {
            violations.add(new FieldViolation(field, "must be " + min + " to " + max + " characters long, not " + length));
        }
        return this;
    }

    /**
     * Why a text cannot be stored exactly as sent, or empty if it can: PostgreSQL refuses the NUL character
     * (U+0000) in text, a lone UTF-16 surrogate (half of a character, {@code "\ud83d"} in JSON) has no UTF-8 form,
     * and other control characters (U+0001 to U+001F but tab, line feed and carriage return; U+007F to U+009F)
     * would be stored but are never meant in forum text.
     */
    public static Optional<String> unstorable(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            int position = value.codePointCount(0, i) + 1;
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("must not hold half of a character (the lone UTF-16 surrogate " + codePoint(c)
                        + " at character " + position + "): send the whole character");
            } else if (c == 0) {
                return Optional.of("must not hold the NUL character (U+0000, at character " + position + ")");
            } else if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return Optional.of("must not hold the control character " + codePoint(c) + " (at character " + position + ")");
            }
        }
        return Optional.empty();
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }

    /**
     * A text that is not blank must match {@code pattern} once stripped ({@link Text#strip}); a blank or missing one
     * is left to {@link #text}.
     *
     * @param rule the violation's message, saying what the pattern admits
     */
    public Validation matches(String field, String value, Pattern pattern, String rule) {
        if (!Text.isBlank(value) && unstorable(value).isEmpty() && !pattern.matcher(Text.strip(value)).matches()) {
            violations.add(new FieldViolation(field, rule));
        }
        return this;
    }

    /** A violation found by a rule of the caller's own (say, a password rule). */
    public Validation violation(String field, String message) {
        violations.add(new FieldViolation(field, message));
        return this;
    }

    public Validation required(String field, Object value) {
        if (value == null) {
            violations.add(new FieldViolation(field, "is required"));
        }
        return this;
    }

    public Validation range(String field, long value, long min, long max) {
        if (value < min || value > max) {
            violations.add(new FieldViolation(field, "must be from " + min + " to " + max + ", not " + value));
        }
        return this;
    }

    /**
     * Throws a {@link ValidationException} listing every violation, if there is any, with those found while the
     * request's body was read ({@link InputViolations}).
     */
    public void check() {
        List<FieldViolation> all = InputViolations.mergeInto(violations);
        if (!all.isEmpty()) {
            throw new ValidationException(all);
        }
    }
}

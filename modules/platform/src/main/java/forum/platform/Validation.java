package forum.platform;

import java.util.ArrayList;
import java.util.List;
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

    /** A required text of {@code min..max} characters after trimming. */
    public Validation text(String field, String value, int min, int max) {
        if (value == null || value.isBlank()) {
            if (min > 0) {
                violations.add(new FieldViolation(field, "is required"));
            }
        } else if (value.strip().length() < min || value.strip().length() > max) {
            violations.add(new FieldViolation(field, "must be " + min + " to " + max + " characters long"));
        }
        return this;
    }

    public Validation matches(String field, String value, Pattern pattern, String rule) {
        if (value != null && !value.isBlank() && !pattern.matcher(value.strip()).matches()) {
            violations.add(new FieldViolation(field, rule));
        }
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
            violations.add(new FieldViolation(field, "must be between " + min + " and " + max));
        }
        return this;
    }

    /** Throws a {@link ValidationException} listing every violation, if there is any. */
    public void check() {
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }
}

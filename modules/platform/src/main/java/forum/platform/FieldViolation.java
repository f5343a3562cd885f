package forum.platform;

import java.util.Objects;

/**
 * One field of the input and what is wrong with it. A field with an empty name ({@code ?=}, {@code {"": 1}}) has a
 * message that says so itself, and is told by its message alone.
 */
public record FieldViolation(String field, String message) {

    public FieldViolation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return field.isEmpty() ? message : field + " " + message;
    }
}

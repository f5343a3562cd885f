package forum.platform;

import java.util.Objects;

/** One field of the input and what is wrong with it. */
public record FieldViolation(String field, String message) {

    public FieldViolation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return field + " " + message;
    }
}

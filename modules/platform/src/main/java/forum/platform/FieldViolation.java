package forum.platform;

import java.util.Objects;

/**
 * One field of the input and what is wrong with it. A field with an empty name ({@code ?=}, {@code {"": 1}}) has a
 * message that says so itself, and is told by its message alone. The field's name is the client's (an unknown field
 * or parameter), so it is kept as an answer may quote it back: cut short past {@link EchoedInput#MAX} characters.
 * A value the message quotes is cut by whoever writes the message.
 *
 * @param field   the field's name as sent (a body field, a query parameter), shortened by {@link EchoedInput#shorten}
 * @param message what is wrong with it, in the client's terms
 */
public record FieldViolation(String field, String message) {

    /** @throws NullPointerException if {@code field} or {@code message} is null */
    public FieldViolation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
        field = EchoedInput.shorten(field);
    }

    @Override
    public String toString() {
        return field.isEmpty() ? message : field + " " + message;
    }
}

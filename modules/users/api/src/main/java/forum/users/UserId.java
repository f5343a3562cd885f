package forum.users;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import forum.platform.PlainDecimal;

/** A user's id: a positive number, written as a bare number in JSON and in paths. */
public record UserId(@JsonValue long value) {

    public UserId {
        if (value <= 0) {
            throw new IllegalArgumentException("a user id is a positive number, not " + value);
        }
    }

    @JsonCreator
    public static UserId of(long value) {
        return new UserId(value);
    }

    /** Parses a path segment; used by Spring's conversion of {@code @PathVariable}s. */
    public static UserId valueOf(String text) {
        return new UserId(PlainDecimal.parseLong(text));
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}

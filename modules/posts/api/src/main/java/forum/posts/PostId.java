package forum.posts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import forum.platform.PlainDecimal;

/** A post's id: a positive number, written as a bare number in JSON and in paths. */
public record PostId(@JsonValue long value) {

    public PostId {
        if (value <= 0) {
            throw new IllegalArgumentException("a post id is a positive number, not " + value);
        }
    }

    @JsonCreator
    public static PostId of(long value) {
        return new PostId(value);
    }

    /** Parses a path segment; used by Spring's conversion of {@code @PathVariable}s. */
    public static PostId valueOf(String text) {
        return new PostId(PlainDecimal.parseLong(text));
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}

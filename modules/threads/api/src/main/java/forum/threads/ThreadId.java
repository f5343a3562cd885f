package forum.threads;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import forum.platform.PlainDecimal;

/** A thread's id: a positive number, written as a bare number in JSON and in paths. */
public record ThreadId(@JsonValue long value) {

    public ThreadId {
        if (value <= 0) {
            throw new IllegalArgumentException("a thread id is a positive number, not " + value);
        }
    }

    @JsonCreator
    public static ThreadId of(long value) {
        return new ThreadId(value);
    }

    /** Parses a path segment; used by Spring's conversion of {@code @PathVariable}s. */
    public static ThreadId valueOf(String text) {
        return new ThreadId(PlainDecimal.parseLong(text));
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}

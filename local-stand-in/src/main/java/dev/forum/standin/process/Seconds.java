package dev.forum.standin.process;

import java.time.Duration;
import java.util.Locale;

/** Durations as people read them in the step log: {@code 12.3 s}. */
public final class Seconds {

    private Seconds() {
    }

    public static String of(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    public static String since(long nanoStart) {
        return of(Duration.ofNanos(System.nanoTime() - nanoStart));
    }
}

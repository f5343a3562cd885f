package dev.forum.datamove;

import java.time.Duration;

/**
 * Durations as the command line's output says them: {@code 2 s}, {@code 1800 s}, {@code 250 ms}, never
 * {@link Duration#toString()}'s {@code PT2S}.
 */
final class Durations {

    private Durations() {
    }

    /**
     * @param duration a duration (a negative one is said as its length)
     * @return whole seconds as {@code N s} ({@code 2 s}, {@code 1800 s}); below 10 s and not a whole second,
     *         {@code N ms} ({@code 250 ms}, {@code 2250 ms}); otherwise rounded to the second ({@code 12 s})
     */
    static String text(Duration duration) {
        long millis = Math.abs(duration.toMillis());
        if (millis % 1000 == 0) {
            return millis / 1000 + " s";
        }
        return millis < 10_000 ? millis + " ms" : Math.round(millis / 1000.0) + " s";
    }
}

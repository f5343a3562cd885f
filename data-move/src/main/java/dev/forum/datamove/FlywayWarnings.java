package dev.forum.datamove;

import java.io.PrintStream;
import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;

/**
 * Flyway's log while data-move migrates a target ({@code loggers} in {@link TargetSchema#migrate}): its warnings and
 * errors as one line each on standard error, its progress not at all.
 *
 * <p>Why: without a logging library on the class path Flyway writes through {@code java.util.logging}, two lines per
 * record (a date, then the message) in the middle of data-move's own lines, and the move already reports what the
 * migration did in one of them ({@code target prepared: ... to version V}). A warning or an error still says what
 * Flyway saw. Flyway makes an instance by class name, so the class is public with a public constructor.
 */
public final class FlywayWarnings implements LogCreator {

    /** What each line starts with: the tool whose output it is, then whose record. */
    static final String PREFIX = "[data-move] flyway ";

    /** Made by Flyway from its {@code loggers} setting. */
    public FlywayWarnings() {
    }

    /**
     * @param type the Flyway class that logs (not shown: the message says what it is about)
     * @return a log that drops debug, info and notice records and prints warnings and errors to {@link System#err}
     */
    @Override
    public Log createLogger(Class<?> type) {
        return new Log() {
            @Override
            public boolean isDebugEnabled() {
                return false;
            }

            @Override
            public void debug(String message) {
            }

            @Override
            public void info(String message) {
            }

            @Override
            public void notice(String message) {
            }

            @Override
            public void warn(String message) {
                print("warning: " + message);
            }

            @Override
            public void error(String message) {
                print("error: " + message);
            }

            @Override
            public void error(String message, Exception cause) {
                print("error: " + message + (cause == null ? "" : " (" + cause + ")"));
            }
        };
    }

    private static void print(String line) {
        // System.err at the time of the record, not at the creation of the log: a caller may redirect it.
        PrintStream err = System.err;
        err.println(PREFIX + line.strip().replace('\n', ' '));
    }
}

package dev.forum.datamove;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.flywaydb.core.api.logging.Log;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** Flyway's log during a move: progress dropped, a warning or an error one line each on standard error. */
@Isolated // swaps System.err: no other class may print meanwhile
class FlywayWarningsUnitTest {

    @Test
    void printsWarningsAndErrorsOnOneLineEachAndNothingElse() {
        Log log = new FlywayWarnings().createLogger(FlywayWarningsUnitTest.class);
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            log.debug("debug");
            log.info("Migrating schema \"posts\" to version \"1\"");
            log.notice("notice");
            log.warn("DB: relation \"posts\" already exists,\nskipping");
            log.error("Migration V2 failed", new SQLException("syntax error"));
        } finally {
            System.setErr(original);
        }
        assertEquals("""
                [data-move] flyway warning: DB: relation "posts" already exists, skipping
                [data-move] flyway error: Migration V2 failed (java.sql.SQLException: syntax error)
                """, err.toString(StandardCharsets.UTF_8));
    }
}

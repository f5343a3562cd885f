package dev.forum.extraction.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.forum.extraction.assemble.JarEntries;
import dev.forum.extraction.model.ExtractionException;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The service jars' entry time: the project's outputTimestamp, else one fixed time, never the build's. */
class OutputTimestampTest {

    @Test
    void withoutAnOutputTimestampTheJarsStillGetOneFixedTime() {
        assertEquals(JarEntries.DEFAULT_TIME, OutputTimestamp.parse(null));
        assertEquals(JarEntries.DEFAULT_TIME, OutputTimestamp.parse(""));
        assertEquals(JarEntries.DEFAULT_TIME, OutputTimestamp.parse("${project.build.outputTimestamp}"));
        assertEquals(JarEntries.DEFAULT_TIME, OutputTimestamp.parse("a"), "a single character is Maven's 'off'");
        assertEquals(FileTime.from(Instant.parse("1980-02-01T00:00:00Z")), JarEntries.DEFAULT_TIME);
    }

    @Test
    void anOutputTimestampIsReadAsMavensPluginsReadIt() {
        FileTime newYear = FileTime.from(Instant.parse("2026-01-01T00:00:00Z"));
        assertEquals(newYear, OutputTimestamp.parse("2026-01-01T00:00:00Z"));
        assertEquals(newYear, OutputTimestamp.parse("1767225600"));
        ExtractionException e = assertThrows(ExtractionException.class, () -> OutputTimestamp.parse("yesterday"));
        assertEquals("project.build.outputTimestamp 'yesterday' is not a time: use ISO-8601 like 2026-01-01T00:00:00Z or"
                + " epoch seconds", e.getMessage());
    }
}

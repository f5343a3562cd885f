package dev.forum.extraction.maven;

import dev.forum.extraction.assemble.JarEntries;
import dev.forum.extraction.model.ExtractionException;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * project.build.outputTimestamp as Maven's own plugins read it: ISO-8601 or epoch seconds. Unlike them, the plugin
 * keeps its jars reproducible without it: unset, every entry gets {@link JarEntries#DEFAULT_TIME}.
 */
final class OutputTimestamp {

    private OutputTimestamp() {
    }

    /**
     * @param value the property's value, or null
     * @return its time; {@link JarEntries#DEFAULT_TIME} when unset (or left as an unresolved {@code ${...}}) or a single
     *         character (Maven's "off"), so that the jars carry no build time either way
     * @throws ExtractionException when it is neither ISO-8601 nor epoch seconds
     */
    static FileTime parse(String value) {
        if (value == null || value.isBlank() || value.trim().length() == 1 || value.contains("${")) {
            return JarEntries.DEFAULT_TIME;
        }
        String text = value.trim();
        try {
            return FileTime.from(text.chars().allMatch(Character::isDigit)
                    ? Instant.ofEpochSecond(Long.parseLong(text)) : Instant.parse(text));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new ExtractionException("project.build.outputTimestamp '" + value
                    + "' is not a time: use ISO-8601 like 2026-01-01T00:00:00Z or epoch seconds");
        }
    }
}

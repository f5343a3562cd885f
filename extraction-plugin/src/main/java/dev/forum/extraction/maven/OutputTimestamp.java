package dev.forum.extraction.maven;

import dev.forum.extraction.model.ExtractionException;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** project.build.outputTimestamp as Maven's own plugins read it: ISO-8601 or epoch seconds. */
final class OutputTimestamp {

    private OutputTimestamp() {
    }

    /** Null (the files' own times: not reproducible) when unset or a single character, Maven's "off". */
    static FileTime parse(String value) {
        if (value == null || value.isBlank() || value.trim().length() == 1) {
            return null;
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

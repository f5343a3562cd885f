package dev.forum.extraction.model;

import java.util.List;

/**
 * A refusal the user can fix: each line says what was found and what to change. The plugin reports each line
 * on its own ({@code [ERROR]} in Maven's log) and stops the build.
 */
public class ExtractionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> lines;

    public ExtractionException(String message) {
        this(List.of(message));
    }

    /** @param lines one refusal per line, at least one */
    public ExtractionException(List<String> lines) {
        super(String.join("\n", lines));
        this.lines = List.copyOf(lines);
    }

    /** The refusals, one line each. */
    public List<String> lines() {
        return lines;
    }
}

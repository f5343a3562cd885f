package dev.forum.extraction.model;

import java.util.List;

/**
 * A refusal the user can fix: each line says what was found and what to change. The plugin reports each line
 * on its own ({@code [ERROR]} in Maven's log) and stops the build.
 */
public class ExtractionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> lines;

    private final String summary;

    public ExtractionException(String message) {
        this(List.of(message));
    }

    /** @param lines one refusal per line, at least one */
    public ExtractionException(List<String> lines) {
        this(lines, null);
    }

    /**
     * @param lines   one refusal per line, at least one
     * @param summary what the build fails with when there are several (each line is logged on its own first), saying
     *                what they are: e.g. "3 problems in the ECS deployment, one per [extract] line above"; null for the
     *                blockers' default
     */
    public ExtractionException(List<String> lines, String summary) {
        super(String.join("\n", lines));
        this.lines = List.copyOf(lines);
        this.summary = summary;
    }

    /** The failure's message when there are several lines, or null for the blockers' default. */
    public String summary() {
        return summary;
    }

    /** The refusals, one line each. */
    public List<String> lines() {
        return lines;
    }
}

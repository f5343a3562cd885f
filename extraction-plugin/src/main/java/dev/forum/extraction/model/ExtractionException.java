package dev.forum.extraction.model;

/** A request or an application that cannot be extracted; the message says what to fix. */
public class ExtractionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ExtractionException(String message) {
        super(message);
    }
}

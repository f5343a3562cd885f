package dev.forum.extraction.runtime.topology;

/** The topology settings contradict each other, the module metadata or the class path; the message says what to fix. */
public class InvalidTopologyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidTopologyException(String message) {
        super(message);
    }
}

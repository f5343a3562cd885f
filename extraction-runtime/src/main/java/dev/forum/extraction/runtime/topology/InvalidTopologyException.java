package dev.forum.extraction.runtime.topology;

import java.util.List;

/**
 * The topology settings contradict each other, the module metadata or the class path; the message says what to fix.
 * Each refusal is one line; with several, the message is a first line counting them ({@code 3 mistakes in the
 * extraction.topology settings:}) and then one line per refusal, in the order they were found.
 */
public class InvalidTopologyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> refusals;

    /**
     * One refusal.
     *
     * @param message the refusal, one line; it is the exception's message as given
     */
    public InvalidTopologyException(String message) {
        super(message);
        this.refusals = List.of(message);
    }

    /**
     * Every refusal found at once.
     *
     * @param refusals one line each, at least one, in the order to show them
     * @throws IllegalArgumentException when {@code refusals} is empty
     */
    public InvalidTopologyException(List<String> refusals) {
        super(message(refusals));
        this.refusals = List.copyOf(refusals);
    }

    /** The refusals, one line each, in the order shown: one for a refusal alone. */
    public List<String> refusals() {
        return refusals;
    }

    private static String message(List<String> refusals) {
        if (refusals.isEmpty()) {
            throw new IllegalArgumentException("an invalid topology needs at least one refusal");
        }
        if (refusals.size() == 1) {
            return refusals.get(0);
        }
        return refusals.size() + " mistakes in the extraction.topology settings:\n" + String.join("\n", refusals);
    }
}

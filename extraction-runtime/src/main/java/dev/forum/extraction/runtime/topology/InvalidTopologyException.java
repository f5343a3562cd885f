package dev.forum.extraction.runtime.topology;

import java.util.Collection;
import java.util.List;

/**
 * The topology settings contradict each other, the module metadata or the class path (a remote module's contract that
 * the run time's client cannot serve included); the message says what to fix.
 * Each refusal is one line; with several, the message is a first line counting them and naming the groups of settings
 * they are about ({@code 3 mistakes in the extraction.topology settings:}, {@code 2 mistakes in the extraction.topology
 * and extraction.warm-up settings:}) and then one line per refusal, in the order they were found.
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
     * Every refusal found at once, about the {@code extraction.topology} settings.
     *
     * @param refusals one line each, at least one, in the order to show them
     * @throws IllegalArgumentException when {@code refusals} is empty
     */
    public InvalidTopologyException(List<String> refusals) {
        this(List.of(TopologySettings.PREFIX), refusals);
    }

    /**
     * Every refusal found at once, about the given groups of settings.
     *
     * @param groups   the groups of settings the refusals are about, named on the first line when there are several
     *                 refusals, in this order ({@code extraction.topology}, {@code extraction.warm-up}); at least one
     * @param refusals one line each, at least one, in the order to show them
     * @throws IllegalArgumentException when {@code groups} or {@code refusals} is empty
     */
    public InvalidTopologyException(Collection<String> groups, List<String> refusals) {
        super(message(List.copyOf(groups), refusals));
        this.refusals = List.copyOf(refusals);
    }

    /**
     * Every refusal found at once, under a first line of the caller's own, for refusals that are not about settings.
     *
     * @param headline the first line, e.g. {@code 2 methods of remote modules' contracts that ... cannot serve:}
     * @param refusals one line each, at least two, in the order to show them
     * @throws IllegalArgumentException when {@code refusals} has fewer than two
     */
    public InvalidTopologyException(String headline, List<String> refusals) {
        super(headlined(headline, refusals));
        this.refusals = List.copyOf(refusals);
    }

    private static String headlined(String headline, List<String> refusals) {
        if (refusals.size() < 2) {
            throw new IllegalArgumentException("a headline is for two refusals or more, not " + refusals.size());
        }
        return headline + "\n" + String.join("\n", refusals);
    }

    /** The refusals, one line each, in the order shown: one for a refusal alone. */
    public List<String> refusals() {
        return refusals;
    }

    private static String message(List<String> groups, List<String> refusals) {
        if (refusals.isEmpty() || groups.isEmpty()) {
            throw new IllegalArgumentException("an invalid topology needs at least one refusal, about one group of settings");
        }
        if (refusals.size() == 1) {
            return refusals.get(0);
        }
        return refusals.size() + " mistakes in the " + String.join(" and ", groups) + " settings:\n"
                + String.join("\n", refusals);
    }
}

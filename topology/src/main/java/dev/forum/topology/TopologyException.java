package dev.forum.topology;

import java.util.List;
import java.util.Optional;

/**
 * A topology that cannot be used. Each mistake is one line that says where and what to fix
 * ({@code <source>:<line>: <what to fix>}); with several, the message is a first line counting them
 * ({@code 3 mistakes in topology.yml:}) and then one line per mistake, in the file's order.
 */
public final class TopologyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> mistakes;

    private final transient TopologySpec readRight;

    private final transient List<ServiceOutline> outlines;

    private final boolean monolithKnown;

    /**
     * One mistake.
     *
     * @param message the mistake, one line; it is the exception's message as given
     */
    public TopologyException(String message) {
        super(message);
        this.mistakes = List.of(message);
        this.readRight = null;
        this.outlines = List.of();
        this.monolithKnown = false;
    }

    /**
     * Every mistake found in one file.
     *
     * @param source   the file's name, for the first line when there are several
     * @param mistakes one line each, at least one, in the order to show them
     * @throws IllegalArgumentException when {@code mistakes} is empty
     */
    public TopologyException(String source, List<String> mistakes) {
        this(source, mistakes, null, List.of(), false);
    }

    /**
     * Every mistake found in one file, with what of it was read right.
     *
     * @param source    the file's name, for the first line when there are several
     * @param mistakes  one line each, at least one, in the order to show them
     * @param readRight the file without its services that hold a mistake ({@link #readRight}), or null
     * @param outlines  the readable parts of every named service of the file ({@link #outlines}), in its order
     * @param monolithKnown whether the outlines tell whether the file has a monolith ({@link #monolithKnown})
     * @throws IllegalArgumentException when {@code mistakes} is empty
     */
    public TopologyException(String source, List<String> mistakes, TopologySpec readRight,
            List<ServiceOutline> outlines, boolean monolithKnown) {
        super(message(source, mistakes));
        this.mistakes = List.copyOf(mistakes);
        this.readRight = readRight;
        this.outlines = List.copyOf(outlines);
        this.monolithKnown = monolithKnown;
    }

    /**
     * The file's services that were read without a mistake (the name, edge and database the defaults where those hold
     * one), so that the checks that need a service read right can still run on them in the same build; empty when the
     * file is no topology at all (not YAML, empty, not a mapping) or the mistakes are of the checks across services.
     */
    public Optional<TopologySpec> readRight() {
        return Optional.ofNullable(readRight);
    }

    /**
     * Every service of the file that has a name, with the parts that could be read (its modules, whether it is the
     * monolith), also when another of its fields is wrong: the checks across services ({@link CrossServiceChecks}) run
     * on these, so that a service's own mistake does not hide its unknown module. Empty when {@link #readRight} is.
     */
    public List<ServiceOutline> outlines() {
        return outlines;
    }

    /**
     * Whether every service of the file has a readable {@code monolith:} (written right, or left out: not the monolith)
     * and each that is the monolith has a name, so that {@link #outlines} tell whether the file has a monolith although
     * some service holds another mistake: the {@code complete} of {@link CrossServiceChecks#mistakes}. A service without
     * a name that is not the monolith leaves it true. False when a service has a wrong or misspelt {@code monolith:}, an
     * unknown key and no {@code monolith:}, is no mapping, is the monolith without a name, or the file has no readable
     * services list.
     */
    public boolean monolithKnown() {
        return monolithKnown;
    }

    /** The mistakes, one line each, in the order shown: one for a mistake alone. */
    public List<String> mistakes() {
        return mistakes;
    }

    private static String message(String source, List<String> mistakes) {
        if (mistakes.isEmpty()) {
            throw new IllegalArgumentException("a topology exception needs at least one mistake");
        }
        if (mistakes.size() == 1) {
            return mistakes.get(0);
        }
        return mistakes.size() + " mistakes in " + source + ":\n" + String.join("\n", mistakes);
    }
}

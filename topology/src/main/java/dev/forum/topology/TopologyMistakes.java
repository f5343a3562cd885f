package dev.forum.topology;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The mistakes found in one topology file, collected so that one build reports them all instead of the first alone.
 * Each is one line, {@code <source>:<line>: <what to fix>}, or {@code <source>: <what to fix>} for the file as a whole;
 * {@link #throwIfAny} reports them sorted by line (the file as a whole first, mistakes on one line in the order found).
 */
final class TopologyMistakes {

    private record Mistake(int line, String text) {
    }

    private final String source;
    private final List<Mistake> found = new ArrayList<>();

    /** @param source the file's name in messages */
    TopologyMistakes(String source) {
        this.source = source;
    }

    /**
     * Records a mistake at a line.
     *
     * @param line    the line in the file, from 1
     * @param message what to fix, without the source and line
     */
    void add(int line, String message) {
        found.add(new Mistake(line, source + ":" + line + ": " + message));
    }

    /**
     * Records a mistake of the file as a whole (no line to point at).
     *
     * @param message what to fix, without the source
     */
    void addToFile(String message) {
        found.add(new Mistake(0, source + ": " + message));
    }

    /** How many mistakes are recorded so far: a reader compares it before and after a part to see if that part had one. */
    int count() {
        return found.size();
    }

    /**
     * Does nothing when no mistake is recorded.
     *
     * @throws TopologyException with every mistake recorded, sorted by line; one mistake alone is its own message
     */
    void throwIfAny() {
        throwIfAny(null, List.of(), false);
    }

    /**
     * As {@link #throwIfAny()}, the exception carrying what was read right ({@link TopologyException#readRight}) and
     * the readable parts of every named service ({@link TopologyException#outlines}).
     *
     * @param readRight the file without its services that hold a mistake, or null
     * @param outlines  every service of the file that has a name, in the file's order
     * @param monolithKnown whether the outlines tell whether the file has a monolith
     *                  ({@link TopologyException#monolithKnown})
     */
    void throwIfAny(TopologySpec readRight, List<ServiceOutline> outlines, boolean monolithKnown) {
        if (found.isEmpty()) {
            return;
        }
        throw new TopologyException(source, found.stream().sorted(Comparator.comparingInt(Mistake::line))
                .map(Mistake::text).toList(), readRight, outlines, monolithKnown);
    }
}

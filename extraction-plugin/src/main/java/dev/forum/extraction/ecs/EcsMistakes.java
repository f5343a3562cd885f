package dev.forum.extraction.ecs;

import dev.forum.extraction.model.ExtractionException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The problems found in one topology's deployment on ECS, collected so that one build reports them all instead of the
 * first alone: the shape of the topology module's own {@code TopologyMistakes} (which is not visible here). Each is one
 * line, {@code <source>:<line>: <service>: <what to fix>}; {@link #throwIfAny} reports them sorted by line (the
 * problems of one line in the order found).
 */
final class EcsMistakes {

    private record Mistake(int line, String text) {
    }

    private final String source;
    private final List<Mistake> found = new ArrayList<>();

    /** @param source the topology file's name in messages */
    EcsMistakes(String source) {
        this.source = source;
    }

    /**
     * Records a problem of a service, or of a section of the file.
     *
     * @param line    the service's (or the section's) line in the file, from 1
     * @param service the service's name, or the section's key ({@code database})
     * @param message what to fix, without the source, line and service
     */
    void add(int line, String service, String message) {
        found.add(new Mistake(line, source + ":" + line + ": " + service + ": " + message));
    }

    /** Every problem recorded, one line each, sorted by line (those of one line in the order found); empty when none. */
    List<String> lines() {
        return found.stream().sorted(Comparator.comparingInt(Mistake::line)).map(Mistake::text).toList();
    }

    /**
     * Does nothing when no problem is recorded.
     *
     * @throws ExtractionException with every problem recorded, one line each, sorted by line; one problem alone is its
     *                             own message, several are counted in the failure's summary
     */
    void throwIfAny() {
        if (found.isEmpty()) {
            return;
        }
        List<String> lines = lines();
        throw new ExtractionException(lines, lines.size() + " problems in the ECS deployment of " + source
                + ", one per [extract] line above: fix each before the stacks can be rendered");
    }
}

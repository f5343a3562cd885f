package dev.forum.extraction.maven;

import dev.forum.extraction.model.ExtractionException;
import dev.forum.topology.TopologyCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The ecs goal's refusals gathered over one run (the topology file's mistakes, its ECS deployment's, the settings'),
 * so that a user learns every mistake at once instead of one group per run.
 */
final class EcsRefusals {

    private EcsRefusals() {
    }

    /** The check's value; when it refuses, its lines go to {@code refused} and {@code otherwise} stands in. */
    static <T> T kept(Supplier<T> check, T otherwise, List<String> refused) {
        try {
            return check.get();
        } catch (ExtractionException e) {
            refused.addAll(e.lines());
            return otherwise;
        }
    }

    /**
     * Everything refused in one run: the topology file's mistakes alone as the service goal refuses them
     * ({@link TopologyLocation#read}); with its ECS deployment's or the settings', one line each (the file's and the
     * deployment's in the file's order, then the settings') and a line counting them.
     *
     * @param reading    the topology file read, with its mistakes
     * @param deployment the ECS deployment's mistakes of the file ({@code EcsRenderer.mistakes})
     * @param settings   the settings' refusals, one line each
     * @return the refusal to throw; at least one of the three must hold a line
     */
    static ExtractionException of(TopologyLocation.Reading reading, List<String> deployment, List<String> settings) {
        if (deployment.isEmpty() && settings.isEmpty()) {
            return reading.refusal(List.of(reading.message()), null);
        }
        List<String> lines = new ArrayList<>(TopologyCheck.byLine(reading.source(),
                Stream.concat(reading.mistakes().stream(), deployment.stream()).toList()));
        lines.addAll(settings);
        return reading.refusal(lines, lines.size() + " problems in the ECS deployment of " + reading.source()
                + (settings.isEmpty() ? "" : " and in the ecs goal's settings")
                + ", one per [extract] line above: fix each before the stacks can be rendered");
    }
}

package dev.forum.extraction.assemble;

import dev.forum.extraction.model.ScannedArtifact;
import dev.forum.extraction.model.ServicePlan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** contents.txt: what a service holds and what it leaves out, and why, for reviews and diffs. */
public final class ContentsReport {

    private ContentsReport() {
    }

    public static void write(ServicePlan plan, Path file) throws IOException {
        StringBuilder text = new StringBuilder();
        text.append("service: ").append(plan.service()).append('\n');
        text.append("modules: ").append(String.join(", ", plan.request().modules())).append('\n');
        text.append("calls (API only, over HTTP): ")
                .append(plan.calls().isEmpty() ? "none" : String.join(", ", plan.calls())).append('\n');
        append(text, "included", plan.included());
        append(text, "excluded", plan.excluded());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static void append(StringBuilder text, String title, Map<ScannedArtifact, String> artifacts) {
        text.append('\n').append(title).append(" (").append(artifacts.size()).append("):\n");
        artifacts.forEach((artifact, why) -> text.append("  ").append(artifact.name()).append("  [").append(why)
                .append("]\n"));
    }
}

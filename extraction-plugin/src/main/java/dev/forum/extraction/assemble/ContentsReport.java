package dev.forum.extraction.assemble;

import dev.forum.extraction.model.ScannedArtifact;
import dev.forum.extraction.model.ServicePlan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** contents.txt: what a service holds and what it leaves out, and why, for reviews and diffs. */
public final class ContentsReport {

    private ContentsReport() {
    }

    /** Writes the plan's service, modules, calls, HTTP contracts and artifacts (included, then excluded) to {@code file}. */
    public static void write(ServicePlan plan, Path file) throws IOException {
        StringBuilder text = new StringBuilder();
        text.append("service: ").append(plan.service()).append('\n');
        text.append("modules: ").append(String.join(", ", plan.request().modules())).append('\n');
        text.append("runs everywhere too: ").append(plan.modules().stream().filter(m -> !plan.request().modules().contains(m))
                .sorted().reduce((a, b) -> a + ", " + b).orElse("none")).append('\n');
        text.append("calls (API only, over HTTP): ")
                .append(plan.calls().isEmpty() ? "none" : String.join(", ", plan.calls())).append('\n');
        text.append("remote clients (HTTP contracts): ");
        text.append(plan.remoteContracts().isEmpty() ? "none" : String.join(", ", new TreeMap<>(plan.remoteContracts()).entrySet()
                .stream().map(e -> e.getKey() + " (" + e.getValue() + ")").toList())).append('\n');
        append(text, "included", plan.included(), plan);
        append(text, "excluded", plan.excluded(), plan);
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static void append(StringBuilder text, String title, Map<ScannedArtifact, String> artifacts, ServicePlan plan) {
        text.append('\n').append(title).append(" (").append(artifacts.size()).append("):\n");
        artifacts.forEach((artifact, why) -> text.append("  ").append(artifact.name()).append("  [").append(why)
                .append(plan.filtered().contains(artifact) ? "; filtered" : "").append("]\n"));
    }
}

package dev.forum.extraction.assemble;

import dev.forum.extraction.model.LibraryCounts;
import dev.forum.extraction.model.ScannedArtifact;
import dev.forum.extraction.model.ServicePlan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * contents.txt: what a service holds and what it leaves out, and why, for reviews and diffs: the service, its modules,
 * the modules it calls over HTTP and their HTTP contracts, the modules whose published types it holds (called or only
 * used: their classes are copied into the jar), the count of its libraries ({@link LibraryCounts}: the same line the
 * build logs), the application's classes folder, the libraries it includes, excludes and Spring Boot does not pack
 * (each with why; the three lists add up to the libraries resolved), and every application class it leaves out with
 * its module.
 */
public final class ContentsReport {

    private ContentsReport() {
    }

    /**
     * Writes the plan's service, modules, calls over HTTP, HTTP contracts, published types used, library counts, libraries (included, excluded, not
     * packed) and the application classes left out to {@code file} (UTF-8).
     *
     * @param classes   the application's classes folder (listed on its own line, no library)
     * @param notPacked the run-time libraries Spring Boot's repackaging leaves out, each with why
     */
    public static void write(ServicePlan plan, Path classes, Map<String, String> notPacked, Path file) throws IOException {
        LibraryCounts counts = LibraryCounts.of(plan, classes, notPacked);
        StringBuilder text = new StringBuilder();
        text.append("service: ").append(plan.service()).append('\n');
        text.append("modules: ").append(String.join(", ", plan.request().modules())).append('\n');
        text.append("runs everywhere too: ").append(plan.modules().stream().filter(m -> !plan.request().modules().contains(m))
                .sorted().reduce((a, b) -> a + ", " + b).orElse("none")).append('\n');
        text.append("calls over HTTP: ").append(list(plan.callsOverHttp())).append('\n');
        text.append("remote clients (HTTP contracts): ");
        text.append(plan.remoteContracts().isEmpty() ? "none" : String.join(", ", new TreeMap<>(plan.remoteContracts()).entrySet()
                .stream().map(e -> e.getKey() + " (" + e.getValue() + ")").toList())).append('\n');
        text.append("uses the published types of: ").append(list(plan.publishedTypesOf()))
                .append(plan.publishedTypesOf().isEmpty() ? "" : " (their classes are in the jar; the modules run elsewhere)")
                .append('\n');
        text.append("libraries: ").append(counts.describe()).append('\n');
        plan.included().forEach((artifact, why) -> {
            if (artifact.location().equals(classes)) {
                text.append("application classes: ").append(artifact.name()).append("  [").append(why)
                        .append(plan.filtered().contains(artifact) ? "; filtered" : "").append("]\n");
            }
        });
        Map<ScannedArtifact, String> included = new LinkedHashMap<>(plan.included());
        included.keySet().removeIf(artifact -> artifact.location().equals(classes));
        append(text, "included (" + counts.included() + ")", included, plan);
        append(text, "excluded (" + counts.excluded() + ")", plan.excluded(), plan);
        text.append('\n').append("not packed (").append(counts.notPacked()).append("):\n");
        new TreeMap<>(notPacked).forEach((name, why) -> text.append("  ").append(name).append("  [").append(why).append("]\n"));
        text.append('\n').append("application classes left out (").append(plan.leftOut().size()).append("):\n");
        plan.leftOut().forEach((type, module) -> text.append("  ").append(type).append("  [").append(module).append("]\n"));
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static String list(java.util.List<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    private static void append(StringBuilder text, String title, Map<ScannedArtifact, String> artifacts, ServicePlan plan) {
        text.append('\n').append(title).append(":\n");
        artifacts.forEach((artifact, why) -> text.append("  ").append(artifact.name()).append("  [").append(why)
                .append(plan.filtered().contains(artifact) ? "; filtered" : "").append("]\n"));
    }
}

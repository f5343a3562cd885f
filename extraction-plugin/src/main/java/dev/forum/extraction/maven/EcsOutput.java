package dev.forum.extraction.maven;

import dev.forum.extraction.ecs.EcsSettings;
import dev.forum.topology.Topology;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;

/**
 * The ecs goal's output folder: emptied, then filled with the rendered files ({@code deploy.sh} executable), so that a
 * service dropped from the topology leaves no stale template behind; and the line that says what it holds.
 */
final class EcsOutput {

    private EcsOutput() {
    }

    /**
     * Replaces the folder's contents with {@code files}.
     *
     * @param out   the folder, created when missing
     * @param files relative, '/'-separated name to content
     */
    static void write(Path out, Map<String, String> files) throws IOException {
        clean(out);
        for (Map.Entry<String, String> entry : files.entrySet()) {
            Path target = out.resolve(entry.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, entry.getValue(), StandardCharsets.UTF_8);
            if (entry.getKey().endsWith(".sh")) {
                try {
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                } catch (UnsupportedOperationException e) {
                    target.toFile().setExecutable(true);
                }
            }
        }
    }

    /**
     * The one line that says what was rendered: the topology file and the folder (relative to the Maven module's
     * folder), how many files, the stacks' templates and each routing rule (priority, patterns, targets and weights),
     * and the time taken. No errors.
     *
     * @param basedir  the Maven module's folder
     * @param topology the topology file rendered
     * @param out      the folder written
     * @param files    what {@link #write} wrote
     * @param rendered the topology rendered (without the services left out)
     * @param settings the settings rendered with: the rules' patterns are shown under its context path
     * @param seconds  how long the goal took
     */
    static String summary(Path basedir, Path topology, Path out, Map<String, String> files, Topology rendered,
            EcsSettings settings, double seconds) {
        return String.format(Locale.ROOT, "[extract] ecs: %s -> %s: %d files (stacks %s; rules %s) in %.1f s",
                DeployPaths.slashes(basedir.relativize(topology.toAbsolutePath())),
                DeployPaths.slashes(basedir.relativize(out.toAbsolutePath())), files.size(),
                String.join(", ", files.keySet().stream().filter(f -> !f.contains("/") && f.endsWith(".json")).toList()),
                rendered.routingRules().isEmpty() ? "none" : String.join(", ", rendered.routingRules().stream()
                        .map(r -> r.priority() + " " + r.patterns().stream().map(p -> settings.routed(p.pattern())).toList()
                                + " " + r.targets().stream()
                                .map(t -> t.service() + " " + t.weight()).toList()).toList()),
                seconds);
    }

    private static void clean(Path out) throws IOException {
        if (Files.isDirectory(out)) {
            try (var files = Files.walk(out)) {
                for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(out);
    }
}

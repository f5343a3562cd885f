package dev.forum.extraction.maven;

import dev.forum.extraction.image.ImageLayout;
import dev.forum.extraction.image.ServiceImage;
import dev.forum.extraction.model.ModulithModel;
import dev.forum.extraction.model.ScannedArtifact;
import dev.forum.extraction.model.ServicePlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.maven.plugin.logging.Log;

/** One line per step with sizes and times, so a slow or surprising build shows where. */
final class Progress {

    private final Log log;
    private final Path baseDirectory;
    private long stepStart = System.nanoTime();

    Progress(Log log, Path baseDirectory) {
        this.log = log;
        this.baseDirectory = baseDirectory;
    }

    /** A warning line: what the goal assumed about the application (e.g. its modules without Spring Modulith). */
    void assumed(String line) {
        log.warn("[extract] " + line);
    }

    void resolved(List<RuntimeLibraries.Entry> libraries) {
        long bytes = libraries.stream().mapToLong(e -> size(e.file())).sum();
        log.info(String.format(Locale.ROOT, "[extract] resolve: %d runtime libraries (%s) in %s",
                libraries.size(), megabytes(bytes), seconds(stepStart)));
        stepStart = System.nanoTime();
    }

    void analyzed(ModulithModel model, Path java, List<ScannedArtifact> scanned) {
        int classes = scanned.stream().mapToInt(a -> a.classes().size()).sum();
        log.info(String.format(Locale.ROOT, "[extract] modules (Spring Modulith %s on Java %s, %s): %s; application classes read"
                + " in %d artifacts (%d classes) in %s", model.springModulith(), model.java(), java, modules(model),
                scanned.stream().filter(a -> !a.classes().isEmpty()).count(), classes, seconds(stepStart)));
        stepStart = System.nanoTime();
    }

    /** The modules as the analysis line names them ({@code posts, platform (open)}), or {@code no modules}. */
    static String modules(ModulithModel model) {
        if (model.modules().isEmpty()) {
            return "no modules";
        }
        return model.modules().stream().map(m -> m.name() + (m.open() ? " (open)" : m.shared() ? " (shared)" : ""))
                .collect(Collectors.joining(", "));
    }

    void assembled(ServicePlan plan, List<Path> libraries, Path jar, long start) {
        long bytes = libraries.stream().mapToLong(Progress::size).sum();
        log.info(String.format(Locale.ROOT, "[extract] %s: modules %s, calls %s, %d libraries (%s) -> %s (%s) in %s",
                plan.service(), String.join(", ", plan.request().modules()),
                plan.calls().isEmpty() ? "none" : String.join(", ", plan.calls()), libraries.size(),
                megabytes(bytes), baseDirectory.relativize(jar), megabytes(size(jar)), seconds(start)));
    }

    void imaged(ServicePlan plan, String base, ImageLayout layout, String target, ServiceImage.Built built, long start) {
        String layers = layout.layers().stream().map(l -> l.name() + " " + bytes(l.bytes()))
                .collect(Collectors.joining(", "));
        log.info(String.format(Locale.ROOT, "[extract] %s image: base %s, %d layers (%s) -> %s %s in %s", plan.service(),
                base, layout.layers().size(), layers, target, built.digest(), seconds(start)));
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }

    /** KB below 100 KB, so that a small layer does not read as 0.0 MB. */
    private static String bytes(long bytes) {
        return bytes < 100_000 ? String.format(Locale.ROOT, "%d KB", (bytes + 999) / 1000) : megabytes(bytes);
    }

    private static String seconds(long startNanos) {
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }
}

package dev.forum.extraction.maven;

import dev.forum.extraction.image.ImageLayout;
import dev.forum.extraction.image.ServiceImage;
import dev.forum.extraction.model.LibraryCounts;
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

    /** The libraries resolved: how many, and how many of them Spring Boot's repackaging packs and leaves out. */
    void resolved(List<RuntimeLibraries.Entry> libraries) {
        log.info(resolvedLine(libraries, seconds(stepStart)));
        stepStart = System.nanoTime();
    }

    /** {@code [extract] resolve: 126 runtime libraries (40.1 MB; Spring Boot's repackaging packs 122, leaves out 4) in 0.1 s}. */
    static String resolvedLine(List<RuntimeLibraries.Entry> libraries, String time) {
        long bytes = libraries.stream().filter(e -> Files.isRegularFile(e.file())).mapToLong(e -> size(e.file())).sum();
        long packed = libraries.stream().filter(RuntimeLibraries.Entry::packed).count();
        return String.format(Locale.ROOT, "[extract] resolve: %d runtime %s (%s; Spring Boot's repackaging packs %d, leaves"
                + " out %d) in %s", libraries.size(), libraries.size() == 1 ? "library" : "libraries", bytes(bytes),
                packed, libraries.size() - packed, time);
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

    /**
     * The service's jar: its modules, the modules it calls over HTTP and those whose published types only it uses, its
     * libraries as {@link LibraryCounts#describe()} counts them
     * (the same sum as the resolve line's total and {@code contents.txt}), and the jar's size.
     */
    void assembled(ServicePlan plan, LibraryCounts counts, List<Path> libraries, Path jar, long start) {
        log.info(assembledLine(plan, counts, libraries, baseDirectory.relativize(jar) + " (" + megabytes(size(jar)) + ")",
                seconds(start)));
    }

    /**
     * {@code [extract] posts: modules posts, calls threads, users over HTTP; 126 runtime libraries = 118 included (...) + ...,
     * 38.7 MB of libraries in the jar -> target/services/posts/posts.jar (39.0 MB) in 2.1 s}.
     *
     * @param libraries the jars the service holds, whose size is given
     */
    static String assembledLine(ServicePlan plan, LibraryCounts counts, List<Path> libraries, String jar, String time) {
        if (libraries.size() != counts.included()) {
            throw new IllegalStateException(libraries.size() + " jars for " + counts.included() + " included libraries");
        }
        long bytes = libraries.stream().mapToLong(Progress::size).sum();
        String typesOnly = plan.typesOnly().isEmpty() ? "" : ", uses only the published types of " + String.join(", ", plan.typesOnly());
        return String.format(Locale.ROOT, "[extract] %s: modules %s, calls %s over HTTP%s; %s; %s of libraries in the jar -> %s in %s",
                plan.service(), String.join(", ", plan.request().modules()),
                plan.callsOverHttp().isEmpty() ? "none" : String.join(", ", plan.callsOverHttp()), typesOnly, counts.describe(),
                bytes(bytes), jar, time);
    }

    void imaged(ServicePlan plan, String base, ImageLayout layout, String target, ServiceImage.Built built, long start) {
        String layers = layers(layout);
        log.info(String.format(Locale.ROOT, "[extract] %s image: base %s, %d layers (%s) -> %s %s in %s", plan.service(),
                base, layout.layers().size(), layers, target, built.digest(), seconds(start)));
    }

    /**
     * The image's layers with their sizes, the two layers of jars with their count too ({@code libs 110 jars 38.6 MB,
     * ..., modules 8 jars 0.2 MB}): the third-party and the application's libraries of {@link LibraryCounts}.
     */
    static String layers(ImageLayout layout) {
        return layout.layers().stream().map(l -> l.name() + (JAR_LAYERS.contains(l.name()) ? " " + l.files().size()
                + (l.files().size() == 1 ? " jar " : " jars ") : " ") + bytes(l.bytes())).collect(Collectors.joining(", "));
    }

    private static final java.util.Set<String> JAR_LAYERS = java.util.Set.of("libs", "modules");

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

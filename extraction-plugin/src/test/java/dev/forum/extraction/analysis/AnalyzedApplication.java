package dev.forum.extraction.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.forum.extraction.model.ModulithModel;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Test fixture: a small Spring application written and compiled here, and the analyzer run on it in a JVM of its own
 * ({@link AnalysisFork}), as the plugin runs it, with the test's class path (Spring, Spring Modulith, ArchUnit and the
 * analyzer) beside the application's classes. Registered as a test class's extension
 * ({@code @RegisterExtension static final AnalyzedApplication}), it compiles and analyses once before the class's
 * tests, in a temporary folder deleted after them, and gives them the {@link #model()}.
 */
public final class AnalyzedApplication implements BeforeAllCallback, AfterAllCallback {

    /** The annotation the analyzer takes for an HTTP contract, the plugin's default {@code extract.routeAnnotation}. */
    static final String HTTP_EXCHANGE = "org.springframework.web.service.annotation.HttpExchange";

    private final Map<String, String> sources;
    private final String mainClass;
    private Path dir;
    private ModulithModel model;

    /**
     * The application to analyse before the test class's tests.
     *
     * @param sources   each source's path under {@code src/} to its Java text
     * @param mainClass the application's class annotated {@code @Modulithic} or {@code @SpringBootApplication}
     */
    public AnalyzedApplication(Map<String, String> sources, String mainClass) {
        this.sources = sources;
        this.mainClass = mainClass;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException, InterruptedException {
        dir = Files.createTempDirectory("analyzed-application");
        model = analyse(dir, sources, mainClass);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (dir == null) {
            return; // beforeAll failed before it made the folder: JUnit reports that failure, nothing to delete
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** The folder of the application's compiled classes (for a test that loads them, as the run time would). */
    public Path classes() {
        return dir.resolve("classes");
    }

    /** Spring Modulith's model of the application, as the analyzer brought it back before the tests. */
    public ModulithModel model() {
        return model;
    }

    /**
     * Compiles {@code sources} and runs the analyzer on them.
     *
     * @param dir       a folder of the test's own: the sources, classes and the analyzer's work folder go under it
     * @param sources   each source's path under {@code src/} to its Java text
     * @param mainClass the application's class annotated {@code @Modulithic} or {@code @SpringBootApplication}
     * @return Spring Modulith's model of the application, as the analyzer brings it back
     * @throws dev.forum.extraction.model.ExtractionException as {@link AnalysisFork#run}: a model it cannot read
     */
    static ModulithModel analyse(Path dir, Map<String, String> sources, String mainClass)
            throws IOException, InterruptedException {
        return AnalysisFork.run(request(dir, compile(dir, sources), mainClass));
    }

    /**
     * The analyzer's request for {@code classes} (then the test class path), with this JVM's {@code java}, the
     * {@link #HTTP_EXCHANGE} contracts, {@code dir/work} as its work folder and two minutes to answer.
     */
    static AnalysisFork.Request request(Path dir, Path classes, String mainClass) throws IOException {
        List<Path> classpath = new ArrayList<>(List.of(classes));
        classpath.addAll(testClasspath());
        return new AnalysisFork.Request(Path.of(System.getProperty("java.home"), "bin", "java"), classpath, mainClass,
                HTTP_EXCHANGE, dir.resolve("work"), Duration.ofMinutes(2));
    }

    /**
     * Compiles {@code sources} (path under {@code src/} to Java source) against the test class path into
     * {@code dir/classes}, asserting javac succeeds.
     *
     * @return the classes' folder
     */
    static Path compile(Path dir, Map<String, String> sources) throws IOException {
        Path classes = dir.resolve("classes");
        List<String> args = new ArrayList<>(List.of("--release", "17", "-proc:none", "-cp", String.join(File.pathSeparator,
                testClasspath().stream().map(Path::toString).toList()), "-d", classes.toString()));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = dir.resolve("src").resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            args.add(file.toString());
        }
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new)));
        return classes;
    }

    /** The test's class path: Spring, Spring Modulith, ArchUnit and the analyzer (surefire may pass it in a manifest). */
    static List<Path> testClasspath() throws IOException {
        List<Path> entries = new ArrayList<>(Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of).toList());
        if (entries.size() == 1 && entries.get(0).toString().endsWith(".jar")) {
            try (JarFile booter = new JarFile(entries.get(0).toFile())) {
                String manifestPath = booter.getManifest().getMainAttributes().getValue("Class-Path");
                if (manifestPath != null) {
                    entries = Arrays.stream(manifestPath.split(" ")).filter(s -> !s.isBlank())
                            .map(url -> Path.of(java.net.URI.create(url))).toList();
                }
            }
        }
        return entries;
    }
}

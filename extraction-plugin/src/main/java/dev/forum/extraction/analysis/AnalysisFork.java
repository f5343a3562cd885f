package dev.forum.extraction.analysis;

import dev.forum.extraction.analyzer.ModulithAnalyzer;
import dev.forum.extraction.model.ExtractionException;
import dev.forum.extraction.model.ModulithModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs {@link ModulithAnalyzer} in a JVM of its own: the application's JDK, the application's class path (with
 * Spring Modulith's core and ArchUnit), so the plugin never loads the application's classes into Maven's JVM and
 * reads class files of any Java version the application's JDK reads.
 */
public final class AnalysisFork {

    /**
     * @param java            the {@code java} launcher of the application's JDK
     * @param classpath       the application's classes and libraries, then Spring Modulith's core and the analyzer
     * @param mainClass       the application class whose package is Spring Modulith's root
     * @param launchClass     the class the service jars start (their {@code Start-Class}): only its {@code main}
     *                        counts as code every service runs (the analyzer's {@code OutsideBeanUses})
     * @param routeAnnotation the HTTP contract annotation whose {@code url}/{@code value} is a route prefix
     * @param workDirectory   where the argument file, the JSON ({@code modules.json}) and the log ({@code analysis.log}) go
     * @param timeout         how long the analysis may take before it is stopped
     */
    public record Request(Path java, List<Path> classpath, String mainClass, String launchClass, String routeAnnotation,
            Path workDirectory, Duration timeout) {

        /** A request for an application whose application class is its launch class (it declares the main method). */
        public Request(Path java, List<Path> classpath, String mainClass, String routeAnnotation, Path workDirectory,
                Duration timeout) {
            this(java, classpath, mainClass, mainClass, routeAnnotation, workDirectory, timeout);
        }
    }

    /** The system property the analyzer's {@code OutsideBeanUses} reads the launch class from. */
    private static final String LAUNCH_CLASS = "extraction.launchClass";

    private AnalysisFork() {
    }

    /**
     * @return the model read from the JSON the analyzer wrote
     * @throws ExtractionException (one line) when Spring Modulith refuses the application, the analysis fails or
     *                             takes longer than the timeout
     */
    public static ModulithModel run(Request request) throws IOException, InterruptedException {
        Files.createDirectories(request.workDirectory());
        Path json = request.workDirectory().resolve("modules.json");
        Path log = request.workDirectory().resolve("analysis.log");
        Path arguments = request.workDirectory().resolve("analysis.args");
        Files.deleteIfExists(json);
        // An argument file: a class path of a few hundred jars is longer than some systems' command lines.
        Files.writeString(arguments, String.join("\n", "-XX:TieredStopAtLevel=1",
                quote("-D" + LAUNCH_CLASS + "=" + request.launchClass()), "-cp",
                quote(request.classpath().stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator))),
                ModulithAnalyzer.class.getName(), quote(request.mainClass()), quote(request.routeAnnotation()),
                quote(json.toString())) + "\n", StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(request.java().toString(), "@" + arguments)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(request.timeout().toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new ExtractionException("The module analysis did not end within " + request.timeout().toSeconds()
                    + " s (log: " + log + "): is the application very large, or its class path broken?");
        }
        if (Files.isRegularFile(json)) {
            return ModelJson.read(json);
        }
        throw new ExtractionException("The module analysis failed (exit " + process.exitValue() + ") on " + request.java()
                + ": see " + log);
    }

    /** A token of a java argument file: in double quotes, with backslashes and quotes escaped. */
    static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}

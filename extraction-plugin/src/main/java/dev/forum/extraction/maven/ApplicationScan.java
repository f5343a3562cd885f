package dev.forum.extraction.maven;

import dev.forum.extraction.model.ApplicationModules;
import dev.forum.extraction.model.ExtractionException;
import dev.forum.extraction.model.ScannedArtifact;
import dev.forum.extraction.scan.BytecodeScanner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.project.MavenProject;

/** Reads the application's classes and runtime jars (bytecode only) into its modules. */
final class ApplicationScan {

    final Path classes;
    final List<RuntimeLibraries.Entry> libraries;
    final List<ScannedArtifact> scanned;
    final ApplicationModules app;

    private ApplicationScan(Path classes, List<RuntimeLibraries.Entry> libraries, List<ScannedArtifact> scanned,
            ApplicationModules app) {
        this.classes = classes;
        this.libraries = libraries;
        this.scanned = scanned;
        this.app = app;
    }

    static ApplicationScan of(MavenProject project, String mainClass, String moduleApiAnnotation, String routeAnnotation,
            Progress progress) {
        return of(project, mainClass, moduleApiAnnotation, routeAnnotation, progress, entry -> true);
    }

    /** Scans the application's classes and the libraries {@code scanned} accepts (the others are not read). */
    static ApplicationScan of(MavenProject project, String mainClass, String moduleApiAnnotation, String routeAnnotation,
            Progress progress, java.util.function.Predicate<RuntimeLibraries.Entry> scanned) {
        Path classes = Path.of(project.getBuild().getOutputDirectory());
        List<RuntimeLibraries.Entry> libraries = RuntimeLibraries.of(project, classes, mainClass);
        progress.resolved(libraries);
        BytecodeScanner scanner = new BytecodeScanner(moduleApiAnnotation, routeAnnotation);
        List<RuntimeLibraries.Entry> toScan = new ArrayList<>();
        toScan.add(new RuntimeLibraries.Entry(project.getId() + " (classes)", classes));
        libraries.stream().filter(scanned).forEach(toScan::add);
        // Reading ~20,000 classes is the slow step: use every core; the order of the list is kept.
        List<ScannedArtifact> artifacts = toScan.parallelStream().map(entry -> scan(scanner, entry)).toList();
        ApplicationModules app = ApplicationModules.of(artifacts);
        progress.scanned(artifacts, app);
        return new ApplicationScan(classes, libraries, artifacts, app);
    }

    private static ScannedArtifact scan(BytecodeScanner scanner, RuntimeLibraries.Entry entry) {
        try {
            return scanner.scan(entry.name(), entry.file());
        } catch (IOException e) {
            throw new ExtractionException("Cannot read " + entry.file() + " (" + e.getMessage() + "): rebuild it with `package`");
        }
    }
}

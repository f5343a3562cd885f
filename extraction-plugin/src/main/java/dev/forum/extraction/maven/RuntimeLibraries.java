package dev.forum.extraction.maven;

import dev.forum.extraction.model.ExtractionException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.project.MavenProject;

/** The project's runtime artifacts, each checked to be a jar the service can nest. */
final class RuntimeLibraries {

    /** A test run may have resolved more scopes: only these reach the runtime class path. */
    private static final Set<String> RUNTIME_SCOPES = Set.of(Artifact.SCOPE_COMPILE, Artifact.SCOPE_RUNTIME);

    record Entry(String name, Path file) {
    }

    private RuntimeLibraries() {
    }

    static List<Entry> of(MavenProject project, Path classes, String mainClass) {
        Path main = classes.resolve(mainClass.replace('.', '/') + ".class");
        if (!Files.isRegularFile(main)) {
            throw new ExtractionException("Main class " + mainClass + " is not in " + classes
                    + ": run `package` first, or fix <mainClass>");
        }
        return project.getArtifacts().stream()
                .filter(a -> RUNTIME_SCOPES.contains(a.getScope()))
                .map(RuntimeLibraries::entry)
                .toList();
    }

    private static Entry entry(Artifact artifact) {
        File file = artifact.getFile();
        if (file == null) {
            throw new ExtractionException("Artifact " + artifact + " is not resolved: run `package` (not just compile)");
        }
        if (file.isDirectory()) {
            throw new ExtractionException("Artifact " + artifact + " resolves to the folder " + file
                    + ", not a jar: run `package` so every module is a jar (e.g. ./mvnw package -Pextract=posts)");
        }
        if (!file.getName().endsWith(".jar")) {
            throw new ExtractionException("Artifact " + artifact + " is not a jar (" + file.getName()
                    + "): a service nests jars only; drop the dependency or change its type");
        }
        return new Entry(artifact.getId(), file.toPath());
    }
}

package dev.forum.extraction.maven;

import dev.forum.extraction.assemble.RuntimeMetadata;
import dev.forum.extraction.model.ModuleChecks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Writes the application's modules, as Spring Modulith's model has them, into its classes as
 * {@code META-INF/extraction/modules.properties}: the run-time library (extraction-runtime) reads it to know which
 * bean belongs to which module, each module's HTTP contracts, and what may not cross processes. Bound to
 * {@code process-classes}, so the application's tests, {@code spring-boot:run} and its jar all carry it; each service
 * jar carries its own (naming the modules it runs). With {@code -Dextract} (or {@code -Pextract=<name>}) it refuses an
 * unknown or blocked name already in this phase ({@link RequestingMojo#refuseEarly}), before the tests run.
 */
@Mojo(name = "modules", defaultPhase = LifecyclePhase.PROCESS_CLASSES, requiresDependencyResolution = ResolutionScope.TEST,
        threadSafe = true)
public class ModulesMojo extends RequestingMojo {

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        perform("write the module metadata", () -> {
            Progress progress = progress();
            ApplicationAnalysis analysis = analyse(false, progress);
            ModuleChecks.requireModules(analysis.model());
            if (!requestedNames().isEmpty()) {
                refuseEarly(analysis.model(), TopologyLocation.optional(topology, project, session, analysis.model(), getLog()),
                        analysis.scanned());
            }
            Path file = analysis.classes().resolve(RuntimeMetadata.LOCATION);
            Files.createDirectories(file.getParent());
            byte[] bytes = RuntimeMetadata.of(analysis.model(), List.of());
            if (!Files.isRegularFile(file) || !java.util.Arrays.equals(Files.readAllBytes(file), bytes)) {
                Files.write(file, bytes);
            }
            getLog().info("[extract] modules: " + project.getBasedir().toPath().relativize(file.toAbsolutePath()));
        });
    }
}

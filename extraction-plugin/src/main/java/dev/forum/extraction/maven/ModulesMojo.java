package dev.forum.extraction.maven;

import dev.forum.extraction.assemble.RuntimeMetadata;
import dev.forum.extraction.model.ExtractionException;
import dev.forum.extraction.model.ModuleChecks;
import dev.forum.extraction.request.ExtractRequests;
import dev.forum.topology.Topology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.model.Plugin;
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
 * jar carries its own (naming the modules it runs). It reads the topology file when there is one, refusing its
 * mistakes, and with {@code -Dextract} (or {@code -Pextract=<name>}) an unknown or blocked name, already in this phase
 * ({@link RequestingMojo#refuseEarly}), before the tests run; and, asked to extract, a build whose POMs run no service
 * goal, which would build nothing.
 */
@Mojo(name = "modules", defaultPhase = LifecyclePhase.PROCESS_CLASSES, requiresDependencyResolution = ResolutionScope.TEST,
        threadSafe = true)
public class ModulesMojo extends RequestingMojo {

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        perform("write the module metadata", () -> {
            if (skippedHere()) {
                return;
            }
            refuseWithoutServiceGoal();
            Progress progress = progress();
            ApplicationAnalysis analysis = analyse(false, progress);
            ModuleChecks.requireModules(analysis.model());
            ExtractRequests.modulesWithoutProfile(analysis.model().extractableModules(),
                    ExtractRequests.profileNames(declaredProfiles())).forEach(line -> getLog().warn("[extract] " + line));
            // The topology file's mistakes (an unknown module, ...) are refused here already, and so are the names requested.
            Topology topologyFile = TopologyLocation.optional(topology, project, session, analysis.model(), getLog(),
                    this::ecsChecksAhead);
            refuseEarly(analysis.model(), topologyFile, analysis.packed());
            Path file = analysis.classes().resolve(RuntimeMetadata.LOCATION);
            Files.createDirectories(file.getParent());
            byte[] bytes = RuntimeMetadata.of(analysis.model(), List.of());
            if (!Files.isRegularFile(file) || !java.util.Arrays.equals(Files.readAllBytes(file), bytes)) {
                Files.write(file, bytes);
            }
            getLog().info("[extract] modules: " + project.getBasedir().toPath().relativize(file.toAbsolutePath()));
        });
    }

    /**
     * Refuses {@code -Dextract} (or {@code -Pextract=}) in a build that runs {@code package} but has no execution of
     * the service goal, in one line naming the goal to add: it would pass with nothing built. The build's goals are
     * {@link TopologyInUse#tasks}: the command line's, else the POM's default goal.
     *
     * @throws ExtractionException the line, when names are requested and no POM of the build or goal of its tasks runs
     *                             the service goal
     */
    void refuseWithoutServiceGoal() {
        // Not Maven's plan (TopologyInUse#inUse): that is this project's, while the question here is whether any POM of
        // the reactor binds the service goal (an application may bind it in another module), a mistake in the POMs
        // to name whether or not it would run here; only the goals deciding whether package runs are the plan's.
        List<String> tasks = TopologyInUse.tasks(session);
        if (!PluginExecutions.packages(tasks)) {
            return; // compile extract:report -Dextract=<name> checks the names, and builds nothing in any build
        }
        var plugin = mojoExecution.getMojoDescriptor().getPluginDescriptor();
        List<List<Plugin>> plugins = new ArrayList<>();
        plugins.add(project.getBuildPlugins());
        session.getProjects().forEach(p -> plugins.add(p.getBuildPlugins()));
        boolean runs = PluginExecutions.runs(plugin.getGroupId(), plugin.getArtifactId(), plugin.getGoalPrefix(),
                PluginExecutions.SERVICE_GOAL, plugins, tasks);
        PluginExecutions.missingServiceGoal(requestedNames(), runs,
                PluginExecutions.boundGoals(plugin.getGroupId(), plugin.getArtifactId(), project.getBuildPlugins()),
                project.getBasedir().toPath().relativize(project.getFile().toPath().toAbsolutePath()).toString())
                .ifPresent(line -> {
                    throw new ExtractionException(line);
                });
    }
}

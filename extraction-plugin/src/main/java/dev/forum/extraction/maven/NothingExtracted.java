package dev.forum.extraction.maven;

import dev.forum.extraction.model.ExtractionException;
import java.util.List;
import org.apache.maven.execution.ProjectDependencyGraph;
import org.apache.maven.project.MavenProject;

/**
 * What the service goal says when no service is named ({@code -Dextract}, {@code -Pextract=}), and where. Bound in a
 * POM it runs on every build, where that is normal: one {@code [INFO]} line per build, said in the application's
 * project; bound in a parent POM's {@code <plugins>} every project of the build runs it, and a pom project or a
 * library of the application says nothing. Run from the command line ({@code mvn extract:service}) it was asked to
 * build something and has nothing to build: a refusal, so that the build does not end in a success that built nothing.
 */
final class NothingExtracted {

    /** How the INFO line and the refusal name what to set. */
    static final String HOW = "-Dextract=MODULE[,MODULE] (a module, or a service of the topology file; extract:report lists"
            + " the modules)";

    private NothingExtracted() {
    }

    /**
     * @param fromCommandLine whether this execution was named on the command line (Maven's {@code MojoExecution.Source.CLI})
     * @return the INFO line, when bound in the POM
     * @throws ExtractionException (one line) when run from the command line
     */
    static String line(boolean fromCommandLine) {
        if (fromCommandLine) {
            throw new ExtractionException("extract:service was run with no service to build: name one with " + HOW);
        }
        return "[extract] service: nothing extracted (no -Dextract); to build a service: " + HOW;
    }

    /**
     * Whether the bound goal says {@link #line} in {@code project}: it is an application ({@link ReactorPart#reason}: not
     * a pom project, not a library of another project of the build without a main class of its own), and no project this
     * run builds after it is an application that runs the goal too (an execution in its POM, its own or inherited). So
     * a build says it once, in its last application; a build of libraries alone ({@code -pl} without the application)
     * says nothing, having nothing to extract.
     *
     * @param project   the project the goal runs in
     * @param graph     the build ({@link WholeBuild}): its projects in build order ({@code getSortedProjects}) and which
     *                  uses which
     * @param plugin    this plugin, for its executions and the {@code mainClass} other projects' POMs give the goal
     * @param mainClass the goal's {@code mainClass} in {@code project}, or null
     */
    static boolean saidIn(MavenProject project, ProjectDependencyGraph graph, ReactorPart.PluginId plugin,
            String mainClass) {
        String goal = PluginExecutions.SERVICE_GOAL;
        if (ReactorPart.reason(project, graph, plugin, goal, mainClass).isPresent()) {
            return false;
        }
        List<MavenProject> built = graph.getSortedProjects();
        int at = built.indexOf(project);
        return built.subList(at + 1, built.size()).stream()
                .filter(later -> PluginExecutions.runs(plugin.groupId(), plugin.artifactId(), plugin.prefix(), goal,
                        List.of(later.getBuildPlugins()), List.of()))
                .noneMatch(later -> ReactorPart.reason(later, graph, plugin, goal,
                        ReactorPart.configuredMainClass(later, plugin, goal)).isEmpty());
    }
}

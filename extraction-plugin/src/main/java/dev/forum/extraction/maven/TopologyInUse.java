package dev.forum.extraction.maven;

import dev.forum.extraction.model.ExtractionException;
import dev.forum.topology.CrossServiceChecks;
import dev.forum.topology.ServiceOutline;
import dev.forum.topology.TopologyException;
import dev.forum.topology.TopologyFile;
import dev.forum.topology.TopologySpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/**
 * The topology file as the {@code check-request} goal sees it at {@code validate}, before anything compiles: whether
 * this build uses it ({@link #inUse}), and its own mistakes, those that need no module of the application
 * ({@link #written}). One rule for every build: a file in use is refused for them there, not by a later goal after
 * compiling; a file no goal of the build reads is left alone.
 */
final class TopologyInUse {

    private TopologyInUse() {
    }

    /**
     * A topology file read before the application's modules are known, every mistake of its own kept.
     *
     * @param source   the file as its messages name it
     * @param services every named service's readable parts, also of a service with a mistake of its own
     * @param mistakes the file's own mistakes, one line each in the file's order: what it says wrong in itself, and
     *                 the checks across its services that need no module of the application (a module in two
     *                 services, two monoliths, no monolith, two services with one name)
     * @param read     whether the file was read as a topology at all; false for a file that is empty, not YAML or not
     *                 a mapping, whose services are then unknown (not none)
     */
    record Written(String source, List<ServiceOutline> services, List<String> mistakes, boolean read) {

        /** The mistakes as one refusal, as {@link TopologyLocation#read} gives them: a line alone, or a line counting several. */
        ExtractionException refusal() {
            return new ExtractionException(new TopologyException(source, mistakes).getMessage());
        }
    }

    /**
     * The topology file as written, checked on its own before the application's modules are known (at
     * {@code validate}), when it is there; else null. Whatever of it needs the modules (an unknown module, one that
     * runs in every service) is checked later, by {@link TopologyLocation#check}.
     *
     * @throws ExtractionException as {@link TopologyLocation#optional}: a file named in the settings that is not there
     */
    static Written written(String setting, MavenProject project, MavenSession session, Log log) {
        Path file = TopologyLocation.existing(setting, project, session, log);
        return file == null ? null : written(file, TopologyLocation.defaultName(project));
    }

    /**
     * As {@link #written(String, MavenProject, MavenSession, Log)}, for a file that is there.
     *
     * @param defaultName the topology's name when the file has no {@code name:}
     */
    static Written written(Path file, String defaultName) {
        try {
            TopologySpec spec = TopologyFile.read(file, defaultName);
            List<ServiceOutline> services = spec.services().stream().map(ServiceOutline::of).toList();
            List<String> mistakes = CrossServiceChecks.mistakes(spec.source(), services, null, true);
            return new Written(spec.source(), services, mistakes, true);
        } catch (TopologyException e) {
            if (e.readRight().isEmpty()) {
                return new Written(file.toString(), List.of(), e.mistakes(), false);
            }
            String source = e.readRight().get().source();
            List<String> mistakes = new ArrayList<>(e.mistakes());
            mistakes.addAll(CrossServiceChecks.mistakes(source, e.outlines(), null, false));
            return new Written(source, e.outlines(), TopologyLocation.byLine(source, mistakes), true);
        }
    }

    /** The goals that read the topology file whenever it is there, whatever is requested. */
    static final List<String> READING_GOALS = List.of("modules", "report", "ecs");

    /**
     * Whether this build uses the topology file, so that the {@code check-request} goal refuses its own mistakes at
     * {@code validate} rather than a later goal after compiling. It does when a service is requested
     * ({@code -Dextract}, {@code -Pextract=}: the service goal reads it), or when the build runs a goal that reads it
     * whatever is requested ({@link #READING_GOALS}): named on the command line, or bound in this project's POM while
     * the command line runs {@code package} or beyond (as {@code mvn package} does; the ecs goal only when
     * {@code extract.ecs.skip} is not true). Else a file at the default location is not this build's business: plain
     * {@code mvn compile}, or {@code mvn package} of an application binding only the service goal, ignores it.
     *
     * @param requested whether a service is requested
     */
    static boolean inUse(boolean requested, MavenProject project, MavenSession session, PluginDescriptor plugin) {
        String ecsSkip = session.getUserProperties().getProperty("extract.ecs.skip",
                project.getProperties().getProperty("extract.ecs.skip", "false"));
        return inUse(requested, session.getGoals(), project.getBuildPlugins(), Boolean.parseBoolean(ecsSkip),
                plugin.getGroupId(), plugin.getArtifactId(), plugin.getGoalPrefix());
    }

    /**
     * As {@link #inUse(boolean, MavenProject, MavenSession, PluginDescriptor)}.
     *
     * @param cli        the goals and phases on the command line
     * @param plugins    this project's build plugins, with their executions
     * @param ecsSkipped whether {@code extract.ecs.skip} is true
     */
    static boolean inUse(boolean requested, List<String> cli, List<Plugin> plugins, boolean ecsSkipped, String groupId,
            String artifactId, String prefix) {
        if (requested) {
            return true;
        }
        for (String goal : READING_GOALS) {
            if (goal.equals("ecs") && ecsSkipped) {
                continue;
            }
            boolean named = PluginExecutions.runs(groupId, artifactId, prefix, goal, List.of(), cli);
            boolean bound = PluginExecutions.runs(groupId, artifactId, prefix, goal, List.of(plugins), List.of());
            if (named || bound && PluginExecutions.packages(cli)) {
                return true;
            }
        }
        return false;
    }
}

package dev.forum.extraction.maven;

import dev.forum.extraction.model.ExtractionException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.execution.ProjectDependencyGraph;
import org.apache.maven.project.MavenProject;
import org.springframework.boot.loader.tools.MainClassFinder;

/**
 * A project of a multi-project build that is not the application, so a goal run from the build's root (which runs in
 * every project: {@code mvn compile extract:report}, {@code mvn package extract:ecs}) skips it instead of failing the
 * build on it: a {@code pom} project (it has no classes), or a library that another project of the build depends on
 * and that has no Spring Boot main class of its own (no {@code mainClass} set for this plugin or for
 * spring-boot-maven-plugin, and no class annotated {@code @SpringBootApplication} with a {@code main} method in its
 * classes; while it has no compiled class yet, as a project downstream of the one the goal runs in has none in a clean
 * build: spring-boot-maven-plugin not among its build plugins). A project no other project depends on is always taken
 * as the application, so a single-project build still gets every refusal.
 */
final class ReactorPart {

    private static final String BOOT_GROUP = "org.springframework.boot";
    private static final String BOOT_ARTIFACT = "spring-boot-maven-plugin";
    private static final String SPRING_BOOT_APPLICATION = "org.springframework.boot.autoconfigure.SpringBootApplication";

    private ReactorPart() {
    }

    /**
     * The goal's answer in a project that is not the application: the {@code [INFO]} line saying that and why it skips
     * {@code project} and which project of the build runs it instead, or, when no application project of the build
     * runs it (the goal is bound in this project's POM, and no execution of it in the application's, nor on the command
     * line), the one-line refusal: the build would otherwise pass having done nothing. A {@code pom} project in a build
     * with no application (its parent POM built alone) skips with a line saying so.
     *
     * @param goal      the goal's name, for the line (e.g. {@code report})
     * @param plugin    this plugin's group id, artifact id and goal prefix, to find its executions in other projects
     * @param project   the project the goal runs in
     * @param session   the build, for the projects that depend on {@code project}; null: a single project
     * @param mainClass the goal's {@code mainClass}, or null
     * @return the skip line, or empty when the goal runs here
     * @throws ExtractionException when the goal skips here and no application project of the build runs it, though
     *                              the build has one
     */
    static Optional<String> skipped(String goal, PluginId plugin, MavenProject project, MavenSession session,
            String mainClass) {
        return skipped(goal, plugin, project, session == null ? null : session.getProjectDependencyGraph(),
                session == null ? List.of() : TopologyInUse.tasks(session), mainClass);
    }

    /**
     * As {@link #skipped(String, PluginId, MavenProject, MavenSession, String)}, on the build's parts.
     *
     * @param graph    the build's projects and their dependencies; null: a single project
     * @param cliGoals the goals and phases the build runs ({@link TopologyInUse#tasks})
     */
    static Optional<String> skipped(String goal, PluginId plugin, MavenProject project, ProjectDependencyGraph graph,
            List<String> cliGoals, String mainClass) {
        List<MavenProject> dependents = graph == null ? List.of() : graph.getDownstreamProjects(project, false);
        Optional<String> why = reason(project, dependents, mainClass);
        if (why.isEmpty()) {
            return Optional.empty();
        }
        List<MavenProject> applications = graph == null ? List.of() : applications(project, graph, plugin, goal);
        return Optional.of(line(goal, project, why.get(), applications.stream()
                .filter(app -> PluginExecutions.runs(plugin.groupId(), plugin.artifactId(), plugin.prefix(), goal,
                        List.of(app.getBuildPlugins()), cliGoals)).toList(), applications));
    }

    /** This plugin as a POM names it ({@code groupId}, {@code artifactId}) and the command line ({@code prefix}). */
    record PluginId(String groupId, String artifactId, String prefix) {
    }

    /**
     * The skip line, or the refusal when none of the applications runs the goal.
     *
     * @param why          {@link #reason}
     * @param running      the applications of the build that run {@code goal} (an execution or the command line)
     * @param applications the projects of the build that are applications depending on {@code project} (for a pom
     *                     project: every application of the build)
     * @throws ExtractionException when {@code running} is empty while {@code applications} is not: one line saying
     *                              where to bind the plugin
     */
    static String line(String goal, MavenProject project, String why, List<MavenProject> running,
            List<MavenProject> applications) {
        String here = project.getArtifactId();
        if (!running.isEmpty()) {
            return "[extract] " + goal + ": skipped in " + here + ", " + why + "; the goal runs in " + names(running);
        }
        if (applications.isEmpty()) {
            // A pom project built with no application (its parent POM alone: mvn -N install, -pl the parent) inherits
            // the binding meant for the application; a library gets here only when every project depending on it is
            // a library or a pom project by reason(), say an application neither compiled yet nor declaring
            // spring-boot-maven-plugin, with a pom distribution project downstream.
            return "[extract] " + goal + ": skipped in " + here + ", " + why + "; no project of this build is an"
                    + " application to run it in";
        }
        String apps = names(applications);
        throw new ExtractionException("The extraction plugin's " + goal + " goal is bound in " + here + ", " + why
                + ", so it does nothing there, and the application's project " + apps + " has no execution of it: the"
                + " build would pass having done nothing; bind the plugin (<goal>" + goal + "</goal> in its <executions>)"
                + " in " + applications.get(0).getArtifactId() + "'s pom rather than in the pom of " + here);
    }

    private static String names(List<MavenProject> projects) {
        return String.join(", ", projects.stream().map(MavenProject::getArtifactId).toList());
    }

    /**
     * The application projects a goal skipped in {@code project} is meant to run in: of the projects that depend on
     * it, directly or not (for a {@code pom} project, of all the build's projects), those {@link #reason} takes as
     * an application (with the {@code mainClass} their POM gives {@code goal}), in the build's order.
     */
    static List<MavenProject> applications(MavenProject project, ProjectDependencyGraph graph, PluginId plugin,
            String goal) {
        List<MavenProject> candidates = "pom".equals(project.getPackaging()) ? graph.getSortedProjects()
                : graph.getDownstreamProjects(project, true);
        return candidates.stream().filter(candidate -> candidate != project)
                .filter(candidate -> reason(candidate, graph.getDownstreamProjects(candidate, false),
                        PluginExecutions.configured(plugin.groupId(), plugin.artifactId(), goal, "mainClass",
                                candidate.getBuildPlugins()).orElse(null)).isEmpty())
                .toList();
    }

    /**
     * @param project    the project the goal runs in
     * @param dependents the projects of the build that depend on it directly
     * @param mainClass  the goal's {@code mainClass}, or null
     * @return why {@code project} is not the application (e.g. "a pom project (no classes)"), or empty when it may be
     */
    static Optional<String> reason(MavenProject project, List<MavenProject> dependents, String mainClass) {
        if ("pom".equals(project.getPackaging())) {
            return Optional.of("a pom project (no classes)");
        }
        if (dependents.isEmpty() || hasMainClass(project, mainClass)) {
            return Optional.empty();
        }
        return Optional.of("a library of " + String.join(", ", dependents.stream().map(MavenProject::getArtifactId).toList())
                + " in this build (no @SpringBootApplication class with a main method in it, and no mainClass set)");
    }

    private static boolean hasMainClass(MavenProject project, String mainClass) {
        if (MainClass.set(mainClass) || MainClass.fromBootPlugin(project) != null) {
            return true;
        }
        Path classes = Path.of(project.getBuild().getOutputDirectory());
        if (!compiled(classes)) {
            // Not compiled yet (in a clean build, every project downstream of the one the goal runs in): its POM tells.
            return project.getBuildPlugins().stream().anyMatch(plugin -> BOOT_GROUP.equals(plugin.getGroupId())
                    && BOOT_ARTIFACT.equals(plugin.getArtifactId()));
        }
        try {
            return MainClassFinder.findSingleMainClass(classes.toFile(), SPRING_BOOT_APPLICATION) != null;
        } catch (IllegalStateException several) {
            return true; // several: the application's project, which the goal refuses in its own line
        } catch (IOException e) {
            return true; // unreadable: let the goal say so
        }
    }

    /** Whether {@code classes} holds a class file (a folder missing, or holding only resources, is not compiled yet). */
    private static boolean compiled(Path classes) {
        if (!Files.isDirectory(classes)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(classes)) {
            return files.anyMatch(file -> file.getFileName().toString().endsWith(".class"));
        } catch (IOException | UncheckedIOException e) {
            return true; // unreadable: the main-class scan says so
        }
    }
}

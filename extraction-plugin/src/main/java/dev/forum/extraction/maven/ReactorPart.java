package dev.forum.extraction.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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
 * classes). A project no other project depends on is always taken as the application, so a single-project build
 * still gets every refusal.
 */
final class ReactorPart {

    private static final String SPRING_BOOT_APPLICATION = "org.springframework.boot.autoconfigure.SpringBootApplication";

    private ReactorPart() {
    }

    /**
     * @param goal      the goal's name, for the line (e.g. {@code report})
     * @param project   the project the goal runs in
     * @param session   the build, for the projects that depend on {@code project}
     * @param mainClass the goal's {@code mainClass}, or null
     * @return the {@code [INFO]} line saying that and why {@code goal} skips {@code project}, or empty when the goal runs
     */
    static Optional<String> skipped(String goal, MavenProject project, MavenSession session, String mainClass) {
        ProjectDependencyGraph graph = session == null ? null : session.getProjectDependencyGraph();
        List<MavenProject> dependents = graph == null ? List.of() : graph.getDownstreamProjects(project, false);
        return reason(project, dependents, mainClass).map(why -> "[extract] " + goal + ": skipped in " + project.getArtifactId()
                + ", " + why + "; the goal runs in the application's project");
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
        if (!Files.isDirectory(classes)) {
            return false;
        }
        try {
            return MainClassFinder.findSingleMainClass(classes.toFile(), SPRING_BOOT_APPLICATION) != null;
        } catch (IllegalStateException several) {
            return true; // several: the application's project, which the goal refuses in its own line
        } catch (IOException e) {
            return true; // unreadable: let the goal say so
        }
    }
}

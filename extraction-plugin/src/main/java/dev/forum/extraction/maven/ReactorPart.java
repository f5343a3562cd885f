package dev.forum.extraction.maven;

import dev.forum.extraction.model.ExtractionException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.execution.ProjectDependencyGraph;
import org.apache.maven.project.MavenProject;
import org.springframework.boot.loader.tools.MainClassFinder;

/**
 * A project of a multi-project build that is not the application, so a goal run from the build's root (which runs in
 * every project: {@code mvn compile extract:report}, {@code mvn package extract:ecs}) or bound in the parent POM's
 * {@code <plugins>} (which every project inherits) skips it instead of failing the build on it: a {@code pom} project
 * (it has no classes); a library whose classes another project of the whole build uses ({@link WholeBuild}: also the
 * projects a {@code -pl} run leaves out; a pom project packing it or a test-scoped dependency does not count) and that
 * has no Spring Boot main class of its own (no {@code mainClass} set for this plugin or for spring-boot-maven-plugin,
 * and no class annotated {@code @SpringBootApplication} with a {@code main} method in its classes; while it has no
 * compiled class yet, as a project downstream of the one the goal runs in has none in a clean build:
 * spring-boot-maven-plugin not among its build plugins); or a project no other uses and that has no main class either
 * (a test module, a tool) when another project of the build shows it is an application. A project no other uses is
 * taken as the application when no other project shows it is one, so a single-project build still gets every refusal.
 * A project's classes are searched for a main class again only when its class files changed: every goal run of a
 * build asks it of every project.
 */
final class ReactorPart {

    private static final String BOOT_GROUP = "org.springframework.boot";
    private static final String BOOT_ARTIFACT = "spring-boot-maven-plugin";
    private static final String SPRING_BOOT_APPLICATION = "org.springframework.boot.autoconfigure.SpringBootApplication";
    private static final String NO_MAIN = "no @SpringBootApplication class with a main method in it, and no mainClass set";

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
     * @param session   the build, for the projects that use {@code project} ({@link WholeBuild}); null: a single project
     * @param mainClass the goal's {@code mainClass}, or null
     * @return the skip line, or empty when the goal runs here
     * @throws ExtractionException when the goal skips here and no application project of the build runs it, though
     *                              the build has one: bound in no application's POM, or named on the command line
     *                              while this run builds none of the applications
     */
    static Optional<String> skipped(String goal, PluginId plugin, MavenProject project, MavenSession session,
            String mainClass) {
        return skipped(goal, plugin, project, session == null ? null : WholeBuild.of(session),
                session == null ? List.of() : TopologyInUse.tasks(session), mainClass);
    }

    /**
     * As {@link #skipped(String, PluginId, MavenProject, MavenSession, String)}, on the build's parts.
     *
     * @param graph    the build's projects ({@code getAllProjects}: every one; {@code getSortedProjects}: the ones this
     *                 run builds) and which uses which; null: a single project
     * @param cliGoals the goals and phases the build runs ({@link TopologyInUse#tasks})
     */
    static Optional<String> skipped(String goal, PluginId plugin, MavenProject project, ProjectDependencyGraph graph,
            List<String> cliGoals, String mainClass) {
        ProjectDependencyGraph build = graph == null ? new WholeBuild(List.of(project), List.of(project)) : graph;
        Optional<String> why = reason(project, build, plugin, goal, mainClass);
        if (why.isEmpty()) {
            return Optional.empty();
        }
        List<MavenProject> applications = applications(project, build, plugin, goal);
        List<MavenProject> built = build.getSortedProjects();
        List<MavenProject> running = applications.stream()
                .filter(app -> runs(plugin, goal, app, built.contains(app) ? cliGoals : List.of())).toList();
        if (running.isEmpty()) {
            List<MavenProject> leftOut = applications.stream()
                    .filter(app -> !built.contains(app) && runs(plugin, goal, app, cliGoals)).toList();
            if (!leftOut.isEmpty()) {
                throw notBuilt(goal, project, why.get(), leftOut,
                        build.getDownstreamProjects(project, true).containsAll(leftOut));
            }
        }
        return Optional.of(line(goal, project, why.get(), running, applications, built));
    }

    /** Whether {@code app} runs {@code goal}: an execution in its POM, or {@code cliGoals} naming it. */
    private static boolean runs(PluginId plugin, String goal, MavenProject app, List<String> cliGoals) {
        return PluginExecutions.runs(plugin.groupId(), plugin.artifactId(), plugin.prefix(), goal,
                List.of(app.getBuildPlugins()), cliGoals);
    }

    /**
     * The refusal of a goal named on the command line in a run that builds none of the applications it is meant for
     * ({@code mvn -pl books-api extract:report}): it skips every project built, so the build would pass having done
     * nothing.
     *
     * @param leftOut    the applications that would run it, none built in this run
     * @param downstream whether they use {@code project}, so that {@code -amd} adds them
     */
    private static ExtractionException notBuilt(String goal, MavenProject project, String why, List<MavenProject> leftOut,
            boolean downstream) {
        String apps = names(leftOut);
        return new ExtractionException("The extraction plugin's " + goal + " goal, named on the command line, skips "
                + project.getArtifactId() + ", " + why + ", and the application's " + (leftOut.size() == 1 ? "project " : "projects ")
                + apps + ", where it runs, "
                + (leftOut.size() == 1 ? "is" : "are") + " not built in this run: the build would pass having done"
                + " nothing; add " + apps + " to -pl" + (downstream ? ", or add -amd" : ""));
    }

    /** This plugin as a POM names it ({@code groupId}, {@code artifactId}) and the command line ({@code prefix}). */
    record PluginId(String groupId, String artifactId, String prefix) {
    }

    /**
     * The skip line, or the refusal when none of the applications runs the goal.
     *
     * @param why          {@link #reason}
     * @param running      the applications of the build that run {@code goal} (an execution, or the command line
     *                     when they are built in this run)
     * @param applications the projects of the build that are applications {@code project} is meant for (for a pom
     *                     project, or one no other project uses: every application of the build)
     * @param built        the projects this run builds: a running application not among them is named as not built
     *                     in this run ({@code -pl})
     * @throws ExtractionException when {@code running} is empty while {@code applications} is not: one line saying
     *                              where to bind the plugin
     */
    static String line(String goal, MavenProject project, String why, List<MavenProject> running,
            List<MavenProject> applications, List<MavenProject> built) {
        String here = project.getArtifactId();
        if (!running.isEmpty()) {
            List<MavenProject> elsewhere = running.stream().filter(app -> !built.contains(app)).toList();
            return "[extract] " + goal + ": skipped in " + here + ", " + why + "; the goal runs in " + names(running)
                    + (elsewhere.isEmpty() ? "" : " (" + names(elsewhere) + " not built in this run)");
        }
        if (applications.isEmpty()) {
            // A pom project built with no application (its parent POM alone: mvn -N install, -pl the parent) inherits
            // the binding meant for the application.
            return "[extract] " + goal + ": skipped in " + here + ", " + why + "; no project of this build is an"
                    + " application to run it in";
        }
        String apps = names(applications);
        throw new ExtractionException("The extraction plugin's " + goal + " goal is bound in " + here + ", " + why
                + ", so it does nothing there, and the application's project " + apps + " has no execution of it: the"
                + " build would pass having done nothing; bind the plugin (<goal>" + goal + "</goal> in its <executions>)"
                + " in " + applications.get(0).getArtifactId() + "'s pom or in the parent's <plugins>, rather than in"
                + " the pom of " + here + " alone");
    }

    private static String names(List<MavenProject> projects) {
        return String.join(", ", projects.stream().map(MavenProject::getArtifactId).toList());
    }

    /**
     * The application projects a goal skipped in {@code project} is meant to run in: of the projects that use it,
     * directly or not (for a {@code pom} project, or one no project uses, of all the build's projects), those
     * {@link #reason} takes as an application (with the {@code mainClass} their POM gives {@code goal}), in the build's
     * order.
     */
    static List<MavenProject> applications(MavenProject project, ProjectDependencyGraph graph, PluginId plugin,
            String goal) {
        List<MavenProject> candidates = "pom".equals(project.getPackaging()) || users(project, graph).isEmpty()
                ? graph.getAllProjects() : graph.getDownstreamProjects(project, true);
        return candidates.stream().filter(candidate -> candidate != project)
                .filter(candidate -> reason(candidate, graph, plugin, goal, configuredMainClass(candidate, plugin, goal))
                        .isEmpty())
                .toList();
    }

    /**
     * @param project   the project the goal runs in
     * @param graph     the build ({@link WholeBuild})
     * @param plugin    this plugin, for the {@code mainClass} other projects' POMs give {@code goal}
     * @param mainClass the goal's {@code mainClass} in {@code project}, or null
     * @return why {@code project} is not the application (e.g. "a pom project (no classes)"), or empty when it may be
     */
    static Optional<String> reason(MavenProject project, ProjectDependencyGraph graph, PluginId plugin, String goal,
            String mainClass) {
        if ("pom".equals(project.getPackaging())) {
            return Optional.of("a pom project (no classes)");
        }
        if (hasMainClass(project, mainClass)) {
            return Optional.empty();
        }
        List<MavenProject> users = users(project, graph);
        if (!users.isEmpty()) {
            return Optional.of("a library of " + names(users) + " in this build (" + NO_MAIN + ")");
        }
        boolean otherApplication = graph.getAllProjects().stream().anyMatch(other -> other != project
                && !"pom".equals(other.getPackaging()) && hasMainClass(other, configuredMainClass(other, plugin, goal)));
        return otherApplication ? Optional.of("not an application (" + NO_MAIN + ") and no project of this build uses"
                + " it") : Optional.empty();
    }

    /** The projects that use {@code project}'s classes directly: a pom project downstream of it packs, not uses, it. */
    private static List<MavenProject> users(MavenProject project, ProjectDependencyGraph graph) {
        return graph.getDownstreamProjects(project, false).stream().filter(user -> !"pom".equals(user.getPackaging()))
                .toList();
    }

    /** The {@code mainClass} {@code project}'s POM gives this plugin's {@code goal}, or null. */
    static String configuredMainClass(MavenProject project, PluginId plugin, String goal) {
        return PluginExecutions.configured(plugin.groupId(), plugin.artifactId(), goal, "mainClass",
                project.getBuildPlugins()).orElse(null);
    }

    private static boolean hasMainClass(MavenProject project, String mainClass) {
        if (MainClass.set(mainClass) || MainClass.fromBootPlugin(project) != null) {
            return true;
        }
        Path classes = Path.of(project.getBuild().getOutputDirectory()).toAbsolutePath().normalize();
        ClassFiles files = ClassFiles.in(classes);
        if (files == null) {
            return true; // unreadable: let the goal say so
        }
        if (files.count() == 0) {
            // Not compiled yet (in a clean build, every project downstream of the one the goal runs in): its POM tells.
            return project.getBuildPlugins().stream().anyMatch(plugin -> BOOT_GROUP.equals(plugin.getGroupId())
                    && BOOT_ARTIFACT.equals(plugin.getArtifactId()));
        }
        synchronized (SCANS) {
            Scan last = SCANS.get(classes);
            if (last != null && last.files().equals(files)) {
                return last.found();
            }
        }
        boolean found = scan(classes);
        synchronized (SCANS) {
            SCANS.put(classes, new Scan(files, found));
        }
        return found;
    }

    /** Spring Boot's main-class search (ASM over every class file) in {@code classes}, which holds class files. */
    private static boolean scan(Path classes) {
        try {
            return MainClassFinder.findSingleMainClass(classes.toFile(), SPRING_BOOT_APPLICATION) != null;
        } catch (IllegalStateException several) {
            return true; // several: the application's project, which the goal refuses in its own line
        } catch (IOException e) {
            return true; // unreadable: let the goal say so
        }
    }

    /** How many classes folders' scans are kept; a build has fewer projects. */
    private static final int KEPT_SCANS = 512;
    /**
     * Each classes folder's last main-class scan, by its absolute path: every goal run of a build asks it of every
     * project, so a folder's class files are read again only when they changed. The least recently used goes first.
     */
    private static final Map<Path, Scan> SCANS = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, Scan> eldest) {
            return size() > KEPT_SCANS;
        }
    };

    /** A scan's answer, and the class files it read. */
    private record Scan(ClassFiles files, boolean found) {
    }

    /**
     * The class files of a classes folder, as far as a scan depends on them: how many, their total size in bytes and
     * the newest one's modification time (a compile rewrites the files it writes, so a changed class changes it).
     */
    private record ClassFiles(long count, long bytes, FileTime newest) {

        /** @return the folder's class files (none when it is missing), or null when it cannot be read */
        static ClassFiles in(Path classes) {
            if (!Files.isDirectory(classes)) {
                return new ClassFiles(0, 0, FileTime.fromMillis(0));
            }
            long[] countAndBytes = new long[2];
            FileTime[] newest = {FileTime.fromMillis(0)};
            try (Stream<Path> files = Files.find(classes, Integer.MAX_VALUE, (file, attributes) -> {
                if (attributes.isRegularFile() && file.getFileName().toString().endsWith(".class")) {
                    countAndBytes[0]++;
                    countAndBytes[1] += attributes.size();
                    if (attributes.lastModifiedTime().compareTo(newest[0]) > 0) {
                        newest[0] = attributes.lastModifiedTime();
                    }
                }
                return false;
            })) {
                files.forEach(file -> { });
            } catch (IOException | UncheckedIOException e) {
                return null;
            }
            return new ClassFiles(countAndBytes[0], countAndBytes[1], newest[0]);
        }
    }
}

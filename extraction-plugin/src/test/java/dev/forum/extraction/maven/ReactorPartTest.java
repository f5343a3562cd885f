package dev.forum.extraction.maven;

import static dev.forum.extraction.maven.ReactorProjects.PLUGIN;
import static dev.forum.extraction.maven.ReactorProjects.bind;
import static dev.forum.extraction.maven.ReactorProjects.bootPlugin;
import static dev.forum.extraction.maven.ReactorProjects.classFile;
import static dev.forum.extraction.maven.ReactorProjects.mainClass;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.forum.extraction.model.ExtractionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.execution.ProjectDependencyGraph;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A goal run from a multi-project build's root ({@code mvn compile extract:report}) skips the parent pom and the
 * application's libraries, one line each naming the application that runs it, and still runs (and refuses) in the
 * application's project and in a project of its own; a goal bound only in a library, which would do nothing, is
 * refused in one line saying where to bind it.
 */
class ReactorPartTest {

    @TempDir
    Path dir;

    @Test
    void aPomProjectIsSkippedWithOneLineNamingTheApplicationThatRunsTheGoal() {
        MavenProject parent = project("lending-parent", "pom");
        MavenProject api = project("books-api", "jar");
        MavenProject app = project("lending-app", "jar");
        Graph graph = new Graph(List.of(parent, api, app)).dependsOn(app, api);
        assertEquals(Optional.of("[extract] report: skipped in lending-parent, a pom project (no classes); the goal runs in"
                + " lending-app"), ReactorPart.skipped("report", PLUGIN, parent, graph, List.of("compile", "extract:report"),
                        null), "the goal on the command line runs in every project");
    }

    @Test
    void aLibrarySkipsNamingTheApplicationThatBindsTheGoal() {
        MavenProject orders = project("shop-orders", "jar");
        MavenProject billing = project("shop-billing", "jar");
        MavenProject app = project("shop-app", "jar");
        bind(orders, "modules", "service");
        bind(app, "modules", "service");
        Graph graph = new Graph(List.of(orders, billing, app)).dependsOn(billing, orders).dependsOn(app, orders, billing);
        assertEquals(Optional.of("[extract] service: skipped in shop-orders, a library of shop-billing, shop-app in this"
                + " build (no @SpringBootApplication class with a main method in it, and no mainClass set); the goal runs"
                + " in shop-app"), ReactorPart.skipped("service", PLUGIN, orders, graph, List.of("package"), null),
                "shop-billing, a library itself, is not where it runs");
    }

    @Test
    void aGoalBoundOnlyInALibraryIsRefusedNamingWhereToBindIt() {
        MavenProject orders = project("shop-orders", "jar");
        MavenProject billing = project("shop-billing", "jar");
        MavenProject app = project("shop-app", "jar");
        bind(orders, "modules", "service");
        bind(app, "modules"); // the application runs another goal of the plugin, not this one
        Graph graph = new Graph(List.of(orders, billing, app)).dependsOn(billing, orders).dependsOn(app, orders, billing);
        ExtractionException refused = assertThrows(ExtractionException.class,
                () -> ReactorPart.skipped("service", PLUGIN, orders, graph, List.of("package"), null));
        assertEquals(List.of("The extraction plugin's service goal is bound in shop-orders, a library of shop-billing,"
                + " shop-app in this build (no @SpringBootApplication class with a main method in it, and no mainClass"
                + " set), so it does nothing there, and the application's project shop-app has no execution of it: the"
                + " build would pass having done nothing; bind the plugin (<goal>service</goal> in its <executions>) in"
                + " shop-app's pom or in the parent's <plugins>, rather than in the pom of shop-orders alone"),
                refused.lines());

        assertEquals(Optional.of("[extract] service: skipped in shop-orders, a library of shop-billing, shop-app in this"
                + " build (no @SpringBootApplication class with a main method in it, and no mainClass set); the goal runs"
                + " in shop-app"), ReactorPart.skipped("service", PLUGIN, orders, graph, List.of("package", "extract:service"),
                        null), "named on the command line, it runs in shop-app too");
        assertEquals(Optional.of("[extract] modules: skipped in shop-orders, a library of shop-billing, shop-app in this"
                + " build (no @SpringBootApplication class with a main method in it, and no mainClass set); the goal runs"
                + " in shop-app"), ReactorPart.skipped("modules", PLUGIN, orders, graph, List.of("package"), null));
    }

    @Test
    void aParentPomBuiltAloneSkipsTheGoalItBinds() {
        // mvn -N install of a parent whose <plugins> bind the goal for its application: nothing to do, nothing lost.
        MavenProject parent = project("lending-parent", "pom");
        bind(parent, "modules");
        assertEquals(Optional.of("[extract] modules: skipped in lending-parent, a pom project (no classes); no project of"
                + " this build is an application to run it in"), ReactorPart.skipped("modules", PLUGIN, parent,
                        new Graph(List.of(parent)), List.of("install"), null));
    }

    @Test
    void theApplicationsOfALibraryAreItsDependentsThatNoOtherProjectNeeds() {
        MavenProject parent = project("lending-parent", "pom");
        MavenProject api = project("books-api", "jar");
        MavenProject app = project("lending-app", "jar");
        MavenProject tool = project("lending-tool", "jar");
        MavenProject other = project("other-app", "jar");
        Graph graph = new Graph(List.of(parent, api, app, tool, other)).dependsOn(app, api).dependsOn(tool, app);
        assertEquals(List.of(tool), ReactorPart.applications(api, graph, PLUGIN, "modules"),
                "lending-app is a library of lending-tool");
        assertEquals(List.of(tool, other), ReactorPart.applications(parent, graph, PLUGIN, "modules"),
                "a pom project: every one");
        bind(app, "modules").setConfiguration(mainClass("org.acme.LendingApplication"));
        assertEquals(List.of(app), ReactorPart.applications(api, graph, PLUGIN, "modules"),
                "the plugin's mainClass in its POM makes lending-app an application, and lending-tool, with no main"
                + " class and used by no project, no longer one");
    }

    @Test
    void aLibraryOfAnotherProjectWithoutMainClassIsSkippedNamingItsDependents() throws Exception {
        MavenProject api = project("books-api", "jar");
        MavenProject app = project("lending-app", "jar");
        MavenProject tools = project("lending-tools", "jar");
        Graph graph = new Graph(List.of(api, app, tools)).dependsOn(app, api).dependsOn(tools, api);
        String why = "a library of lending-app, lending-tools in this build (no @SpringBootApplication class with a main"
                + " method in it, and no mainClass set)";
        assertEquals(Optional.of(why), ReactorPart.reason(api, graph, PLUGIN, "report", null), "not compiled");
        Files.createDirectories(dir.resolve("books-api/target/classes/org/acme"));
        Files.write(dir.resolve("books-api/target/classes/org/acme/BookDto.class"), classFile("org/acme/BookDto", false));
        assertEquals(Optional.of(why), ReactorPart.reason(api, graph, PLUGIN, "report", null), "compiled, no main class");
        assertEquals(Optional.of(why), ReactorPart.reason(api, graph, PLUGIN, "report", "${start-class}"),
                "an unresolved property is unset");
    }

    @Test
    void theApplicationIsNeverSkipped() throws Exception {
        MavenProject app = project("lending-app", "jar");
        MavenProject tests = project("lending-system-tests", "jar");
        assertEquals(Optional.empty(), ReactorPart.reason(app, new Graph(List.of(app)), PLUGIN, "report", null),
                "no project depends on it");
        Graph graph = new Graph(List.of(app, tests)).dependsOn(tests, app);
        assertEquals(Optional.empty(), ReactorPart.reason(app, graph, PLUGIN, "report", "org.acme.LendingApplication"),
                "this plugin's mainClass");

        MavenProject booted = project("lending-app", "jar");
        bootPlugin(booted).setConfiguration(mainClass("org.acme.LendingApplication"));
        assertEquals(Optional.empty(), ReactorPart.reason(booted, new Graph(List.of(booted, tests)).dependsOn(tests, booted),
                PLUGIN, "report", null), "spring-boot-maven-plugin's mainClass");

        Files.createDirectories(dir.resolve("lending-app/target/classes/org/acme"));
        Files.write(dir.resolve("lending-app/target/classes/org/acme/LendingApplication.class"),
                classFile("org/acme/LendingApplication", true));
        assertEquals(Optional.empty(), ReactorPart.reason(app, graph, PLUGIN, "report", null),
                "a @SpringBootApplication class with main");
    }

    @Test
    void anApplicationNotCompiledYetIsKnownByTheSpringBootPluginInItsPom() throws Exception {
        // A clean build from the root: books-api's goal runs before lending-app is compiled, and lending-dist, a pom
        // project packing the application, depends on it, so lending-app is not the build's last project.
        MavenProject api = project("books-api", "jar");
        MavenProject app = project("lending-app", "jar");
        MavenProject dist = project("lending-dist", "pom");
        Graph graph = new Graph(List.of(api, app, dist)).dependsOn(app, api).dependsOn(dist, app);
        assertEquals(List.of(app), ReactorPart.applications(api, graph, PLUGIN, "modules"),
                "nothing in its POM tells, but only a pom project, which packs it, depends on it");
        assertEquals(Optional.empty(), ReactorPart.reason(app, graph, PLUGIN, "modules", null));

        bootPlugin(app);
        bind(app, "modules");
        assertEquals(List.of(app), ReactorPart.applications(api, graph, PLUGIN, "modules"));
        assertEquals(Optional.of("[extract] modules: skipped in books-api, a library of lending-app in this build (no"
                + " @SpringBootApplication class with a main method in it, and no mainClass set); the goal runs in"
                + " lending-app"), ReactorPart.skipped("modules", PLUGIN, api, graph, List.of("install"), null));

        Files.createDirectories(dir.resolve("lending-app/target/classes/org/acme"));
        Files.write(dir.resolve("lending-app/target/classes/org/acme/LoanDto.class"), classFile("org/acme/LoanDto", false));
        assertEquals(List.of(app), ReactorPart.applications(api, graph, PLUGIN, "modules"),
                "compiled without a main class, but no other project is an application: it gets the refusal");
        MavenProject other = project("other-app", "jar");
        bootPlugin(other);
        Graph withOther = new Graph(List.of(api, app, dist, other)).dependsOn(app, api).dependsOn(dist, app);
        assertEquals(List.of(), ReactorPart.applications(api, withOther, PLUGIN, "modules"),
                "compiled, no main class, and another project is an application: its classes tell");
    }

    @Test
    void aProjectsClassesAreScannedAgainOnlyWhenTheyChange() throws Exception {
        // Every goal run asks every project whether it has a main class; the answer is kept while its class files stay.
        MavenProject lib = project("shop-lib", "jar");
        MavenProject app = project("shop-app", "jar");
        Graph graph = new Graph(List.of(lib, app));
        Path classes = dir.resolve("shop-app/target/classes/org/acme");
        Files.createDirectories(classes);
        Path main = classes.resolve("ShopApplication.class");
        Files.write(main, classFile("org/acme/ShopApplication", true));
        String notApp = "not an application (no @SpringBootApplication class with a main method in it, and no mainClass"
                + " set) and no project of this build uses it";
        assertEquals(Optional.of(notApp), ReactorPart.reason(lib, graph, PLUGIN, "report", null), "shop-app is one");

        // The same number of class files, of the same size and time, though without a main method: the answer kept.
        FileTime written = Files.getLastModifiedTime(main);
        byte[] other = ReactorProjects.classFile("org/acme/ShopApplication", "mair");
        assertEquals(Files.size(main), other.length, "the same size, so that only a new scan could tell");
        Files.write(main, other);
        Files.setLastModifiedTime(main, written);
        assertEquals(Optional.of(notApp), ReactorPart.reason(lib, graph, PLUGIN, "report", null), "not scanned again");

        // Compiled again: scanned again.
        Files.setLastModifiedTime(main, FileTime.fromMillis(written.toMillis() + 2_000));
        assertEquals(Optional.empty(), ReactorPart.reason(lib, graph, PLUGIN, "report", null),
                "shop-app has no main class any more: nothing shows shop-lib is not the application");
    }

    /** A build's projects in their order, and which depends on which. */
    private static final class Graph implements ProjectDependencyGraph {
        private final List<MavenProject> projects;
        private final Map<MavenProject, List<MavenProject>> dependencies = new HashMap<>();

        Graph(List<MavenProject> projects) {
            this.projects = projects;
        }

        Graph dependsOn(MavenProject dependent, MavenProject... dependencies) {
            this.dependencies.put(dependent, List.of(dependencies));
            return this;
        }

        @Override
        public List<MavenProject> getAllProjects() {
            return projects;
        }

        @Override
        public List<MavenProject> getSortedProjects() {
            return projects;
        }

        @Override
        public List<MavenProject> getDownstreamProjects(MavenProject project, boolean transitive) {
            return projects.stream().filter(p -> dependencies.getOrDefault(p, List.of()).contains(project)
                    || transitive && getUpstreamProjects(p, true).contains(project)).toList();
        }

        @Override
        public List<MavenProject> getUpstreamProjects(MavenProject project, boolean transitive) {
            List<MavenProject> direct = dependencies.getOrDefault(project, List.of());
            if (!transitive) {
                return direct;
            }
            Set<MavenProject> all = new LinkedHashSet<>(direct);
            direct.forEach(d -> all.addAll(getUpstreamProjects(d, true)));
            return List.copyOf(all);
        }
    }

    private MavenProject project(String artifactId, String packaging) {
        return ReactorProjects.project(dir, artifactId, packaging);
    }
}

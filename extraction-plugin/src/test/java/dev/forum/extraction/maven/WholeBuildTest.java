package dev.forum.extraction.maven;

import static dev.forum.extraction.maven.ReactorProjects.PLUGIN;
import static dev.forum.extraction.maven.ReactorProjects.bind;
import static dev.forum.extraction.maven.ReactorProjects.bootPlugin;
import static dev.forum.extraction.maven.ReactorProjects.classFile;
import static dev.forum.extraction.maven.ReactorProjects.uses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.forum.extraction.model.ExtractionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.maven.model.Dependency;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which project of the whole build uses which one's classes ({@link WholeBuild}), also the projects a {@code -pl} run
 * leaves out, and what the goals say in a library then: a released version, another artifact of the project (a
 * classifier, a {@code zip}), a test scope and a pom project packing it do not make it a library.
 */
class WholeBuildTest {

    @TempDir
    Path dir;

    @Test
    void aDependencyOnAnotherVersionOrAnotherFileOfAProjectIsNoUseOfIt() {
        // lending-app depends on the released books-api 0.9 from a repository while the build makes 1.0.
        MavenProject api = project("books-api", "jar");
        MavenProject app = project("lending-app", "jar");
        MavenProject tool = project("lending-tool", "jar");
        Dependency released = uses(app, api, "compile");
        released.setVersion("0.9");
        WholeBuild build = new WholeBuild(List.of(api, app, tool), List.of(api, app, tool));
        assertEquals(List.of(), build.getDownstreamProjects(api, true), "another version");
        released.setVersion("1.0");
        assertEquals(List.of(app), build.getDownstreamProjects(api, true), "this version");
        released.setVersion("[0.9,2.0)");
        assertEquals(List.of(app), build.getDownstreamProjects(api, true), "a range names every version, as in Maven");

        released.setVersion("1.0");
        released.setClassifier("client");
        assertEquals(List.of(), build.getDownstreamProjects(api, true), "a classifier names another file");
        assertEquals(List.of(), build.getUpstreamProjects(app, true));
        uses(tool, api, "runtime");
        assertEquals(List.of(tool), build.getDownstreamProjects(api, true));
        assertEquals(List.of(api), build.getUpstreamProjects(tool, false));
    }

    @Test
    void aLibraryBuiltWithDashPlIsSkippedForTheApplicationLeftOutOfTheRun() {
        // The plugin bound in the parent's <plugins>: every project inherits the execution. mvn -pl shop-inventory
        // install builds the library alone; Maven's own graph then says nothing depends on it.
        MavenProject parent = project("shop-parent", "pom");
        MavenProject inventory = project("shop-inventory", "jar");
        MavenProject app = project("shop-app", "jar");
        for (MavenProject each : List.of(parent, inventory, app)) {
            bind(each, "modules");
        }
        bootPlugin(app);
        uses(app, inventory, "compile");
        WholeBuild run = new WholeBuild(List.of(parent, inventory, app), List.of(inventory));
        assertEquals(Optional.of("[extract] modules: skipped in shop-inventory, a library of shop-app in this build (no"
                + " @SpringBootApplication class with a main method in it, and no mainClass set); the goal runs in shop-app"
                + " (shop-app not built in this run)"), ReactorPart.skipped("modules", PLUGIN, inventory, run,
                        List.of("install"), null));

    }

    @Test
    void aGoalNamedOnTheCommandLineWithTheApplicationLeftOutOfTheRunIsRefusedSayingSo() {
        // mvn -pl shop-inventory extract:modules: nothing binds the goal; it would run in shop-app, which is not built.
        MavenProject parent = project("shop-parent", "pom");
        MavenProject inventory = project("shop-inventory", "jar");
        MavenProject app = project("shop-app", "jar");
        bootPlugin(app);
        uses(app, inventory, "compile");
        String why = "a library of shop-app in this build (no @SpringBootApplication class with a main method in it, and"
                + " no mainClass set)";
        ExtractionException refused = assertThrows(ExtractionException.class, () -> ReactorPart.skipped("modules", PLUGIN,
                inventory, new WholeBuild(List.of(parent, inventory, app), List.of(inventory)), List.of("install",
                        "extract:modules"), null), "the goal named on the command line does not run in a project left out");
        assertEquals(List.of("The extraction plugin's modules goal, named on the command line, skips shop-inventory, " + why
                + ", and the application's project shop-app, where it runs, is not built in this run: the build would pass"
                + " having done nothing; add shop-app to -pl, or add -amd"), refused.lines());

        refused = assertThrows(ExtractionException.class, () -> ReactorPart.skipped("modules", PLUGIN, parent,
                new WholeBuild(List.of(parent, inventory, app), List.of(parent)), List.of("extract:modules"), null));
        assertEquals(List.of("The extraction plugin's modules goal, named on the command line, skips shop-parent, a pom"
                + " project (no classes), and the application's project shop-app, where it runs, is not built in this run:"
                + " the build would pass having done nothing; add shop-app to -pl"), refused.lines(),
                "-amd adds no project that uses a parent POM's classes");

        assertEquals(Optional.of("[extract] modules: skipped in shop-inventory, " + why + "; the goal runs in shop-app"),
                ReactorPart.skipped("modules", PLUGIN, inventory, new WholeBuild(List.of(parent, inventory, app),
                        List.of(inventory, app)), List.of("install", "extract:modules"), null), "-amd: it runs there");
    }

    @Test
    void aProjectNoneUsesWithoutMainClassIsSkippedWhenAnotherIsTheApplication() throws Exception {
        // Bound in the parent's <plugins>: an integration-test module and a tool nothing depends on inherit it too.
        MavenProject parent = project("shop-parent", "pom");
        MavenProject app = project("shop-app", "jar");
        MavenProject it = project("shop-it", "jar");
        MavenProject tool = project("shop-tool", "jar");
        for (MavenProject each : List.of(parent, app, it, tool)) {
            bind(each, "report");
        }
        uses(it, app, "test");
        Files.createDirectories(dir.resolve("shop-tool/target/classes/org/acme"));
        Files.write(dir.resolve("shop-tool/target/classes/org/acme/Tool.class"), classFile("org/acme/Tool", false));
        WholeBuild run = new WholeBuild(List.of(parent, app, it, tool), List.of(parent, app, it, tool));
        assertEquals(Optional.empty(), ReactorPart.skipped("report", PLUGIN, tool, run, List.of("verify"), null),
                "nothing shows another project is the application: shop-tool gets the goal's refusal");

        Files.createDirectories(dir.resolve("shop-app/target/classes/org/acme"));
        Files.write(dir.resolve("shop-app/target/classes/org/acme/ShopApplication.class"),
                classFile("org/acme/ShopApplication", true));
        String notApp = "not an application (no @SpringBootApplication class with a main method in it, and no mainClass"
                + " set) and no project of this build uses it; the goal runs in shop-app";
        assertEquals(Optional.of("[extract] report: skipped in shop-tool, " + notApp), ReactorPart.skipped("report",
                PLUGIN, tool, run, List.of("verify"), null));
        assertEquals(Optional.of("[extract] report: skipped in shop-it, " + notApp), ReactorPart.skipped("report", PLUGIN,
                it, run, List.of("verify"), null), "a test-scoped dependency does not make shop-app a library");
        assertEquals(Optional.empty(), ReactorPart.skipped("report", PLUGIN, app, run, List.of("verify"), null));
    }

    @Test
    void aDistributionProjectPackingTheApplicationDoesNotMakeItALibrary() {
        // Not compiled yet, no spring-boot-maven-plugin: a pom project and a zip-typed dependency downstream.
        MavenProject lib = project("shop-orders", "jar");
        MavenProject app = project("shop-app", "jar");
        MavenProject dist = project("shop-dist", "pom");
        MavenProject bundle = project("shop-bundle", "jar");
        bind(app, "modules");
        uses(app, lib, "compile");
        uses(dist, app, "compile");
        uses(bundle, app, "runtime").setType("zip");
        WholeBuild run = new WholeBuild(List.of(lib, app, dist, bundle), List.of(lib, app, dist, bundle));
        assertEquals(List.of(), run.getDownstreamProjects(app, true));
        assertEquals(Optional.empty(), ReactorPart.reason(app, run, PLUGIN, "modules", null));
        assertEquals(Optional.of("[extract] modules: skipped in shop-orders, a library of shop-app in this build (no"
                + " @SpringBootApplication class with a main method in it, and no mainClass set); the goal runs in"
                + " shop-app"), ReactorPart.skipped("modules", PLUGIN, lib, run, List.of("package"), null));
    }

    private MavenProject project(String artifactId, String packaging) {
        return ReactorProjects.project(dir, artifactId, packaging);
    }
}

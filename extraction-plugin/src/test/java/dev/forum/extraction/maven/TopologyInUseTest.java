package dev.forum.extraction.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The topology file at {@code validate}: refused for its own mistakes (those that need no module of the application)
 * whenever the build uses it, left alone when no goal of the build reads it.
 */
class TopologyInUseTest {

    private static final String GROUP = "dev.forum";
    private static final String ARTIFACT = "extraction-maven-plugin";

    /**
     * Two services listing one module is the file's own mistake, known before anything compiles; so is a service's
     * wrong size, and both are named at once with a module listed twice. An unknown module needs the application's
     * modules: not here.
     */
    @Test
    void theFilesOwnMistakesAreKnownBeforeCompiling(@TempDir Path folder) throws IOException {
        Path file = Files.writeString(folder.resolve("topology.yml"), """
                services:
                  - { name: monolith, monolith: true }
                  - { name: catalogue, memory: 300, modules: [books, bokks] }
                  - { name: shelves, modules: [books, books] }
                """);
        TopologyInUse.Written written = TopologyInUse.written(file, "library");
        assertEquals(List.of(
                file + ":3: catalogue: cpu 256 takes memory 512, 1024, 2048 MiB on Fargate, not 300",
                file + ":4: module 'books' is in two services, 'catalogue' (line 3) and 'shelves'; a module runs in one"
                        + " extracted service",
                file + ":4: shelves: module 'books' is listed twice (also on line 4); list it once"), written.mistakes());
        assertEquals(List.of("monolith", "catalogue", "shelves"),
                written.services().stream().map(dev.forum.topology.ServiceOutline::name).toList());

        Files.writeString(file, """
                services:
                  - { name: monolith, monolith: true }
                  - { name: catalogue, modules: [books] }
                  - { name: shelves, modules: [books] }
                """);
        assertEquals(file + ":4: module 'books' is in two services, 'catalogue' (line 3) and 'shelves'; a module runs in"
                + " one extracted service", TopologyInUse.written(file, "library").refusal().getMessage(),
                "read right on its own, the file is still refused for what its services share");

        Files.writeString(file, "services:\n  - { name: catalogue, modules: [bokks] }\n");
        assertEquals(List.of(file + ": no monolith: mark one service monolith: true (it holds every module not listed"
                + " elsewhere and is the default route)"), TopologyInUse.written(file, "library").mistakes(),
                "no unknown module before the modules are known");
    }

    /**
     * The file is in use when a service is requested, or when a goal that reads it whatever is requested runs: named
     * on the command line, or bound while the build packages. Plain {@code mvn package} of an application that binds
     * only the service goal, or {@code mvn compile} of one that binds the ecs goal, does not read it.
     */
    @Test
    void theFileIsInUseWhenAGoalOfTheBuildReadsIt() {
        List<Plugin> serviceOnly = List.of(plugin("check-request", "service"));
        List<Plugin> withEcs = List.of(plugin("check-request", "service", "ecs"));
        assertFalse(inUse(false, List.of("package"), serviceOnly, false));
        assertTrue(inUse(true, List.of("package"), serviceOnly, false), "-Dextract: the service goal reads it");
        assertTrue(inUse(false, List.of("package"), withEcs, false), "the ecs goal reads it at package");
        assertTrue(inUse(false, List.of("install"), List.of(plugin("report")), false));
        assertFalse(inUse(false, List.of("compile"), withEcs, false), "the ecs goal does not run before package");
        assertFalse(inUse(false, List.of("package"), withEcs, true), "-Dextract.ecs.skip");
        assertTrue(inUse(false, List.of("compile", "extract:ecs"), serviceOnly, false), "named on the command line");
        assertTrue(inUse(false, List.of(GROUP + ":" + ARTIFACT + ":report"), List.of(), false));
        assertFalse(inUse(false, List.of("validate"), withEcs, false));
    }

    private static boolean inUse(boolean requested, List<String> cli, List<Plugin> plugins, boolean ecsSkipped) {
        return TopologyInUse.inUse(requested, cli, plugins, ecsSkipped, GROUP, ARTIFACT, "extract");
    }

    private static Plugin plugin(String... goals) {
        Plugin plugin = new Plugin();
        plugin.setGroupId(GROUP);
        plugin.setArtifactId(ARTIFACT);
        PluginExecution execution = new PluginExecution();
        execution.setGoals(List.of(goals));
        plugin.addExecution(execution);
        return plugin;
    }
}

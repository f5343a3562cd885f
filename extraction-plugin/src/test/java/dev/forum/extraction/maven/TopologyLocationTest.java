package dev.forum.extraction.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.forum.extraction.model.ExtractionException;
import dev.forum.extraction.model.ModulithModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A topology file read against the application's modules: one that runs in every service is named as such; the file's
 * mistakes are reported all at once.
 */
class TopologyLocationTest {

    @Test
    void aModuleThatRunsInEveryServiceIsRefusedAsSuchNotAsUnknown(@TempDir Path folder) throws IOException {
        ModulithModel library = library(module("books", false), module("loans", false), module("members", true));
        Path file = Files.writeString(folder.resolve("topology.yml"), """
                services:
                  - { name: monolith, monolith: true }
                  - { name: circulation, modules: [loans, members] }
                """);
        var e = assertThrows(ExtractionException.class, () -> TopologyLocation.read(file, library, "library"));
        assertEquals(file + ":3: circulation: module 'members' is an open module, which runs in every service already:"
                + " remove it from modules (the modules a service can hold are books, loans)", e.getMessage());
    }

    /**
     * A topology file without {@code name:} (which prefixes every deployed resource) is named after the application's
     * root project, not the forum.
     */
    @Test
    void aFileWithoutANameIsNamedAfterTheApplicationsProject(@TempDir Path folder) throws IOException {
        ModulithModel library = library(module("books", false));
        Path file = Files.writeString(folder.resolve("topology.yml"), "services:\n  - { name: monolith, monolith: true }\n");
        Path pom = Files.writeString(folder.resolve("pom.xml"), "<project/>");
        org.apache.maven.model.Model model = new org.apache.maven.model.Model();
        model.setArtifactId("Library_App");
        org.apache.maven.project.MavenProject project = new org.apache.maven.project.MavenProject(model);
        project.setFile(pom.toFile());

        assertEquals("library-app", TopologyLocation.read(file, library, project).name());
        assertEquals("shop", TopologyLocation.topologyName("shop"));
        assertEquals("app", TopologyLocation.topologyName("1234"), "nothing usable: the generic name");
        assertEquals("a-very-long-artifact", TopologyLocation.topologyName("a-very-long-artifact-id-indeed"));
    }

    /**
     * Every mistake of the file stops the build at once, one per line below a line counting them: Maven prints the
     * failure's message as it is, so each mistake reads on a line of its own.
     */
    @Test
    void everyMistakeOfTheFileIsReportedAtOnceOnePerLine(@TempDir Path folder) throws IOException {
        ModulithModel library = library(module("books", false), module("loans", false));
        Path file = Files.writeString(folder.resolve("topology.yml"), """
                services:
                  - { name: monolith, monolith: true, colour: blue }
                  - { name: circulation, modules: [loans], traffic: 120 }
                """);
        var e = assertThrows(ExtractionException.class, () -> TopologyLocation.read(file, library, "library"));
        String expected = "2 mistakes in " + file + ":\n"
                + file + ":2: monolith: unknown key 'colour' (known keys: autoscaling, count, cpu, database, environment, memory,"
                + " modules, monolith, name, traffic)\n"
                + file + ":3: circulation: traffic is a share from 0 to 100, not 120";
        assertEquals(expected, e.getMessage());
        assertEquals(expected, Refusals.report(new org.apache.maven.plugin.logging.SystemStreamLog(), e).getMessage());

        Files.writeString(file, """
                services:
                  - { name: monolith, monolith: true }
                  - { name: circulation, modules: [loans], traffic: 120 }
                """);
        assertEquals(file + ":3: circulation: traffic is a share from 0 to 100, not 120",
                assertThrows(ExtractionException.class, () -> TopologyLocation.read(file, library, "library")).getMessage(),
                "one mistake reads as it always did");
    }

    /**
     * A module that runs in every service and the checks across services (an unknown module, no monolith) are all
     * reported in one run: the first is no longer refused alone, the others only after it is fixed.
     */
    @Test
    void aModuleOfEveryServiceAndAnUnknownModuleAreReportedTogether(@TempDir Path folder) throws IOException {
        ModulithModel library = library(module("books", false), module("loans", false), module("members", true));
        Path file = Files.writeString(folder.resolve("topology.yml"), """
                services:
                  - { name: front, monolith: false, modules: [bokks] }
                  - { name: circulation, modules: [loans, members] }
                """);
        TopologyLocation.Reading reading = TopologyLocation.check(file, library, "library");
        assertEquals(List.of(file + ": no monolith: mark one service monolith: true (it holds every module not listed"
                        + " elsewhere and is the default route)",
                file + ":2: front: unknown module 'bokks' (did you mean books?); the modules are books, loans, members",
                file + ":3: circulation: module 'members' is an open module, which runs in every service already: remove"
                        + " it from modules (the modules a service can hold are books, loans)"),
                reading.mistakes());
        assertEquals(null, reading.topology(), "nothing to render");
        assertEquals("front", reading.spec().services().get(0).name(), "the file as written, for the later checks");
        var e = assertThrows(ExtractionException.class, () -> TopologyLocation.read(file, library, "library"));
        assertEquals("3 mistakes in " + file + ":\n" + String.join("\n", reading.mistakes()), e.getMessage());
    }

    /**
     * A mistake of one service of the file (a misspelt key) no longer hides the checks of the others against the
     * application (a module that runs in every service, an unknown module): all in one run, in the file's order.
     */
    @Test
    void aServicesOwnMistakeDoesNotHideTheOthersModules(@TempDir Path folder) throws IOException {
        ModulithModel library = library(module("books", false), module("loans", false), module("members", true));
        Path file = Files.writeString(folder.resolve("topology.yml"), """
                services:
                  - { name: monolith, monolith: true }
                  - { name: circulation, modules: [loanz] }
                  - { name: catalogue, modules: [books], colour: blue }
                  - { name: people, modules: [members] }
                """);
        TopologyLocation.Reading reading = TopologyLocation.check(file, library, "library");
        assertEquals(List.of(
                file + ":3: circulation: unknown module 'loanz' (did you mean loans?); the modules are books, loans, members",
                file + ":4: catalogue: unknown key 'colour' (known keys: autoscaling, count, cpu, database, environment, memory,"
                        + " modules, monolith, name, traffic)",
                file + ":5: people: module 'members' is an open module, which runs in every service already: remove it"
                        + " from modules (the modules a service can hold are books, loans)"), reading.mistakes());
        assertEquals(List.of("monolith", "circulation", "people"),
                reading.spec().services().stream().map(dev.forum.topology.ServiceSpec::name).toList(),
                "the services read right, for the ECS deployment's checks");
        assertEquals(null, reading.topology());
    }

    /**
     * A service with a mistake of its own (an invalid Fargate size, a misspelt key) is still checked across services
     * in the same run: its unknown module, a module it shares with another service, a module that runs in every
     * service. Before, it was left out of these checks, and they came one run later.
     */
    @Test
    void aServiceWithAMistakeOfItsOwnIsStillCheckedAcrossServices(@TempDir Path folder) throws IOException {
        ModulithModel library = library(module("books", false), module("loans", false), module("members", true));
        Path file = Files.writeString(folder.resolve("topology.yml"), """
                services:
                  - { name: monolith, monolith: true }
                  - { name: catalogue, memory: 300, modules: [bokks] }
                  - { name: circulation, modules: [loans, members], colour: blue }
                  - { name: lending, modules: [loans] }
                """);
        TopologyLocation.Reading reading = TopologyLocation.check(file, library, "library");
        assertEquals(List.of(
                file + ":3: catalogue: cpu 256 takes memory 512, 1024, 2048 MiB on Fargate, not 300",
                file + ":3: catalogue: unknown module 'bokks' (did you mean books?); the modules are books, loans, members",
                file + ":4: circulation: unknown key 'colour' (known keys: autoscaling, count, cpu, database, environment, memory,"
                        + " modules, monolith, name, traffic)",
                file + ":4: circulation: module 'members' is an open module, which runs in every service already: remove"
                        + " it from modules (the modules a service can hold are books, loans)",
                file + ":5: module 'loans' is in two services, 'circulation' (line 4) and 'lending'; a module runs in one"
                        + " extracted service"), reading.mistakes());
        assertEquals(List.of("monolith", "lending"),
                reading.spec().services().stream().map(dev.forum.topology.ServiceSpec::name).toList(),
                "the services read right, for the ECS deployment's checks");
    }

    /**
     * A directory named as the topology file is refused as a directory (trial5: "No topology file at topos" misled,
     * since something is there), with the file to name instead.
     */
    @Test
    void aDirectoryIsRefusedAsADirectory(@TempDir Path folder) throws IOException {
        Files.createDirectory(folder.resolve("topos"));
        Path pom = Files.writeString(folder.resolve("pom.xml"), "<project/>");
        org.apache.maven.model.Model model = new org.apache.maven.model.Model();
        model.setArtifactId("library");
        org.apache.maven.project.MavenProject project = new org.apache.maven.project.MavenProject(model);
        project.setFile(pom.toFile());
        var e = assertThrows(ExtractionException.class,
                () -> TopologyLocation.refuseDirectory(TopologyLocation.resolve("topos", project), "topos", project));
        assertEquals(folder.resolve("topos") + " is a directory, not a topology file (extract.topology=topos, a relative"
                + " path is taken from " + folder + "): name the file in it, e.g. -Dextract.topology=topos/topology.yml",
                e.getMessage());
        TopologyLocation.refuseDirectory(folder.resolve("topology.yml"), "topology.yml", project); // no file: no refusal
    }

    /**
     * trial5's combo.yml: no service is the monolith while the services hold mistakes of their own; every one of them
     * says whether it is the monolith, so "no monolith" comes in the same run as their mistakes, not one run later.
     */
    @Test
    void noMonolithComesWithTheServicesOwnMistakes(@TempDir Path folder) throws IOException {
        ModulithModel library = library(module("books", false), module("loans", false));
        Path file = Files.writeString(folder.resolve("topology.yml"), """
                services:
                  - { name: main, monolith: false, modules: [books] }
                  - { name: circulation, modules: [loans], cpu: 300 }
                """);
        assertEquals(List.of(file + ": no monolith: mark one service monolith: true (it holds every module not listed"
                        + " elsewhere and is the default route)",
                file + ":3: circulation: cpu 300 is not a Fargate size (use 256, 512, 1024, 2048 or 4096)"),
                TopologyLocation.check(file, library, "library").mistakes());
    }

    /** The application library.LibraryApplication with {@code modules}, and nothing else in its model. */
    private static ModulithModel library(ModulithModel.Module... modules) {
        return ModulithModel.builder("library.LibraryApplication", List.of("library"), List.of(modules)).build();
    }

    private static ModulithModel.Module module(String name, boolean open) {
        return new ModulithModel.Module(name, "library." + name, open, false, Set.of("library." + name + ".Api"),
                Set.of("library." + name + ".Api"), Map.of(), List.of());
    }
}

package dev.forum.extraction.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.extraction.model.ExtractionException;
import dev.forum.extraction.request.ExtractRequests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check-request goal's refusal: the file's mistakes and the request's together, or the file's alone. */
class CheckRequestMojoTest {

    private static final List<ExtractRequests.Requested> CATALOGUE = List.of(new ExtractRequests.Requested("catalogue", "-Dextract"));

    /** A file that is not YAML has no known services: a service it meant to name is not refused as unknown beside it. */
    @Test
    void aFileNotReadAsATopologyIsRefusedForItsMistakesAlone(@TempDir Path folder) throws Exception {
        Path file = Files.writeString(folder.resolve("topology.yml"), "services: [ { name: catalogue\n");
        TopologyInUse.Written written = TopologyInUse.written(file, "library", EcsChecksAhead.NONE);
        assertFalse(written.read());

        ExtractionException refused = assertThrows(ExtractionException.class,
                () -> CheckRequestMojo.refuse(CATALOGUE, Set.of("books"), written));
        assertEquals(written.refusal().getMessage(), refused.getMessage());
        assertTrue(refused.getMessage().contains("not valid YAML"), refused.getMessage());
    }

    /** A file read with a mistake still has its services known, and an unknown one is refused beside the mistake. */
    @Test
    void aFileReadWithAMistakeIsRefusedWithTheRequestsMistakes(@TempDir Path folder) throws Exception {
        Path file = Files.writeString(folder.resolve("topology.yml"), """
                services:
                  - { name: monolith, monolith: true }
                  - { name: shelves, memory: 300, modules: [books] }
                """);
        TopologyInUse.Written written = TopologyInUse.written(file, "library", EcsChecksAhead.NONE);
        assertTrue(written.read());

        ExtractionException refused = assertThrows(ExtractionException.class,
                () -> CheckRequestMojo.refuse(CATALOGUE, Set.of("books"), written));
        assertEquals(2, refused.lines().size(), String.join("\n", refused.lines()));
        assertTrue(refused.lines().get(1).contains("catalogue"), refused.lines().get(1));
    }

    /**
     * A service without a name is the file's mistake alone: the requested service written after it is known, so the
     * refusal is that one line, with no "unknown service" beside it.
     */
    @Test
    void aNamelessServiceDoesNotMakeTheRequestedOneUnknown(@TempDir Path folder) throws Exception {
        Path file = Files.writeString(folder.resolve("topology.yml"), """
                services:
                  - { name: monolith, monolith: true }
                  - { modules: [shelves] }
                  - { name: catalogue, modules: [books] }
                """);
        TopologyInUse.Written written = TopologyInUse.written(file, "library", EcsChecksAhead.NONE);
        assertEquals(List.of("monolith", "catalogue"),
                written.services().stream().map(dev.forum.topology.ServiceOutline::name).toList());

        ExtractionException refused = assertThrows(ExtractionException.class,
                () -> CheckRequestMojo.refuse(CATALOGUE, Set.of("books", "shelves"), written));
        assertEquals(file + ":3: a service without a name: add name: <service>", refused.getMessage());
    }
    /**
     * Without extract=<module> profiles a name that is no service of the file cannot be checked before compiling: the
     * goal says so in one line instead of passing in silence; a service of the file is checked, and profiles make
     * every name checkable here.
     */
    @Test
    void aNameCheckedOnlyOnceCompiledIsSaidSo(@TempDir Path folder) throws Exception {
        Path file = Files.writeString(folder.resolve("topology.yml"), """
                services:
                  - { name: monolith, monolith: true }
                  - { name: shelves, modules: [books] }
                """);
        TopologyInUse.Written written = TopologyInUse.written(file, "library", EcsChecksAhead.NONE);
        List<ExtractRequests.Requested> typo = List.of(new ExtractRequests.Requested("catlog", "-Dextract"),
                new ExtractRequests.Requested("shelves", "-Dextract"));

        assertEquals(java.util.Optional.of("[extract] catlog: checked as module name once the application is compiled"
                + " (no service of " + file + " has this name, and the build declares no extract=<module> profile to"
                + " check a module name against before compiling)"), CheckRequestMojo.checkedLater(typo, Set.of(), written));
        assertEquals(java.util.Optional.of("[extract] catlog, books: checked as module names once the application is"
                + " compiled (there is no topology file, and the build declares no extract=<module> profile to check a"
                + " module name against before compiling)"), CheckRequestMojo.checkedLater(List.of(typo.get(0),
                new ExtractRequests.Requested("books", "-Dextract")), Set.of(), null));
        assertTrue(CheckRequestMojo.checkedLater(typo.subList(1, 2), Set.of(), written).isEmpty(), "a service of the file");
        assertTrue(CheckRequestMojo.checkedLater(typo, Set.of("books"), written).isEmpty(), "profiles check every name");
        assertTrue(CheckRequestMojo.checkedLater(List.of(), Set.of(), written).isEmpty(), "nothing requested");
    }
}

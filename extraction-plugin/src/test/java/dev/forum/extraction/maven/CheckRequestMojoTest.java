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
        TopologyInUse.Written written = TopologyInUse.written(file, "library");
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
        TopologyInUse.Written written = TopologyInUse.written(file, "library");
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
        TopologyInUse.Written written = TopologyInUse.written(file, "library");
        assertEquals(List.of("monolith", "catalogue"),
                written.services().stream().map(dev.forum.topology.ServiceOutline::name).toList());

        ExtractionException refused = assertThrows(ExtractionException.class,
                () -> CheckRequestMojo.refuse(CATALOGUE, Set.of("books", "shelves"), written));
        assertEquals(file + ":3: a service without a name: add name: <service>", refused.getMessage());
    }
}

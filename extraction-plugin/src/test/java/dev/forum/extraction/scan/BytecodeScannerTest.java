package dev.forum.extraction.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.extraction.FakeApp;
import dev.forum.extraction.model.ExtractionException;
import dev.forum.extraction.model.ScannedArtifact;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BytecodeScannerTest {

    @TempDir
    Path dir;

    @Test
    void findsTheModuleApiAndTheReferencesOfEachClass() throws IOException {
        Map<String, Path> jars = FakeApp.jars(dir, false);
        BytecodeScanner scanner = new BytecodeScanner(FakeApp.ANNOTATION);

        ScannedArtifact api = scanner.scan("alpha-api", jars.get("alpha-api"));
        assertEquals(Map.of("fake.alpha.AlphaApi", "alpha"), api.moduleApis());
        assertEquals(Set.of("fake.alpha.AlphaApi", "fake.alpha.AlphaId"), api.classes());

        ScannedArtifact beta = scanner.scan("beta", jars.get("beta"));
        // A generic field type (List<AlphaApi>) is found through its signature.
        assertTrue(beta.references().get("fake.beta.internal.BetaService")
                .containsAll(Set.of("fake.alpha.AlphaApi", "fake.alpha.AlphaId", "fake.beta.BetaApi")));
    }

    @Test
    void readsTheRoutePrefixFromTheContractsClassLevelAnnotation() throws IOException {
        Map<String, Path> jars = FakeApp.jars(dir, false);
        BytecodeScanner scanner = new BytecodeScanner(FakeApp.ANNOTATION);
        // url = AlphaApi.PATH: the constant is inlined into the annotation.
        assertEquals(Map.of("fake.alpha.AlphaApi", "/api/alpha"), scanner.scan("alpha-api", jars.get("alpha-api")).routes());
        assertEquals(Map.of("fake.beta.BetaApi", "/api/beta"), scanner.scan("beta-api", jars.get("beta-api")).routes());
        assertEquals(Map.of(), scanner.scan("gamma-api", jars.get("gamma-api")).routes());
        // Another annotation can carry the prefix.
        assertEquals(Map.of(), new BytecodeScanner(FakeApp.ANNOTATION, "fake.platform.Paging")
                .scan("alpha-api", jars.get("alpha-api")).routes());
    }

    @Test
    void readsTypesFromDescriptorsAndSignatures() {
        Set<String> found = new HashSet<>();
        ClassFile.addDescriptorTypes("(ILa/b/C;[La/b/D;)Ljava/util/List<La/b/E<La/F;>;>;", found);
        assertEquals(Set.of("a.b.C", "a.b.D", "a.b.E", "a.F"), found);
    }

    @Test
    void aBadAnnotationNameFails() {
        var e = assertThrows(ExtractionException.class, () -> new BytecodeScanner("ModuleApi"));
        assertEquals("moduleApiAnnotation 'ModuleApi' is not a qualified class name: set it like forum.platform.ModuleApi",
                e.getMessage());
    }
}

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
    void findsTheClassesOfAJarAndTheReferencesOfEachClass() throws IOException {
        Map<String, Path> jars = FakeApp.jars(dir, false);
        BytecodeScanner scanner = new BytecodeScanner();

        ScannedArtifact api = scanner.scan("alpha-api", jars.get("alpha-api"));
        assertEquals(Set.of("fake.alpha.AlphaApi", "fake.alpha.AlphaId"), api.classes());

        ScannedArtifact beta = scanner.scan("beta", jars.get("beta"));
        // A generic field type (List<AlphaApi>) is found through its signature.
        assertTrue(beta.references().get("fake.beta.internal.BetaService")
                .containsAll(Set.of("fake.alpha.AlphaApi", "fake.alpha.AlphaId", "fake.beta.BetaApi")));
        // Nothing of the JDK, and never the class itself.
        assertTrue(beta.references().get("fake.beta.internal.BetaService").stream().noneMatch(c -> c.startsWith("java.")));
        assertTrue(!beta.references().get("fake.beta.internal.BetaService").contains("fake.beta.internal.BetaService"));
    }

    @Test
    void readsAClassesFolderAsAJar() throws IOException {
        FakeApp.jars(dir, false);
        ScannedArtifact classes = new BytecodeScanner().scan("classes", dir.resolve("classes"));
        assertTrue(classes.classes().containsAll(Set.of("fake.alpha.AlphaApi", "fake.beta.internal.Sneaky")));
    }

    @Test
    void readsTypesFromDescriptorsAndSignatures() {
        Set<String> found = new HashSet<>();
        ClassFile.addDescriptorTypes("(ILa/b/C;[La/b/D;)Ljava/util/List<La/b/E<La/F;>;>;", found);
        assertEquals(Set.of("a.b.C", "a.b.D", "a.b.E", "a.F"), found);
    }

    @Test
    void aMissingArtifactFailsNamingWhatToRun() {
        var e = assertThrows(ExtractionException.class, () -> new BytecodeScanner().scan("x:y", dir.resolve("none.jar")));
        assertEquals("Artifact x:y has no file at " + dir.resolve("none.jar") + ": run the build's package phase first", e.getMessage());
    }
}

package dev.forum.extraction.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.extraction.FakeApp;
import dev.forum.extraction.image.ImageLayout;
import dev.forum.extraction.model.LibraryCounts;
import dev.forum.extraction.model.ModulithModel;
import dev.forum.extraction.model.Planner;
import dev.forum.extraction.model.ScannedArtifact;
import dev.forum.extraction.model.ServicePlan;
import dev.forum.extraction.model.ServiceRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analysis line names the modules Spring Modulith found, and says so plainly when it found none; the library
 * counts of the resolve line, the service's line and the image's line add up.
 */
class ProgressTest {

    @TempDir
    Path dir;

    @Test
    void theResolveLineSaysHowManyLibrariesSpringBootPacksAndLeavesOut() throws IOException {
        List<RuntimeLibraries.Entry> libraries = List.of(
                new RuntimeLibraries.Entry("a", Files.write(dir.resolve("a.jar"), new byte[600_000])),
                new RuntimeLibraries.Entry("b", Files.write(dir.resolve("b.jar"), new byte[400_000])),
                new RuntimeLibraries.Entry("lombok", Files.write(dir.resolve("lombok.jar"), new byte[100_000]),
                        Optional.of("optional")));

        assertEquals("[extract] resolve: 3 runtime libraries (1.1 MB; Spring Boot's repackaging packs 2, leaves out 1) in"
                + " 0.1 s", Progress.resolvedLine(libraries, "0.1 s"));
    }

    @Test
    void theServiceLineSaysWhichModulesItCallsOverHttpAndWhichItOnlyUsesTheTypesOf() throws IOException {
        // gamma calls beta through its HTTP contract, and holds alpha's AlphaId only.
        List<ScannedArtifact> artifacts = FakeApp.scanned(dir, false);
        ServicePlan plan = Planner.plan(FakeApp.model(), artifacts, new ServiceRequest("gamma", List.of("gamma")));
        LibraryCounts counts = LibraryCounts.of(plan, dir.resolve("classes"), Map.of());
        List<Path> jars = plan.included().keySet().stream().map(ScannedArtifact::location).toList();

        String line = Progress.assembledLine(plan, counts, jars, "gamma.jar", "0.5 s");
        assertTrue(line.startsWith("[extract] gamma: modules gamma, calls beta over HTTP, uses only the published types of"
                + " alpha; "), line);
        ServicePlan alone = Planner.plan(FakeApp.model(), artifacts, new ServiceRequest("core", List.of("alpha", "beta")));
        assertTrue(Progress.assembledLine(alone, LibraryCounts.of(alone, dir.resolve("classes"), Map.of()),
                alone.included().keySet().stream().map(ScannedArtifact::location).toList(), "core.jar", "0.5 s")
                .startsWith("[extract] core: modules alpha, beta, calls none over HTTP; "));
    }

    @Test
    void theServiceLineSumsItsLibrariesAsContentsTxtAndTheImageLayersDo() throws IOException {
        List<ScannedArtifact> artifacts = new ArrayList<>(FakeApp.scanned(dir, false));
        Path json = Files.write(dir.resolve("json-1.0.jar"), new byte[1000]);
        artifacts.add(new ScannedArtifact("org.example:json:jar:1.0", json, Map.of()));
        ServicePlan plan = Planner.plan(FakeApp.model(), artifacts, new ServiceRequest("beta", List.of("beta")));
        LibraryCounts counts = LibraryCounts.of(plan, dir.resolve("classes"), Map.of("lombok", "optional"));
        List<Path> jars = plan.included().keySet().stream().map(ScannedArtifact::location).toList();

        String line = Progress.assembledLine(plan, counts, jars, "target/services/beta/beta.jar (1.0 MB)", "0.5 s");

        assertTrue(line.startsWith("[extract] beta: modules beta, calls alpha over HTTP; 9 runtime libraries = 5 included (1"
                + " third-party, 4 with application classes) + 3 excluded (other modules' code) + 1 not packed (Spring"
                + " Boot's repackaging leaves them out); "), line);
        assertTrue(line.matches(".*; \\d+ KB of libraries in the jar -> target/services/beta/beta.jar \\(1\\.0 MB\\) in 0\\.5 s"),
                line);
        assertThrows(IllegalStateException.class, () -> Progress.assembledLine(plan, counts, jars.subList(1, jars.size()),
                "beta.jar", "0.5 s"), "a jar list that is not the included libraries is a bug, not a line");

        Map<String, Path> libs = new java.util.TreeMap<>();
        Map<String, Path> modules = new java.util.TreeMap<>();
        plan.included().keySet().forEach(a -> (LibraryCounts.isApplication(a) ? modules : libs)
                .put("/app/x/" + a.location().getFileName(), a.location()));
        ImageLayout layout = new ImageLayout(List.of(new ImageLayout.Layer("libs", libs),
                new ImageLayout.Layer("modules", modules), new ImageLayout.Layer("classes", Map.of("/app/classes/classes.jar", json))));
        String layers = Progress.layers(layout);
        assertTrue(layers.startsWith("libs 1 jar 1 KB, modules 4 jars "), layers);
        assertTrue(layers.endsWith(", classes 1 KB"), layers);
        assertEquals(counts.thirdParty(), libs.size());
        assertEquals(counts.application(), modules.size());
    }

    @Test
    void aFlatApplicationsLineSaysNoModulesNotAnEmptyList() {
        assertEquals("no modules", Progress.modules(model()));
        assertEquals("orders, platform (open)", Progress.modules(model(
                new ModulithModel.Module("orders", "shop.orders", false, false, Set.of(), Set.of(), Map.of(), List.of()),
                new ModulithModel.Module("platform", "shop.platform", true, false, Set.of(), Set.of(), Map.of(), List.of()))));
    }

    private static ModulithModel model(ModulithModel.Module... modules) {
        return ModulithModel.builder("shop.ShopApplication", List.of("shop"), List.of(modules)).build();
    }
}

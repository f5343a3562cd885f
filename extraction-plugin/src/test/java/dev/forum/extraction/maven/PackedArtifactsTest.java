package dev.forum.extraction.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.forum.extraction.model.ScannedArtifact;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every goal plans with the artifacts Spring Boot's repackaging packs ({@link ApplicationAnalysis#packedOnly}): a
 * library it leaves out (optional, excluded) is in no service's jar, so the report and the early {@code -Dextract}
 * check must not count its application classes either, or they call a service buildable that the service goal refuses.
 */
class PackedArtifactsTest {

    @Test
    void aLibraryTheRepackagingLeavesOutIsNotPlannedWithEvenIfItHoldsApplicationClasses() {
        Path classes = Path.of("target/classes");
        Path packed = Path.of("lib/orders-api.jar");
        Path optional = Path.of("lib/orders-extras.jar");
        Path excluded = Path.of("lib/reporting.jar");
        List<RuntimeLibraries.Entry> libraries = List.of(
                new RuntimeLibraries.Entry("com.example:orders-api:jar:1", packed),
                new RuntimeLibraries.Entry("com.example:orders-extras:jar:1", optional, Optional.of("it is optional")),
                new RuntimeLibraries.Entry("com.example:reporting:jar:1", excluded,
                        Optional.of("spring-boot-maven-plugin excludes it")));
        List<ScannedArtifact> scanned = List.of(
                artifact("app (classes)", classes, "com.example.shop.Application"),
                artifact("orders-api", packed, "com.example.shop.orders.OrderApi"),
                artifact("orders-extras", optional, "com.example.shop.orders.Discounts"),
                artifact("reporting", excluded, "com.example.shop.reporting.Sales"));

        List<ScannedArtifact> planned = ApplicationAnalysis.packedOnly(libraries, scanned);

        assertEquals(List.of("app (classes)", "orders-api"), planned.stream().map(ScannedArtifact::name).toList());
    }

    @Test
    void withEveryLibraryPackedEveryArtifactIsPlannedWithInClassPathOrder() {
        Path classes = Path.of("target/classes");
        Path library = Path.of("lib/catalog.jar");
        List<ScannedArtifact> scanned = List.of(artifact("app (classes)", classes, "com.example.App"),
                artifact("catalog", library, "com.example.catalog.Catalog"));

        assertEquals(scanned, ApplicationAnalysis.packedOnly(
                List.of(new RuntimeLibraries.Entry("com.example:catalog:jar:1", library)), scanned));
    }

    private static ScannedArtifact artifact(String name, Path location, String applicationClass) {
        return new ScannedArtifact(name, location, Map.of(applicationClass, Set.of()));
    }
}

package dev.forum.extraction.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.forum.extraction.FakeApp;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service's library counts add up to the libraries resolved, whatever the build line, contents.txt or the image
 * shows: every library is included, excluded or not packed, and every included one is third-party or the
 * application's.
 */
class LibraryCountsTest {

    @TempDir
    Path dir;

    @Test
    void everyResolvedLibraryIsCountedOnceAsIncludedExcludedOrNotPacked() throws IOException {
        List<ScannedArtifact> artifacts = new ArrayList<>(FakeApp.scanned(dir, false));
        artifacts.add(new ScannedArtifact("org.example:json:jar:1.0", dir.resolve("json-1.0.jar"), Map.of()));
        Map<String, String> notPacked = Map.of("org.projectlombok:lombok:jar:1.18", "optional",
                "org.springframework.boot:spring-boot-devtools:jar:4.1.1", "devtools");
        ServicePlan plan = Planner.plan(FakeApp.model(), artifacts, new ServiceRequest("beta", List.of("beta")));

        LibraryCounts counts = LibraryCounts.of(plan, dir.resolve("classes"), notPacked);

        // shared, alpha-api (used), beta-api, beta and json in; alpha, gamma-api, gamma out; lombok, devtools unpacked.
        assertEquals(new LibraryCounts(10, 5, 1, 4, 0, 3, 2), counts);
        assertEquals(artifacts.size() + notPacked.size(), counts.resolved());
        assertEquals(plan.included().size(), counts.included());
        assertEquals(plan.excluded().size(), counts.excluded());
        assertEquals("10 runtime libraries = 5 included (1 third-party, 4 with application classes) + 3 excluded (other"
                + " modules' code) + 2 not packed (Spring Boot's repackaging leaves them out)", counts.describe());
    }

    @Test
    void theApplicationsClassesFolderIsNoLibraryAndAFilteredOneIsSaidSo() throws IOException {
        List<ScannedArtifact> artifacts = new ArrayList<>(FakeApp.scanned(dir, false));
        Path classes = artifacts.get(0).location();   // "shared" stands for the classes folder here

        LibraryCounts counts = LibraryCounts.of(Planner.plan(FakeApp.model(), artifacts,
                new ServiceRequest("beta", List.of("beta"))), classes, Map.of());

        assertEquals(new LibraryCounts(6, 3, 0, 3, 0, 3, 0), counts);
        assertEquals("1 runtime library = 1 included (0 third-party, 1 with application classes, 1 of them filtered)",
                new LibraryCounts(1, 1, 0, 1, 1, 0, 0).describe());
    }

    @Test
    void countsThatDoNotAddUpAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LibraryCounts(10, 5, 1, 4, 0, 3, 1));
        assertThrows(IllegalArgumentException.class, () -> new LibraryCounts(10, 5, 1, 3, 0, 3, 2));
        assertThrows(IllegalArgumentException.class, () -> new LibraryCounts(1, 1, 1, 0, 2, 0, 0));
    }
}

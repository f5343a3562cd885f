package dev.forum.extraction.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.forum.extraction.model.ExtractionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A module's Maven project left off the application's dependencies: every refusal naming the module as unknown says
 * which project of the build holds its package and that the application does not depend on it.
 */
class OffClassPathTest {

    private static final String HINT = "shop-billing, a project of this build, holds com.example.shop.billing but is not"
            + " on shop-app's class path: add it as a dependency of shop-app";

    @TempDir
    Path dir;

    MavenProject app;
    MavenProject inventory;
    MavenProject billing;
    List<MavenProject> build;

    @BeforeEach
    void shop() throws Exception {
        app = project("shop-app");
        inventory = project("shop-inventory");
        billing = project("shop-billing");
        build = List.of(inventory, billing, app);
        Files.createDirectories(dir.resolve("shop-inventory/target/classes/com/example/shop/inventory"));
        Files.createDirectories(dir.resolve("shop-billing/src/main/java/com/example/shop/billing/internal"));
        app.setArtifacts(Set.of(artifact("shop-inventory")));
    }

    @Test
    void aPackageInAProjectTheApplicationDoesNotDependOnIsNamed() {
        assertEquals(Optional.of(HINT), OffClassPath.hint("billing", "com.example.shop", app, build), "its sources");
        assertEquals(Optional.empty(), OffClassPath.hint("inventory", "com.example.shop", app, build),
                "shop-inventory is a dependency of shop-app");
        app.setArtifacts(Set.of());
        assertEquals(Optional.of("shop-inventory, a project of this build, holds com.example.shop.inventory but is not on"
                + " shop-app's class path: add it as a dependency of shop-app"),
                OffClassPath.hint("inventory", "com.example.shop", app, build), "its compiled classes");
        assertEquals(Optional.empty(), OffClassPath.hint("shipping", "com.example.shop", app, build), "no project holds it");
        assertEquals(Optional.empty(), OffClassPath.hint("billing", "com.example.other", app, build),
                "not under the application's package");
    }

    @Test
    void everyRefusalOfAnUnknownModuleGetsTheHint() {
        String file = "topology.yml:8: sales: unknown module 'billing'; the modules are inventory, orders";
        assertEquals(List.of(file + "; " + HINT), hinted(new ExtractionException(file)).lines(), "the topology file");
        String request = "Unknown module or service 'billing' in -Dextract=billing: valid are modules inventory, orders";
        assertEquals(List.of(request + "; " + HINT), hinted(new ExtractionException(request)).lines(), "-Dextract=");
        String profile = "Unknown module or service 'billing' in -Pextract=billing: valid are modules inventory, orders";
        assertEquals(List.of(profile + "; " + HINT), hinted(new ExtractionException(profile)).lines(), "-Pextract=");

        ExtractionException several = new ExtractionException(List.of(file, "topology.yml:3: monolith: unknown key 'cpus'"),
                "2 mistakes in topology.yml");
        ExtractionException both = hinted(several);
        assertEquals(List.of(file + "; " + HINT, "topology.yml:3: monolith: unknown key 'cpus'"), both.lines());
        assertEquals("2 mistakes in topology.yml", both.summary());
    }

    @Test
    void otherRefusalsAndSingleProjectBuildsAreLeftAsTheyAre() {
        ExtractionException typo = new ExtractionException("Unknown module or service 'shiping' in -Dextract=shiping");
        assertSame(typo, hinted(typo), "no project holds it");
        ExtractionException billingUnknown = new ExtractionException("sales: unknown module 'billing'");
        assertSame(billingUnknown, OffClassPath.withHints(billingUnknown, null, app, build), "no main class known");
        assertSame(billingUnknown, OffClassPath.withHints(billingUnknown, "com.example.shop", app, List.of(app)),
                "a single project");
    }

    private ExtractionException hinted(ExtractionException refusal) {
        return OffClassPath.withHints(refusal, "com.example.shop", app, build);
    }

    private MavenProject project(String artifactId) {
        Model model = new Model();
        model.setGroupId("com.example");
        model.setArtifactId(artifactId);
        model.setVersion("1.0");
        model.setPackaging("jar");
        Build build = new Build();
        build.setOutputDirectory(dir.resolve(artifactId + "/target/classes").toString());
        model.setBuild(build);
        MavenProject project = new MavenProject(model);
        project.addCompileSourceRoot(dir.resolve(artifactId + "/src/main/java").toString());
        return project;
    }

    private static Artifact artifact(String artifactId) {
        return new DefaultArtifact("com.example", artifactId, "1.0", "compile", "jar", null, new DefaultArtifactHandler("jar"));
    }
}

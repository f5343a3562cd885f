package dev.forum.extraction.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.forum.extraction.model.ExtractionException;
import dev.forum.extraction.model.ModulithModel;
import dev.forum.extraction.request.ExtractRequests;
import dev.forum.extraction.request.ExtractRequests.Requested;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
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
 * A module's Maven project left off the application's dependencies: every refusal naming the module as unknown (each
 * built by the code that words it: the topology file's checks, -Dextract and -Pextract) says which project of the build
 * holds its package and that the application does not depend on it.
 */
class OffClassPathTest {

    private static final String HINT = "shop-billing, a project of this build, holds com.example.shop.billing but is not"
            + " on shop-app's class path: add it as a dependency of shop-app";

    /** shop-app's modules: billing is not one, its project being off the application's class path. */
    private static final ModulithModel SHOP = ModulithModel.builder("com.example.shop.ShopApplication",
            List.of("com.example.shop"), Stream.of("inventory", "orders")
                    .map(name -> new ModulithModel.Module(name, "com.example.shop." + name, false, false,
                            Set.of("com.example.shop." + name + ".Api"), Set.of(), Map.of(), List.of()))
                    .toList()).build();

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
    void everyRefusalOfAnUnknownModuleGetsTheHint() throws IOException {
        // Each refusal as its producer words it, so that a change of wording there cannot silently drop the hint.
        ExtractionException file = assertThrows(ExtractionException.class, () -> TopologyLocation.read(topology("""
                services:
                  - { name: monolith, monolith: true }
                  - { name: sales, modules: [orders, billing] }
                """), SHOP, "shop"));
        assertEquals(List.of(file.getMessage(), "billing: " + HINT), hinted(file).lines(), "the topology file");
        ExtractionException request = assertThrows(ExtractionException.class, () -> ExtractRequests.resolve(
                List.of(new Requested("billing", "-Dextract=billing")), null, SHOP));
        assertEquals(List.of(request.getMessage(), "billing: " + HINT), hinted(request).lines(), "-Dextract=");
        assertEquals(request.getMessage() + " (and where its code is, the [extract] line above)",
                hinted(request).summary(), "the failure's message");
        ExtractionException profile = assertThrows(ExtractionException.class, () -> ExtractRequests
                .refuseUnknownBeforeCompile(List.of(new Requested("billing", "-Pextract=billing")),
                        Set.of("inventory", "orders"), List.of(), null));
        assertEquals(List.of(profile.lines().get(0), "billing: " + HINT), hinted(profile).lines(), "-Pextract=");
    }

    @Test
    void ofATopologyFilesSeveralMistakesTheRowNamingTheModuleGetsTheHint() throws IOException {
        ExtractionException several = assertThrows(ExtractionException.class, () -> TopologyLocation.read(topology("""
                services:
                  - { name: monolith, monolith: true }
                  - { name: sales, modules: [orders, billing] }
                  - { name: ops, modules: [orders] }
                """), SHOP, "shop"));
        // One line: a count, then a row per mistake in the file's order (billing's on line 3, orders twice on line 4).
        List<String> rows = List.of(several.getMessage().split("\n"));
        assertEquals(3, rows.size(), several.getMessage());
        assertEquals(List.of(several.getMessage(), "billing: " + HINT), hinted(several).lines());

        ExtractionException request = assertThrows(ExtractionException.class, () -> ExtractRequests
                .refuseUnknownBeforeCompile(List.of(new Requested("billing", "-Pextract=billing,shiping"),
                        new Requested("shiping", "-Pextract=billing,shiping")), Set.of("inventory", "orders"), List.of(),
                        null));
        ExtractionException both = hinted(request);
        assertEquals(List.of(request.lines().get(0), request.lines().get(1), "billing: " + HINT), both.lines(),
                "no project holds shiping");
        assertEquals(request.summary(), both.summary());
    }

    @Test
    void otherRefusalsAndSingleProjectBuildsAreLeftAsTheyAre() {
        ExtractionException typo = assertThrows(ExtractionException.class, () -> ExtractRequests.resolve(
                List.of(new Requested("shiping", "-Dextract=shiping")), null, SHOP));
        assertSame(typo, hinted(typo), "no project holds it");
        ExtractionException billingUnknown = assertThrows(ExtractionException.class, () -> ExtractRequests.resolve(
                List.of(new Requested("billing", "-Dextract=billing")), null, SHOP));
        assertSame(billingUnknown, OffClassPath.withHints(billingUnknown, null, app, build), "no main class known");
        assertSame(billingUnknown, OffClassPath.withHints(billingUnknown, "com.example.shop", app, List.of(app)),
                "a single project");
        ExtractionException worded = new ExtractionException("sales: unknown module 'billing'");
        assertSame(worded, hinted(worded), "the names are the refusal's data, not read from its words");
    }

    @Test
    void beforeDependenciesAreResolvedTheProjectsThePomUsesAreOnTheClassPath() {
        // check-request runs at validate: no artifact is resolved yet, the POM's dependencies tell.
        app.setArtifacts(Set.of());
        org.apache.maven.model.Dependency orders = new org.apache.maven.model.Dependency();
        orders.setGroupId("com.example");
        orders.setArtifactId("shop-billing");
        orders.setVersion("1.0");
        app.getModel().addDependency(orders);
        assertEquals(Optional.empty(), OffClassPath.hint("billing", "com.example.shop", app, build));
    }

    @Test
    void checkRequestsRefusalGetsTheHintWithThePackageOfTheApplicationsSources() throws IOException {
        assertEquals(null, ApplicationSources.of(app, null, null).basePackage().orElse(null), "no source yet");
        Path sources = dir.resolve("shop-app/src/main/java/com/example/shop");
        Files.createDirectories(sources);
        Files.writeString(sources.resolve("ShopApplication.java"), "package com.example.shop;\n\n@SpringBootApplication\n"
                + "public class ShopApplication {\n}\n");
        Files.writeString(sources.resolve("Other.java"), "package com.example.shop;\n\nclass Other {\n}\n");
        assertEquals("com.example.shop", ApplicationSources.of(app, null, null).basePackage().orElse(null));

        ExtractionException refused = assertThrows(ExtractionException.class, () -> CheckRequestMojo.refuse(
                List.of(new Requested("billing", "-Pextract=billing")), Set.of("inventory", "orders"), null));
        assertEquals(List.of(refused.lines().get(0), "billing: " + HINT), OffClassPath.withHints(refused,
                ApplicationSources.of(app, null, null).basePackage().orElse(null), app, build).lines());
    }

    @Test
    void aKotlinApplicationsPackageIsReadFromItsSourcesBeforeKotlinsPluginAddsTheirFolder() throws IOException {
        // The kotlin-maven-plugin adds src/main/kotlin to the source roots when it compiles, after validate; the
        // package is the file's, not its folder's.
        MavenProject clinic = project("clinic");
        clinic.setFile(dir.resolve("clinic/pom.xml").toFile());
        Path sources = dir.resolve("clinic/src/main/kotlin/clinic");
        Files.createDirectories(sources);
        Files.writeString(sources.resolve("ClinicApplication.kt"), "package com.example.clinic\n\n@SpringBootApplication\n"
                + "class ClinicApplication\n\nfun main(args: Array<String>) {\n    runApplication<ClinicApplication>(*args)\n}\n");
        Files.writeString(sources.resolve("Notes.kt"), "package com.example.clinic.notes\n\n/** Started by the"
                + " @SpringBootApplication class. */\nobject Notes\n");
        Path java = dir.resolve("clinic/src/main/java/com/example/clinic/web");
        Files.createDirectories(java);
        Files.writeString(java.resolve("Web.java"), "package com.example.clinic.web;\n\n/** Not the"
                + " {@code @SpringBootApplication} class. */\nclass Web {\n}\n");
        assertEquals("com.example.clinic", ApplicationSources.of(clinic, null, null).basePackage().orElse(null),
                "one annotated class: mentions in comments are not a second one");

        Files.writeString(java.resolve("WebApplication.java"), "package com.example.clinic.web;\n\n@SpringBootApplication\n"
                + "class WebApplication {\n}\n");
        assertEquals("com.example.clinic", ApplicationSources.of(clinic, null, null).basePackage().orElse(null),
                "two annotated classes: the one whose file has the main method, as Spring Boot's repackaging finds it");
    }

    @Test
    void aKotlinLibraryProjectIsFoundByItsSourcesBeforeItIsCompiled() throws IOException {
        // shop-billing in Kotlin, not compiled yet: its sources in src/main/kotlin, which the kotlin-maven-plugin adds to
        // the source roots only when it compiles; its file in billing/, as Kotlin's convention leaves out the common
        // root package's folders.
        Path base = dir.resolve("kotlin-build/shop-billing");
        MavenProject kotlin = project("shop-billing", base);
        Path sources = Files.createDirectories(base.resolve("src/main/kotlin/billing"));
        kotlin.setFile(Files.writeString(base.resolve("pom.xml"), "<project/>").toFile());
        Files.writeString(sources.resolve("Invoices.kt"), "/* moved from package com.example.shop.shipping */\n"
                + "package com.example.shop.billing.internal\n\nclass Invoices(val total: Long)\n");
        List<MavenProject> kotlinBuild = List.of(inventory, kotlin, app);
        assertEquals(List.of(), kotlin.getCompileSourceRoots().stream().filter(root -> root.endsWith("kotlin")).toList(),
                "Maven's roots name no Kotlin folder before Kotlin's plugin runs");

        assertEquals(Optional.of(HINT), OffClassPath.hint("billing", "com.example.shop", app, kotlinBuild),
                "a package below the module's, declared in a .kt file outside its folder");
        assertEquals(Optional.empty(), OffClassPath.hint("shipping", "com.example.shop", app, kotlinBuild),
                "a package a comment names is not declared");
        assertEquals(Optional.empty(), OffClassPath.hint("bill", "com.example.shop", app, kotlinBuild),
                "com.example.shop.billing is not below com.example.shop.bill");
    }

    private Path topology(String yaml) throws IOException {
        return Files.writeString(dir.resolve("topology.yml"), yaml);
    }

    private ExtractionException hinted(ExtractionException refusal) {
        return OffClassPath.withHints(refusal, "com.example.shop", app, build);
    }

    private MavenProject project(String artifactId) {
        return project(artifactId, dir.resolve(artifactId));
    }

    /** A project in {@code base} as Maven sets it up before any plugin runs: Java's source root, classes in target. */
    private static MavenProject project(String artifactId, Path base) {
        Model model = new Model();
        model.setGroupId("com.example");
        model.setArtifactId(artifactId);
        model.setVersion("1.0");
        model.setPackaging("jar");
        Build build = new Build();
        build.setOutputDirectory(base.resolve("target/classes").toString());
        model.setBuild(build);
        MavenProject project = new MavenProject(model);
        project.addCompileSourceRoot(base.resolve("src/main/java").toString());
        return project;
    }

    private static Artifact artifact(String artifactId) {
        return new DefaultArtifact("com.example", artifactId, "1.0", "compile", "jar", null, new DefaultArtifactHandler("jar"));
    }
}

package dev.forum.extraction.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.forum.extraction.model.ExtractionException;
import dev.forum.extraction.request.ExtractRequests.Requested;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application class's package before compiling, for check-request's hint: with several
 * {@code @SpringBootApplication} sources, the one the plugin's own rules take (its applicationClass, the launch class,
 * the one with a main method), else a line naming them and the setting that chooses.
 */
class ApplicationSourcesTest {

    private static final String MAIN = "    public static void main(String[] args) {\n    }\n";

    @TempDir
    Path dir;

    MavenProject app;
    MavenProject billing;

    @BeforeEach
    void shop() throws IOException {
        app = ReactorProjects.project(dir, "shop-app", "jar");
        app.setFile(dir.resolve("shop-app/pom.xml").toFile());
        app.addCompileSourceRoot(dir.resolve("shop-app/src/main/java").toString());
        app.addTestCompileSourceRoot(dir.resolve("shop-app/src/test/java").toString());
        billing = ReactorProjects.project(dir, "shop-billing", "jar");
        Files.createDirectories(dir.resolve("shop-billing/target/classes/com/example/shop/billing"));
        source("main", "com/example/shop/ShopApplication.java", "package com.example.shop;\n@SpringBootApplication\n"
                + "public class ShopApplication {\n" + MAIN + "}\n");
    }

    @Test
    void aTestApplicationAndASecondAnnotatedClassWithoutMainLeaveTheLaunchClass() throws IOException {
        source("test", "com/example/TestShopApplication.java", "package com.example;\n@SpringBootApplication\n"
                + "class TestShopApplication {\n" + MAIN + "}\n");
        source("main", "com/example/tools/ToolsConfig.java", "package com.example.tools;\n@SpringBootApplication\n"
                + "class ToolsConfig {\n}\n");
        assertEquals(new ApplicationSources(Optional.of("com.example.shop"), Optional.empty()),
                ApplicationSources.of(app, null, null));
        assertEquals(List.of("billing: shop-billing, a project of this build, holds"
                + " com.example.shop.billing but is not on shop-app's class path: add it as a dependency of shop-app"),
                hinted(ApplicationSources.of(app, null, null)));
    }

    @Test
    void twoLaunchClassesInTwoPackagesAreNamedWithTheSettingThatChooses() throws IOException {
        source("main", "com/example/admin/AdminApplication.java", "package com.example.admin;\n"
                + "@org.springframework.boot.autoconfigure.SpringBootApplication\npublic class AdminApplication {\n" + MAIN
                + "}\n");
        ApplicationSources ambiguous = ApplicationSources.of(app, null, null);
        assertEquals(Optional.empty(), ambiguous.basePackage());
        assertEquals(Optional.of("[extract] No line says where the code of an unknown name is: the application's sources"
                + " declare @SpringBootApplication classes in several packages, com.example.admin.AdminApplication,"
                + " com.example.shop.ShopApplication, each with a main method in its file, so the application class is not"
                + " known before compiling: name the one Spring Modulith reads the modules from with applicationClass"
                + " (-Dextract.applicationClass or <applicationClass>), or the launch class with <mainClass> in"
                + " spring-boot-maven-plugin's configuration"), ambiguous.ambiguity());
        assertEquals(List.of(), hinted(ambiguous), "no hint rather than one from a guessed package");

        assertEquals(Optional.of("com.example.shop"), ApplicationSources.of(app, null, "com.example.shop.ShopApplication")
                .basePackage(), "applicationClass chooses");
        assertEquals(Optional.of("com.example.admin"), ApplicationSources.of(app, "com.example.admin.AdminApplication", null)
                .basePackage(), "this plugin's mainClass chooses");
        ReactorProjects.bootPlugin(app).setConfiguration(ReactorProjects.mainClass("com.example.shop.ShopApplication"));
        assertEquals(Optional.of("com.example.shop"), ApplicationSources.of(app, null, null).basePackage(),
                "spring-boot-maven-plugin's mainClass chooses");
    }

    @Test
    void aLauncherBelowTheApplicationClassFindsTheNearestAbove() {
        List<BootSource.Declared> declared = List.of(new BootSource.Declared("com.example.shop", "com.example.shop.Shop",
                false), new BootSource.Declared("com.example.tools", "com.example.tools.Tools", false));
        assertEquals(Optional.of("com.example.shop"), ApplicationSources.choose(declared, "com.example.shop.boot.Launcher",
                null).basePackage());
        assertEquals(Optional.of("org.other"), ApplicationSources.choose(declared, "org.other.Main", null).basePackage(),
                "none above it: the launch class is the application class, as MainClassApplication takes it");
        assertEquals(new ApplicationSources(Optional.empty(), Optional.empty()), ApplicationSources.choose(List.of(), null,
                null), "no annotated source, nothing named: no hint and nothing to say");
    }

    /**
     * The lines check-request's refusal of {@code -Pextract=billing} gets below its own, hinted with {@code sources}'
     * package.
     */
    private List<String> hinted(ApplicationSources sources) {
        ExtractionException refused = assertThrows(ExtractionException.class, () -> CheckRequestMojo.refuse(
                List.of(new Requested("billing", "-Pextract=billing")), Set.of("inventory", "orders"), null));
        List<String> lines = OffClassPath.withHints(refused, sources.basePackage().orElse(null), app, List.of(billing, app))
                .lines();
        assertEquals(refused.lines(), lines.subList(0, refused.lines().size()));
        return lines.subList(refused.lines().size(), lines.size());
    }

    private void source(String set, String path, String text) throws IOException {
        Path file = dir.resolve("shop-app/src/" + set + "/java/" + path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}

package dev.forum.extraction.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.forum.extraction.model.ExtractionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project that is not compiled is told what to run: compile for the analysis, package for a service; a main class that
 * is not there, the closest compiled class.
 */
class MainClassTest {

    @TempDir
    Path dir;

    @Test
    void anUncompiledProjectIsToldToCompileForTheReportAndToPackageForAService() {
        Path classes = dir.resolve("target/classes");
        ExtractionException report = assertThrows(ExtractionException.class, () -> MainClass.requireCompiled(classes, false));
        assertEquals("The application is not compiled: " + classes + " does not exist: run `compile` first"
                + " (./mvnw compile extract:report)", report.getMessage());
        ExtractionException service = assertThrows(ExtractionException.class, () -> MainClass.requireCompiled(classes, true));
        assertEquals("The application is not compiled: " + classes + " does not exist: run `package` first"
                + " (./mvnw package -Dextract=<module>)", service.getMessage());
        MainClass.requireCompiled(dir, false);
    }

    @Test
    void aMainClassThatIsNotThereIsToldTheClosestCompiledClass() throws Exception {
        Path classes = dir.resolve("classes");
        for (String file : List.of("com/example/shop/ShopApplication.class", "com/example/shop/ShopApplication$Inner.class",
                "com/example/shop/orders/Order.class", "com/example/shop/package-info.class")) {
            Files.createDirectories(classes.resolve(file).getParent());
            Files.write(classes.resolve(file), new byte[0]);
        }
        assertEquals(" (did you mean com.example.shop.ShopApplication?)", MainClass.closest(classes, "com.example.shop.ShopAplication"),
                "a typo in the name");
        assertEquals(" (did you mean com.example.shop.ShopApplication?)", MainClass.closest(classes, "com.example.ShopApplication"),
                "the right class in another package");
        assertEquals(" (did you mean com.example.shop.ShopApplication?)", MainClass.closest(classes, "shop.ShopAplication"),
                "a typo in the class of another package");
        assertEquals("", MainClass.closest(classes, "com.example.shop.Inventory"), "nothing close");
        assertEquals("", MainClass.closest(dir.resolve("missing"), "com.example.shop.ShopApplication"));

        ExtractionException refused = assertThrows(ExtractionException.class, () -> RuntimeLibraries.of(project(), classes,
                "com.example.shop.ShopAplication", false));
        assertEquals("Main class com.example.shop.ShopAplication is not in " + classes + " (did you mean"
                + " com.example.shop.ShopApplication?): fix the main class named in -Dextract.mainClass, this plugin's"
                + " <mainClass> or spring-boot-maven-plugin's (a class whose source is new: run `compile` before the goal)",
                refused.getMessage(), "the classes are compiled: the name is what to fix first");
    }

    private static org.apache.maven.project.MavenProject project() {
        return new org.apache.maven.project.MavenProject();
    }
}

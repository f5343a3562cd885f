package dev.forum.extraction.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.forum.extraction.model.ExtractionException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A project that is not compiled is told what to run: compile for the analysis, package for a service. */
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
}

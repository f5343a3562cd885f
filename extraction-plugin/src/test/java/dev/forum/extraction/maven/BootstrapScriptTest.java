package dev.forum.extraction.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.extraction.model.ExtractionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.model.Model;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ecs goal's database bootstrap script ({@code extract.ecs.databaseBootstrapImage}): nothing of the forum's is
 * assumed. Unset, one line says that no bootstrap task is rendered and which setting gives one, naming no path; set,
 * its file must be there.
 */
class BootstrapScriptTest {

    private final List<String> info = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    @Test
    void unsetNoTaskIsRenderedAndTheLineNamesTheSettingNotAPath(@TempDir Path folder) throws IOException {
        MavenProject project = project(folder);
        assertNull(BootstrapScript.of(null, false, project, info::add, warnings::add));
        assertEquals(List.of("[extract] ecs: no database bootstrap task rendered (no extract.ecs.databaseBootstrapImage): to have"
                + " one make each module's database roles and schema on every deployment, set"
                + " -Dextract.ecs.databaseBootstrapImage=<script> (or <databaseBootstrapImage> in the plugin's configuration) to the"
                + " script that builds its image (the root README, \"Deploying to ECS\")"), info);
        assertEquals(List.of(), warnings);
        assertTrue(!info.get(0).contains(folder.toString()) && !info.get(0).contains("build-db-bootstrap"), "names no path: " + info);

        // With a role per module the tasks cannot log in unless something creates the roles: a warning.
        info.clear();
        assertNull(BootstrapScript.of(" ", true, project, info::add, warnings::add));
        assertEquals(List.of(), info);
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).startsWith("[extract] ecs: no database bootstrap task rendered (no"
                + " extract.ecs.databaseBootstrapImage)"), warnings.get(0));
        assertTrue(warnings.get(0).endsWith("; with moduleDatabases the tasks log in with those roles, which nothing else creates"),
                warnings.get(0));
    }

    @Test
    void aScriptThatIsThereIsTakenFromTheProjectsRoot(@TempDir Path folder) throws IOException {
        Files.createDirectories(folder.resolve("deploy/images"));
        Path script = Files.writeString(folder.resolve("deploy/images/build-db-bootstrap.sh"), "#!/bin/sh\n");
        MavenProject project = project(folder);

        assertEquals("deploy/images/build-db-bootstrap.sh",
                BootstrapScript.of("deploy/images/build-db-bootstrap.sh", true, project, info::add, warnings::add));
        assertEquals("deploy/images/build-db-bootstrap.sh",
                BootstrapScript.of(script.toString(), true, project, info::add, warnings::add), "an absolute path too");
        assertEquals(List.of(), info);
        assertEquals(List.of(), warnings);
    }

    @Test
    void aScriptSetButNotThereIsRefusedNamingThePathLookedAt(@TempDir Path folder) throws IOException {
        MavenProject project = project(folder);
        Path root = folder.toAbsolutePath().normalize();

        String refusal = assertThrows(ExtractionException.class,
                () -> BootstrapScript.of("deploy/db.sh", false, project, info::add, warnings::add)).getMessage();
        assertEquals("extract.ecs.databaseBootstrapImage=deploy/db.sh names no file: nothing at " + root.resolve("deploy/db.sh")
                + " (a relative path is taken from " + root + "): point it at the script that builds the database bootstrap"
                + " image, or leave it out for no bootstrap task", refusal);
        Files.createDirectories(folder.resolve("deploy/db.sh"));
        assertThrows(ExtractionException.class,
                () -> BootstrapScript.of("deploy/db.sh", false, project, info::add, warnings::add), "a folder is no script");
        assertEquals(List.of(), info);
    }

    private static MavenProject project(Path folder) throws IOException {
        Path pom = Files.writeString(folder.resolve("pom.xml"), "<project/>");
        Model model = new Model();
        model.setArtifactId("shop");
        MavenProject project = new MavenProject(model);
        project.setFile(pom.toFile());
        return project;
    }
}

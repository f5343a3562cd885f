package dev.forum.extraction.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.extraction.ecs.DatabaseClients;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ecs goal's database decision and driver checks read what the service jars hold ({@link RuntimeLibraries#packed}),
 * as EcsMojo asks them: an optional library, or one in test scope, is on the build's class path but in no task.
 */
class DatabaseDetectionTest {

    @TempDir
    Path dir;

    private List<String> warnings(MavenProject project) {
        return TaskNeeds.warnings(RuntimeLibraries.packed(project), true, true, "/actuator/health/readiness", 3001,
                "/app/rds/global-bundle.pem", null);
    }

    @Test
    void anR2dbcApplicationWhoseDependenciesBringSpringJdbcReadsR2dbcOnly() throws IOException {
        MavenProject project = project(jar("org.springframework.boot", "spring-boot-r2dbc", "compile", false),
                jar("io.r2dbc", "r2dbc-spi", "compile", false),
                jar("org.springframework", "spring-jdbc", "compile", false),
                jar("org.postgresql", "r2dbc-postgresql", "runtime", false));
        assertEquals(DatabaseClients.R2DBC, TaskNeeds.clients(RuntimeLibraries.packed(project)));
        assertTrue(warnings(project).stream().noneMatch(line -> line.contains("org.postgresql:postgresql")),
                () -> warnings(project).toString());
    }

    @Test
    void anOptionalJdbcOrDriverDoesNotCount() throws IOException {
        MavenProject optionalJdbc = project(jar("org.springframework.boot", "spring-boot-jdbc", "compile", true),
                jar("org.springframework", "spring-jdbc", "compile", true));
        assertEquals(Set.of("org.springframework.boot:spring-boot-jdbc", "org.springframework:spring-jdbc"),
                RuntimeLibraries.ids(optionalJdbc), "both on the runtime class path");
        assertEquals(DatabaseClients.NONE, TaskNeeds.clients(RuntimeLibraries.packed(optionalJdbc)));

        MavenProject optionalDriver = project(jar("org.springframework.boot", "spring-boot-jdbc", "compile", false),
                jar("org.springframework", "spring-jdbc", "compile", false),
                jar("org.postgresql", "postgresql", "runtime", true));
        assertEquals(DatabaseClients.JDBC, TaskNeeds.clients(RuntimeLibraries.packed(optionalDriver)));
        assertTrue(warnings(optionalDriver).stream().anyMatch(line -> line.contains("the service jars hold no PostgreSQL"
                + " JDBC driver")), () -> warnings(optionalDriver).toString());

        MavenProject testDriver = project(jar("org.springframework.boot", "spring-boot-jdbc", "compile", false),
                jar("org.springframework", "spring-jdbc", "compile", false),
                jar("org.postgresql", "postgresql", "test", false));
        assertTrue(warnings(testDriver).stream().anyMatch(line -> line.contains("the service jars hold no PostgreSQL"
                + " JDBC driver")), () -> warnings(testDriver).toString());
    }

    private static MavenProject project(Artifact... artifacts) {
        Model model = new Model();
        model.setBuild(new Build());
        MavenProject project = new MavenProject(model);
        project.setArtifacts(new LinkedHashSet<>(List.of(artifacts)));
        return project;
    }

    /** An empty jar with a manifest, as a library of that id in that scope. */
    private Artifact jar(String group, String id, String scope, boolean optional) throws IOException {
        DefaultArtifact artifact = new DefaultArtifact(group, id, "1.0", scope, "jar", null, new DefaultArtifactHandler("jar"));
        artifact.setOptional(optional);
        Path jar = dir.resolve(id + "-" + scope + optional + ".jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream unused = new JarOutputStream(out, manifest)) {
            // an empty jar with its manifest
        }
        artifact.setFile(jar.toFile());
        return artifact;
    }
}

package dev.forum.extraction.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.extraction.image.ContainerSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
 * Whether an application has Spring Boot Actuator is one answer for the service goal (the image's health labels) and the
 * {@code ecs} goal (its warning that the tasks' health checks would never pass): what the service jars hold at run
 * time ({@link RuntimeLibraries#actuator}), each goal asked as its mojo asks it. Actuator only in test scope, only
 * optional (its starter and, as Maven marks what comes through an optional dependency, the library it brings), or only
 * its starter with the library excluded, is in no service's process; compile scope is.
 */
class ActuatorDetectionTest {

    private static final String BOOT = "org.springframework.boot";

    @TempDir
    Path dir;

    /** The service goal's answer: the image's health labels ({@link ImageSettings}, as ServiceMojo passes it). */
    private Map<String, String> labels(MavenProject project) throws IOException {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        return ContainerSettings.of(3000, null, null, classes, RuntimeLibraries.actuator(project), true,
                "com.example.shop.ShopApplication").labels();
    }

    /** The ecs goal's answer: whether the tasks' health checks are warned of ({@link EcsWarnings}, as EcsMojo asks). */
    private static boolean ecsWarns(MavenProject project) {
        return TaskNeeds.warnings(RuntimeLibraries.packed(project), RuntimeLibraries.actuator(project), true,
                "/actuator/health/readiness", 3001, "/app/rds/global-bundle.pem", null).stream()
                .anyMatch(line -> line.contains("no task would ever turn healthy"));
    }

    @Test
    void actuatorInCompileScopeGivesHealthLabelsAndNoWarning() throws IOException {
        MavenProject project = project(starter("compile", false), library("compile", false));
        assertEquals(Map.of("com.example.shop.health.liveness", "/actuator/health/liveness",
                "com.example.shop.health.readiness", "/actuator/health/readiness"), labels(project));
        assertFalse(ecsWarns(project));
    }

    @Test
    void actuatorOnlyInTestScopeGivesNeitherGoalActuator() throws IOException {
        MavenProject project = project(starter("test", false), library("test", false));
        assertEquals(Map.of(), labels(project));
        assertTrue(ecsWarns(project));
    }

    /** The ecs goal took an optional Actuator for one before: on the class path, but Spring Boot packs it nowhere. */
    @Test
    void optionalActuatorGivesNeitherGoalActuator() throws IOException {
        MavenProject project = project(starter("compile", true), library("compile", true));
        assertEquals(Set.of(BOOT + ":spring-boot-actuator", BOOT + ":spring-boot-starter-actuator"),
                RuntimeLibraries.ids(project), "both on the runtime class path");
        assertEquals(Map.of(), labels(project));
        assertTrue(ecsWarns(project));
    }

    /** The ecs goal took the starter alone for Actuator before: a jar of no classes, which Spring Boot leaves out. */
    @Test
    void theStarterWithoutItsLibraryIsNoActuator() throws IOException {
        MavenProject project = project(starter("compile", false));
        assertEquals(Map.of(), labels(project));
        assertTrue(ecsWarns(project));
    }

    private static MavenProject project(Artifact... artifacts) {
        Model model = new Model();
        model.setBuild(new Build());
        MavenProject project = new MavenProject(model);
        project.setArtifacts(new LinkedHashSet<>(List.of(artifacts)));
        return project;
    }

    /** spring-boot-starter-actuator: a jar marked {@code Spring-Boot-Jar-Type: dependencies-starter}, as Boot's are. */
    private Artifact starter(String scope, boolean optional) throws IOException {
        return artifact("spring-boot-starter-actuator", scope, optional, "dependencies-starter");
    }

    /** spring-boot-actuator, the library that opens the endpoints. */
    private Artifact library(String scope, boolean optional) throws IOException {
        return artifact("spring-boot-actuator", scope, optional, null);
    }

    private Artifact artifact(String id, String scope, boolean optional, String jarType) throws IOException {
        DefaultArtifact artifact = new DefaultArtifact(BOOT, id, "4.1.1", scope, "jar", null, new DefaultArtifactHandler("jar"));
        artifact.setOptional(optional);
        Path jar = dir.resolve(id + "-" + scope + optional + ".jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (jarType != null) {
            manifest.getMainAttributes().putValue("Spring-Boot-Jar-Type", jarType);
        }
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream unused = new JarOutputStream(out, manifest)) {
            // an empty jar with its manifest
        }
        artifact.setFile(jar.toFile());
        return artifact;
    }
}

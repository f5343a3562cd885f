package dev.forum.extraction.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.extraction.runtime.topology.AsyncContractTypes;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.model.Model;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The forked analysis runs with the plugin's own copy of the run-time library's list of contract types, whatever
 * version of the library the application has: an application's copy of another version comes later on the class path
 * and gets a warning naming both versions, not a linkage error in the fork.
 */
class AnalysisClasspathTest {

    @TempDir
    Path dir;

    private static DefaultArtifact artifact(String group, String id, String version, String scope, Path file) {
        DefaultArtifact artifact = new DefaultArtifact(group, id, version, scope, "jar", null, new DefaultArtifactHandler("jar"));
        artifact.setFile(file.toFile());
        return artifact;
    }

    private MavenProject project(String runtimeVersion) {
        MavenProject project = new MavenProject(new Model());
        LinkedHashSet<Artifact> artifacts = new LinkedHashSet<>();
        artifacts.add(artifact(AnalysisClasspath.MODULITH_GROUP, "spring-modulith-core", "2.1.1", Artifact.SCOPE_TEST,
                dir.resolve("core.jar")));
        if (runtimeVersion != null) {
            artifacts.add(artifact(AnalysisClasspath.RUNTIME_GROUP, AnalysisClasspath.RUNTIME, runtimeVersion,
                    Artifact.SCOPE_COMPILE, dir.resolve("app-runtime.jar")));
        }
        project.setArtifacts(artifacts);
        return project;
    }

    @Test
    void thePluginsCopyOfTheRunTimeComesBeforeTheApplicationsClassPath() throws Exception {
        Path classes = dir.resolve("classes");
        Path appRuntime = dir.resolve("app-runtime.jar");
        List<Path> classpath = AnalysisClasspath.of(List.of(classes, appRuntime), project("0.0.1"), null, null, "2.1.1");
        Path plugins = Path.of(AsyncContractTypes.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertEquals(List.of(plugins, classes, appRuntime, dir.resolve("core.jar")), classpath.subList(0, 4));
    }

    @Test
    void anotherVersionOfTheRunTimeIsOneWarningNamingBoth() {
        String plugins = AnalysisClasspath.RUNTIME_VERSION;
        assertTrue(plugins.matches("\\d+\\.\\d+.*"), plugins);
        assertEquals(Optional.of("extraction-runtime 0.0.1 is on the application's class path, the plugin is built with "
                + plugins + ": the build checks the contract types by " + plugins + "'s list, which the run time 0.0.1"
                + " may not check the same way at start; use the plugin of the run time's version"),
                AnalysisClasspath.runtimeMismatch(project("0.0.1")));
        assertEquals(Optional.empty(), AnalysisClasspath.runtimeMismatch(project(plugins)));
        assertEquals(Optional.empty(), AnalysisClasspath.runtimeMismatch(project(null)));
    }
}

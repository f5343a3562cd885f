package dev.forum.extraction.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A service jar packs the libraries Spring Boot's repackaging would pack for the same application. */
class BootPackagingTest {

    @TempDir
    Path dir;

    @Test
    void leavesOutDevelopmentToolsOptionalAndSystemDependenciesAndAnnotationProcessors() throws IOException {
        MavenProject project = project(null);
        assertTrue(BootPackaging.packs(artifact("org.springframework", "spring-web", "compile", false, null), project));
        assertFalse(BootPackaging.packs(artifact("org.springframework.boot", "spring-boot-devtools", "runtime", false, null), project));
        assertFalse(BootPackaging.packs(artifact("org.springframework.boot", "spring-boot-docker-compose", "runtime", false, null), project));
        assertFalse(BootPackaging.packs(artifact("org.projectlombok", "lombok", "compile", true, null), project));
        assertFalse(BootPackaging.packs(artifact("com.example", "legacy", "system", false, null), project));
        assertFalse(BootPackaging.packs(artifact("org.springframework.boot", "spring-boot-configuration-processor", "compile", false,
                "annotation-processor"), project));
        assertTrue(BootPackaging.packs(artifact("com.example", "plain", "compile", false, ""), project));
    }

    @Test
    void followsTheBootPluginsOwnSettings() throws Exception {
        MavenProject project = project("<configuration><includeOptional>true</includeOptional><excludeDevtools>false</excludeDevtools>"
                + "<excludeGroupIds>com.internal</excludeGroupIds><excludes><exclude><groupId>com.example</groupId>"
                + "<artifactId>big</artifactId></exclude></excludes></configuration>");
        assertTrue(BootPackaging.packs(artifact("org.projectlombok", "lombok", "compile", true, null), project));
        assertTrue(BootPackaging.packs(artifact("org.springframework.boot", "spring-boot-devtools", "runtime", false, null), project));
        assertFalse(BootPackaging.packs(artifact("com.internal", "tool", "compile", false, null), project));
        assertFalse(BootPackaging.packs(artifact("com.example", "big", "compile", false, null), project));
        assertTrue(BootPackaging.packs(artifact("com.example", "small", "compile", false, null), project));
    }

    /** contents.txt lists what Spring Boot leaves out with why, so its counts add up to the libraries resolved. */
    @Test
    void saysWhyItLeavesALibraryOut() throws Exception {
        MavenProject plain = project(null);
        assertEquals(Optional.of("devtools"), BootPackaging.leftOutBecause(artifact("org.springframework.boot",
                "spring-boot-devtools", "runtime", false, null), plain));
        assertEquals(Optional.of("optional"), BootPackaging.leftOutBecause(artifact("org.projectlombok", "lombok", "compile",
                true, null), plain));
        assertEquals(Optional.of("system scope"), BootPackaging.leftOutBecause(artifact("com.example", "legacy", "system",
                false, null), plain));
        assertEquals(Optional.of("Spring-Boot-Jar-Type: annotation-processor"), BootPackaging.leftOutBecause(artifact(
                "org.springframework.boot", "spring-boot-configuration-processor", "compile", false, "annotation-processor"), plain));
        assertEquals(Optional.empty(), BootPackaging.leftOutBecause(artifact("org.springframework", "spring-web", "compile",
                false, null), plain));
        MavenProject excluding = project("<configuration><excludes><exclude><groupId>com.example</groupId>"
                + "<artifactId>big</artifactId></exclude></excludes></configuration>");
        assertEquals(Optional.of("excluded in spring-boot-maven-plugin's configuration"), BootPackaging.leftOutBecause(
                artifact("com.example", "big", "compile", false, null), excluding));
    }

    private MavenProject project(String configuration) throws IOException {
        Model model = new Model();
        model.setBuild(new Build());
        if (configuration != null) {
            Plugin boot = new Plugin();
            boot.setGroupId("org.springframework.boot");
            boot.setArtifactId("spring-boot-maven-plugin");
            try {
                boot.setConfiguration(Xpp3DomBuilder.build(new java.io.StringReader(configuration)));
            } catch (org.codehaus.plexus.util.xml.pull.XmlPullParserException e) {
                throw new IOException(e);
            }
            model.getBuild().addPlugin(boot);
        }
        return new MavenProject(model);
    }

    /** @param jarType the jar's Spring-Boot-Jar-Type, "" for a jar without one, null for no file */
    private Artifact artifact(String group, String id, String scope, boolean optional, String jarType) throws IOException {
        DefaultArtifact artifact = new DefaultArtifact(group, id, "1.0", scope, "jar", null, new DefaultArtifactHandler("jar"));
        artifact.setOptional(optional);
        if (jarType != null) {
            Path jar = dir.resolve(id + ".jar");
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            if (!jarType.isEmpty()) {
                manifest.getMainAttributes().putValue("Spring-Boot-Jar-Type", jarType);
            }
            try (OutputStream out = Files.newOutputStream(jar); JarOutputStream unused = new JarOutputStream(out, manifest)) {
                // an empty jar with its manifest
            }
            artifact.setFile(jar.toFile());
        }
        return artifact;
    }

}

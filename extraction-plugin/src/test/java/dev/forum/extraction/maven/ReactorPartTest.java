package dev.forum.extraction.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * A goal run from a multi-project build's root ({@code mvn compile extract:report}) skips the parent pom and the
 * application's libraries, one line each, and still runs (and refuses) in the application's project and in a project
 * of its own.
 */
class ReactorPartTest {

    @TempDir
    Path dir;

    @Test
    void aPomProjectIsSkippedWithOneLine() {
        MavenProject parent = project("lending-parent", "pom");
        assertEquals(Optional.of("[extract] report: skipped in lending-parent, a pom project (no classes); the goal runs in"
                + " the application's project"), ReactorPart.skipped("report", parent, null, null));
    }

    @Test
    void aLibraryOfAnotherProjectWithoutMainClassIsSkippedNamingItsDependents() throws Exception {
        MavenProject api = project("books-api", "jar");
        List<MavenProject> dependents = List.of(project("lending-app", "jar"), project("lending-tools", "jar"));
        String why = "a library of lending-app, lending-tools in this build (no @SpringBootApplication class with a main"
                + " method in it, and no mainClass set)";
        assertEquals(Optional.of(why), ReactorPart.reason(api, dependents, null), "not compiled");
        Files.createDirectories(dir.resolve("books-api/target/classes/org/acme"));
        Files.write(dir.resolve("books-api/target/classes/org/acme/BookDto.class"), classFile("org/acme/BookDto", false));
        assertEquals(Optional.of(why), ReactorPart.reason(api, dependents, null), "compiled, no main class");
        assertEquals(Optional.of(why), ReactorPart.reason(api, dependents, "${start-class}"), "an unresolved property is unset");
    }

    @Test
    void theApplicationIsNeverSkipped() throws Exception {
        MavenProject app = project("lending-app", "jar");
        List<MavenProject> tests = List.of(project("lending-system-tests", "jar"));
        assertEquals(Optional.empty(), ReactorPart.reason(app, List.of(), null), "no project depends on it");
        assertEquals(Optional.empty(), ReactorPart.reason(app, tests, "org.acme.LendingApplication"), "this plugin's mainClass");

        MavenProject booted = project("lending-app", "jar");
        Plugin boot = new Plugin();
        boot.setGroupId("org.springframework.boot");
        boot.setArtifactId("spring-boot-maven-plugin");
        Xpp3Dom configuration = new Xpp3Dom("configuration");
        Xpp3Dom main = new Xpp3Dom("mainClass");
        main.setValue("org.acme.LendingApplication");
        configuration.addChild(main);
        boot.setConfiguration(configuration);
        booted.getBuild().addPlugin(boot);
        assertEquals(Optional.empty(), ReactorPart.reason(booted, tests, null), "spring-boot-maven-plugin's mainClass");

        Files.createDirectories(dir.resolve("lending-app/target/classes/org/acme"));
        Files.write(dir.resolve("lending-app/target/classes/org/acme/LendingApplication.class"),
                classFile("org/acme/LendingApplication", true));
        assertEquals(Optional.empty(), ReactorPart.reason(app, tests, null), "a @SpringBootApplication class with main");
    }

    private MavenProject project(String artifactId, String packaging) {
        Model model = new Model();
        model.setGroupId("org.acme");
        model.setArtifactId(artifactId);
        model.setVersion("1.0");
        model.setPackaging(packaging);
        Build build = new Build();
        build.setOutputDirectory(dir.resolve(artifactId + "/target/classes").toString());
        model.setBuild(build);
        return new MavenProject(model);
    }

    /** A class, annotated {@code @SpringBootApplication} with {@code public static void main(String[])} when asked. */
    private static byte[] classFile(String name, boolean application) {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, name, null, "java/lang/Object", null);
        if (application) {
            writer.visitAnnotation("Lorg/springframework/boot/autoconfigure/SpringBootApplication;", true).visitEnd();
            MethodVisitor main = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "main", "([Ljava/lang/String;)V",
                    null, null);
            main.visitCode();
            main.visitInsn(Opcodes.RETURN);
            main.visitMaxs(0, 1);
            main.visitEnd();
        }
        writer.visitEnd();
        return writer.toByteArray();
    }
}

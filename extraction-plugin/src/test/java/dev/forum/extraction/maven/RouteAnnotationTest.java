package dev.forum.extraction.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.forum.extraction.model.ExtractionException;
import dev.forum.extraction.scan.BytecodeScanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.model.Model;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/** A mistyped extract.routeAnnotation is refused in one line naming the closest annotation, not left to find no route. */
class RouteAnnotationTest {

    @TempDir
    Path dir;

    @Test
    void aRouteAnnotationInNoClassOrLibraryIsRefusedWithTheClosestAnnotation() throws Exception {
        Path classes = dir.resolve("classes");
        write(classes, "com/acme/web/Route", true);
        write(classes, "com/acme/web/Router", false);
        Path jar = dir.resolve("lib.jar");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new ZipEntry("org/lib/Routes.class"));
            out.write(classFile("org/lib/Routes", true));
        }
        List<Path> locations = List.of(classes, jar);
        RouteAnnotation.require("com.acme.web.Route", locations);
        RouteAnnotation.require("org.lib.Routes", locations);
        RouteAnnotation.require(BytecodeScanner.DEFAULT_ROUTE_ANNOTATION, List.of());

        ExtractionException typo = assertThrows(ExtractionException.class,
                () -> RouteAnnotation.require("com.acme.web.Rout", locations));
        assertEquals("extract.routeAnnotation com.acme.web.Rout is in none of the application's classes and"
                + " libraries (did you mean com.acme.web.Route?): fix -Dextract.routeAnnotation or this plugin's"
                + " <routeAnnotation>, or leave it out for Spring's @HttpExchange", typo.getMessage());
        assertEquals(" (did you mean com.acme.web.Route?)", suggestion(() -> RouteAnnotation.require("com.acme.Route", locations)),
                "the right annotation in another package");
        assertEquals(" (did you mean org.lib.Routes?)", suggestion(() -> RouteAnnotation.require("org.lib.Roots", locations)),
                "an annotation of a library");
        assertEquals("", suggestion(() -> RouteAnnotation.require("com.acme.web.Routr", List.of(classes.resolve("com/acme/web/none")))),
                "nothing to suggest");
    }

    @Test
    void anAnnotationOfAProvidedJarIsAcceptedAsEveryResolvedArtifactIsSearched() throws Exception {
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        Path jar = dir.resolve("annotations.jar");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new ZipEntry("org/lib/Route.class"));
            out.write(classFile("org/lib/Route", true));
        }
        DefaultArtifact provided = new DefaultArtifact("org.lib", "annotations", "1.0", Artifact.SCOPE_PROVIDED, "jar",
                null, new DefaultArtifactHandler("jar"));
        provided.setFile(jar.toFile());
        DefaultArtifact unresolved = new DefaultArtifact("org.lib", "other", "1.0", Artifact.SCOPE_COMPILE, "jar",
                null, new DefaultArtifactHandler("jar"));
        MavenProject project = new MavenProject(new Model());
        project.setArtifacts(new LinkedHashSet<>(List.of(unresolved, provided)));

        RouteAnnotation.require("org.lib.Route", classes, project);
        assertEquals(" (did you mean org.lib.Route?)", suggestion(() -> RouteAnnotation.require("org.lib.Rout", classes, project)));
    }

    private static String suggestion(org.junit.jupiter.api.function.Executable require) {
        String message = assertThrows(ExtractionException.class, require).getMessage();
        int start = message.indexOf(" (did you mean");
        return start < 0 ? "" : message.substring(start, message.indexOf(')', start) + 1);
    }

    private static void write(Path classes, String name, boolean annotation) throws Exception {
        Path file = classes.resolve(name + ".class");
        Files.createDirectories(file.getParent());
        Files.write(file, classFile(name, annotation));
    }

    private static byte[] classFile(String name, boolean annotation) {
        ClassWriter writer = new ClassWriter(0);
        int access = Opcodes.ACC_PUBLIC | (annotation ? Opcodes.ACC_ANNOTATION | Opcodes.ACC_INTERFACE | Opcodes.ACC_ABSTRACT : 0);
        writer.visit(Opcodes.V17, access, name, null, "java/lang/Object",
                annotation ? new String[] {"java/lang/annotation/Annotation"} : null);
        writer.visitEnd();
        return writer.toByteArray();
    }
}

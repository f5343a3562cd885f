package dev.forum.extraction.maven;

import dev.forum.closestname.ClosestName;
import dev.forum.extraction.model.ExtractionException;
import dev.forum.extraction.scan.BytecodeScanner;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.maven.project.MavenProject;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;

/**
 * Refuses an {@code extract.routeAnnotation} that is in none of the application's classes and resolved libraries
 * (every scope: an annotations-only jar is often {@code provided}, and ArchUnit matches annotations by name, so the
 * annotation's class need not be on the analysis class path): no HTTP contract could carry it, so every route prefix would be missing and each extracted service blocked for a
 * reason that hides the typo. The refusal suggests the closest annotation of the class path
 * ({@link CompiledClasses#closest}). Spring's {@code @HttpExchange}, the default, is not looked for: an application
 * without spring-web has no HTTP contract to read it from.
 */
final class RouteAnnotation {

    private RouteAnnotation() {
    }

    /**
     * Looks for the annotation in {@code classes} and in the file of every artifact Maven resolved for the project,
     * whatever its scope ({@code provided} included).
     *
     * @param routeAnnotation the setting, a class's binary name
     * @param classes         the application's classes folder
     * @param project         the project, its dependencies resolved
     * @throws ExtractionException (one line) when neither the folder nor any artifact holds the class
     * @throws IOException         when a location cannot be read
     */
    static void require(String routeAnnotation, Path classes, MavenProject project) throws IOException {
        List<Path> locations = new ArrayList<>();
        locations.add(classes);
        project.getArtifacts().stream().filter(artifact -> artifact.getFile() != null)
                .forEach(artifact -> locations.add(artifact.getFile().toPath()));
        require(routeAnnotation, locations);
    }

    /**
     * @param routeAnnotation the setting, a class's binary name
     * @param locations       the application's classes folder and its libraries (jars, or the classes folders a
     *                        reactor build resolves its modules to)
     * @throws ExtractionException (one line) when no location holds the class
     * @throws IOException         when a location cannot be read
     */
    static void require(String routeAnnotation, List<Path> locations) throws IOException {
        if (routeAnnotation == null || routeAnnotation.equals(BytecodeScanner.DEFAULT_ROUTE_ANNOTATION)) {
            return;
        }
        String wanted = routeAnnotation.replace('.', '/') + ".class";
        Map<String, Path> classes = new TreeMap<>();
        for (Path location : locations) {
            for (String entry : entries(location)) {
                if (entry.equals(wanted)) {
                    return;
                }
                classes.putIfAbsent(entry, location);
            }
        }
        throw new ExtractionException("extract.routeAnnotation " + routeAnnotation + " is in none of the application's"
                + " classes and libraries" + suggestion(routeAnnotation, classes) + ": fix -Dextract.routeAnnotation"
                + " or this plugin's <routeAnnotation>, or leave it out for Spring's @HttpExchange");
    }

    /**
     * " (did you mean ...?)" naming the annotation closest to {@code typed}: of the classes whose full or simple name
     * is close ({@link ClosestName}), only the annotations are read and offered.
     */
    private static String suggestion(String typed, Map<String, Path> classes) throws IOException {
        String simple = typed.substring(typed.lastIndexOf('.') + 1);
        List<String> annotations = new ArrayList<>();
        for (Map.Entry<String, Path> entry : classes.entrySet()) {
            String name = entry.getKey().substring(0, entry.getKey().length() - ".class".length()).replace('/', '.');
            String candidate = name.substring(name.lastIndexOf('.') + 1);
            boolean close = ClosestName.of(typed, List.of(name)).isPresent()
                    || candidate.equals(simple) || ClosestName.of(simple, List.of(candidate)).isPresent();
            if (close && isAnnotation(entry.getValue(), entry.getKey())) {
                annotations.add(name);
            }
        }
        return CompiledClasses.closest(typed, annotations).map(name -> " (did you mean " + name + "?)").orElse("");
    }

    private static boolean isAnnotation(Path location, String entry) throws IOException {
        byte[] bytes;
        if (Files.isDirectory(location)) {
            bytes = Files.readAllBytes(location.resolve(entry));
        } else {
            try (ZipFile zip = new ZipFile(location.toFile()); InputStream in = zip.getInputStream(zip.getEntry(entry))) {
                bytes = in.readAllBytes();
            }
        }
        try {
            return (new ClassReader(bytes).getAccess() & Opcodes.ACC_ANNOTATION) != 0;
        } catch (RuntimeException unreadable) {
            return false;
        }
    }

    /** The class files of a jar or classes folder, as {@code com/example/Route.class}; none for anything else. */
    private static List<String> entries(Path location) throws IOException {
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location)) {
                return files.filter(Files::isRegularFile).map(f -> location.relativize(f).toString().replace('\\', '/'))
                        .filter(RouteAnnotation::isClass).toList();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        if (!Files.isRegularFile(location)) {
            return List.of();
        }
        try (ZipFile zip = new ZipFile(location.toFile())) {
            return zip.stream().map(ZipEntry::getName).filter(RouteAnnotation::isClass).toList();
        }
    }

    private static boolean isClass(String path) {
        return path.endsWith(".class") && !path.startsWith("META-INF/") && !path.endsWith("module-info.class")
                && !path.endsWith("package-info.class");
    }
}

package dev.forum.extraction.scan;

import dev.forum.extraction.model.ExtractionException;
import dev.forum.extraction.model.ScannedArtifact;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Reads every class of a jar or classes directory into a {@link ScannedArtifact}. */
public final class BytecodeScanner {

    private static final Pattern CLASS_NAME = Pattern.compile("(\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*\\.)+"
            + "\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*");

    /** Spring's HTTP interface annotation: on a module's API interface its value is the module's route prefix. */
    public static final String DEFAULT_ROUTE_ANNOTATION = "org.springframework.web.service.annotation.HttpExchange";

    private final String annotationDescriptor;
    private final String routeDescriptor;

    /** @param moduleApiAnnotation the dotted name of the annotation that marks a module's API interface */
    public BytecodeScanner(String moduleApiAnnotation) {
        this(moduleApiAnnotation, DEFAULT_ROUTE_ANNOTATION);
    }

    /**
     * @param moduleApiAnnotation the dotted name of the annotation that marks a module's API interface
     * @param routeAnnotation     the dotted name of the class-level annotation whose {@code value} (or
     *                            {@code url}) on that interface is the module's route prefix
     */
    public BytecodeScanner(String moduleApiAnnotation, String routeAnnotation) {
        this.annotationDescriptor = descriptor(moduleApiAnnotation, "moduleApiAnnotation", "forum.platform.ModuleApi");
        this.routeDescriptor = descriptor(routeAnnotation, "routeAnnotation", DEFAULT_ROUTE_ANNOTATION);
    }

    private static String descriptor(String annotation, String parameter, String example) {
        if (annotation == null || !CLASS_NAME.matcher(annotation).matches()) {
            throw new ExtractionException(parameter + " '" + annotation + "' is not a qualified class name: set it like "
                    + example);
        }
        return "L" + annotation.replace('.', '/') + ";";
    }

    public ScannedArtifact scan(String name, Path location) throws IOException {
        Map<String, Set<String>> references = new HashMap<>();
        Map<String, String> moduleApis = new HashMap<>();
        Map<String, String> routes = new HashMap<>();
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location)) {
                for (Path file : files.filter(f -> isClass(location.relativize(f).toString().replace('\\', '/'))).sorted().toList()) {
                    read(name, Files.readAllBytes(file), references, moduleApis, routes);
                }
            }
        } else if (Files.isRegularFile(location)) {
            try (ZipFile zip = new ZipFile(location.toFile())) {
                for (ZipEntry entry : zip.stream().filter(e -> isClass(e.getName())).toList()) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        read(name, in.readAllBytes(), references, moduleApis, routes);
                    }
                }
            }
        } else {
            throw new ExtractionException("Artifact " + name + " has no file at " + location + ": run the build's package phase first");
        }
        return new ScannedArtifact(name, location, references, moduleApis, routes);
    }

    /** Base classes only: descriptors and multi-release variants name no new class. */
    private static boolean isClass(String path) {
        return path.endsWith(".class") && !path.startsWith("META-INF/") && !path.endsWith("module-info.class");
    }

    private void read(String artifact, byte[] bytes, Map<String, Set<String>> references, Map<String, String> moduleApis,
            Map<String, String> routes) {
        ClassFile file;
        try {
            file = ClassFile.read(bytes, annotationDescriptor, routeDescriptor);
        } catch (RuntimeException | IOException e) {
            throw new ExtractionException("Cannot read a class in " + artifact + " (" + e
                    + "): is it newer than ASM supports? Update the asm version of the extraction plugin");
        }
        references.put(file.name(), file.references());
        if (file.moduleName() != null) {
            if (file.moduleName().isBlank()) {
                throw new ExtractionException("Interface " + file.name() + " in " + artifact
                        + " has a blank module name: give its module-API annotation a value");
            }
            moduleApis.put(file.name(), file.moduleName());
            if (file.routePrefix() != null) {
                routes.put(file.name(), file.routePrefix());
            }
        }
    }
}

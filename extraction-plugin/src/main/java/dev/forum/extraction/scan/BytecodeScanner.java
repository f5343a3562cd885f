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

    private final String annotationDescriptor;

    /** @param moduleApiAnnotation the dotted name of the annotation that marks a module's API interface */
    public BytecodeScanner(String moduleApiAnnotation) {
        if (moduleApiAnnotation == null || !CLASS_NAME.matcher(moduleApiAnnotation).matches()) {
            throw new ExtractionException("moduleApiAnnotation '" + moduleApiAnnotation
                    + "' is not a qualified class name: set it like forum.platform.ModuleApi");
        }
        this.annotationDescriptor = "L" + moduleApiAnnotation.replace('.', '/') + ";";
    }

    public ScannedArtifact scan(String name, Path location) throws IOException {
        Map<String, Set<String>> references = new HashMap<>();
        Map<String, String> moduleApis = new HashMap<>();
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location)) {
                for (Path file : files.filter(f -> isClass(location.relativize(f).toString().replace('\\', '/'))).sorted().toList()) {
                    read(name, Files.readAllBytes(file), references, moduleApis);
                }
            }
        } else if (Files.isRegularFile(location)) {
            try (ZipFile zip = new ZipFile(location.toFile())) {
                for (ZipEntry entry : zip.stream().filter(e -> isClass(e.getName())).toList()) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        read(name, in.readAllBytes(), references, moduleApis);
                    }
                }
            }
        } else {
            throw new ExtractionException("Artifact " + name + " has no file at " + location + ": run the build's package phase first");
        }
        return new ScannedArtifact(name, location, references, moduleApis);
    }

    /** Base classes only: descriptors and multi-release variants name no new class. */
    private static boolean isClass(String path) {
        return path.endsWith(".class") && !path.startsWith("META-INF/") && !path.endsWith("module-info.class");
    }

    private void read(String artifact, byte[] bytes, Map<String, Set<String>> references, Map<String, String> moduleApis) {
        ClassFile file;
        try {
            file = ClassFile.read(bytes, annotationDescriptor);
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
        }
    }
}

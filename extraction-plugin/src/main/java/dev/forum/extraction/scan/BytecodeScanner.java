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
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Reads every class of a jar or classes directory into a {@link ScannedArtifact}: what each class references. */
public final class BytecodeScanner {

    /** Spring's HTTP interface annotation: on a module's HTTP contract its value is the module's route prefix. */
    public static final String DEFAULT_ROUTE_ANNOTATION = "org.springframework.web.service.annotation.HttpExchange";

    /**
     * @param name     how reports name the artifact
     * @param location a jar or a classes directory
     * @throws ExtractionException when there is no file or a class cannot be read
     */
    public ScannedArtifact scan(String name, Path location) throws IOException {
        Map<String, Set<String>> references = new HashMap<>();
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location)) {
                for (Path file : files.filter(f -> isClass(location.relativize(f).toString().replace('\\', '/'))).sorted().toList()) {
                    read(name, Files.readAllBytes(file), references);
                }
            }
        } else if (Files.isRegularFile(location)) {
            try (ZipFile zip = new ZipFile(location.toFile())) {
                for (ZipEntry entry : zip.stream().filter(e -> isClass(e.getName())).toList()) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        read(name, in.readAllBytes(), references);
                    }
                }
            }
        } else {
            throw new ExtractionException("Artifact " + name + " has no file at " + location + ": run the build's package phase first");
        }
        return new ScannedArtifact(name, location, references);
    }

    /** Base classes only: descriptors and multi-release variants name no new class. */
    private static boolean isClass(String path) {
        return path.endsWith(".class") && !path.startsWith("META-INF/") && !path.endsWith("module-info.class");
    }

    private static void read(String artifact, byte[] bytes, Map<String, Set<String>> references) {
        ClassFile file;
        try {
            file = ClassFile.read(bytes);
        } catch (RuntimeException | IOException e) {
            throw new ExtractionException("Cannot read a class in " + artifact + " (" + e
                    + "): is it newer than ASM supports? Update the asm version of the extraction plugin");
        }
        references.put(file.name(), file.references());
    }
}

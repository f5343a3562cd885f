package dev.forum.extraction.assemble;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.function.Predicate;

/**
 * Builds one executable service jar; with a fixed time, the same inputs give the same bytes. Its folders are entries
 * of their own (Spring Boot's repackaging writes them), as class path scanning needs.
 */
public final class ServiceJarWriter {

    private ServiceJarWriter() {
    }

    /**
     * @param classesDirectory the application's own classes and resources
     * @param include          which of its files the service holds, by path in the jar
     * @param mainClass        the Spring Boot application class
     * @param libraries        the jars to nest, in order
     * @param destination      the jar to write
     * @param time             every entry's time, or null for {@link JarEntries#DEFAULT_TIME} in the application's
     *                         classes and Spring Boot's choice (the files' own) in what the repackaging adds
     * @param repackager       Spring Boot's repackaging, of the application's Spring Boot version
     */
    public static void write(Path classesDirectory, Predicate<String> include, String mainClass, List<Path> libraries,
            Path destination, FileTime time, BootRepackager repackager) throws IOException {
        Files.createDirectories(destination.getParent());
        // Repackager starts from a plain jar of the application's classes, then nests the libraries.
        // Its name must end in .jar: Repackager picks the layout from it.
        Path plain = destination.resolveSibling("plain-" + destination.getFileName());
        try {
            PlainJar.write(classesDirectory, plain, time, include);
            Files.deleteIfExists(destination);
            repackager.repackage(plain, mainClass, libraries, destination, time);
        } finally {
            Files.deleteIfExists(plain);
        }
    }
}

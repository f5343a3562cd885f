package dev.forum.extraction.assemble;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.springframework.boot.loader.tools.Library;
import org.springframework.boot.loader.tools.LibraryScope;
import org.springframework.boot.loader.tools.Repackager;

/** Builds one executable service jar; with a fixed time, the same inputs give the same bytes. */
public final class ServiceJarWriter {

    private ServiceJarWriter() {
    }

    /**
     * @param classesDirectory the application's own classes (and resources)
     * @param mainClass        the Spring Boot application class
     * @param libraries        the jars to nest, in order
     * @param destination      the jar to write
     * @param time             every entry's time, or null for the files' own
     */
    public static void write(Path classesDirectory, String mainClass, List<Path> libraries, Path destination,
            FileTime time) throws IOException {
        Files.createDirectories(destination.getParent());
        // Repackager starts from a plain jar of the application's classes, then nests the libraries.
        // Its name must end in .jar: Repackager picks the layout from it.
        Path plain = destination.resolveSibling("plain-" + destination.getFileName());
        try {
            PlainJar.write(classesDirectory, plain, time, name -> true);
            Repackager repackager = new Repackager(plain.toFile());
            repackager.setMainClass(mainClass); // so it never searches (and parses) the classes itself
            repackager.setBackupSource(false);
            Files.deleteIfExists(destination);
            repackager.repackage(destination.toFile(), callback -> {
                for (Path library : libraries) {
                    callback.library(new Library(library.toFile(), LibraryScope.RUNTIME));
                }
            }, time);
        } finally {
            Files.deleteIfExists(plain);
        }
    }
}

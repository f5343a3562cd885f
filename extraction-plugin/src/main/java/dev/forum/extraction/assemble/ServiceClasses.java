package dev.forum.extraction.assemble;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A service's own copy of the application's classes folder: the files the service holds, with some files replaced
 * (its module metadata). The jar and the image are both made from it.
 */
public final class ServiceClasses {

    private ServiceClasses() {
    }

    /**
     * @param classes      the application's classes and resources
     * @param include      which files the service holds, by path
     * @param destination  the copy; emptied first
     * @param replacements files to write in the copy (path to bytes), whatever the original holds
     */
    public static void write(Path classes, Predicate<String> include, Path destination, Map<String, byte[]> replacements)
            throws IOException {
        if (Files.exists(destination)) {
            try (Stream<Path> old = Files.walk(destination)) {
                for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(destination);
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = classes.relativize(file).toString().replace('\\', '/');
                if (include.test(name) && !replacements.containsKey(name)) {
                    Path copy = destination.resolve(name);
                    Files.createDirectories(copy.getParent());
                    Files.copy(file, copy);
                }
            }
        }
        for (Map.Entry<String, byte[]> replacement : replacements.entrySet()) {
            Path file = destination.resolve(replacement.getKey());
            Files.createDirectories(file.getParent());
            Files.write(file, replacement.getValue());
        }
    }
}

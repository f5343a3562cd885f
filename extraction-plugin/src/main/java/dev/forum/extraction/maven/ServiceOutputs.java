package dev.forum.extraction.maven;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * The files the service goal writes in one service's folder: the jar, {@code contents.txt} and the image tar it
 * keeps, and the working folders {@code lib/} (filtered library copies, nested in the jar), {@code classes/} (the
 * service's classes, nested in the jar) and {@code image/} (the image's class and resource jars), which it removes
 * once the service is built. Outputs of an earlier build are removed before a service is written, and this build's
 * when it fails, so a folder never holds a jar and an image of different builds.
 *
 * @param folder  {@code target/services/<service>}
 * @param service the service's name
 */
record ServiceOutputs(Path folder, String service) {

    /** The working folders, not needed once the jar and the image are written. */
    static final List<String> WORKING = List.of("lib", "classes", "image");

    /** Every name the goal writes in the folder, the kept outputs first. */
    List<String> names() {
        List<String> names = new ArrayList<>(List.of(service + ".jar", "contents.txt", service + "-image.tar"));
        names.addAll(WORKING);
        return names;
    }

    /**
     * Removes what an earlier build left: its jar and image tar would otherwise sit beside this build's outputs.
     *
     * @throws IOException when a file cannot be removed
     */
    void clear() throws IOException {
        remove(names());
    }

    /** Removes the working folders after a successful build. */
    void removeWorking() throws IOException {
        remove(WORKING);
    }

    /**
     * Removes this build's outputs after a failure (and the folder, when nothing else is in it).
     *
     * @return what the error line says about it: {@code "; removed target/services/x/ (x.jar, contents.txt)"}, or ""
     *         when nothing had been written
     */
    String removeAfterFailure(Path baseDirectory) {
        if (!Files.isDirectory(folder)) {
            return "";
        }
        List<String> removed = new ArrayList<>();
        for (String name : names()) {
            if (Files.exists(folder.resolve(name)) && !WORKING.contains(name)) {
                removed.add(name);
            }
        }
        try {
            remove(names());
            try (var left = Files.list(folder)) {
                if (left.findAny().isEmpty()) {
                    Files.delete(folder);
                }
            }
        } catch (IOException e) {
            return "; could not remove all of " + folder + " (" + e.getMessage() + "): delete it before using it";
        }
        return removed.isEmpty() ? "" : "; removed this build's " + String.join(", ", removed) + " from "
                + baseDirectory.relativize(folder.toAbsolutePath()) + "/ (no output of a failed build is kept)";
    }

    private void remove(List<String> names) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        for (String name : names) {
            Path path = folder.resolve(name);
            if (Files.isDirectory(path)) {
                deleteTree(path);
            } else {
                Files.deleteIfExists(path);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}

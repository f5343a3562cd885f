package dev.forum.extraction.assemble;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.function.Predicate;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * A plain jar of a folder's files, byte for byte the same for the same files: entries sorted, each file's folders as
 * entries of their own (so that class path scanning finds its packages, see {@link JarEntries}), times fixed.
 */
public final class PlainJar {

    private PlainJar() {
    }

    /**
     * @param directory the files to pack (its own {@code META-INF/MANIFEST.MF} is replaced by a minimal one)
     * @param jar       the jar to write
     * @param time      every entry's time, or null for {@link JarEntries#DEFAULT_TIME}
     * @param include   which files, by their path inside the jar
     * @return how many files were packed (folder entries and the manifest not counted)
     * @throws IOException when the folder cannot be read or the jar written
     */
    public static int write(Path directory, Path jar, FileTime time, Predicate<String> include) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        int files = 0;
        Files.createDirectories(jar.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream jarOut = new JarOutputStream(out);
                Stream<Path> walk = Files.walk(directory)) {
            JarEntries entries = new JarEntries(jarOut, time);
            entries.file("META-INF/MANIFEST.MF");
            manifest.write(jarOut);
            jarOut.closeEntry();
            // Sorted by name, so the order (and so the bytes) never depends on the file system.
            for (String name : walk.filter(Files::isRegularFile)
                    .map(file -> directory.relativize(file).toString().replace('\\', '/')).sorted().toList()) {
                if (name.equals("META-INF/MANIFEST.MF") || !include.test(name)) {
                    continue;
                }
                entries.file(name);
                Files.copy(directory.resolve(name), jarOut);
                jarOut.closeEntry();
                files++;
            }
        }
        return files;
    }
}

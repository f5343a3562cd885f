package dev.forum.extraction.assemble;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** A copy of a jar with only the entries a predicate keeps, in name order, every entry at one fixed time. */
public final class FilteredJar {

    private FilteredJar() {
    }

    /**
     * @param source      the jar to copy
     * @param destination the copy (its folder is made)
     * @param keep        which entries, by their path in the jar (directories are left out)
     * @param time        every entry's time, or null for the source's own
     * @return how many entries were copied
     */
    public static int write(Path source, Path destination, Predicate<String> keep, FileTime time) throws IOException {
        Files.createDirectories(destination.toAbsolutePath().getParent());
        int copied = 0;
        try (ZipFile zip = new ZipFile(source.toFile());
                OutputStream out = Files.newOutputStream(destination);
                JarOutputStream jar = new JarOutputStream(out)) {
            for (ZipEntry entry : zip.stream().filter(e -> !e.isDirectory()).sorted(Comparator.comparing(ZipEntry::getName)).toList()) {
                if (!keep.test(entry.getName())) {
                    continue;
                }
                JarEntry copy = new JarEntry(entry.getName());
                copy.setLastModifiedTime(time != null ? time : entry.getLastModifiedTime());
                jar.putNextEntry(copy);
                try (InputStream in = zip.getInputStream(entry)) {
                    in.transferTo(jar);
                }
                jar.closeEntry();
                copied++;
            }
        }
        return copied;
    }
}

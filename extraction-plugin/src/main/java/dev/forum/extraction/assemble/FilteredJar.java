package dev.forum.extraction.assemble;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.function.Predicate;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A copy of a jar with only the files a predicate keeps, in name order, with the folders of those files as entries
 * of their own (so that class path scanning finds their packages, see {@link JarEntries}), every entry at one fixed
 * time.
 */
public final class FilteredJar {

    private FilteredJar() {
    }

    /**
     * @param source      the jar to copy
     * @param destination the copy (its folder is made)
     * @param keep        which files, by their path in the jar (the source's folder entries are not asked: the kept
     *                    files' folders are written, no other)
     * @param time        every entry's time, or null for {@link JarEntries#DEFAULT_TIME}
     * @return how many files were copied
     * @throws IOException when the source cannot be read or the copy written
     */
    public static int write(Path source, Path destination, Predicate<String> keep, FileTime time) throws IOException {
        Files.createDirectories(destination.toAbsolutePath().getParent());
        int copied = 0;
        try (ZipFile zip = new ZipFile(source.toFile());
                OutputStream out = Files.newOutputStream(destination);
                JarOutputStream jar = new JarOutputStream(out)) {
            JarEntries entries = new JarEntries(jar, time);
            // The manifest first, as JarInputStream looks for it; then by name.
            Comparator<ZipEntry> order = Comparator.comparing((ZipEntry e) -> !e.getName().equals("META-INF/MANIFEST.MF"))
                    .thenComparing(ZipEntry::getName);
            for (ZipEntry entry : zip.stream().filter(e -> !e.isDirectory()).sorted(order).toList()) {
                if (!keep.test(entry.getName())) {
                    continue;
                }
                entries.file(entry.getName());
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

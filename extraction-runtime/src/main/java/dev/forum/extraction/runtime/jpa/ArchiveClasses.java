package dev.forum.extraction.runtime.jpa;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.springframework.asm.ClassReader;

/**
 * The classes a JPA provider finds under a persistence unit's root or jar file URL, read as Hibernate 7's
 * {@code StandardArchiveDescriptorFactory} reads it, one way per scheme: a {@code file:} folder walked; a {@code file:}
 * jar through its {@link JarFile} (its central directory); a URL of any other scheme but {@code jar:} (Spring Boot's
 * {@code nested:}) as a zip stream, a {@link JarInputStream} over {@link URL#openStream()} through the URL's own
 * handler (the local headers: what the stream holds is what is scanned); a {@code jar:} URL as the URL before its last
 * {@code !}, read as above, with the entries under the path after it: the folder it is or, when it names an entry that
 * is a file ({@code jar:file:/app.jar!/lib/x.jar}), the entries of the jar it is.
 *
 * <p>Each {@code .class} entry is named by its bytes ({@link ClassReader#getClassName()}), as Hibernate's scanner names
 * it, so a jar without directory entries counts as one with them, and a Spring Boot jar's {@code BOOT-INF/classes/}
 * gives {@code com.acme.Order}, not {@code BOOT-INF.classes.com.acme.Order}. {@code package-info.class} and
 * {@code module-info.class} are no classes of their package (Hibernate's scanner reads the first as a package and
 * skips the second), and are left out.
 */
final class ArchiveClasses {

    private static final String CLASS = ".class";

    private static final int MAGIC = 0xCAFEBABE;

    private ArchiveClasses() {
    }

    /**
     * An entry of a location that was opened cannot be scanned: a {@code .class} entry that is no class file or cannot
     * be read, or a zip stream that breaks off before an entry. Hibernate's scanner fails the start on it
     * ({@code ArchiveException}), so the location cannot be taken to hold nothing.
     */
    static final class UnreadableEntryException extends Exception {

        private static final long serialVersionUID = 1L;

        private final String entry;

        UnreadableEntryException(String entry, String reason, Throwable cause) {
            super(reason, cause);
            this.entry = entry;
        }

        /**
         * @return the entry's path within its location ({@code com/acme/Order.class}), or where a broken stream broke
         *         off ({@code the entry after com/acme/Order.class})
         */
        String entry() {
            return entry;
        }
    }

    /**
     * @param location a unit's root or jar file URL
     * @return the binary names of the classes under it ({@code com.acme.orders.Order})
     * @throws IOException              when the location cannot be opened (it, or the entry a {@code jar:} URL names,
     *                                  does not exist, or it is no folder and no zip): Hibernate skips it
     * @throws UnreadableEntryException when an entry under it cannot be scanned (see there): Hibernate fails on it
     */
    static List<String> of(URL location) throws IOException, UnreadableEntryException {
        if (!location.getProtocol().equals("jar")) {
            return archive(location, "");
        }
        // As Hibernate's JarProtocolArchiveDescriptor: the URL before the last '!', the entries under the path after.
        String file = location.getFile();
        int separator = file.lastIndexOf('!');
        if (separator < 0) {
            throw new IOException("No '!/' in jar: URL " + location);
        }
        String entry = file.substring(separator + 1).replaceFirst("^/", "");
        URL archive;
        try {
            archive = new URI(file.substring(0, separator)).toURL();
        } catch (URISyntaxException | IllegalArgumentException ex) {
            throw new IOException("Not a URL before the '!' of " + location + ": " + ex.getMessage(), ex);
        }
        if (archive.getProtocol().equals("jar")) {
            throw new IOException("A jar: URL in a jar: URL, which Hibernate does not read: " + location);
        }
        return archive(archive, entry);
    }

    /** The classes under a prefix ({@code ""}, a folder, or an entry that is a jar) of a URL not {@code jar:}. */
    private static List<String> archive(URL location, String prefix) throws IOException, UnreadableEntryException {
        if (!location.getProtocol().equals("file")) {
            try (JarInputStream zip = new JarInputStream(location.openStream())) {
                return entries(zip, prefix);
            }
        }
        Path path;
        try {
            path = Path.of(location.toURI());
        } catch (URISyntaxException | IllegalArgumentException ex) {
            throw new IOException("Not a file path: " + location, ex);
        }
        if (Files.isDirectory(path)) {
            return folder(path.resolve(prefix));
        }
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString(), null, "no such file or folder");
        }
        try (JarFile jar = new JarFile(path.toFile())) {
            List<String> names = new ArrayList<>();
            boolean found = prefix.isEmpty();
            for (ZipEntry next : Collections.list(jar.entries())) {
                found |= next.getName().startsWith(prefix);
                if (scanned(next, prefix)) {
                    try (InputStream in = jar.getInputStream(next)) {
                        read(next.getName(), in, prefix, names);
                    } catch (IOException ex) {
                        throw new UnreadableEntryException(next.getName(), "it cannot be read: " + ex.getMessage(), ex);
                    }
                }
            }
            if (!found) {
                throw new NoSuchFileException(prefix, null, "no such entry in " + path);
            }
            return names;
        }
    }

    private static List<String> folder(Path folder) throws IOException, UnreadableEntryException {
        if (!Files.isDirectory(folder)) {
            throw new NoSuchFileException(folder.toString(), null, "no such folder");
        }
        List<String> names = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            String entry = folder.relativize(file).toString().replace(folder.getFileSystem().getSeparator(), "/");
            if (isClass(entry)) {
                try (InputStream in = Files.newInputStream(file)) {
                    names.add(name(entry, in));
                }
            }
        }
        return names;
    }

    /** The classes under a prefix of a zip stream's entries, by their local headers: the stream is read to its end. */
    private static List<String> entries(ZipInputStream zip, String prefix)
            throws NoSuchFileException, UnreadableEntryException {
        List<String> names = new ArrayList<>();
        boolean found = prefix.isEmpty();
        String last = null;
        while (true) {
            ZipEntry next;
            try {
                next = zip.getNextEntry();
            } catch (IOException ex) {
                throw new UnreadableEntryException(last == null ? "the first entry" : "the entry after " + last,
                        "the zip stream breaks off: " + ex.getMessage(), ex);
            }
            if (next == null) {
                break;
            }
            last = next.getName();
            found |= last.startsWith(prefix);
            if (scanned(next, prefix)) {
                read(last, zip, prefix, names);
            }
        }
        if (!found) {
            throw new NoSuchFileException(prefix, null, "no such entry in the zip stream");
        }
        return names;
    }

    /** Whether Hibernate's scanner reads an entry under a prefix: a class file, or the prefix itself (a nested jar). */
    private static boolean scanned(ZipEntry entry, String prefix) {
        String name = entry.getName();
        return !entry.isDirectory() && name.startsWith(prefix)
                && (isClass(name) || !prefix.isEmpty() && name.equals(prefix));
    }

    /** Adds the class of a class file entry, or the classes of the jar the prefix names. */
    private static void read(String entry, InputStream in, String prefix, List<String> names)
            throws UnreadableEntryException {
        if (prefix.isEmpty() || !entry.equals(prefix)) {
            names.add(name(entry, in));
            return;
        }
        try {
            // Not closed: that would close the stream of the archive around it.
            names.addAll(entries(new ZipInputStream(in), ""));
        } catch (NoSuchFileException ex) {
            throw new IllegalStateException("Every entry is under the empty prefix", ex);
        }
    }

    /**
     * The class a class file entry declares, by spring-core's ASM; refused when it does not start with the class file
     * magic (as Jandex, Hibernate's reader, refuses it) or ASM cannot read its constant pool.
     */
    private static String name(String entry, InputStream in) throws UnreadableEntryException {
        byte[] bytes;
        try {
            bytes = in.readAllBytes();
        } catch (IOException ex) {
            throw new UnreadableEntryException(entry, "it cannot be read: " + ex.getMessage(), ex);
        }
        if (bytes.length < 4 || ByteBuffer.wrap(bytes).getInt() != MAGIC) {
            throw new UnreadableEntryException(entry, "it does not start with 0xCAFEBABE", null);
        }
        try {
            return new ClassReader(bytes).getClassName().replace('/', '.');
        } catch (RuntimeException ex) { // ASM's IllegalArgumentException, or an index past the end of a cut file
            throw new UnreadableEntryException(entry, ex.getClass().getSimpleName() + ": " + ex.getMessage(), ex);
        }
    }

    /** Whether Hibernate's scanner reads the entry as a class ({@code AbstractScannerImpl.ArchiveContextImpl}). */
    private static boolean isClass(String entry) {
        return entry.endsWith(CLASS) && !entry.endsWith("package-info" + CLASS)
                && !entry.endsWith("module-info" + CLASS);
    }
}

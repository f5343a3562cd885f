package dev.forum.extraction.runtime.jpa;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.springframework.asm.ClassReader;

/**
 * The classes a JPA provider finds under a persistence unit's root or jar file URL, read as Hibernate 7's
 * {@code StandardArchiveDescriptorFactory} reads it, one way per scheme: a {@code file:} folder walked as Hibernate's
 * {@code ExplodedArchiveDescriptor} walks it (symbolic links followed, a folder it cannot list skipped); a {@code file:}
 * jar through its {@link JarFile} (its central directory); a URL of any other scheme but {@code jar:} (Spring Boot's
 * {@code nested:}) as a zip stream, a {@link JarInputStream} over {@link URL#openStream()} through the URL's own
 * handler (the local headers: what the stream holds is what is scanned); a {@code jar:} URL as the URL before its last
 * {@code !}, read as above, with the entries under the path after it: the folder it is or, when it names an entry that
 * is a file ({@code jar:file:/app.jar!/lib/x.jar}, or a file in a folder), the entries of the jar it is. Hibernate
 * 7.4.5 does not read a jar in a jar behind a {@code jar:} URL of a scheme other than {@code file:}
 * ({@code JarInputStreamBasedArchiveDescriptor} visits the outer jar's later entries instead, and mostly fails on
 * them): that one is read as the jar it is, so what it holds is refused rather than let through.
 *
 * <p>Each {@code .class} entry is named by its bytes ({@link ClassReader#getClassName()}), as Hibernate's scanner names
 * it, so a jar without directory entries counts as one with them, a Spring Boot jar's {@code BOOT-INF/classes/} gives
 * {@code com.acme.Order}, not {@code BOOT-INF.classes.com.acme.Order}, and a class under {@code META-INF/versions/17/}
 * counts as Hibernate scans it. {@code package-info.class} and {@code module-info.class} are no classes of their
 * package (Hibernate's scanner reads the first as a package and skips the second), and are left out.
 */
final class ArchiveClasses {

    private static final String CLASS = ".class";

    private static final int MAGIC = 0xCAFEBABE;

    private ArchiveClasses() {
    }

    /**
     * A location Hibernate's scanner fails the start on, so it cannot be taken to hold nothing: a {@code .class} entry
     * that is no class file or cannot be opened or read, a zip stream that breaks off, the entry of a {@code jar:} URL
     * over a folder that is neither a folder nor a jar, or a {@code jar:} URL inside a {@code jar:} URL.
     */
    static final class UnscannableException extends Exception {

        private static final long serialVersionUID = 1L;

        private final String fix;

        /**
         * @param problem what is wrong, a clause after the location ({@code whose entry com/acme/Order.class cannot be
         *                scanned (it does not start with 0xCAFEBABE)})
         * @param fix     what to do about it, an imperative clause ({@code rebuild that location})
         * @param cause   the failure, or null
         */
        UnscannableException(String problem, String fix, Throwable cause) {
            super(problem, cause);
            this.fix = fix;
        }

        /** A {@code .class} entry (its path within the location) that cannot be scanned, and why. */
        static UnscannableException entry(String entry, String reason, Throwable cause) {
            return new UnscannableException("whose entry " + entry + " cannot be scanned (" + reason + ")",
                    "rebuild that location or remove that entry", cause);
        }

        /** @return what to do about it, an imperative clause ({@code rebuild that location}) */
        String fix() {
            return fix;
        }
    }

    /**
     * @param location a unit's root or jar file URL
     * @return the binary names of the classes under it ({@code com.acme.orders.Order})
     * @throws IOException          when the location cannot be opened (it, or the entry a {@code jar:} URL names in a
     *                              jar, does not exist, it is no folder and no zip, or a folder that cannot be
     *                              listed): Hibernate skips it
     * @throws UnscannableException when Hibernate's scanner fails the start on it (see there)
     */
    static List<String> of(URL location) throws IOException, UnscannableException {
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
            throw new UnscannableException("a jar: URL inside a jar: URL (Hibernate throws"
                    + " IllegalArgumentException: jar:jar: not supported)", "name that jar by a URL of its own (file:"
                    + " or Spring Boot's nested:), not by a jar: URL inside another", null);
        }
        return archive(archive, entry);
    }

    /** The classes under a prefix ({@code ""}, a folder, or an entry that is a jar) of a URL not {@code jar:}. */
    private static List<String> archive(URL location, String prefix) throws IOException, UnscannableException {
        if (!location.getProtocol().equals("file")) {
            try (InputStream in = location.openStream(); JarInputStream zip = new JarInputStream(in)) {
                return entries(zip, prefix);
            }
        }
        Path path;
        try {
            path = Path.of(location.toURI());
        } catch (URISyntaxException | IllegalArgumentException ex) {
            throw new IOException("Not a file path: " + location, ex);
        }
        if (!Files.isDirectory(path)) {
            return jar(path, prefix);
        }
        Path root = path.resolve(prefix);
        if (prefix.isEmpty() || Files.isDirectory(root)) {
            return folder(root);
        }
        // Hibernate's ExplodedArchiveDescriptor reads an entry that is no folder as a jar, and fails when it cannot.
        try {
            return jar(root, "");
        } catch (IOException ex) {
            throw new UnscannableException("whose entry " + prefix + " is neither a folder nor a jar it can open ("
                    + ex.getMessage() + ")", "name a folder or a jar that is there", ex);
        }
    }

    /** The classes under a prefix of a jar file, by its central directory. */
    private static List<String> jar(Path path, String prefix) throws IOException, UnscannableException {
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
                        throw UnscannableException.entry(next.getName(), "it cannot be read: " + ex.getMessage(), ex);
                    }
                }
            }
            if (!found) {
                throw new NoSuchFileException(prefix, null, "no such entry in " + path);
            }
            return names;
        }
    }

    /**
     * The classes of a folder, walked as Hibernate's {@code ExplodedArchiveDescriptor} walks it: each file it visits
     * (every one that exists and is no folder, through symbolic links) is opened, as Hibernate opens it, so one that
     * cannot be opened (or a named pipe, which blocks) is as much a failure here as there; a folder it cannot list is
     * skipped, the folder itself excepted (it holds nothing then). Hibernate follows a link back to a folder above it
     * until the system refuses the path, visiting the same files again; the walk visits them once.
     */
    private static List<String> folder(Path folder) throws IOException, UnscannableException {
        if (!Files.isDirectory(folder)) {
            throw new NoSuchFileException(folder.toString(), null, "no such folder");
        }
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(folder, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                        if (!attributes.isSymbolicLink()) { // a link that leads nowhere, which Hibernate skips
                            files.add(file);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException ex) throws IOException {
                        if (file.equals(folder)) {
                            throw ex;
                        }
                        return FileVisitResult.CONTINUE; // not listed, not there, or a loop: Hibernate skips it
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path dir, IOException ex) throws IOException {
                        if (ex != null && dir.equals(folder)) {
                            throw ex;
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
        List<String> names = new ArrayList<>();
        for (Path file : files) {
            String entry = folder.relativize(file).toString().replace(folder.getFileSystem().getSeparator(), "/");
            if (isClass(entry)) {
                try (InputStream in = Files.newInputStream(file)) {
                    names.add(name(entry, in));
                } catch (IOException ex) {
                    throw UnscannableException.entry(entry, "it cannot be opened: " + ex.getMessage(), ex);
                }
            }
        }
        return names;
    }

    /** The classes under a prefix of a zip stream's entries, by their local headers: the stream is read to its end. */
    private static List<String> entries(ZipInputStream zip, String prefix)
            throws NoSuchFileException, UnscannableException {
        List<String> names = new ArrayList<>();
        boolean found = prefix.isEmpty();
        String last = null;
        while (true) {
            ZipEntry next;
            try {
                next = zip.getNextEntry();
            } catch (IOException ex) {
                throw new UnscannableException("whose zip stream breaks off "
                        + (last == null ? "before its first entry" : "after its entry " + last) + " ("
                        + ex.getMessage() + ")", "rebuild that location", ex);
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
            throws UnscannableException {
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
    private static String name(String entry, InputStream in) throws UnscannableException {
        byte[] bytes;
        try {
            bytes = in.readAllBytes();
        } catch (IOException ex) {
            throw UnscannableException.entry(entry, "it cannot be read: " + ex.getMessage(), ex);
        }
        if (bytes.length < 4 || ByteBuffer.wrap(bytes).getInt() != MAGIC) {
            throw UnscannableException.entry(entry, "it does not start with 0xCAFEBABE", null);
        }
        try {
            return new ClassReader(bytes).getClassName().replace('/', '.');
        } catch (RuntimeException ex) { // ASM's IllegalArgumentException, or an index past the end of a cut file
            throw UnscannableException.entry(entry, ex.getClass().getSimpleName() + ": " + ex.getMessage(), ex);
        }
    }

    /** Whether Hibernate's scanner reads the entry as a class ({@code AbstractScannerImpl.ArchiveContextImpl}). */
    private static boolean isClass(String entry) {
        return entry.endsWith(CLASS) && !entry.endsWith("package-info" + CLASS)
                && !entry.endsWith("module-info" + CLASS);
    }
}

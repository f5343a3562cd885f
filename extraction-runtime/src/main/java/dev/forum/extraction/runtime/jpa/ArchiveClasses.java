package dev.forum.extraction.runtime.jpa;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The classes a JPA provider finds under a persistence unit's root or jar file URL: each class file's own name
 * ({@link ClassFileName}: from its bytes, as Hibernate's scanner names it), so a jar without directory entries counts
 * as one with them, and a Spring Boot jar's {@code BOOT-INF/classes/} gives {@code com.acme.Order}, not
 * {@code BOOT-INF.classes.com.acme.Order}. A {@code file:} folder is walked; any other location is read as a jar,
 * through the {@link JarURLConnection} of its {@code jar:} URL ({@code X} as {@code jar:X!/}), so a {@code file:} jar
 * through the JDK's and Spring Boot's {@code nested:} ones through Boot's handler, which reads the zip's central
 * directory and the class files only. Under a {@code jar:} URL's entry: the classes below it when it is a folder, those
 * of the jar it is when it is a file ({@code jar:file:/app.jar!/lib/x.jar}), as Hibernate reads a nested jar. Entries
 * under {@code META-INF/} are left out.
 */
final class ArchiveClasses {

    private static final String CLASS = ".class";

    private ArchiveClasses() {
    }

    /**
     * @param location a unit's root or jar file URL
     * @return the binary names of the classes under it ({@code com.acme.orders.Order})
     * @throws IOException when the location cannot be opened (it, or the entry a {@code jar:} URL names, does not
     *                     exist, or it is no folder and no zip) or a class file in it is not one
     */
    static List<String> of(URL location) throws IOException {
        if (location.getProtocol().equals("file")) {
            Path path;
            try {
                path = Path.of(location.toURI());
            } catch (URISyntaxException | IllegalArgumentException ex) {
                throw new IOException("Not a file path: " + location, ex);
            }
            if (Files.isDirectory(path)) {
                return folder(path);
            }
            if (!Files.exists(path)) {
                throw new NoSuchFileException(path.toString(), null, "no such file or folder");
            }
        }
        return jar(location.getProtocol().equals("jar") ? location
                : new URL("jar:" + location.toExternalForm() + "!/"));
    }

    private static List<String> folder(Path folder) throws IOException {
        List<String> names = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            if (isClass(folder.relativize(file).toString().replace(folder.getFileSystem().getSeparator(), "/"))) {
                try (InputStream in = Files.newInputStream(file)) {
                    names.add(ClassFileName.of(in));
                }
            }
        }
        return names;
    }

    private static List<String> jar(URL location) throws IOException {
        JarURLConnection connection = connection(location);
        String entry = connection.getEntryName() == null ? "" : connection.getEntryName();
        if (!entry.isEmpty()) {
            // The jar's root, by the URL's handler: a folder needs no entry of its own.
            connection = connection(new URL(location, "/"));
        }
        connection.setUseCaches(false);
        List<String> names = new ArrayList<>();
        try (JarFile jar = connection.getJarFile()) {
            ZipEntry named = entry.isEmpty() ? null : jar.getEntry(entry);
            if (named != null && !named.isDirectory() && !entry.endsWith("/")) {
                try (ZipInputStream nested = new ZipInputStream(jar.getInputStream(named))) {
                    for (ZipEntry next = nested.getNextEntry(); next != null; next = nested.getNextEntry()) {
                        if (isClass(next.getName())) {
                            names.add(ClassFileName.of(nested));
                        }
                    }
                }
                return names;
            }
            String base = entry.isEmpty() || entry.endsWith("/") ? entry : entry + "/";
            boolean found = false;
            for (ZipEntry next : Collections.list(jar.entries())) {
                found |= next.getName().startsWith(base);
                if (next.getName().startsWith(base) && isClass(next.getName().substring(base.length()))) {
                    try (InputStream in = jar.getInputStream(next)) {
                        names.add(ClassFileName.of(in));
                    }
                }
            }
            if (!found && !base.isEmpty()) {
                throw new NoSuchFileException(entry, null, "no such entry in " + connection.getJarFileURL());
            }
        }
        return names;
    }

    private static JarURLConnection connection(URL location) throws IOException {
        URLConnection connection = location.openConnection();
        if (!(connection instanceof JarURLConnection jar)) {
            throw new IOException("Not a jar connection: " + location);
        }
        return jar;
    }

    private static boolean isClass(String path) {
        return path.endsWith(CLASS) && !path.startsWith("META-INF/");
    }
}

package dev.forum.extraction.runtime.jpa;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * The classes a JPA provider finds under a persistence unit's root or jar file URL, by the names of its class files
 * ({@code com/acme/orders/Order.class}), so a jar without directory entries counts as one with them. The URL is opened
 * as Hibernate's archive descriptors open it: a {@code file:} directory is walked and a {@code file:} jar read; a
 * {@code jar:} URL is read through its {@link JarURLConnection} (its entries under the URL's entry, if any, relative to
 * it), so {@code jar:nested:} ones through Spring Boot's handler; any other ({@code nested:} of a Spring Boot jar's
 * {@code BOOT-INF/classes/} or {@code BOOT-INF/lib} jar) is read as a zip stream. Entries under {@code META-INF/} are
 * left out.
 */
final class ArchiveClasses {

    private static final String CLASS = ".class";

    private ArchiveClasses() {
    }

    /**
     * @param location a unit's root or jar file URL
     * @return the binary names of the classes under it ({@code com.acme.orders.Order}); none for a {@code file:} URL of
     *         nothing
     * @throws IOException when the location cannot be read
     */
    static List<String> of(URL location) throws IOException {
        List<String> names = new ArrayList<>();
        if (location.getProtocol().equals("file")) {
            Path path;
            try {
                path = Path.of(location.toURI());
            } catch (URISyntaxException | IllegalArgumentException ex) {
                throw new IOException("Not a file path: " + location, ex);
            }
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.walk(path)) {
                    files.filter(Files::isRegularFile).forEach(f -> add(names, path.relativize(f).toString()
                            .replace(path.getFileSystem().getSeparator(), "/")));
                }
            } else if (Files.isRegularFile(path)) {
                try (ZipFile zip = new ZipFile(path.toFile())) {
                    zip.stream().forEach(entry -> add(names, entry.getName()));
                }
            }
        } else if (location.getProtocol().equals("jar")) {
            JarURLConnection jar = jar(location);
            String entry = jar.getEntryName();
            String base = entry == null || entry.isEmpty() ? "" : entry.endsWith("/") ? entry : entry + "/";
            if (!base.isEmpty()) {
                jar = jar(new URL(location, "/")); // the jar's root, by the URL's handler: a folder needs no entry
            }
            jar.setUseCaches(false);
            try (JarFile file = jar.getJarFile()) {
                file.stream().map(ZipEntry::getName).filter(name -> name.startsWith(base))
                        .forEach(name -> add(names, name.substring(base.length())));
            }
        } else {
            try (ZipInputStream zip = new ZipInputStream(location.openStream())) {
                for (ZipEntry next = zip.getNextEntry(); next != null; next = zip.getNextEntry()) {
                    add(names, next.getName());
                }
            }
        }
        return names;
    }

    private static JarURLConnection jar(URL location) throws IOException {
        URLConnection connection = location.openConnection();
        if (!(connection instanceof JarURLConnection jar)) {
            throw new IOException("Not a jar connection: " + location);
        }
        return jar;
    }

    private static void add(List<String> names, String entry) {
        if (entry.endsWith(CLASS) && !entry.startsWith("META-INF/")) {
            names.add(entry.substring(0, entry.length() - CLASS.length()).replace('/', '.'));
        }
    }
}

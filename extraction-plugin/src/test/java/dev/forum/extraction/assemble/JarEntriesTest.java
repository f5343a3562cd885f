package dev.forum.extraction.assemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TimeZone;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The jars the plugin writes itself (the image's classes.jar and resources.jar, the filtered copies of libraries) have
 * their folders as entries, as {@code jar cf} writes them, so that Spring's component and repository scanning and
 * Flyway's migration scanning find their packages; and the same bytes for the same content, whenever and wherever built.
 */
class JarEntriesTest {

    @TempDir
    Path dir;

    /** A package-based application's classes and resources: a controller, a repository and a module's migration. */
    private Path classes() throws IOException {
        Path classes = dir.resolve("classes");
        for (String file : List.of("acme/tix/shows/internal/ShowController.class", "acme/tix/shows/internal/ShowRepository.class",
                "acme/tix/TixApplication.class", "db/migration/shows/V1__show.sql", "application.properties")) {
            Path path = classes.resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, file);
        }
        return classes;
    }

    @Test
    void aPlainJarHasEveryFolderOfItsFilesAsAnEntrySoThatScanningFindsItsPackages() throws IOException {
        Path jar = dir.resolve("classes.jar");
        assertEquals(5, PlainJar.write(classes(), jar, null, name -> true));

        assertEquals(List.of("META-INF/", "META-INF/MANIFEST.MF", "acme/", "acme/tix/", "acme/tix/TixApplication.class",
                "acme/tix/shows/", "acme/tix/shows/internal/", "acme/tix/shows/internal/ShowController.class",
                "acme/tix/shows/internal/ShowRepository.class", "application.properties", "db/", "db/migration/",
                "db/migration/shows/", "db/migration/shows/V1__show.sql"), names(jar));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            // What @SpringBootApplication's component scan and Spring Data's repository scan ask for.
            Resource[] found = new PathMatchingResourcePatternResolver(loader).getResources("classpath*:acme/tix/**/*.class");
            assertEquals(3, found.length, List.of(found).toString());
            // Flyway looks for each module's migrations folder (classpath:db/migration/shows).
            assertEquals(1, Collections.list(loader.getResources("db/migration/shows")).size());
        }
    }

    @Test
    void aFilteredJarHasTheFoldersOfTheFilesItKeepsAndNoOther() throws IOException {
        Path source = dir.resolve("app.jar");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(source))) {
            for (String name : List.of("acme/", "acme/tix/", "acme/tix/venues/", "acme/tix/venues/Venue.class",
                    "acme/tix/tickets/", "acme/tix/tickets/Ticket.class", "META-INF/", "META-INF/MANIFEST.MF")) {
                jar.putNextEntry(new JarEntry(name));
                jar.closeEntry();
            }
        }
        Path copy = dir.resolve("out/app.jar");
        assertEquals(2, FilteredJar.write(source, copy, name -> !name.contains("tickets"), null));

        assertEquals(List.of("META-INF/", "META-INF/MANIFEST.MF", "acme/", "acme/tix/", "acme/tix/venues/",
                "acme/tix/venues/Venue.class"), names(copy));
    }

    @Test
    void theSameFilesGiveTheSameBytesWhateverTheirTimesTheBuildsTimeAndTheTimeZone() throws IOException {
        Path classes = classes();
        Path first = dir.resolve("one.jar");
        Path second = dir.resolve("two.jar");
        TimeZone zone = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
            PlainJar.write(classes, first, null, name -> true);
            try (var files = Files.walk(classes)) {
                for (Path file : files.toList()) {
                    Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2031-05-06T07:08:09Z")));
                }
            }
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Auckland"));
            PlainJar.write(classes, second, null, name -> true);
        } finally {
            TimeZone.setDefault(zone);
        }

        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
        try (ZipFile zip = new ZipFile(first.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                assertEquals(LocalDateTime.parse("1980-02-01T00:00:00"), entry.getTimeLocal(), entry.getName());
            }
        }
    }

    @Test
    void aGivenTimeIsEveryEntrysTime() throws IOException {
        Path jar = dir.resolve("dated.jar");
        PlainJar.write(classes(), jar, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")), name -> true);

        try (ZipFile zip = new ZipFile(jar.toFile())) {
            assertNotNull(zip.getEntry("acme/tix/"));
            for (ZipEntry entry : Collections.list(zip.entries())) {
                assertEquals(LocalDateTime.parse("2026-01-01T00:00:00"), entry.getTimeLocal(), entry.getName());
            }
        }
    }

    private static List<String> names(Path jar) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            zip.stream().forEach(entry -> names.add(entry.getName()));
        }
        return names;
    }
}

package dev.forum.extraction.assemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.extraction.FakeApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceJarWriterTest {

    /** Spring Boot's loader tools as the plugin has them (an application of the same Boot version). */
    private static final BootRepackager REPACKAGER = new BootRepackager(ServiceJarWriterTest.class.getClassLoader(), "4.1.1");

    @TempDir
    Path dir;

    @Test
    void writesAnExecutableJarWithTheLibrariesNestedAndTheSameBytesEachTime() throws IOException {
        Map<String, Path> jars = FakeApp.jars(dir, false);
        Path classes = dir.resolve("app-classes");
        Files.createDirectories(classes.resolve("app"));
        Files.writeString(classes.resolve("app/application.properties"), "x=1\n");
        FileTime time = FileTime.from(Instant.parse("2026-01-01T00:00:00Z"));
        List<Path> libraries = List.of(jars.get("shared"), jars.get("beta"), jars.get("beta-api"));

        Path first = dir.resolve("out1/beta.jar");
        Path second = dir.resolve("out2/beta.jar");
        ServiceJarWriter.write(classes, entry -> true, "fake.platform.Paging", libraries, first, time, REPACKAGER);
        ServiceJarWriter.write(classes, entry -> true, "fake.platform.Paging", libraries, second, time, REPACKAGER);

        try (JarFile jar = new JarFile(first.toFile())) {
            assertEquals("fake.platform.Paging", jar.getManifest().getMainAttributes().getValue("Start-Class"));
            assertTrue(jar.getEntry("BOOT-INF/classes/app/application.properties") != null);
            assertTrue(jar.getEntry("BOOT-INF/lib/beta-api.jar") != null);
            assertTrue(jar.getEntry("BOOT-INF/lib/alpha.jar") == null);
        }
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
        try (var files = Files.list(first.getParent())) {
            assertEquals(List.of("beta.jar"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void withTheDefaultTimeTwoBuildsOfTheSameFilesGiveTheSameBytesAndTheJarHasItsFolders() throws IOException {
        Map<String, Path> jars = FakeApp.jars(dir, false);
        Path classes = dir.resolve("app-classes");
        Files.createDirectories(classes.resolve("app/shows"));
        Path properties = Files.writeString(classes.resolve("app/shows/application.properties"), "x=1\n");
        List<Path> libraries = List.of(jars.get("shared"), jars.get("beta-api"));

        Path first = dir.resolve("out1/beta.jar");
        Path second = dir.resolve("out2/beta.jar");
        ServiceJarWriter.write(classes, entry -> true, "fake.platform.Paging", libraries, first, JarEntries.DEFAULT_TIME, REPACKAGER);
        // A later build: the files were written again, at another time.
        Files.setLastModifiedTime(properties, FileTime.from(Instant.parse("2031-05-06T07:08:09Z")));
        ServiceJarWriter.write(classes, entry -> true, "fake.platform.Paging", libraries, second, JarEntries.DEFAULT_TIME, REPACKAGER);

        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
        try (JarFile jar = new JarFile(first.toFile())) {
            assertTrue(jar.getEntry("BOOT-INF/classes/app/shows/") != null, "the classes' folders are entries");
        }
    }
}

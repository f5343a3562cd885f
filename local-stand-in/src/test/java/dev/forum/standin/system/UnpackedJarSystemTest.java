package dev.forum.standin.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.standin.process.Jdk;
import dev.forum.standin.process.UnpackedJar;
import dev.forum.standin.stand.ServiceJars;
import dev.forum.standin.support.Checkout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monolith jar this build made, unpacked with its own tools jar mode as the stand-in starts it: a plain jar whose
 * manifest starts the application's main class with every library of the executable jar on its class path, in a
 * folder emptied first. What cannot be unpacked is refused with the tool's own reason, and the stand-in then starts the
 * jar as it is, said in one line.
 */
@Timeout(120)
class UnpackedJarSystemTest {

    @TempDir
    Path dir;

    @Test
    void the_monolith_jar_unpacks_into_a_plain_jar_that_names_every_library_and_the_applications_main_class()
            throws IOException {
        Path jar = new ServiceJars(Checkout.root()).monolith();
        Path destination = dir.resolve("jars/monolith");
        Files.createDirectories(destination.resolve("lib"));
        Path leftOver = Files.writeString(destination.resolve("lib/left-over-from-an-earlier-run.jar"), "stale");

        Path unpacked = UnpackedJar.unpack(Jdk.java(), jar, destination);

        assertEquals(destination.resolve(jar.getFileName()), unpacked);
        assertFalse(Files.exists(leftOver), "the folder was emptied first");
        List<String> nested;
        try (JarFile executable = new JarFile(jar.toFile())) {
            nested = executable.stream().map(e -> e.getName())
                    .filter(name -> name.startsWith("BOOT-INF/lib/") && name.endsWith(".jar"))
                    .map(name -> name.substring("BOOT-INF/lib/".length()))
                    .sorted().toList();
            String mainClass = executable.getManifest().getMainAttributes().getValue("Start-Class");
            try (JarFile plain = new JarFile(unpacked.toFile())) {
                Attributes manifest = plain.getManifest().getMainAttributes();
                assertEquals(mainClass, manifest.getValue(Attributes.Name.MAIN_CLASS), "it starts the application itself");
                List<String> classPath = Arrays.stream(manifest.getValue(Attributes.Name.CLASS_PATH).split(" "))
                        .map(entry -> entry.substring("lib/".length())).sorted().toList();
                assertEquals(nested, classPath);
                assertTrue(plain.getEntry(mainClass.replace('.', '/') + ".class") != null, "the application's classes");
            }
        }
        try (Stream<Path> libs = Files.list(destination.resolve("lib"))) {
            assertEquals(nested, libs.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertTrue(nested.size() > 50, "the forum's libraries: " + nested.size());
    }

    @Test
    void a_file_that_is_not_a_jar_is_refused_with_the_tools_reason() throws IOException {
        Path notAJar = Files.writeString(dir.resolve("broken.jar"), "not a zip");
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> UnpackedJar.unpack(Jdk.java(), notAJar, dir.resolve("out")));
        assertTrue(refused.getMessage().startsWith("cannot unpack " + notAJar + " with its tools jar mode (exit 1): "),
                refused.getMessage());
        assertTrue(refused.getMessage().contains("Invalid or corrupt jarfile"), refused.getMessage());
    }

    @Test
    void a_jar_that_cannot_be_unpacked_is_started_as_it_is_said_in_one_line() throws IOException {
        Path broken = Files.writeString(dir.resolve("posts.jar"), "not a zip");
        List<String> log = new ArrayList<>();
        assertEquals(broken, UnpackedJar.startJar(Jdk.java(), broken, dir.resolve("jars/posts"), log::add));
        assertEquals(1, log.size(), log.toString());
        assertTrue(log.get(0).startsWith("cannot unpack " + broken + " with its tools jar mode (exit 1): ")
                && log.get(0).endsWith(": starting it as it is"), log.get(0));

        Path jar = new ServiceJars(Checkout.root()).monolith();
        log.clear();
        Path unpacked = UnpackedJar.startJar(Jdk.java(), jar, dir.resolve("jars/monolith"), log::add);
        assertEquals(dir.resolve("jars/monolith").resolve(jar.getFileName()), unpacked);
        assertEquals(1, log.size(), log.toString());
        assertTrue(log.get(0).matches("\\Q" + jar.getFileName() + " unpacked into " + dir.resolve("jars/monolith")
                + "\\E in \\d+\\.\\d s: its processes start from there"), log.get(0));
    }
}

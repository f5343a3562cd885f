package dev.forum.standin.process;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tool that never ends, its output still open, is stopped at the bound and refused in one line: the bound holds
 * whatever the tool does with its output. A shell script that prints a line and sleeps stands in for {@code java}.
 */
@Timeout(30)
class UnpackedJarUnitTest {

    @TempDir
    Path dir;

    @Test
    void aToolThatHangsWithItsOutputOpenIsStoppedAtTheBound() throws IOException {
        Path java = dir.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho extracting\nexec sleep 60\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
        long start = System.nanoTime();
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> UnpackedJar.unpack(java, dir.resolve("app.jar"), dir.resolve("out"), Duration.ofSeconds(1)));
        long took = System.nanoTime() - start;
        assertTrue(refused.getMessage().equals("cannot unpack " + dir.resolve("app.jar") + ": still running after 1.0 s"),
                refused.getMessage());
        assertTrue(took < Duration.ofSeconds(10).toNanos(), "stopped at the bound, not at the tool's end: " + took / 1_000_000 + " ms");
    }
}

package dev.forum.extraction.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A service's folder never keeps a jar and an image of different builds, nor the working folders. */
class ServiceOutputsTest {

    @TempDir
    Path base;

    private Path write(Path folder, String... names) throws Exception {
        for (String name : names) {
            Path file = folder.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, name);
        }
        return folder;
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void anEarlierBuildsOutputsGoBeforeAServiceIsWrittenAndTheWorkingFoldersAfter() throws Exception {
        Path folder = write(base.resolve("target/services/members"), "members.jar", "members-image.tar", "contents.txt",
                "classes/a/A.class", "image/classes.jar", "lib/x.jar", "notes.md");
        ServiceOutputs outputs = new ServiceOutputs(folder, "members");

        outputs.clear();
        assertEquals(List.of("notes.md"), names(folder));

        write(folder, "members.jar", "contents.txt", "classes/a/A.class", "image/classes.jar", "lib/x.jar");
        outputs.removeWorking();
        assertEquals(List.of("contents.txt", "members.jar", "notes.md"), names(folder));
    }

    @Test
    void aFailedBuildLeavesNothingAndSaysWhatItRemoved() throws Exception {
        Path folder = write(base.resolve("target/services/members"), "members.jar", "contents.txt", "classes/a/A.class");

        String said = new ServiceOutputs(folder, "members").removeAfterFailure(base);

        assertEquals("; removed this build's members.jar, contents.txt from target/services/members/ (no output of a"
                + " failed build is kept)", said);
        assertFalse(Files.exists(folder), "the emptied folder goes too");
        assertTrue(Files.isDirectory(base.resolve("target/services")));
        assertEquals("", new ServiceOutputs(base.resolve("target/services/loans"), "loans").removeAfterFailure(base));
    }
}

package dev.forum.extraction.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.extraction.model.ExtractionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every image setting the service goal can check without building is checked here, before it writes anything. */
class ImageSettingsTest {

    @TempDir
    Path dir;

    private String message(ImageSettings.Requested requested) {
        return assertThrows(ExtractionException.class, () -> ImageSettings.of(List.of("members"),
                service -> dir.resolve("services").resolve(service), "1", requested, dir, false, true,
                "example.members.MembersApplication")).getMessage();
    }

    private ImageSettings.Requested with(String base, String name, String registry, boolean docker, String port) {
        return new ImageSettings.Requested(base, name, registry, docker, null, port, null, null);
    }

    @Test
    void eachWrongSettingIsRefusedWithNothingWritten() throws Exception {
        String tar = "tar://" + dir.resolve("nope.tar");
        assertTrue(message(with(tar, null, null, false, null)).startsWith("Cannot read base image " + tar + " (no such file)"));
        assertTrue(message(with("registry.invalid/jre:25", null, null, false, null)).contains("unknown host registry.invalid"));
        assertTrue(message(with(null, "My Image!", null, false, null)).startsWith("extract.image.name 'My Image!'"));
        assertTrue(message(with(null, null, "127.0.0.1:5000/x:1", true, null)).contains("set one of them"));
        assertTrue(message(with(null, null, null, false, "0")).startsWith("-Dextract.image.port=0 is not a TCP port"));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.toList(), "nothing is written");
        }
    }

    @Test
    void everyWrongSettingIsALineOfOneRefusal() throws Exception {
        // user10's -Dextract.image.base=tar:///.../nope.tar -Dextract.image.port=abc: the missing tar is named too.
        String tar = "tar://" + dir.resolve("nope.tar");
        ExtractionException refusal = assertThrows(ExtractionException.class, () -> ImageSettings.of(List.of("members"),
                service -> dir.resolve("services").resolve(service), "1",
                new ImageSettings.Requested(tar, "My Image!", null, false, null, "abc", "health", null), dir, true,
                true, "example.members.MembersApplication"));
        List<String> lines = refusal.lines();
        assertEquals(4, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).startsWith("extract.image.name 'My Image!'"), lines.get(0));
        assertEquals("-Dextract.image.port=abc is not a TCP port (1 to 65535): set -Dextract.image.port=<port>", lines.get(1));
        assertTrue(lines.get(2).contains("extract.image.health.liveness"), lines.get(2));
        assertTrue(lines.get(3).startsWith("Cannot read base image " + tar + " (no such file)"), lines.get(3));
        assertEquals("4 mistakes in the image settings (-Dextract.image.*), one per [extract] line above: fix each, or set"
                + " -Dextract.image=false to build no image", refusal.summary());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.toList(), "nothing is written");
        }
    }

    @Test
    void goodSettingsGiveEachServiceItsTarget() throws Exception {
        Path base = dev.forum.extraction.FakeBaseImage.write(dir.resolve("base.tar"));
        ImageSettings settings = ImageSettings.of(List.of("books", "loans"), service -> dir.resolve(service), "2",
                with("tar://" + base, null, null, false, null), dir, false, true,
                "example.library.LibraryApplication");
        assertEquals(dir.resolve("loans/loans-image.tar"), settings.targets().get("loans").tar());
        assertEquals(8080, settings.container().port());
    }
}

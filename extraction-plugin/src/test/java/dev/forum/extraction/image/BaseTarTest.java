package dev.forum.extraction.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.forum.extraction.FakeBaseImage;
import dev.forum.extraction.model.ExtractionException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A base tar is read before anything is built: a file that is not a docker-save style image tar is refused in one line
 * saying what it is, not by Jib after the service's jar is written ("Invalid byte 115 at offset 0").
 */
class BaseTarTest {

    @TempDir
    Path dir;

    @Test
    void aDockerSaveTarPasses() throws IOException {
        ImageBase.parse("tar://" + FakeBaseImage.write(dir.resolve("base.tar"))).check();
    }

    @Test
    void aTextFileIsRefusedAsNoTar() throws IOException {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "some notes, not an image\n".repeat(40));
        assertEquals("Base image tar://" + notes + " is not a tar file: give a docker-save style image tar (manifest.json,"
                + " its config and layer tars; `docker save`, `skopeo copy ... docker-archive:<file>` or"
                + " deploy/images/build-jre-base.sh docker-archive:<file>:<name> of the extraction plugin's checkout writes"
                + " one) or a registry reference in"
                + " -Dextract.image.base", refusal(notes));
        assertEquals("Base image tar://" + dir.resolve("short.txt") + " is not a tar file",
                prefix(refusal(Files.writeString(dir.resolve("short.txt"), "x"))));
        assertEquals("Base image tar://" + dir.resolve("empty") + " is an empty file",
                prefix(refusal(Files.write(dir.resolve("empty"), new byte[0]))));
    }

    @Test
    void anOciLayoutOrAnyOtherTarIsRefusedSayingWhatItLacks() throws IOException {
        Path oci = tar("oci.tar", "oci-layout", "index.json", "blobs/sha256/abc");
        assertEquals("Base image tar://" + oci + " is an OCI image layout (index.json), not a docker-save tar", prefix(refusal(oci)));
        Path other = tar("other.tar", "README", "src/Main.java");
        assertEquals("Base image tar://" + other + " is a tar without manifest.json", prefix(refusal(other)));
    }

    private static String refusal(Path file) {
        ExtractionException e = assertThrows(ExtractionException.class, () -> ImageBase.parse("tar://" + file).check());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        return e.getMessage();
    }

    private static String prefix(String message) {
        return message.substring(0, message.indexOf(": give a docker-save"));
    }

    private Path tar(String name, String... files) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            for (String entryName : files) {
                byte[] content = ("content of " + entryName).repeat(100).getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry(entryName);
                entry.setSize(content.length);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
        return file;
    }
}

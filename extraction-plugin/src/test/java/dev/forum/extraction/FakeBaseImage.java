package dev.forum.extraction;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A docker-save style base image tar, as {@code docker save} writes it: {@code manifest.json} naming a
 * config file and one uncompressed layer tar; the config's {@code rootfs.diff_ids} is that tar's sha256.
 * Its one layer holds an /etc/passwd with the image's non-root user; there is no JVM: the image is
 * only built, never run.
 */
public final class FakeBaseImage {

    private FakeBaseImage() {
    }

    public static Path write(Path file) throws IOException {
        byte[] layer = tar(new String[] {"etc/passwd"},
                "root:x:0:0:root:/root:/bin/sh\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n");
        String config = """
                {"architecture":"amd64","os":"linux",\
                "config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"]},\
                "rootfs":{"type":"layers","diff_ids":["sha256:%s"]}}""".formatted(sha256(layer));
        String manifest = """
                [{"Config":"config.json","RepoTags":["fake-jre:25"],"Layers":["layer/layer.tar"]}]""";
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file); TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            put(tar, "manifest.json", manifest.getBytes(StandardCharsets.UTF_8));
            put(tar, "config.json", config.getBytes(StandardCharsets.UTF_8));
            put(tar, "layer/layer.tar", layer);
        }
        return file;
    }

    private static byte[] tar(String[] names, String content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            for (String name : names) {
                put(tar, name, content.getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toByteArray();
    }

    private static void put(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(content.length);
        entry.setModTime(0);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

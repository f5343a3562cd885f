package dev.forum.extraction.image;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Whether a file is a base image Jib can start from: a docker-save style tar, which holds {@code manifest.json} at its
 * top. Read before anything is built (headers only, skipping each entry's content), so that a wrong file is refused in
 * one line instead of after the service's jar is written.
 */
final class BaseTar {

    private static final int BLOCK = 512;

    private BaseTar() {
    }

    /**
     * @param tar the file
     * @return null when it is a tar with {@code manifest.json}; else what it is instead, for a message (e.g.
     *         {@code not a tar file}, {@code an OCI image layout (index.json), not a docker-save tar})
     * @throws IOException when the file cannot be read
     */
    static String problem(Path tar) throws IOException {
        boolean ociLayout = false;
        try (FileChannel file = FileChannel.open(tar, StandardOpenOption.READ)) {
            long at = 0;
            ByteBuffer header = ByteBuffer.allocate(BLOCK);
            while (true) {
                header.clear();
                int read = 0;
                while (read < BLOCK) {
                    int n = file.read(header, at + read);
                    if (n <= 0) {
                        break;
                    }
                    read += n;
                }
                byte[] bytes = header.array();
                if (at == 0 && read < BLOCK) {
                    return read == 0 ? "an empty file" : "not a tar file";
                }
                if (read < BLOCK || isZero(bytes)) {
                    return at == 0 ? "an empty tar" : ociLayout ? "an OCI image layout (index.json), not a docker-save tar"
                            : "a tar without manifest.json";
                }
                if (!checksumMatches(bytes)) {
                    return at == 0 ? "not a tar file" : "a damaged tar (a bad header at byte " + at + ")";
                }
                String name = text(bytes, 0, 100).replaceFirst("^\\./", "");
                if (name.equals("manifest.json")) {
                    return null;
                }
                ociLayout |= name.equals("index.json") || name.equals("oci-layout");
                long size = size(bytes);
                if (size < 0) {
                    return "a damaged tar (a bad size at byte " + at + ")";
                }
                at += BLOCK + (size + BLOCK - 1) / BLOCK * BLOCK;
            }
        }
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /** The header's checksum field: the sum of its bytes, the field itself counted as spaces. */
    private static boolean checksumMatches(byte[] header) {
        String field = text(header, 148, 8).trim();
        if (!field.matches("[0-7]+")) {
            return false;
        }
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += i >= 148 && i < 156 ? ' ' : header[i] & 0xFF;
        }
        return sum == Long.parseLong(field, 8);
    }

    /** The entry's size: octal, or base-256 when its first byte's high bit is set; -1 when unreadable. */
    private static long size(byte[] header) {
        if ((header[124] & 0x80) != 0) {
            long size = 0;
            for (int i = 125; i < 136; i++) {
                size = (size << 8) | (header[i] & 0xFF);
            }
            return size;
        }
        String octal = text(header, 124, 12).trim();
        return octal.isEmpty() ? 0 : octal.matches("[0-7]+") ? Long.parseLong(octal, 8) : -1;
    }

    private static String text(byte[] bytes, int offset, int length) {
        int end = offset;
        while (end < offset + length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, offset, end - offset, StandardCharsets.UTF_8);
    }
}

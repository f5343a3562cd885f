package dev.forum.extraction.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Map;

/**
 * The ecs goal's output folder: emptied, then filled with the rendered files ({@code deploy.sh} executable), so that a
 * service dropped from the topology leaves no stale template behind.
 */
final class EcsOutput {

    private EcsOutput() {
    }

    /**
     * Replaces the folder's contents with {@code files}.
     *
     * @param out   the folder, created when missing
     * @param files relative, '/'-separated name to content
     */
    static void write(Path out, Map<String, String> files) throws IOException {
        clean(out);
        for (Map.Entry<String, String> entry : files.entrySet()) {
            Path target = out.resolve(entry.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, entry.getValue(), StandardCharsets.UTF_8);
            if (entry.getKey().endsWith(".sh")) {
                try {
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                } catch (UnsupportedOperationException e) {
                    target.toFile().setExecutable(true);
                }
            }
        }
    }

    private static void clean(Path out) throws IOException {
        if (Files.isDirectory(out)) {
            try (var files = Files.walk(out)) {
                for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(out);
    }
}

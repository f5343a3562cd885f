package dev.forum.extraction.image;

import dev.forum.extraction.model.ExtractionException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Files the project puts into every service image as they are (the RDS certificate authorities' bundle, for
 * example): a folder whose tree is the image's, so {@code <folder>/app/rds/global-bundle.pem} is
 * {@code /app/rds/global-bundle.pem}. A file with a {@code <file>.sha256} beside it must have that SHA-256
 * (hexadecimal, the first word of the line, as {@code sha256sum} writes it), or the build stops; the checksum
 * files themselves stay out of the image.
 */
public final class ImageFiles {

    public static final String CHECKSUM = ".sha256";

    private ImageFiles() {
    }

    /**
     * @return each path in the image to its file, sorted; empty for a null folder
     * @throws ExtractionException when a file does not have the SHA-256 its checksum file names, or a checksum file
     *                             has no file
     */
    public static Map<String, Path> of(Path folder) {
        Map<String, Path> files = new TreeMap<>();
        if (folder == null) {
            return files;
        }
        if (!Files.isDirectory(folder)) {
            throw new ExtractionException("No image files folder at " + folder + ": create it or drop extract.image.files");
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(CHECKSUM)) {
                    Path checked = file.resolveSibling(name.substring(0, name.length() - CHECKSUM.length()));
                    if (!Files.isRegularFile(checked)) {
                        throw new ExtractionException(file + " is the checksum of " + checked + ", which is missing");
                    }
                    String expected = Files.readString(file).strip().split("\\s+")[0].toLowerCase(java.util.Locale.ROOT);
                    String actual = sha256(checked);
                    if (!actual.equals(expected)) {
                        throw new ExtractionException(checked + " has SHA-256 " + actual + ", but " + file + " says " + expected
                                + ": restore the file, or check the new one and update its checksum");
                    }
                    continue;
                }
                files.put("/" + folder.relativize(file).toString().replace('\\', '/'), file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package forum.system.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * What is inside a jar or an image layer, jars inside them included: a nested entry is named
 * {@code outer.jar!/inner/path}, so one list shows every class and resource that ships.
 */
public final class Archives {

    private Archives() {
    }

    /** Every entry of a jar and of the jars nested in it (a Spring Boot jar's {@code BOOT-INF/lib/*.jar}). */
    public static List<String> jarEntries(Path jar) {
        try (InputStream in = Files.newInputStream(jar)) {
            List<String> names = new ArrayList<>();
            zipEntries(in, "", names);
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + jar, e);
        }
    }

    /** Every file of a gzip-compressed layer tar (without a leading {@code /} or {@code ./}), and of the jars in it. */
    public static List<String> layerEntries(byte[] gzipTar) {
        List<String> names = new ArrayList<>();
        try (TarArchiveInputStream tar = layer(gzipTar)) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                if (entry.isDirectory()) {
                    continue;
                }
                String name = name(entry);
                names.add(name);
                if (entry.isFile() && name.endsWith(".jar")) {
                    zipEntries(tar, name + "!/", names);
                }
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One file of a layer, if the layer has it. */
    public static Optional<byte[]> layerFile(byte[] gzipTar, String path) {
        try (TarArchiveInputStream tar = layer(gzipTar)) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                if (entry.isFile() && name(entry).equals(path)) {
                    return Optional.of(tar.readAllBytes());
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The part of a nested name inside its innermost jar: {@code x.jar!/a/B.class} is {@code a/B.class}. */
    public static String innermost(String name) {
        int bang = name.lastIndexOf("!/");
        return bang < 0 ? name : name.substring(bang + 2);
    }

    private static TarArchiveInputStream layer(byte[] gzipTar) throws IOException {
        return new TarArchiveInputStream(new GZIPInputStream(new ByteArrayInputStream(gzipTar)));
    }

    private static String name(TarArchiveEntry entry) {
        return entry.getName().replaceFirst("^\\./", "").replaceFirst("^/", "");
    }

    /** Reads a zip from {@code in} without closing it; nested jars are read from memory. */
    private static void zipEntries(InputStream in, String prefix, List<String> names) throws IOException {
        ZipInputStream zip = new ZipInputStream(in);
        for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
            if (entry.isDirectory()) {
                continue;
            }
            names.add(prefix + entry.getName());
            if (entry.getName().endsWith(".jar")) {
                zipEntries(new ByteArrayInputStream(zip.readAllBytes()), prefix + entry.getName() + "!/", names);
            }
        }
    }
}

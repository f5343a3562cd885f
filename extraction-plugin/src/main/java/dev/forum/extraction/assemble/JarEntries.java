package dev.forum.extraction.assemble;

import java.io.IOException;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * The entries of one jar the plugin writes, as {@code jar cf} would write them but reproducibly: every folder of a file
 * gets its own entry ({@code acme/}, {@code acme/tix/}) before the file's, and every entry has one fixed time.
 *
 * <p>Folder entries matter at run time: a class loader finds a package of a jar ({@code getResources("acme/tix/")}) only
 * through its entry, so without them Spring's {@code classpath*:} component and repository scanning and Flyway's
 * {@code classpath:db/migration/<module>} find nothing in the jar, and the application starts without its own beans.
 *
 * <p>The time is written as the same calendar fields whatever the machine's time zone (a zip entry's time is a local
 * date and time), so the bytes depend on the content and the time alone.
 */
public final class JarEntries {

    /**
     * The entry time when the project sets none ({@code project.build.outputTimestamp}): fixed, so that two builds of
     * the same inputs give the same bytes. The first of February 1980, as Gradle's reproducible archives have it: inside
     * the zip format's range of times (from 1980) in every time zone.
     */
    public static final FileTime DEFAULT_TIME = FileTime.from(Instant.parse("1980-02-01T00:00:00Z"));

    private final JarOutputStream jar;
    private final long time;
    private final Set<String> folders = new HashSet<>();

    /**
     * @param jar  the jar being written
     * @param time every entry's time; null for {@link #DEFAULT_TIME}
     */
    public JarEntries(JarOutputStream jar, FileTime time) {
        this.jar = jar;
        this.time = localMillis(time == null ? DEFAULT_TIME : time);
    }

    /**
     * Starts the entry of a file ({@code acme/tix/App.class}) after the entries of its folders not written yet; write its
     * bytes next, then {@link JarOutputStream#closeEntry()}.
     *
     * @param name the file's path in the jar, {@code /}-separated, not ending in {@code /}
     */
    public void file(String name) throws IOException {
        for (int slash = name.indexOf('/'); slash > 0; slash = name.indexOf('/', slash + 1)) {
            String folder = name.substring(0, slash + 1);
            if (folders.add(folder)) {
                jar.putNextEntry(entry(folder));
                jar.closeEntry();
            }
        }
        jar.putNextEntry(entry(name));
    }

    private JarEntry entry(String name) {
        JarEntry entry = new JarEntry(name);
        entry.setTime(time);
        return entry;
    }

    /**
     * The instant whose date and time in this machine's zone are those of {@code time} in UTC: a zip entry stores a
     * local date and time, so this writes the UTC fields everywhere (and {@code setTime} adds no extended time field).
     */
    private static long localMillis(FileTime time) {
        LocalDateTime utc = LocalDateTime.ofInstant(time.toInstant(), ZoneOffset.UTC);
        return utc.atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
    }
}

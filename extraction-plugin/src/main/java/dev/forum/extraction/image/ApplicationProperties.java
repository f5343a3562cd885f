package dev.forum.extraction.image;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The application's own settings as the build can read them, without Spring: {@code application.properties} in its
 * classes folder, and for every key that file does not set, {@code application.yml} (or {@code .yaml}). No profile file
 * is read. Of YAML only block mappings are read ({@code key: value}, nested by indentation, {@code server.port: 3000}
 * and {@code server:\n  port: 3000} alike) in the first document: enough for ports and paths; list items and
 * multi-line values are skipped. The one reader of these files in the plugin: the image's port and health paths
 * ({@link ContainerSettings}), the ECS deployment's ports and the event publication settings the goals warn about come
 * from it.
 */
public final class ApplicationProperties {

    /** {@code key: value} or {@code key:}; the key may be dotted and is not a list item or a comment. */
    private static final Pattern YAML_ENTRY = Pattern.compile("^(\\s*)([^\\s:#'\"\\-][^:#]*?)\\s*:(?:\\s+(.*?))?\\s*$");

    private ApplicationProperties() {
    }

    /**
     * @param classes the application's classes folder (its resources copied in)
     * @return the settings found, empty when there is no file
     * @throws UncheckedIOException when a file that is there cannot be read
     */
    public static Properties read(Path classes) {
        Properties properties = new Properties();
        Path file = classes.resolve("application.properties");
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (String name : List.of("application.yml", "application.yaml")) {
            Path yaml = classes.resolve(name);
            if (Files.isRegularFile(yaml)) {
                try {
                    yaml(Files.readAllLines(yaml, StandardCharsets.UTF_8), properties);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return properties;
    }

    /** Adds each {@code a.b.c = value} of the YAML's first document that {@code into} does not have yet. */
    static void yaml(List<String> lines, Properties into) {
        Deque<Object[]> parents = new ArrayDeque<>(); // {indent, dotted key}
        boolean content = false;
        for (String line : lines) {
            if (line.startsWith("---") || line.startsWith("...")) {
                if (content) {
                    return; // later documents are profile-specific as a rule: not read, as no profile file is
                }
                continue;
            }
            String text = line.strip().startsWith("#") ? "" : line.replaceFirst("\\s+#.*$", "");
            if (text.isBlank()) {
                continue;
            }
            content = true;
            Matcher entry = YAML_ENTRY.matcher(text);
            if (!entry.matches()) {
                continue;
            }
            int indent = entry.group(1).length();
            while (!parents.isEmpty() && (int) parents.peek()[0] >= indent) {
                parents.pop();
            }
            String key = (parents.isEmpty() ? "" : parents.peek()[1] + ".") + entry.group(2);
            String value = entry.group(3);
            if (value == null || value.isEmpty()) {
                parents.push(new Object[] {indent, key});
            } else if (!into.containsKey(key)) {
                into.setProperty(key, value.replaceAll("^[\"']|[\"']$", ""));
            }
        }
    }
}

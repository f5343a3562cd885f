package dev.forum.extraction.model;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One document of an application's settings file, as Spring Boot splits a file into documents: a YAML file at its
 * {@code ---} lines, a {@code .properties} file at its {@code #---} (or {@code !---}) lines. Each document is read
 * without Spring, flattened to dotted keys: of YAML only block mappings ({@code key: value}, nested by indentation,
 * {@code server.port: 3000} and {@code server:\n  port: 3000} alike), scalar list items ({@code - prod}, as
 * {@code key[0]}), lists of mappings ({@code - name: x} as {@code key[0].name}, as Spring Boot flattens them) and flow
 * lists ({@code [a, b]}); multi-line values ({@code |}, {@code >}), flow mappings ({@code {a: 1}}), anchors and tags are
 * skipped. Enough for ports, paths, switches, durations and profile names.
 *
 * @param file   the file's name ({@code application-prod.yml}), as the warnings name it
 * @param values each dotted key to its value (quotes removed), in the document's order
 */
record SettingsDocument(String file, Map<String, String> values) {

    /** The key that limits a document to some profiles (a profile expression, or several). */
    static final String ON_PROFILE = "spring.config.activate.on-profile";
    /** The key that limits a document to a cloud platform. */
    static final String ON_CLOUD_PLATFORM = "spring.config.activate.on-cloud-platform";

    /** {@code key: value} or {@code key:}; the key may be dotted and is not a list item or a comment. */
    private static final Pattern YAML_ENTRY = Pattern.compile("^(\\s*)([^\\s:#'\"\\-][^:#]*?)\\s*:(?:\\s+(.*?))?\\s*$");
    /** {@code - value}: a list item, a plain value or the first key of a mapping ({@code - name: x}). */
    private static final Pattern YAML_ITEM = Pattern.compile("^(\\s*)-\\s+(.*?)\\s*$");
    /** Spring Boot's document separator in a {@code .properties} file: the whole line. */
    private static final Pattern PROPERTIES_SEPARATOR = Pattern.compile("^[#!]---$");

    SettingsDocument {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * @param file a {@code .properties}, {@code .yml} or {@code .yaml} file
     * @param name the file's name in the warnings, its path in the class path ({@code config/application.yml})
     * @return its documents, in the file's order; empty documents left out
     * @throws UncheckedIOException when it cannot be read
     */
    static List<SettingsDocument> read(Path file, String name) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return name.endsWith(".properties") ? properties(name, lines) : yaml(name, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The documents of a {@code .properties} file, each loaded as {@link Properties#load} reads one. */
    static List<SettingsDocument> properties(String file, List<String> lines) {
        List<SettingsDocument> documents = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            if (PROPERTIES_SEPARATOR.matcher(line).matches()) {
                add(documents, file, load(text.toString()));
                text.setLength(0);
            } else {
                text.append(line).append('\n');
            }
        }
        add(documents, file, load(text.toString()));
        return documents;
    }

    private static Map<String, String> load(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().sorted().forEach(key -> values.put(key, properties.getProperty(key)));
        return values;
    }

    /** The documents of a YAML file. */
    static List<SettingsDocument> yaml(String file, List<String> lines) {
        List<SettingsDocument> documents = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        Deque<Object[]> parents = new ArrayDeque<>(); // {indent, dotted key}
        Map<String, Integer> items = new HashMap<>();
        for (String line : lines) {
            if (line.startsWith("---") || line.startsWith("...")) {
                add(documents, file, values);
                values = new LinkedHashMap<>();
                parents.clear();
                items.clear();
                continue;
            }
            String text = line.strip().startsWith("#") ? "" : line.replaceFirst("\\s+#.*$", "");
            if (text.isBlank()) {
                continue;
            }
            Matcher item = YAML_ITEM.matcher(text);
            if (item.matches()) {
                int indent = item.group(1).length();
                while (!parents.isEmpty() && (int) parents.peek()[0] > indent) {
                    parents.pop();
                }
                String value = item.group(2);
                if (parents.isEmpty()) {
                    continue;
                }
                String list = (String) parents.peek()[1];
                String element = list + "[" + items.merge(list, 1, Integer::sum) + "]";
                if (!YAML_ENTRY.matcher(value).matches()) {
                    values.put(element, unquote(value));
                    continue;
                }
                // a mapping as the item ("- name: x"): its keys sit at the column after "- ", under key[i]
                parents.push(new Object[] {item.start(2) - 1, element});
                text = " ".repeat(item.start(2)) + value;
            }
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
                items.put(key, -1);
            } else if (value.startsWith("[") && value.endsWith("]")) {
                String[] list = value.substring(1, value.length() - 1).split(",");
                for (int i = 0; i < list.length; i++) {
                    if (!list[i].isBlank()) {
                        values.put(key + "[" + i + "]", unquote(list[i].strip()));
                    }
                }
            } else {
                values.put(key, unquote(value));
            }
        }
        add(documents, file, values);
        return documents;
    }

    private static void add(List<SettingsDocument> documents, String file, Map<String, String> values) {
        if (!values.isEmpty()) {
            documents.add(new SettingsDocument(file, values));
        }
    }

    private static String unquote(String value) {
        return value.replaceAll("^[\"']|[\"']$", "");
    }

    /**
     * A list setting as Spring binds one: a comma-separated value ({@code prod, eu}) or the items {@code key[0]},
     * {@code key[1]}, ...; each trimmed, blank ones left out.
     *
     * @return the items, empty when the document does not set the key
     */
    List<String> list(String key) {
        String value = values.get(key);
        List<String> list = new ArrayList<>();
        if (value != null) {
            Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(list::add);
            return list;
        }
        for (int i = 0; values.containsKey(key + "[" + i + "]"); i++) {
            String item = values.get(key + "[" + i + "]").strip();
            if (!item.isEmpty()) {
                list.add(item);
            }
        }
        return list;
    }

    /** Whether the document sets the key, as a value or as a list. */
    boolean sets(String key) {
        return values.containsKey(key) || values.containsKey(key + "[0]");
    }

    /** Whether the document applies to every profile: no {@value #ON_PROFILE}. */
    boolean forEveryProfile() {
        return !sets(ON_PROFILE);
    }
}

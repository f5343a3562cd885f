package dev.forum.extraction.analyzer;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * A minimal JSON writer for the analyzer, which runs on the application's class path and so may use nothing
 * but the JDK, Spring Modulith and ArchUnit. Values are {@code null}, {@link Boolean}, {@link Number},
 * {@link String}, {@link Map} (string keys, written in their iteration order) and {@link Collection}.
 */
final class JsonText {

    private JsonText() {
    }

    /** The value as JSON text; throws {@link IllegalArgumentException} for any other type. */
    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out, "");
        return out.append('\n').toString();
    }

    private static void write(Object value, StringBuilder out, String indent) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Boolean || value instanceof Number) {
            out.append(value);
        } else if (value instanceof String text) {
            string(text, out);
        } else if (value instanceof Map<?, ?> map) {
            object(map, out, indent);
        } else if (value instanceof Collection<?> list) {
            array(list, out, indent);
        } else {
            throw new IllegalArgumentException("Not a JSON value: " + value.getClass().getName());
        }
    }

    private static void object(Map<?, ?> map, StringBuilder out, String indent) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        String inner = indent + "  ";
        out.append("{\n");
        Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<?, ?> entry = entries.next();
            out.append(inner);
            string(String.valueOf(entry.getKey()), out);
            out.append(": ");
            write(entry.getValue(), out, inner);
            out.append(entries.hasNext() ? ",\n" : "\n");
        }
        out.append(indent).append('}');
    }

    private static void array(Collection<?> list, StringBuilder out, String indent) {
        if (list.isEmpty()) {
            out.append("[]");
            return;
        }
        boolean flat = list.stream().allMatch(v -> v == null || v instanceof String || v instanceof Number || v instanceof Boolean);
        String inner = indent + "  ";
        out.append(flat ? "[" : "[\n");
        Iterator<?> values = list.iterator();
        while (values.hasNext()) {
            if (!flat) {
                out.append(inner);
            }
            write(values.next(), out, inner);
            if (values.hasNext()) {
                out.append(flat ? ", " : ",\n");
            }
        }
        out.append(flat ? "]" : "\n" + indent + "]");
    }

    private static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}

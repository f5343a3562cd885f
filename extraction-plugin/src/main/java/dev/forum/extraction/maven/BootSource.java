package dev.forum.extraction.maven;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Java or Kotlin source file says about the application before anything is compiled: whether it declares a
 * {@code @SpringBootApplication} class, and its package, read from the code alone (comments, strings and character
 * literals are not code: a javadoc or a string naming the annotation does not count).
 */
final class BootSource {

    /** The annotation, by its simple or its qualified name, as a whole word. */
    private static final Pattern ANNOTATION = Pattern
            .compile("@\\s*(?:org\\s*\\.\\s*springframework\\s*\\.\\s*boot\\s*\\.\\s*autoconfigure\\s*\\.\\s*)?"
                    + "SpringBootApplication(?![\\p{javaJavaIdentifierPart}])");
    /** A package declaration; Kotlin's has no semicolon and may quote a name part in backticks. */
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\p{javaJavaIdentifierPart}.`\\s]+?)\\s*(?:;|$)");

    private BootSource() {
    }

    /**
     * @param text   a source file's text
     * @param kotlin whether it is Kotlin ({@code .kt}), whose block comments nest
     * @return the file's package ("" for none) when its code is annotated {@code @SpringBootApplication}, else empty
     */
    static Optional<String> applicationPackage(String text, boolean kotlin) {
        String code = code(text, kotlin);
        if (!ANNOTATION.matcher(code).find()) {
            return Optional.empty();
        }
        Matcher declared = PACKAGE.matcher(code);
        return Optional.of(declared.find() ? declared.group(1).replaceAll("[`\\s]", "") : "");
    }

    /**
     * {@code text} with every comment, string (text blocks and raw strings too) and character literal replaced by a
     * space, line breaks kept; an unclosed one runs to the end.
     */
    static String code(String text, boolean kotlin) {
        StringBuilder code = new StringBuilder(text.length());
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (text.startsWith("//", i)) {
                i = lineEnd(text, i);
                code.append(' ');
            } else if (text.startsWith("/*", i)) {
                i = commentEnd(text, i, kotlin);
                code.append(' ');
            } else if (text.startsWith("\"\"\"", i)) {
                i = rawEnd(text, i + 3, !kotlin);
                code.append(' ');
            } else if (c == '"' || c == '\'') {
                i = quotedEnd(text, i + 1, c);
                code.append(' ');
            } else {
                code.append(c);
                i++;
            }
        }
        return code.toString();
    }

    /** The index of the line break ending a line comment at {@code from} (kept as code), or the end. */
    private static int lineEnd(String text, int from) {
        int end = text.indexOf('\n', from);
        return end < 0 ? text.length() : end;
    }

    /** The index after the block comment opening at {@code from}; Kotlin's nest, Java's end at the first close. */
    private static int commentEnd(String text, int from, boolean nested) {
        int depth = 0;
        int i = from;
        while (i < text.length()) {
            if (text.startsWith("/*", i) && (nested || depth == 0)) {
                depth++;
                i += 2;
            } else if (text.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return text.length();
    }

    /** The index after the {@code """} closing a text block (Java, with escapes) or raw string (Kotlin) from {@code from}. */
    private static int rawEnd(String text, int from, boolean escapes) {
        int i = from;
        while (i < text.length()) {
            if (escapes && text.charAt(i) == '\\') {
                i += 2;
            } else if (text.startsWith("\"\"\"", i)) {
                return i + 3;
            } else {
                i++;
            }
        }
        return text.length();
    }

    /** The index after the {@code quote} closing a string or character literal from {@code from}, or its line's end. */
    private static int quotedEnd(String text, int from, char quote) {
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else if (c == '\n') {
                return i; // not closed on its line: not a literal Java or Kotlin would compile
            } else {
                i++;
            }
        }
        return text.length();
    }
}

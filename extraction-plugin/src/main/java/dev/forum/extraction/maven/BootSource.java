package dev.forum.extraction.maven;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Java or Kotlin source file says about the application before anything is compiled: whether it declares a
 * {@code @SpringBootApplication} class, which one, its package and whether the file has a main method, read from the
 * code alone (comments, strings and character literals are not code: a javadoc or a string naming the annotation does
 * not count).
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
     * The {@code @SpringBootApplication} class a source file declares.
     *
     * @param packageName the file's package ("" for none)
     * @param name        the annotated class's qualified name ({@code com.example.shop.ShopApplication}), or its package
     *                    with "?" for the class when no class declaration follows the annotation
     * @param main        whether the file declares a main method: Java's {@code static void main(...)}, Kotlin's
     *                    {@code fun main(...)} (a top-level one is the annotated class's launch class, {@code AppKt})
     */
    record Declared(String packageName, String name, boolean main) {
    }

    /** A class declaration's keyword and name (Kotlin's {@code object} too). */
    private static final Pattern CLASS = Pattern.compile("\\b(?:class|interface|record|enum|object)\\s+"
            + "([\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*)");
    /** Java's static main method, any modifiers and parameter. */
    private static final Pattern JAVA_MAIN = Pattern.compile("\\bstatic\\b[^;{}=()]*\\bvoid\\s+main\\s*\\(");
    /** Kotlin's main function, top-level or {@code @JvmStatic} in a companion object. */
    private static final Pattern KOTLIN_MAIN = Pattern.compile("\\bfun\\s+main\\s*\\(");

    /**
     * @param text   a source file's text
     * @param kotlin whether it is Kotlin ({@code .kt}), whose block comments nest
     * @return the class its code annotates {@code @SpringBootApplication}, with the file's package and whether it
     *         declares a main method; empty when its code has no such annotation
     */
    static Optional<Declared> declared(String text, boolean kotlin) {
        String code = code(text, kotlin);
        Matcher annotation = ANNOTATION.matcher(code);
        if (!annotation.find()) {
            return Optional.empty();
        }
        String pkg = declaredPackage(code);
        Matcher type = CLASS.matcher(code);
        String simple = type.find(annotation.end()) ? type.group(1) : "?";
        boolean main = (kotlin ? KOTLIN_MAIN : JAVA_MAIN).matcher(code).find();
        return Optional.of(new Declared(pkg, pkg.isEmpty() ? simple : pkg + "." + simple, main));
    }

    /**
     * @param text   a source file's text
     * @param kotlin whether it is Kotlin ({@code .kt}), whose block comments nest
     * @return the package the file declares ("" for none), e.g. {@code com.example.shop.billing}
     */
    static String packageOf(String text, boolean kotlin) {
        return declaredPackage(code(text, kotlin));
    }

    /** The package the code declares, its name parts unquoted ({@code `in`} gives {@code in}); "" for none. */
    private static String declaredPackage(String code) {
        Matcher declared = PACKAGE.matcher(code);
        return declared.find() ? declared.group(1).replaceAll("[`\\s]", "") : "";
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

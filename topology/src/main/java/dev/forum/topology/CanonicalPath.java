package dev.forum.topology;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a request path, as sent (before its query, nothing decoded), is canonical: decoding and normalising it
 * (RFC 3986, section 6.2.2) would change nothing. A load balancer matches the path as sent while the application
 * decodes it first, so only on a canonical path do both see the same route; any other path is refused with a 400
 * problem ({@value #PROBLEM_TYPE}) before a rule is chosen.
 *
 * <p>A path is canonical when it has none of the {@link Violation}s: a {@code %} that does not start an escape of two
 * hex digits, an encoded separator ({@code %2F} for {@code /}, {@code %5C} for {@code \}, which servlet containers
 * also read as a separator), an escape of an unreserved character (RFC 3986, 2.3: letters, digits, {@code -._~}),
 * a {@code .} or {@code ..} segment, an empty segment ({@code //}; a trailing {@code /} is allowed) or a {@code ;}
 * (a path parameter). Any other escape ({@code %20}, {@code %25}, {@code %3F}, {@code %40}, UTF-8 bytes such as
 * {@code %C3%A9}) is fine: it stands for a character whose escaped and plain forms are not the same path.
 *
 * <p>{@link #violation} is the definition in Java; {@link Violation#regex()} is the same rule as a regular expression
 * for load balancers (HAProxy's {@code path_reg}, case-insensitive), checked against it in the tests. The application
 * applies the same rule ({@code forum.platform.web.CanonicalPath}); a test in forum-app compares the two.
 */
public final class CanonicalPath {

    /** The problem type every layer answers a non-canonical path with (status 400). */
    public static final String PROBLEM_TYPE = "urn:forum:problem:non-canonical-path";

    /** RFC 3986's unreserved characters: an escape of one of them decodes to the same path. */
    private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

    /** What makes a path non-canonical, in the order a load balancer checks (the first found is reported). */
    public enum Violation {
        MALFORMED_ESCAPE("%([^0-9a-f]|.[^0-9a-f]|.?$)",
                "The path holds a '%' that does not start an escape of two hex digits: send a '%' itself as %25."),
        ENCODED_SEPARATOR("%(2f|5c)",
                "The path holds an encoded separator (%2F for '/', %5C for '\\'): separate its segments by a plain '/'."),
        NEEDLESS_ESCAPE("%(" + needlessEscapes() + ")",
                "The path percent-encodes a character that needs no encoding (a letter, a digit or one of -._~):"
                        + " send the character itself."),
        DOT_SEGMENT("/\\.\\.?(/|$)",
                "The path holds a '.' or '..' segment: send the path they stand for."),
        EMPTY_SEGMENT("//",
                "The path holds an empty segment ('//'): separate its segments by a single '/'."),
        PATH_PARAMETER(";",
                "The path holds a ';' (a path parameter): send the path without parameters.");

        private final String regex;
        private final String detail;

        Violation(String regex, String detail) {
            this.regex = regex;
            this.detail = detail;
        }

        /**
         * A regular expression (PCRE and {@link java.util.regex.Pattern} alike, to be matched case-insensitively and
         * unanchored) that finds this violation in a path as sent. It holds no quote, space or {@code #}.
         */
        public String regex() {
            return regex;
        }

        /** What the client should fix, in its own terms: the {@code detail} of the 400 problem. */
        public String detail() {
            return detail;
        }
    }

    private CanonicalPath() {
    }

    /**
     * The first violation of {@code path} in {@link Violation} order, or empty when it is canonical. A path that does not
     * start with {@code /} (the {@code *} of {@code OPTIONS *}, an authority) is not a path this rule judges: empty.
     *
     * @param path the path as sent: what precedes the first {@code ?}, not decoded
     */
    public static Optional<Violation> violation(String path) {
        Set<Violation> found = violations(path);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.iterator().next());
    }

    /** Every violation of {@code path} (empty when canonical, or when it does not start with {@code /}), in order. */
    public static Set<Violation> violations(String path) {
        Set<Violation> found = EnumSet.noneOf(Violation.class);
        if (path == null || !path.startsWith("/")) {
            return found;
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == ';') {
                found.add(Violation.PATH_PARAMETER);
            } else if (c == '%') {
                int value = i + 2 < path.length() ? hex(path.charAt(i + 1), path.charAt(i + 2)) : -1;
                if (value < 0) {
                    found.add(Violation.MALFORMED_ESCAPE);
                } else if (value == '/' || value == '\\') {
                    found.add(Violation.ENCODED_SEPARATOR);
                } else if (UNRESERVED.indexOf(value) >= 0) {
                    found.add(Violation.NEEDLESS_ESCAPE);
                }
            }
        }
        String[] segments = path.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].equals(".") || segments[i].equals("..")) {
                found.add(Violation.DOT_SEGMENT);
            } else if (segments[i].isEmpty() && i < segments.length - 1) {
                found.add(Violation.EMPTY_SEGMENT);
            }
        }
        return found;
    }

    /** The byte two ASCII hex digits stand for, or -1 when either is not one. */
    private static int hex(char high, char low) {
        int h = hexDigit(high);
        int l = hexDigit(low);
        return h < 0 || l < 0 ? -1 : h * 16 + l;
    }

    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /**
     * The two-digit codes of {@link #UNRESERVED} as a compact lower-case alternation: {@code 2[de]|3[0-9]|4[1-9a-f]|...}.
     */
    private static String needlessEscapes() {
        List<String> groups = new ArrayList<>();
        for (int high = 0; high < 16; high++) {
            List<Integer> lows = new ArrayList<>();
            for (int low = 0; low < 16; low++) {
                if (UNRESERVED.indexOf(high * 16 + low) >= 0) {
                    lows.add(low);
                }
            }
            if (!lows.isEmpty()) {
                groups.add(Integer.toHexString(high) + characterClass(lows));
            }
        }
        return String.join("|", groups);
    }

    /** {@code [146-9a-e]} for 1, 4, 6, 7, 8, 9, 10, ..., 14: ranges of three or more, split where digits meet letters. */
    private static String characterClass(List<Integer> digits) {
        StringBuilder out = new StringBuilder("[");
        int i = 0;
        while (i < digits.size()) {
            int j = i;
            while (j + 1 < digits.size() && digits.get(j + 1) == digits.get(j) + 1 && !(digits.get(j) == 9)) {
                j++;
            }
            out.append(Integer.toHexString(digits.get(i)));
            if (j - i >= 2) {
                out.append('-').append(Integer.toHexString(digits.get(j)));
            } else if (j > i) {
                out.append(Integer.toHexString(digits.get(j)));
            }
            i = j + 1;
        }
        return out.append(']').toString();
    }
}

package forum.platform.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a {@code Content-Type} field value by RFC 9110's grammar (section 8.3.1):
 * {@code type "/" subtype *( OWS ";" OWS [ name "=" ( token / quoted-string ) ] )}. Read by hand: Spring's
 * {@code MediaType} ignores a parameter without {@code =} and refuses a charset the JVM does not know, and a plain
 * {@code split(";")} fails on {@code ;;;}.
 */
final class MediaTypeSyntax {

    private MediaTypeSyntax() {
    }

    /**
     * A media type as sent: type and subtype in lower case, parameter names in lower case with their values
     * unquoted (a later parameter of the same name wins).
     */
    record MediaType(String type, String subtype, Map<String, String> parameters) {

        /** {@code type/subtype}. */
        String essence() {
            return type + "/" + subtype;
        }
    }

    /**
     * @param value a Content-Type field value
     * @return the media type it spells; empty when it is not one ({@code json}, {@code application/},
     *         {@code ;charset=utf-8}, {@code a/b;charset}, an unclosed quote, an empty value)
     */
    static Optional<MediaType> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String text = value.strip();
        int[] at = {0};
        String type = token(text, at);
        if (type.isEmpty() || !take(text, at, '/')) {
            return Optional.empty();
        }
        String subtype = token(text, at);
        if (subtype.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        while (true) {
            skipSpace(text, at);
            if (at[0] == text.length()) {
                return Optional.of(new MediaType(type.toLowerCase(Locale.ROOT), subtype.toLowerCase(Locale.ROOT), parameters));
            }
            if (!take(text, at, ';')) {
                return Optional.empty();
            }
            skipSpace(text, at);
            if (at[0] == text.length() || text.charAt(at[0]) == ';') {
                continue; // an empty parameter: RFC 9110 allows it
            }
            String name = token(text, at);
            if (name.isEmpty() || !take(text, at, '=')) {
                return Optional.empty();
            }
            String parameterValue = at[0] < text.length() && text.charAt(at[0]) == '"' ? quoted(text, at) : token(text, at);
            if (parameterValue == null || (parameterValue.isEmpty() && text.charAt(at[0] - 1) != '"')) {
                return Optional.empty();
            }
            parameters.put(name.toLowerCase(Locale.ROOT), parameterValue);
        }
    }

    /** The longest token at {@code at} (possibly empty); {@code at} moves past it. */
    private static String token(String text, int[] at) {
        int start = at[0];
        while (at[0] < text.length() && isTokenChar(text.charAt(at[0]))) {
            at[0]++;
        }
        return text.substring(start, at[0]);
    }

    /** A quoted-string starting at {@code at}, unquoted; null if it is not closed or holds a control character. */
    private static String quoted(String text, int[] at) {
        StringBuilder value = new StringBuilder();
        for (int i = at[0] + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                at[0] = i + 1;
                return value.toString();
            }
            if (c == '\\' && i + 1 < text.length()) {
                c = text.charAt(++i);
            }
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                return null;
            }
            value.append(c);
        }
        return null;
    }

    private static boolean take(String text, int[] at, char c) {
        if (at[0] < text.length() && text.charAt(at[0]) == c) {
            at[0]++;
            return true;
        }
        return false;
    }

    private static void skipSpace(String text, int[] at) {
        while (at[0] < text.length() && (text.charAt(at[0]) == ' ' || text.charAt(at[0]) == '\t')) {
            at[0]++;
        }
    }

    private static boolean isTokenChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
}

package dev.forum.topology;

import java.util.regex.Pattern;

/**
 * A path pattern in the load balancer's syntax (AWS ALB): {@code *} matches any run of characters, slashes
 * included, {@code ?} exactly one; everything else matches itself, case-sensitively.
 */
public record PathPattern(String pattern) {

    public PathPattern {
        if (pattern == null || !pattern.startsWith("/")) {
            throw new IllegalArgumentException("a path pattern starts with '/': " + pattern);
        }
    }

    /** Whether a request path (without its query) is matched, as the load balancer would decide. */
    public boolean matches(String path) {
        return regex().matcher(path).matches();
    }

    /** The same pattern as an anchored regular expression (HAProxy's {@code path_reg} uses this syntax). */
    public String toRegex() {
        StringBuilder regex = new StringBuilder("^");
        StringBuilder literal = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return regex.append('$').toString();
    }

    private Pattern regex() {
        return Pattern.compile(toRegex());
    }

    @Override
    public String toString() {
        return pattern;
    }
}

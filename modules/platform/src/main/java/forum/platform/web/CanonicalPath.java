package forum.platform.web;

import forum.platform.EchoedInput;
import forum.platform.web.problem.ProblemType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.springframework.http.ProblemDetail;

/**
 * The rule that a request path must be canonical, so that the route a load balancer matched on the raw path
 * is the route the application serves on the decoded one. A path is canonical when decoding and normalising it
 * changes nothing (RFC 3986, sections 2.3, 3.3 and 6.2.2):
 * <ul>
 *   <li>no percent-encoded unreserved character ({@code A-Z a-z 0-9 - . _ ~}): {@code /api/post%73} is
 *       {@code /api/posts};</li>
 *   <li>no encoded separator: {@code %2F} ({@code /}) or {@code %5C} ({@code \});</li>
 *   <li>no {@code %} that is not followed by two hex digits (a {@code %} itself is sent as {@code %25});</li>
 *   <li>no dot segment ({@code .} or {@code ..}) and no empty segment ({@code //}); a trailing {@code /} is
 *       allowed;</li>
 *   <li>no {@code ;} (path parameters).</li>
 * </ul>
 * The query string is not part of the path and is not checked. The local load balancer (HAProxy) applies the
 * same rule before its module rules; the README lists what an ALB can express of it.
 */
public final class CanonicalPath {

    private static final String UNRESERVED_MARKS = "-._~";

    private CanonicalPath() {
    }

    /**
     * Checks a raw (undecoded) request path.
     *
     * @param rawPath the path as sent, e.g. {@code /api/post%73/1}; must start with {@code /}
     * @return why it is not canonical, in the client's terms, or empty if it is canonical
     */
    public static Optional<String> violation(String rawPath) {
        if (rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            return Optional.of("a path starts with '/'");
        }
        if (rawPath.indexOf(';') >= 0) {
            return Optional.of("it has a ';' (path parameters are not used here)");
        }
        for (int i = rawPath.indexOf('%'); i >= 0; i = rawPath.indexOf('%', i + 1)) {
            if (i + 2 >= rawPath.length() || hex(rawPath.charAt(i + 1)) < 0 || hex(rawPath.charAt(i + 2)) < 0) {
                String escape = rawPath.substring(i, Math.min(i + 3, rawPath.length()));
                return Optional.of("'" + escape + "' is not a percent-encoding ('%' and two hex digits): send a '%'"
                        + " itself as %25");
            }
            char decoded = (char) (hex(rawPath.charAt(i + 1)) * 16 + hex(rawPath.charAt(i + 2)));
            String escape = rawPath.substring(i, i + 3);
            if (isUnreserved(decoded)) {
                return Optional.of("'" + escape + "' encodes '" + decoded + "', which is sent as it is");
            }
            if (decoded == '/' || decoded == '\\') {
                return Optional.of("'" + escape + "' is an encoded '" + decoded + "'");
            }
        }
        String[] segments = rawPath.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].equals(".") || segments[i].equals("..")) {
                return Optional.of("it has a dot segment ('" + segments[i] + "')");
            }
            if (segments[i].isEmpty() && i < segments.length - 1) {
                return Optional.of("it has an empty segment ('//')");
            }
        }
        return Optional.empty();
    }

    /**
     * The canonical form of a raw path: unreserved characters and separators decoded, path parameters, empty
     * and dot segments removed. Used to tell the client what to send instead.
     */
    public static String canonical(String rawPath) {
        Deque<String> kept = new ArrayDeque<>();
        String[] segments = decodeUnreservedAndSeparators(rawPath).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            int parameters = segment.indexOf(';');
            if (parameters >= 0) {
                segment = segment.substring(0, parameters);
            }
            boolean last = i == segments.length - 1;
            if (segment.equals("..")) {
                kept.pollLast();
            } else if (!segment.equals(".") && (!segment.isEmpty() || (last && i > 0))) {
                kept.addLast(segment);
            }
        }
        return "/" + String.join("/", kept);
    }

    /**
     * The 400 problem for a non-canonical path: what is wrong and, where one follows from it, the path to send
     * instead. None is offered for a '%' that starts no escape: only the client knows what it meant, and the
     * canonical form would still hold it.
     *
     * @param rawPath   the path as sent
     * @param violation what {@link #violation} found
     * @return the problem, of type {@code non-canonical-path}
     */
    public static ProblemDetail problem(String rawPath, String violation) {
        String canonical = canonical(rawPath);
        boolean offered = !canonical.equals(rawPath) && violation(canonical).isEmpty();
        return ProblemType.NON_CANONICAL_PATH.problem("The path is not canonical: " + violation
                + (offered ? ". Send it as " + EchoedInput.shorten(canonical) : ""));
    }

    private static String decodeUnreservedAndSeparators(String rawPath) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(rawPath.length());
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == '%' && i + 2 < rawPath.length() && hex(rawPath.charAt(i + 1)) >= 0 && hex(rawPath.charAt(i + 2)) >= 0) {
                char decoded = (char) (hex(rawPath.charAt(i + 1)) * 16 + hex(rawPath.charAt(i + 2)));
                if (isUnreserved(decoded) || decoded == '/' || decoded == '\\') {
                    out.write(decoded == '\\' ? '/' : decoded);
                    i += 2;
                    continue;
                }
            }
            byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
            out.write(bytes, 0, bytes.length);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean isUnreserved(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || UNRESERVED_MARKS.indexOf(c) >= 0;
    }

    private static int hex(char c) {
        return Character.digit(c, 16) >= 0 && c < 128 ? Character.digit(c, 16) : -1;
    }
}

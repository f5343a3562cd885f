package forum.platform.web.error;

import forum.platform.web.error.RequestHead.Line;
import forum.platform.web.problem.ProblemType;
import java.util.Optional;
import org.apache.coyote.Request;
import org.apache.tomcat.util.http.parser.HttpParser;
import org.springframework.http.ProblemDetail;

/**
 * Why Tomcat refused a request's head, in the client's terms: Tomcat answers a head it refuses with a bare 400 and
 * keeps its reason to itself, so the reason is found again from how far Tomcat got. A request line Tomcat did not
 * read to its end (it sets the request's target and version only then) holds a method, target or version it may not
 * hold, or is over the head's size limit (414). A head Tomcat stopped reading after that ({@link RequestHead#complete()}
 * false) has its fault in the header field line it stopped after: a name or value it may not hold, or more fields or
 * bytes than the limits (431). A head Tomcat read to its end was refused by the checks it makes then, in the order it
 * makes them ({@link HeadFieldChecks}). Each fault is checked with Tomcat's own rules
 * ({@link HttpParser}, the connector's limits), so what is named is what Tomcat refused.
 */
final class HeadFaults {

    /**
     * The connector's limits and character rules for a head.
     *
     * @param maxHeadSize   the most bytes of a head (request line and header fields)
     * @param maxFieldCount the most header fields (0 or less: no limit)
     * @param parser        the connector's character rules for targets (its relaxed characters included)
     */
    record Limits(int maxHeadSize, int maxFieldCount, HttpParser parser) {
    }

    private static final int SHOWN = 60;

    private HeadFaults() {
    }

    /**
     * @param request the request Tomcat refused with 400, as it parsed it
     * @param limits  the connector's limits
     * @return the problem naming what Tomcat refused (400, or 414 or 431 for a head over a limit); empty if the head
     *         is not the reason (a path Tomcat could not decode, an asterisk target) or cannot be read
     */
    static Optional<ProblemDetail> of(Request request, Limits limits) {
        return RequestHead.of(request).flatMap(head -> of(head, request, limits));
    }

    /** As {@link #of(Request, Limits)}, for a head already read. */
    static Optional<ProblemDetail> of(RequestHead head, Request request, Limits limits) {
        // Tomcat sets the target and the version as it reads the request line, and both only if it reads it to its end.
        if (request.requestURI().isNull() || request.protocol().isNull()) {
            return head.requestLine().flatMap(line -> requestLine(head, line, limits));
        }
        if (head.complete()) {
            return HeadFieldChecks.check(head, request, limits);
        }
        if (limits.maxFieldCount() > 0 && request.getMimeHeaders().size() >= limits.maxFieldCount()) {
            return Optional.of(ProblemType.REQUEST_HEADER_FIELDS_TOO_LARGE.problem("The request has more than "
                    + limits.maxFieldCount() + " header fields, more than this server takes: send at most "
                    + limits.maxFieldCount()));
        }
        Optional<Line> stopped = head.stoppedIn();
        if (head.parsed() > limits.maxHeadSize() || stopped.isEmpty()
                || (!stopped.get().ended() && head.received() >= limits.maxHeadSize())) {
            return Optional.of(ProblemType.REQUEST_HEADER_FIELDS_TOO_LARGE.problem("The request's head (its request line"
                    + " and header fields) is larger than the " + kilobytes(limits) + " this server takes: send fewer or"
                    + " shorter header fields"));
        }
        return Optional.of(ProblemType.BAD_REQUEST.problem(fieldLine(stopped.get().text())));
    }

    /** The fault of a request line Tomcat stopped in, checked as Tomcat reads it: method, target, version. */
    private static Optional<ProblemDetail> requestLine(RequestHead head, Line line, Limits limits) {
        String text = line.text().substring(0, Math.max(0, Math.min(line.text().length(), limits.maxHeadSize() - line.start())));
        int at = 0;
        while (at < text.length() && !blank(text.charAt(at))) {
            if (!HttpParser.isToken(text.charAt(at))) {
                return bad("The request line's method holds " + named(text.charAt(at)) + ", which no method may hold"
                        + " (a method is a token, RFC 9110 9.1): send GET, POST or another method in capitals");
            }
            at++;
        }
        while (at < text.length() && blank(text.charAt(at))) {
            at++;
        }
        boolean query = false;
        while (at < text.length() && !blank(text.charAt(at))) {
            char c = text.charAt(at++);
            if (c == '?' && !query) {
                query = true;
            } else if (query ? !limits.parser().isQueryRelaxed((byte) c) : limits.parser().isNotRequestTargetRelaxed((byte) c)) {
                // Tomcat reads the target's bytes signed: one outside ASCII is refused as no table holds it.
                return bad(targetCharacter(c, query ? "query" : "path"));
            }
        }
        if (!line.ended() && head.received() >= limits.maxHeadSize()) {
            return Optional.of(ProblemType.URI_TOO_LONG.problem("The request line is longer than the " + kilobytes(limits)
                    + " this server takes for a request's head: shorten the path or query (send long input in a body)"));
        }
        while (at < text.length() && blank(text.charAt(at))) {
            at++;
        }
        String version = text.substring(at);
        if (version.isEmpty()) {
            return bad("The request line has no HTTP version after its target: end it with HTTP/1.1"
                    + " (GET /api/users HTTP/1.1)");
        }
        if (version.chars().anyMatch(HeadFaults::blank)) {
            return bad("The request line has more than three parts (method, target, version): a space in the target"
                    + " must be percent-encoded as %20");
        }
        if (version.chars().anyMatch(c -> !HttpParser.isHttpProtocol(c))) {
            String hint = version.equalsIgnoreCase("HTTP/1.1") || version.equalsIgnoreCase("HTTP/1.0")
                    ? " (the version is case-sensitive)" : "";
            return bad("The request line's version '" + RequestHead.printable(version, SHOWN) + "' is not an HTTP"
                    + " version" + hint + ": send HTTP/1.1");
        }
        return bad("The request line '" + RequestHead.printable(line.text(), SHOWN) + "' is malformed: send a method,"
                + " a space, the target, a space and the version (GET /api/users HTTP/1.1)");
    }

    /**
     * @param c     a byte of the target that Tomcat refuses there
     * @param where {@code path} or {@code query}
     * @return the detail naming it and how to send it
     */
    static String targetCharacter(char c, String where) {
        if (c == '#') {
            return "The request target holds '#': a client sends no fragment; leave out '#' and what follows it, or"
                    + " percent-encode a '#' of the " + where + " as %23";
        }
        if (c >= 0x80) {
            return "The request target's " + where + " holds characters outside ASCII: percent-encode the UTF-8 bytes"
                    + " of each (\u00e9 is %C3%A9)";
        }
        return "The request target's " + where + " holds " + named(c) + ", which must be percent-encoded: send it as "
                + String.format("%%%02X", (int) c);
    }

    /** The fault of a header field line Tomcat refused, as it reads one: a name, ':', a value. */
    static String fieldLine(String text) {
        String shown = "'" + RequestHead.printable(text, SHOWN) + "'";
        int colon = text.indexOf(':');
        if (colon == 0) {
            return "The header field line " + shown + " has no name before its ':': send Name: value";
        }
        if (colon < 0) {
            return "The header line " + shown + " is not a field (a name, ':', then the value): send Name: value";
        }
        String name = text.substring(0, colon);
        for (int i = 0; i < name.length(); i++) {
            if (!HttpParser.isToken(name.charAt(i))) {
                if (HttpParser.isToken(name.strip()) && blank(name.charAt(name.length() - 1)) && !blank(name.charAt(0))) {
                    return "The header field name '" + name.strip() + "' is followed by whitespace before its ':',"
                            + " which RFC 9112 5.1 forbids: send '" + name.strip() + ":' with no space before the colon";
                }
                return "The header field name '" + RequestHead.printable(name, SHOWN) + "' holds " + named(name.charAt(i))
                        + ", which no field name may hold (a name is a token of letters, digits and marks such as - and"
                        + " _, RFC 9110 5.1)";
            }
        }
        String value = text.substring(colon + 1);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\t' && HttpParser.isControl(c)) {
                return "The value of the header field " + name + " holds a control character ("
                        + String.format("0x%02X", (int) c) + "), which no field value may hold (RFC 9110 5.5): send"
                        + " visible characters, spaces and tabs only";
            }
        }
        return "The header field line " + shown + " is malformed: send Name: value, with visible characters, spaces"
                + " and tabs in the value";
    }

    /** A character for a detail: {@code '['}, or {@code a control character (0x01)}, {@code a space}. */
    static String named(char c) {
        if (c == ' ') {
            return "a space";
        }
        if (c < 0x20 || c == 0x7f) {
            return "a control character (" + String.format("0x%02X", (int) c) + ")";
        }
        return c < 0x80 ? "'" + c + "'" : "a byte outside ASCII (" + String.format("0x%02X", (int) c) + ")";
    }

    private static String kilobytes(Limits limits) {
        return limits.maxHeadSize() % 1024 == 0 ? limits.maxHeadSize() / 1024 + " KB" : limits.maxHeadSize() + " bytes";
    }

    private static boolean blank(int c) {
        return c == ' ' || c == '\t';
    }

    private static Optional<ProblemDetail> bad(String detail) {
        return Optional.of(ProblemType.BAD_REQUEST.problem(detail));
    }
}

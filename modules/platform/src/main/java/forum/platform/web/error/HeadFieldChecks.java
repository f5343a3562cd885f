package forum.platform.web.error;

import forum.platform.web.error.HeadFaults.Limits;
import forum.platform.web.problem.ProblemType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.coyote.Request;
import org.apache.tomcat.util.buf.Ascii;
import org.apache.tomcat.util.buf.MessageBytes;
import org.apache.tomcat.util.http.MimeHeaders;
import org.apache.tomcat.util.http.parser.HttpParser;
import org.apache.tomcat.util.http.parser.TokenList;
import org.springframework.http.ProblemDetail;

/**
 * The checks Tomcat makes once it has read a whole head, before any valve runs, and answers with a bare 400, in the
 * order it makes them: one Host field, and one at all in HTTP/1.1 (RFC 9112 3.2); an absolute-form target (RFC 9112
 * 3.2.2) of scheme http or https whose host is the Host field's; a path of the characters a path may hold; a
 * Transfer-Encoding that is a list of codings with chunked last and once (RFC 9112 6.1); one Content-Length of digits
 * only (RFC 9110 8.6); a Host that is a host with an optional port ({@link HostField}). Each is made on the head as
 * Tomcat parsed it (its header fields, its path), with its own parsers. Tomcat compares the target's host and the
 * Host field's as text (ignoring case): when they differ only in a default port written or left out
 * ({@link HostField#sameHost}), the detail says they are one host written two ways.
 */
final class HeadFieldChecks {

    private HeadFieldChecks() {
    }

    /**
     * @param head    the head, read to its end
     * @param request the request as Tomcat parsed it
     * @param limits  the connector's character rules
     * @return the first check the request fails, as a 400 problem; empty if it fails none
     */
    static Optional<ProblemDetail> check(RequestHead head, Request request, Limits limits) {
        MimeHeaders fields = request.getMimeHeaders();
        List<String> hosts = values(fields, "host");
        if (hosts.size() > 1) {
            return bad("The request has " + hosts.size() + " Host header fields: send one (RFC 9112 3.2)");
        }
        boolean http11 = request.protocol().equals("HTTP/1.1");
        if (http11 && hosts.isEmpty()) {
            return bad("The request has no Host header field, which every HTTP/1.1 request has (RFC 9112 3.2): send"
                    + " Host with the name (and port) of the server it is sent to");
        }
        Optional<String> target = head.target();
        if (target.isPresent() && target.get().regionMatches(true, 0, "http", 0, 4)) {
            Optional<String> absolute = absoluteForm(target.get(), http11 && hosts.size() == 1 ? hosts.getFirst() : null);
            if (absolute.isPresent()) {
                return bad(absolute.get());
            }
        }
        String path = request.requestURI().toString();
        for (int i = 0; path != null && i < path.length(); i++) {
            if (!limits.parser().isAbsolutePathRelaxed((byte) path.charAt(i))) { // Tomcat reads signed bytes
                return bad(HeadFaults.targetCharacter(path.charAt(i), "path"));
            }
        }
        Optional<String> transferEncoding = transferEncoding(values(fields, "transfer-encoding"));
        if (transferEncoding.isPresent()) {
            return bad(transferEncoding.get());
        }
        Optional<ProblemDetail> contentLength = contentLength(fields);
        if (contentLength.isPresent()) {
            return contentLength;
        }
        // The host Tomcat reads last: the Host field's, or an HTTP/1.0 absolute-form target's when there is none.
        String host = hosts.size() == 1 ? hosts.getFirst()
                : target.filter(sent -> sent.regionMatches(true, 0, "http", 0, 4)).flatMap(HeadFieldChecks::authority).orElse(null);
        return host == null ? Optional.empty() : HostField.fault(host).flatMap(HeadFieldChecks::bad);
    }

    /**
     * @param target an absolute-form target, {@code http://host:port/path}
     * @return its authority without user information; empty if it is not of that form
     */
    static Optional<String> authority(String target) {
        int scheme = target.regionMatches(true, 0, "https", 0, 5) ? 5 : 4;
        if (!target.startsWith("://", scheme)) {
            return Optional.empty();
        }
        int start = scheme + 3;
        int slash = target.indexOf('/', start);
        int end = slash < 0 ? target.length() : slash;
        int at = target.indexOf('@', start);
        return Optional.of(target.substring(at >= 0 && at < end ? at + 1 : start, end));
    }

    /** What is wrong with an absolute-form target ({@code http://host/path}), or empty if nothing is. */
    private static Optional<String> absoluteForm(String target, String host) {
        String shown = "'" + RequestHead.printable(target, 60) + "'";
        int scheme = target.regionMatches(true, 0, "https", 0, 5) ? 5 : 4;
        if (!target.startsWith("://", scheme)) {
            return Optional.of(notAPath(target));
        }
        int authority = scheme + 3;
        int slash = target.indexOf('/', authority);
        int end = slash < 0 ? target.length() : slash;
        int at = target.indexOf('@', authority);
        int hostStart = authority;
        if (at >= 0 && at < end) {
            for (int i = authority; i < at; i++) {
                if (!HttpParser.isUserInfo(target.charAt(i))) {
                    return Optional.of("The request target " + shown + " has user information (before '@') that no URI"
                            + " may hold; a client sends none (RFC 9110 4.2.4): send the path alone");
                }
            }
            hostStart = at + 1;
        }
        String named = target.substring(hostStart, end);
        String path = slash < 0 ? "/" : RequestHead.printable(target.substring(slash), 60);
        if (host != null && !named.equalsIgnoreCase(host) && HostField.sameHost(named, host, scheme == 5)) {
            return Optional.of("The request target names the host '" + RequestHead.printable(named, 60) + "' and the"
                    + " Host header field '" + RequestHead.printable(host, 60) + "': one host, with the scheme's default port"
                    + " written in one and left out of the other (RFC 9110 4.2.3), but this server takes them only as"
                    + " written alike (RFC 9112 3.2.2): send the Host field as the target writes the host, or the path"
                    + " alone as the target (" + path + ")");
        }
        if (host != null && !named.equalsIgnoreCase(host)) {
            return Optional.of("The request target names the host '" + RequestHead.printable(named, 60) + "' but the Host"
                    + " header field '" + RequestHead.printable(host, 60) + "' (RFC 9112 3.2.2): send the same host in"
                    + " both, or the path alone as the target (" + path + ")");
        }
        return Optional.empty();
    }

    /**
     * @param target a request target that is neither a path, nor {@code *}, nor an http or https URI
     * @return the detail saying so
     */
    static String notAPath(String target) {
        return "The request target '" + RequestHead.printable(target, 60) + "' is neither a path nor an http or https"
                + " URI: send the path, such as /api/users";
    }

    /** What is wrong with the Transfer-Encoding fields' codings, read as Tomcat reads them; empty if nothing is. */
    private static Optional<String> transferEncoding(List<String> fields) {
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        List<String> codings = new ArrayList<>();
        boolean list;
        try {
            list = TokenList.parseTokenList(Collections.enumeration(fields), codings);
        } catch (IOException unreadable) {
            list = false;
        }
        String sent = "'" + RequestHead.printable(String.join(", ", fields), 60) + "'";
        if (!list) {
            return Optional.of("The Transfer-Encoding " + sent + " is not a list of transfer codings this server reads"
                    + " (names separated by commas, without parameters): send Transfer-Encoding: chunked");
        }
        int chunked = codings.indexOf("chunked");
        if (chunked >= 0 && chunked < codings.size() - 1) {
            return Optional.of("The Transfer-Encoding " + sent + " lists chunked more than once, or a coding after it;"
                    + " chunked is applied once and last (RFC 9112 6.1): send Transfer-Encoding: chunked");
        }
        return Optional.empty();
    }

    /**
     * What is wrong with the Content-Length fields, read as Tomcat reads them; empty if nothing is. A length of decimal
     * digits too large for Tomcat to read (past 2^63 - 1) is a size, only too large: 413, as a smaller one over the
     * body limit is (RFC 9110 8.6: a recipient should expect lengths of many digits), not a 400 saying it is no size.
     */
    private static Optional<ProblemDetail> contentLength(MimeHeaders fields) {
        List<String> lengths = values(fields, "content-length");
        if (lengths.size() > 1) {
            return bad("The request has " + lengths.size() + " Content-Length header fields: send one, the body's size"
                    + " in bytes");
        }
        MessageBytes length = fields.getValue("content-length");
        if (length == null || length.isNull()) {
            return Optional.empty();
        }
        byte[] digits = length.toString().getBytes(StandardCharsets.ISO_8859_1);
        try {
            Ascii.parseLong(digits, 0, digits.length);
            return Optional.empty();
        } catch (NumberFormatException notALong) {
            String sent = RequestHead.printable(length.toString(), 60);
            if (digits.length > 0 && length.toString().chars().allMatch(c -> c >= '0' && c <= '9')) {
                return Optional.of(ProblemType.CONTENT_TOO_LARGE.problem("The request body's Content-Length, " + sent
                        + " bytes, is larger than any body this server takes"));
            }
            return bad("The Content-Length '" + sent + "' is not a size in bytes: send the body's size in decimal"
                    + " digits, with no sign (RFC 9110 8.6)");
        }
    }

    /** The values of the fields named {@code name}, in any case, in order. */
    private static List<String> values(MimeHeaders fields, String name) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            if (fields.getName(i).toString().toLowerCase(Locale.ROOT).equals(name)) {
                values.add(String.valueOf(fields.getValue(i)));
            }
        }
        return values;
    }

    private static Optional<ProblemDetail> bad(String detail) {
        return Optional.of(ProblemType.BAD_REQUEST.problem(detail));
    }
}

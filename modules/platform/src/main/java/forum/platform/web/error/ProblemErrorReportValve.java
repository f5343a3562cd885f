package forum.platform.web.error;

import forum.platform.web.problem.ProblemType;
import forum.platform.web.problem.ProblemResponses;

import forum.platform.web.CanonicalPath;
import forum.platform.web.HttpMethodFilter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.coyote.ProtocolHandler;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.apache.tomcat.util.buf.MessageBytes;
import org.apache.tomcat.util.http.parser.HttpParser;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Tomcat's error report, as a problem document instead of its HTML page. Tomcat answers some requests
 * itself, before any filter or servlet runs: a request line or header it cannot parse, a path it refuses
 * (an encoded {@code \}, a dot segment above the root), a head over its limits. Each gets a problem of
 * our catalogue that names the fault: a head Tomcat refused with 400 is read again where Tomcat stopped
 * ({@link HeadFaults}; a head over the size or field-count limit is answered 414 or 431 instead), a path
 * that is the reason gets {@link ProblemType#NON_CANONICAL_PATH}, others the problem of the status
 * ({@link ProblemType#forStatus}). The {@code instance} is the request's path whenever the request line's
 * target was read ({@link #instance}). Installed on the embedded Tomcat's host by {@link ProblemsConfiguration}.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    /** RFC 9112 2.3's HTTP-version: {@code HTTP-name "/" DIGIT "." DIGIT}. */
    private static final Pattern HTTP_VERSION = Pattern.compile("HTTP/[0-9]\\.[0-9]");

    @Override
    protected void report(Request request, Response response, Throwable failure) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        org.apache.coyote.Request coyote = request.getCoyoteRequest();
        Optional<ProblemDetail> headFault = status == HttpStatus.BAD_REQUEST.value()
                ? limits(request).flatMap(limits -> HeadFaults.of(coyote, limits)) : Optional.empty();
        ProblemDetail problem = headFault.orElseGet(() -> problem(HttpStatusCode.valueOf(status), rawPath(request),
                method(request), text(coyote.protocol())));
        instance(requestPath(request)).ifPresent(problem::setInstance);
        try {
            // A head over a limit gets the status that says so (414, 431), not Tomcat's 400.
            response.setStatus(problem.getStatus());
            // Choosing the reporter's charset would name it in the Content-Type; ASCII-only JSON reads the same
            // in any charset, UTF-8 included.
            response.setContentType(ProblemResponses.CONTENT_TYPE);
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(ProblemResponses.toAsciiJson(problem));
            }
        } catch (IOException | IllegalStateException ignored) {
            // The client is gone or the response was committed meanwhile: nothing more can be said.
        }
    }

    /**
     * @param status   the status Tomcat chose
     * @param rawPath  the request's path as sent, or null if it could not be read
     * @param method   the request's method, or null if it could not be read
     * @param protocol the request's HTTP version as sent, or null if it could not be read
     * @return the problem for Tomcat's refusal, the head aside ({@link HeadFaults}): the 505 for HTTP/2's connection
     *         preface ({@code PRI * HTTP/2.0}), the asterisk-form target's for a
     *         400 on {@code *}, the path's fault for a 400 on a non-canonical path, the method's for a 501 on a method
     *         the server does not implement ({@code CONNECT}), the version's for a 505, else the status's default
     */
    static ProblemDetail problem(HttpStatusCode status, String rawPath, String method, String protocol) {
        if ("PRI".equals(method) && "*".equals(rawPath) && "HTTP/2.0".equals(protocol)) {
            // HTTP/2's connection preface after a request on the connection (as its first bytes, the preface never
            // reaches a valve: PriorKnowledgeHttp2Refusal answers it): a version, not an asterisk, is the fault.
            return PriorKnowledgeHttp2Refusal.problem();
        }
        if (status.value() == HttpStatus.BAD_REQUEST.value() && "*".equals(rawPath)) {
            return ProblemType.BAD_REQUEST.problem("The asterisk-form target (*) is only for OPTIONS, which asks about"
                    + " the server as a whole (RFC 9112 3.2.4): send " + (method == null ? "the request" : method)
                    + " with a path, such as /api/users, or OPTIONS * for the server's methods");
        }
        if (status.value() == HttpStatus.BAD_REQUEST.value() && rawPath != null && !rawPath.startsWith("/")) {
            return ProblemType.BAD_REQUEST.problem(HeadFieldChecks.notAPath(rawPath));
        }
        if (status.value() == HttpStatus.BAD_REQUEST.value() && rawPath != null) {
            var violation = CanonicalPath.violation(rawPath);
            if (violation.isPresent()) {
                return CanonicalPath.problem(rawPath, violation.get());
            }
            var undecodable = undecodablePath(rawPath);
            if (undecodable.isPresent()) {
                return ProblemType.BAD_REQUEST.problem(undecodable.get());
            }
        }
        if (status.value() == HttpStatus.NOT_IMPLEMENTED.value() && method != null
                && !HttpMethodFilter.IMPLEMENTED.contains(method)) {
            return HttpMethodFilter.notImplemented(method);
        }
        if (status.value() == HttpStatus.HTTP_VERSION_NOT_SUPPORTED.value() && protocol != null
                && !HTTP_VERSION.matcher(protocol).matches()) {
            // Tomcat reads any "HTTP/..." as a version it may not speak; one not written HTTP/x.y is none at all.
            return ProblemType.BAD_REQUEST.problem("The request line's version '" + RequestHead.printable(protocol, 20)
                    + "' is not an HTTP version (HTTP/ then a digit, a dot and a digit, RFC 9112 2.3): send HTTP/1.1");
        }
        if (status.value() == HttpStatus.HTTP_VERSION_NOT_SUPPORTED.value()) {
            return ProblemType.HTTP_VERSION_NOT_SUPPORTED.problem(versionNotTaken(protocol == null || protocol.isEmpty()
                    ? "The request's HTTP version" : RequestHead.printable(protocol, 20)));
        }
        if (status.value() == HttpStatus.NOT_FOUND.value() && rawPath != null) {
            return ProblemType.NO_ROUTE.problem(ProblemErrorController.noRoute(rawPath));
        }
        return ProblemType.forStatus(status, detail(ProblemType.forStatus(status)));
    }

    /**
     * Why Tomcat could not decode a canonical path, if its escapes are the reason: it refuses an encoded NUL
     * ({@code %00}) and escapes whose bytes are not UTF-8 ({@code %FF}, half a character {@code %C3}) before any
     * filter runs. Its own reason is not told to the valve, so it is found again here.
     *
     * @param rawPath the path as sent, with well-formed escapes (a malformed one is a non-canonical path)
     * @return the detail naming the escape at fault, or empty when the escapes decode to UTF-8 text without NUL
     */
    static Optional<String> undecodablePath(String rawPath) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c != '%' || i + 2 >= rawPath.length()) {
                bytes.write(c);
                continue;
            }
            int value = HexFormat.fromHexDigits(rawPath, i + 1, i + 3);
            if (value == 0) {
                return Optional.of("The path holds '" + rawPath.substring(i, i + 3) + "', an encoded NUL"
                        + " character, which no path may hold");
            }
            bytes.write(value);
            i += 2;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes.toByteArray()));
            return Optional.empty();
        } catch (CharacterCodingException notUtf8) {
            return Optional.of("The path's percent-encodings decode to bytes that are not UTF-8 text: percent-encode"
                    + " the UTF-8 bytes of each character (\u00e9 is %C3%A9; a '%' itself is %25)");
        }
    }

    /**
     * The 505's detail for a version the forum does not take: {@code version} as it should be printed (already made
     * printable), then what the server takes and what to send instead. Shared with {@link PriorKnowledgeHttp2Refusal}.
     */
    static String versionNotTaken(String version) {
        return version + " is not a version this server takes: it takes HTTP/1.1 and HTTP/1.0; send HTTP/1.1";
    }

    private static String detail(ProblemType type) {
        return switch (type) {
            // Only where the fault is not found again (HeadFaults names every refusal of the head it knows).
            case BAD_REQUEST -> "The server could not read this HTTP request: check the request line (method, target,"
                    + " version) and the header fields against RFC 9112";
            case URI_TOO_LONG -> "The request target is longer than this server takes";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "The request's header fields are larger than this server takes";
            case CONTENT_TOO_LARGE -> "The request body is larger than this server takes";
            case REQUEST_TIMEOUT -> "The request did not arrive in time";
            case NOT_IMPLEMENTED -> "The request's Transfer-Encoding names a coding this server does not implement:"
                    + " send the body with a Content-Length, or with Transfer-Encoding: chunked alone";
            case EXPECTATION_FAILED -> "The Expect header asks for an expectation this server does not meet: the only"
                    + " one it takes is 100-continue; leave the header out or send Expect: 100-continue";
            case HTTP_VERSION_NOT_SUPPORTED -> "This server takes HTTP/1.1 and HTTP/1.0: send HTTP/1.1";
            case NO_ROUTE -> ProblemErrorController.noRoute(null);
            case UNAVAILABLE -> "The server is unavailable; try again shortly";
            default -> "The request could not be served";
        };
    }

    /**
     * A problem's {@code instance} for a path Tomcat refused: the path as a URI reference, with what a URI may not
     * hold percent-encoded (a '%' that starts no escape as %25, a '[' as %5B), or {@code *} for the asterisk form.
     *
     * @param path the request's path as sent, or null if none was read
     * @return the instance; empty if there is no path
     */
    static Optional<URI> instance(String path) {
        if (path == null || path.isEmpty()) {
            return Optional.empty();
        }
        if (path.equals("*")) {
            return Optional.of(URI.create("*"));
        }
        StringBuilder encoded = new StringBuilder();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            boolean escape = c == '%' && i + 2 < path.length() && HttpParser.isHex(path.charAt(i + 1))
                    && HttpParser.isHex(path.charAt(i + 2));
            if (escape || (c != '%' && (HttpParser.isUserInfo(c) || c == '@' || c == '/'))) {
                encoded.append(c);
            } else {
                for (byte b : String.valueOf(c).getBytes(c < 0x100 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8)) {
                    encoded.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
                }
            }
        }
        return ProblemResponses.instanceOf(encoded.toString());
    }

    private static Optional<HeadFaults.Limits> limits(Request request) {
        return request.getConnector() == null ? Optional.empty() : limits(request.getConnector().getProtocolHandler());
    }

    /**
     * @param handler a connector's protocol handler
     * @return its limits and character rules for a head; empty if it is not HTTP/1.1's
     */
    static Optional<HeadFaults.Limits> limits(ProtocolHandler handler) {
        if (handler instanceof AbstractHttp11Protocol<?> http) {
            return Optional.of(new HeadFaults.Limits(http.getMaxHttpRequestHeaderSize(), http.getMaxHeaderCount(),
                    http.getHttpParser()));
        }
        return Optional.empty();
    }

    /** The request's path as sent: Tomcat's, or, where it refused the request line, the path of the line's target. */
    private static String requestPath(Request request) {
        String path = rawPath(request);
        if (path != null) {
            return path;
        }
        return RequestHead.of(request.getCoyoteRequest()).flatMap(RequestHead::target)
                .map(target -> target.split("[?#]", 2)[0]).filter(target -> target.startsWith("/")).orElse(null);
    }

    private static String method(Request request) {
        try {
            return request.getCoyoteRequest().method().toString();
        } catch (RuntimeException unparsed) {
            return null;
        }
    }

    private static String rawPath(Request request) {
        return text(request.getCoyoteRequest().requestURI());
    }

    private static String text(MessageBytes bytes) {
        try {
            return bytes.toString();
        } catch (RuntimeException unparsed) {
            return null;
        }
    }
}

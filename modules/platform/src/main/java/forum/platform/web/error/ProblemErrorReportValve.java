package forum.platform.web.error;

import forum.platform.web.problem.ProblemType;
import forum.platform.web.problem.ProblemResponses;

import forum.platform.web.CanonicalPath;
import forum.platform.web.HttpMethodFilter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Tomcat's error report, as a problem document instead of its HTML page. Tomcat answers some requests
 * itself, before any filter or servlet runs: a request line or header it cannot parse, a path it refuses
 * (an encoded {@code \}, a dot segment above the root), a header section too large. Each gets a problem of
 * our catalogue ({@link ProblemType#forStatus}), or {@link ProblemType#NON_CANONICAL_PATH} when the path is
 * the reason. Installed on the embedded Tomcat's host by {@link ProblemsConfiguration}.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

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
        ProblemDetail problem = problem(HttpStatusCode.valueOf(status), rawPath(request), method(request));
        ProblemResponses.instanceOf(rawPath(request)).ifPresent(problem::setInstance);
        try {
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
     * @param status  the status Tomcat chose
     * @param rawPath the request's path as sent, or null if it could not be read
     * @param method  the request's method, or null if it could not be read
     * @return the problem for Tomcat's refusal: the path's fault for a 400 on a non-canonical path, the method's
     *         for a 501 on a method the server does not implement ({@code CONNECT}), else the status's default
     */
    static ProblemDetail problem(HttpStatusCode status, String rawPath, String method) {
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

    private static String detail(ProblemType type) {
        return switch (type) {
            case BAD_REQUEST -> "The HTTP request is malformed: check the request line (method, target, version) and the"
                    + " header fields; spaces and characters outside ASCII in the path or query must be percent-encoded";
            case URI_TOO_LONG -> "The request target is longer than this server takes";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "The request's header fields are larger than this server takes";
            case CONTENT_TOO_LARGE -> "The request body is larger than this server takes";
            case REQUEST_TIMEOUT -> "The request did not arrive in time";
            case NOT_IMPLEMENTED -> "The request's Transfer-Encoding names a coding this server does not implement:"
                    + " send the body with a Content-Length, or with Transfer-Encoding: chunked alone";
            case EXPECTATION_FAILED -> "The Expect header asks for an expectation this server does not meet: the only"
                    + " one it takes is 100-continue; leave the header out or send Expect: 100-continue";
            case HTTP_VERSION_NOT_SUPPORTED -> "This server speaks HTTP/1.1";
            case NO_ROUTE -> "No route has this path";
            case UNAVAILABLE -> "The server is unavailable; try again shortly";
            default -> "The request could not be served";
        };
    }

    private static String method(Request request) {
        try {
            return request.getCoyoteRequest().method().toString();
        } catch (RuntimeException unparsed) {
            return null;
        }
    }

    private static String rawPath(Request request) {
        try {
            return request.getCoyoteRequest().requestURI().toString();
        } catch (RuntimeException unparsed) {
            return null;
        }
    }
}

package forum.platform.web.error;

import forum.platform.web.problem.ProblemResponses;
import forum.platform.web.problem.ProblemType;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.tomcat.util.buf.ByteChunk;
import org.apache.tomcat.util.buf.MessageBytes;
import org.springframework.http.ProblemDetail;

/**
 * Refuses with 400 ({@code bad-request}) a request that frames its body twice, with {@code Content-Length} and
 * {@code Transfer-Encoding}: the shape of request smuggling, where a proxy reads one framing and the server the
 * other (RFC 9112 section 6.3 allows refusing it; the connection is closed after the answer). Tomcat itself goes by
 * the Transfer-Encoding and drops the Content-Length field before any valve or filter sees the request, so the field
 * is looked for in the request's head as received: Tomcat parses the head in place, and every header value it keeps
 * points into that buffer. Installed on the application's context by {@link ProblemsConfiguration}, before any filter.
 */
class AmbiguousFramingValve extends ValveBase {

    private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(StandardCharsets.US_ASCII);

    AmbiguousFramingValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        if (request.getCoyoteRequest().getMimeHeaders().getValue("transfer-encoding") != null
                && sentContentLength(request.getCoyoteRequest().requestURI())) {
            response.setHeader("Connection", "close"); // RFC 9112 6.1: never read another request after it
            ProblemResponses.write(request, response, problem());
            return;
        }
        getNext().invoke(request, response);
    }

    /** Whether the head whose request target is {@code target} (as parsed) has a Content-Length field. */
    private static boolean sentContentLength(MessageBytes target) {
        ByteChunk start = target.getByteChunk();
        if (start.getBuffer() == null || start.getLength() == 0) {
            return false; // not a head parsed in place (HTTP/1.1 always is): nothing to look at
        }
        return hasContentLength(start.getBuffer(), start.getStart(), start.getBuffer().length);
    }

    /**
     * @param head  bytes holding an HTTP/1.1 request head (the request line, then header lines, then an empty line)
     * @param from  where the request line starts, or any place in it before its end (the target's start)
     * @param limit where to stop looking if no empty line came first
     * @return whether a header line of the head (before its empty line) is a {@code Content-Length} field, in any case
     */
    static boolean hasContentLength(byte[] head, int from, int limit) {
        int line = from;
        while (line < limit) {
            int end = line;
            while (end < limit && head[end] != '\n') {
                end++;
            }
            if (line != from && (end == line || (end == line + 1 && head[line] == '\r'))) {
                return false; // the empty line: the head ends here, the body follows
            }
            if (line != from && startsWithIgnoringCase(head, line, end, CONTENT_LENGTH)) {
                return true;
            }
            line = end + 1;
        }
        return false;
    }

    private static boolean startsWithIgnoringCase(byte[] bytes, int from, int end, byte[] prefix) {
        if (end - from < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            int b = bytes[from + i];
            if ((b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The 400 problem for a body framed by both a Content-Length and a Transfer-Encoding. */
    static ProblemDetail problem() {
        return ProblemType.BAD_REQUEST.problem("The request frames its body twice, with Content-Length and"
                + " Transfer-Encoding (RFC 9112 6.3): send one of them, Content-Length for a body whose size is known,"
                + " Transfer-Encoding: chunked alone otherwise");
    }
}

package forum.platform.web.error;

import forum.platform.web.problem.ProblemResponses;
import forum.platform.web.problem.ProblemType;
import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.springframework.http.ProblemDetail;

/**
 * Refuses with 400 ({@code bad-request}) a request that frames its body twice, with {@code Content-Length} and
 * {@code Transfer-Encoding}: the shape of request smuggling, where a proxy reads one framing and the server the
 * other (RFC 9112 section 6.3 allows refusing it; the connection is closed after the answer). Tomcat itself goes by
 * the Transfer-Encoding and drops the Content-Length field before any valve or filter sees the request, so the field
 * is looked for in the request's head as received ({@link RequestHead}). So is an HTTP/1.0 request with a
 * {@code Transfer-Encoding}: HTTP/1.0 has no transfer codings, and RFC 9112 section 6.1 says such a message MUST be
 * treated as if its framing were faulty (an HTTP/1.0 proxy in front would have framed it otherwise). Installed on the
 * application's context by {@link ProblemsConfiguration}, before any filter.
 */
class AmbiguousFramingValve extends ValveBase {

    AmbiguousFramingValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        boolean transferCoded = request.getCoyoteRequest().getMimeHeaders().getValue("transfer-encoding") != null;
        if (transferCoded && "HTTP/1.0".equals(request.getProtocol())) {
            response.setHeader("Connection", "close"); // RFC 9112 6.1: close the connection after answering
            ProblemResponses.write(request, response, ProblemType.BAD_REQUEST.problem("The request is HTTP/1.0, which"
                    + " has no Transfer-Encoding (RFC 9112 6.1): send HTTP/1.1, or a Content-Length for the body"));
            return;
        }
        if (transferCoded
                && RequestHead.of(request.getCoyoteRequest()).filter(head -> head.hasField("content-length")).isPresent()) {
            response.setHeader("Connection", "close"); // RFC 9112 6.1: never read another request after it
            ProblemResponses.write(request, response, problem());
            return;
        }
        getNext().invoke(request, response);
    }

    /** The 400 problem for a body framed by both a Content-Length and a Transfer-Encoding. */
    static ProblemDetail problem() {
        return ProblemType.BAD_REQUEST.problem("The request frames its body twice, with Content-Length and"
                + " Transfer-Encoding (RFC 9112 6.3): send one of them, Content-Length for a body whose size is known,"
                + " Transfer-Encoding: chunked alone otherwise");
    }
}

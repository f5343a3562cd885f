package forum.platform.web.error;

import forum.platform.web.RouteMethods;
import java.util.List;
import org.apache.coyote.Adapter;
import org.apache.coyote.Request;
import org.apache.coyote.Response;
import org.apache.tomcat.util.net.SocketEvent;

/**
 * Answers {@code OPTIONS *}, which asks about the server as a whole (RFC 9110 9.3.7), with the methods this server
 * implements: a 200 with no content and {@code Allow: GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS}. Tomcat answers it
 * before any valve or filter runs, with an {@code Allow} of its own that lists {@code TRACE} (which every route
 * refuses) and not {@code PATCH} (which the routes take), so this answers it first, in front of Tomcat's own adapter;
 * every other request, and an {@code OPTIONS *} Tomcat already refused (no Host), goes on to that adapter. Other
 * methods with {@code *} are refused there with 400 ({@link ProblemErrorReportValve} says why). Installed on the
 * connector by {@link ProblemsConfiguration}.
 */
final class AsteriskOptionsAdapter implements Adapter {

    /** What {@code OPTIONS *} lists: every method the server implements but TRACE, which no route takes. */
    static final List<String> SERVER_METHODS = RouteMethods.ORDER;

    private final Adapter tomcat;

    /** @param tomcat the adapter Tomcat's connector made, which serves every other request */
    AsteriskOptionsAdapter(Adapter tomcat) {
        this.tomcat = tomcat;
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        if (!response.isError() && request.requestURI().equals("*") && "OPTIONS".equals(request.getMethod())) {
            response.setStatus(200);
            response.setHeader("Allow", String.join(", ", SERVER_METHODS));
            response.setContentLength(0);
            tomcat.log(request, response, 0);
            return;
        }
        tomcat.service(request, response);
    }

    @Override
    public boolean prepare(Request request, Response response) throws Exception {
        return tomcat.prepare(request, response);
    }

    @Override
    public boolean asyncDispatch(Request request, Response response, SocketEvent status) throws Exception {
        return tomcat.asyncDispatch(request, response, status);
    }

    @Override
    public void log(Request request, Response response, long time) {
        tomcat.log(request, response, time);
    }

    @Override
    public void checkRecycled(Request request, Response response) {
        tomcat.checkRecycled(request, response);
    }

    @Override
    public String getDomain() {
        return tomcat.getDomain();
    }
}

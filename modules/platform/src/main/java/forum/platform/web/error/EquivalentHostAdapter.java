package forum.platform.web.error;

import java.util.Optional;
import java.util.function.Supplier;
import org.apache.coyote.Adapter;
import org.apache.coyote.Request;
import org.apache.coyote.Response;
import org.apache.tomcat.util.buf.MessageBytes;
import org.apache.tomcat.util.net.SocketEvent;

/**
 * Serves an HTTP/1.1 request whose absolute-form target names the Host field's host in other words: the same host
 * with the scheme's default port spelled out or left out ({@code GET http://localhost:80/api/users} with
 * {@code Host: localhost}, {@code https://localhost:443/...} likewise), which RFC 9110 4.2.3 makes the same origin.
 * Tomcat compares the two as text and refuses such a request with a bare 400 before any valve runs, but it still
 * prepares the whole request and hands it to its adapter with that status: this, in front of the adapter, takes the
 * refusal back when the hosts are the same ({@link HostField#sameHost}) and the head has no other fault that Tomcat
 * refuses ({@link HeadFieldChecks}), and the request is served (Tomcat closes the connection after the answer, as
 * after any refusal: {@code Connection: close}).
 * Every other request goes on to the adapter as it is. Installed on the connector by {@link ProblemsConfiguration}.
 */
final class EquivalentHostAdapter implements Adapter {

    private final Adapter tomcat;
    private final Supplier<Optional<HeadFaults.Limits>> limits;

    /**
     * @param tomcat the adapter that serves requests
     * @param limits the connector's limits, when it is an HTTP/1.1 connector
     */
    EquivalentHostAdapter(Adapter tomcat, Supplier<Optional<HeadFaults.Limits>> limits) {
        this.tomcat = tomcat;
        this.limits = limits;
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        if (response.getStatus() == 400
                && limits.get().filter(connector -> onlyTheSameHostInOtherWords(request, connector)).isPresent()) {
            // Tomcat marked the response in error too, which would skip the application: both are taken back. Its
            // own state stays, so the connection is closed after the answer, as after any refusal.
            response.setStatus(200);
            response.resetError();
            response.setHeader("Connection", "close");
        }
        tomcat.service(request, response);
    }

    /**
     * @param request an HTTP/1.1 request Tomcat refused with 400
     * @param limits  the connector's limits
     * @return whether its absolute-form target's host differs from the Host field's as text but names the same host,
     *         and the head has no fault Tomcat refuses besides
     */
    static boolean onlyTheSameHostInOtherWords(Request request, HeadFaults.Limits limits) {
        return RequestHead.of(request).filter(head -> onlyTheSameHostInOtherWords(head, request, limits)).isPresent();
    }

    /** As {@link #onlyTheSameHostInOtherWords(Request, HeadFaults.Limits)}, for a head already read. */
    static boolean onlyTheSameHostInOtherWords(RequestHead head, Request request, HeadFaults.Limits limits) {
        if (!head.complete() || request.requestURI().isNull() || request.protocol().isNull()
                || !"HTTP/1.1".equals(request.protocol().toString())) {
            return false;
        }
        MessageBytes host = request.getMimeHeaders().getValue("host");
        return host != null && !host.isNull()
                && head.target().filter(target -> target.regionMatches(true, 0, "http", 0, 4))
                        .flatMap(HeadFieldChecks::authority).filter(named -> !named.equalsIgnoreCase(host.toString()))
                        .isPresent()
                && HeadFaults.of(head, request, limits).isEmpty();
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

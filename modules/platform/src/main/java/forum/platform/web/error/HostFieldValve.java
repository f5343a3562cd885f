package forum.platform.web.error;

import forum.platform.web.problem.ProblemResponses;
import forum.platform.web.problem.ProblemType;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.Optional;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.tomcat.util.buf.MessageBytes;

/**
 * Refuses with 400 ({@code bad-request}) a request whose Host field Tomcat took but is not a host with an optional
 * port ({@link HostField}): Tomcat reads any digits after the ':' as the port, {@code localhost:99999} too, where a TCP
 * port is at most 65535 (RFC 3986 3.2.3 with RFC 9110 4.2.1). Tomcat refuses every other fault of the field itself,
 * and {@link ProblemErrorReportValve} names it with the same detail. Installed on the application's context by
 * {@link ProblemsConfiguration}, before any filter.
 */
class HostFieldValve extends ValveBase {

    HostFieldValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        MessageBytes host = request.getCoyoteRequest().getMimeHeaders().getValue("host");
        Optional<String> fault = host == null || host.isNull() ? Optional.empty() : HostField.fault(host.toString());
        if (fault.isPresent()) {
            ProblemResponses.write(request, response, ProblemType.BAD_REQUEST.problem(fault.get()));
            return;
        }
        getNext().invoke(request, response);
    }
}

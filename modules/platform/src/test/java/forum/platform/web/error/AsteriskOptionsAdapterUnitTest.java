package forum.platform.web.error;

import static org.assertj.core.api.Assertions.assertThat;

import forum.platform.web.HttpMethodFilter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.coyote.Adapter;
import org.apache.coyote.Request;
import org.apache.coyote.Response;
import org.apache.tomcat.util.net.SocketEvent;
import org.junit.jupiter.api.Test;

/** OPTIONS * answered with the server's methods; everything else left to Tomcat's adapter. */
class AsteriskOptionsAdapterUnitTest {

    private final List<String> calls = new ArrayList<>();
    private final AsteriskOptionsAdapter adapter = new AsteriskOptionsAdapter(new RecordingAdapter());

    @Test
    void options_asterisk_lists_every_method_the_server_implements_but_trace() throws Exception {
        Response response = new Response();
        adapter.service(request("OPTIONS", "*"), response);
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getMimeHeaders().getHeader("Allow")).isEqualTo("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
        assertThat(response.getContentLengthLong()).isZero();
        assertThat(calls).containsExactly("log");
        Set<String> listed = new HashSet<>(AsteriskOptionsAdapter.SERVER_METHODS);
        listed.add("TRACE");
        assertThat(listed).isEqualTo(HttpMethodFilter.IMPLEMENTED);
    }

    @Test
    void any_other_request_goes_to_tomcats_adapter() throws Exception {
        adapter.service(request("GET", "*"), new Response());
        adapter.service(request("OPTIONS", "/api/users"), new Response());
        Response refused = new Response();
        refused.setStatus(400);
        refused.setError();
        adapter.service(request("OPTIONS", "*"), refused);
        assertThat(calls).containsExactly("service", "service", "service");
    }

    private static Request request(String method, String target) {
        Request request = new Request();
        request.setMethod(method);
        request.requestURI().setString(target);
        return request;
    }

    private final class RecordingAdapter implements Adapter {
        @Override
        public void service(Request request, Response response) {
            calls.add("service");
        }

        @Override
        public boolean prepare(Request request, Response response) {
            return true;
        }

        @Override
        public boolean asyncDispatch(Request request, Response response, SocketEvent status) {
            return true;
        }

        @Override
        public void log(Request request, Response response, long time) {
            calls.add("log");
        }

        @Override
        public void checkRecycled(Request request, Response response) {
        }

        @Override
        public String getDomain() {
            return "test";
        }
    }
}

package forum.platform.web.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.coyote.Request;
import org.apache.tomcat.util.http.parser.HttpParser;
import org.junit.jupiter.api.Test;

/**
 * Tomcat's refusal of an absolute-form target whose host is the Host field's in other words is taken back, and only
 * that refusal: another host, or another fault of the head besides, stays refused.
 */
class EquivalentHostAdapterUnitTest {

    private static final HeadFaults.Limits LIMITS = new HeadFaults.Limits(8192, 100, new HttpParser(null, null));

    @Test
    void the_hosts_host_with_its_default_port_or_in_other_case_is_served() {
        assertThat(served("GET http://localhost:80/api/users HTTP/1.1", "HTTP/1.1", "Host", "localhost")).isTrue();
        assertThat(served("GET https://localhost:443/api/users HTTP/1.1", "HTTP/1.1", "Host", "localhost")).isTrue();
        assertThat(served("GET http://LOCALHOST/api/users HTTP/1.1", "HTTP/1.1", "Host", "localhost:80")).isTrue();
        assertThat(served("GET http://127.0.0.1:80 HTTP/1.1", "HTTP/1.1", "Host", "127.0.0.1")).isTrue();
    }

    @Test
    void another_host_or_port_stays_refused() {
        assertThat(served("GET http://localhost:443/api/users HTTP/1.1", "HTTP/1.1", "Host", "localhost")).isFalse();
        assertThat(served("GET https://localhost:80/api/users HTTP/1.1", "HTTP/1.1", "Host", "localhost")).isFalse();
        assertThat(served("GET http://other:80/api/users HTTP/1.1", "HTTP/1.1", "Host", "localhost")).isFalse();
        assertThat(served("GET http://localhost:99999/api/users HTTP/1.1", "HTTP/1.1", "Host", "localhost")).isFalse();
    }

    @Test
    void a_refusal_that_is_not_about_the_hosts_stays() {
        // Tomcat's own comparison passes, so its 400 was for something else.
        assertThat(served("GET http://localhost/api/users HTTP/1.1", "HTTP/1.1", "Host", "LocalHost")).isFalse();
        assertThat(served("GET /api/users HTTP/1.1", "HTTP/1.1", "Host", "localhost")).isFalse();
        // Another fault besides.
        assertThat(served("POST http://localhost:80/api/users HTTP/1.1", "HTTP/1.1", "Host", "localhost",
                "Content-Length", "x")).isFalse();
        assertThat(served("GET http://localhost:80/api/users HTTP/1.1", "HTTP/1.1", "Host", "localhost", "Host", "other"))
                .isFalse();
        // HTTP/1.0: Tomcat compares nothing (the target's host is the Host).
        assertThat(served("GET http://localhost:80/api/users HTTP/1.0", "HTTP/1.0", "Host", "localhost")).isFalse();
    }

    private static boolean served(String requestLine, String protocol, String... fields) {
        Request request = new Request();
        String target = requestLine.split(" ")[1];
        int slash = target.indexOf('/', target.indexOf("//") + 2);
        request.requestURI().setString(target.startsWith("/") ? target : slash < 0 ? "/" : target.substring(slash));
        request.protocol().setString(protocol);
        StringBuilder head = new StringBuilder(requestLine).append("\r\n");
        for (int i = 0; i < fields.length; i += 2) {
            request.getMimeHeaders().addValue(fields[i]).setString(fields[i + 1]);
            head.append(fields[i]).append(": ").append(fields[i + 1]).append("\r\n");
        }
        byte[] bytes = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        return EquivalentHostAdapter.onlyTheSameHostInOtherWords(new RequestHead(bytes, bytes.length, bytes.length),
                request, LIMITS);
    }
}

package forum.platform.web.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.coyote.Request;
import org.apache.tomcat.util.http.parser.HttpParser;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

/** The checks Tomcat makes on a whole head, each told in the client's terms, and none for a head that passes them. */
class HeadFieldChecksUnitTest {

    private static final HeadFaults.Limits LIMITS = new HeadFaults.Limits(8192, 100, new HttpParser(null, null));

    @Test
    void host_fields_one_and_only_one_in_http_1_1() {
        assertThat(fault("GET /x HTTP/1.1", "HTTP/1.1", "Host", "a", "Host", "b")).hasValue("The request has 2 Host header"
                + " fields: send one (RFC 9112 3.2)");
        assertThat(fault("GET /x HTTP/1.1", "HTTP/1.1")).hasValueSatisfying(detail -> assertThat(detail)
                .contains("no Host header field", "send Host"));
        assertThat(fault("GET /x HTTP/1.0", "HTTP/1.0")).isEmpty();
    }

    @Test
    void an_absolute_form_target_names_the_hosts_host_with_an_http_scheme() {
        assertThat(fault("GET http://other/api/users/1 HTTP/1.1", "HTTP/1.1", "Host", "x")).hasValueSatisfying(detail ->
                assertThat(detail).contains("names the host 'other' but the Host header field 'x'", "(/api/users/1)"));
        assertThat(fault("GET HTTP://X/api/users/1 HTTP/1.1", "HTTP/1.1", "Host", "x")).isEmpty();
        assertThat(fault("GET httpx://x/api HTTP/1.1", "HTTP/1.1", "Host", "x")).hasValueSatisfying(detail ->
                assertThat(detail).contains("neither a path nor an http or https URI"));
    }

    @Test
    void a_path_character_tomcat_refuses_is_named() {
        assertThat(fault("GET /api/users/[1] HTTP/1.1", "HTTP/1.1", "/api/users/[1]", "Host", "x"))
                .hasValue("The request target's path holds '[', which must be percent-encoded: send it as %5B");
    }

    @Test
    void transfer_codings_are_a_list_with_chunked_once_and_last() {
        assertThat(fault("POST /x HTTP/1.1", "HTTP/1.1", "Host", "x", "Transfer-Encoding", "chunked;x=1"))
                .hasValueSatisfying(detail -> assertThat(detail).contains("'chunked;x=1' is not a list of transfer codings"));
        assertThat(fault("POST /x HTTP/1.1", "HTTP/1.1", "Host", "x", "Transfer-Encoding", "chunked", "Transfer-Encoding", "chunked"))
                .hasValueSatisfying(detail -> assertThat(detail).contains("'chunked, chunked' lists chunked more than once"));
        assertThat(fault("POST /x HTTP/1.1", "HTTP/1.1", "Host", "x", "Transfer-Encoding", "chunked, gzip")).isPresent();
        assertThat(fault("POST /x HTTP/1.1", "HTTP/1.1", "Host", "x", "Transfer-Encoding", "Chunked")).isEmpty();
    }

    @Test
    void content_length_is_one_field_of_digits() {
        for (String length : new String[] {"abc", "-1", "+19", "0, 0", "1e3"}) {
            assertThat(fault("POST /x HTTP/1.1", "HTTP/1.1", "Host", "x", "Content-Length", length)).as(length)
                    .hasValueSatisfying(detail -> assertThat(detail).contains("'" + length + "' is not a size in bytes"));
        }
        assertThat(fault("POST /x HTTP/1.1", "HTTP/1.1", "Host", "x", "Content-Length", "0", "content-length", "0"))
                .hasValue("The request has 2 Content-Length header fields: send one, the body's size in bytes");
        assertThat(fault("POST /x HTTP/1.1", "HTTP/1.1", "Host", "x", "Content-Length", "19")).isEmpty();
    }

    /** Digits past what a long holds are a size, only too large: 413, not "not a size". */
    @Test
    void a_content_length_of_more_digits_than_a_long_holds_is_too_large() {
        for (String length : new String[] {"9223372036854775808", "99999999999999999999999", "1" + "0".repeat(200)}) {
            assertThat(problem("POST /x HTTP/1.1", "HTTP/1.1", "Host", "x", "Content-Length", length)).as(length).hasValueSatisfying(tooLarge -> {
                assertThat(tooLarge.getStatus()).isEqualTo(413);
                assertThat(tooLarge.getDetail()).startsWith("The request body's Content-Length, ")
                        .endsWith(" bytes, is larger than any body this server takes");
            });
        }
    }

    @Test
    void a_host_field_tomcat_cannot_read_is_named() {
        assertThat(fault("GET /x HTTP/1.1", "HTTP/1.1", "Host", "a b")).hasValueSatisfying(detail ->
                assertThat(detail).startsWith("The Host header field 'a b' holds a space"));
        assertThat(fault("GET /x HTTP/1.1", "HTTP/1.1", "Host", "a:x")).hasValueSatisfying(detail ->
                assertThat(detail).contains("has the port 'x', which is not a number"));
        assertThat(fault("GET /x HTTP/1.1", "HTTP/1.1", "Host", "a:99999999999")).hasValueSatisfying(detail ->
                assertThat(detail).contains("which is no TCP port"));
        assertThat(fault("GET http://a_b/x HTTP/1.0", "HTTP/1.0")).hasValueSatisfying(detail ->
                assertThat(detail).startsWith("The Host header field 'a_b' holds '_'"));
        assertThat(fault("GET /x HTTP/1.1", "HTTP/1.1", "Host", "")).isEmpty();
        assertThat(fault("GET /x HTTP/1.1", "HTTP/1.1", "Host", "a:8080")).isEmpty();
        // Tomcat reads the framing fields first: their fault is the one named.
        assertThat(fault("POST /x HTTP/1.1", "HTTP/1.1", "Host", "a b", "Content-Length", "x")).hasValueSatisfying(detail ->
                assertThat(detail).contains("Content-Length"));
    }

    @Test
    void an_absolute_form_target_with_the_default_port_is_named_one_host_written_two_ways() {
        for (String[] sent : new String[][] {{"http://localhost:80/api/users", "localhost"},
                {"https://LocalHost:443/api/users", "localhost"}, {"http://localhost/api/users", "localhost:80"},
                {"http://u@localhost:/api/users", "localhost"}}) {
            assertThat(fault("GET " + sent[0] + " HTTP/1.1", "HTTP/1.1", "Host", sent[1])).as(sent[0])
                    .hasValueSatisfying(detail -> assertThat(detail).contains("one host, with the scheme's default port"));
        }
        assertThat(fault("GET http://LOCALHOST/api/users HTTP/1.1", "HTTP/1.1", "Host", "localhost")).as("case alone")
                .isEmpty();
        assertThat(fault("GET http://localhost:443/api/users HTTP/1.1", "HTTP/1.1", "Host", "localhost"))
                .hasValueSatisfying(detail -> assertThat(detail).contains("names the host 'localhost:443' but the Host"
                        + " header field 'localhost'"));
        assertThat(fault("GET https://localhost:80/api/users HTTP/1.1", "HTTP/1.1", "Host", "localhost"))
                .hasValueSatisfying(detail -> assertThat(detail).contains("names the host 'localhost:80'"));
    }

    /** The head's request line, its version as Tomcat set it, the path Tomcat kept (if given), then field names and values. */
    /** The fault's detail, a 400's. */
    private static Optional<String> fault(String requestLine, String protocol, String... pathAndFields) {
        return problem(requestLine, protocol, pathAndFields).map(problem -> {
            assertThat(problem.getStatus()).isEqualTo(400);
            return problem.getDetail();
        });
    }

    private static Optional<ProblemDetail> problem(String requestLine, String protocol, String... pathAndFields) {
        Request request = new Request();
        int first = pathAndFields.length % 2;
        String target = requestLine.split(" ")[1];
        request.requestURI().setString(first == 1 ? pathAndFields[0] : target.startsWith("/") ? target : "/api/users/1");
        request.protocol().setString(protocol);
        StringBuilder head = new StringBuilder(requestLine).append("\r\n");
        for (int i = first; i < pathAndFields.length; i += 2) {
            request.getMimeHeaders().addValue(pathAndFields[i]).setString(pathAndFields[i + 1]);
            head.append(pathAndFields[i]).append(": ").append(pathAndFields[i + 1]).append("\r\n");
        }
        byte[] bytes = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        RequestHead read = new RequestHead(bytes, bytes.length, bytes.length);
        assertThat(read.complete()).isTrue();
        return HeadFaults.of(read, request, LIMITS);
    }
}

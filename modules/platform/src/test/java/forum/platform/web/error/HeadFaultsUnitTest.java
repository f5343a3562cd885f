package forum.platform.web.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.coyote.Request;
import org.apache.tomcat.util.http.parser.HttpParser;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

/**
 * What a head Tomcat refused is told, from Tomcat's state as it leaves it: the request's target and version set only
 * when it read the request line to its end, the fields it parsed, its buffer's position.
 */
class HeadFaultsUnitTest {

    private static final HeadFaults.Limits LIMITS = new HeadFaults.Limits(8192, 100, new HttpParser(null, null));

    @Test
    void a_character_the_target_may_not_hold_is_named_with_its_encoding() {
        assertThat(requestLine("GET /api/users?a[]=1 HTTP/1.1")).isEqualTo("The request target's query holds '[', which"
                + " must be percent-encoded: send it as %5B");
        assertThat(requestLine("GET /api/users/| HTTP/1.1")).contains("path holds '|'", "%7C");
        assertThat(requestLine("GET /api/users#top HTTP/1.1")).contains("'#'", "no fragment", "%23");
        assertThat(requestLine("GET /api/users/\u00c3\u00a9 HTTP/1.1")).contains("outside ASCII", "%C3%A9");
        assertThat(requestLine("GET /api/users/\u0001 HTTP/1.1")).contains("a control character (0x01)", "%01");
    }

    @Test
    void a_method_or_version_that_cannot_be_read_is_named() {
        assertThat(requestLine("G(T /api/users HTTP/1.1")).contains("method holds '('");
        assertThat(requestLine("GET /api/users http/1.1")).contains("'http/1.1' is not an HTTP version (the version is"
                + " case-sensitive): send HTTP/1.1");
        assertThat(requestLine("GET /api/users/a b HTTP/1.1")).contains("more than three parts", "%20");
        assertThat(requestLine("GET /api/users ")).contains("no HTTP version");
    }

    @Test
    void a_request_line_over_the_heads_limit_is_a_414() {
        byte[] bytes = ascii("GET /api/users/" + "a".repeat(9000));
        Optional<ProblemDetail> problem = HeadFaults.of(new RequestHead(bytes, 8192, bytes.length), new Request(), LIMITS);
        assertThat(problem).hasValueSatisfying(fault -> {
            assertThat(fault.getStatus()).isEqualTo(414);
            assertThat(fault.getDetail()).contains("request line is longer than the 8 KB");
        });
    }

    @Test
    void a_field_line_tomcat_stopped_after_is_told_what_is_wrong_in_it() {
        assertThat(fieldLine("X-A : b")).isEqualTo("The header field name 'X-A' is followed by whitespace before its ':',"
                + " which RFC 9112 5.1 forbids: send 'X-A:' with no space before the colon");
        assertThat(fieldLine("X-A: a\u0001b")).contains("header field X-A holds a control character (0x01)");
        assertThat(fieldLine("Not a header")).contains("'Not a header' is not a field");
        assertThat(fieldLine(": x")).contains("no name before its ':'");
        assertThat(fieldLine("Bad Name: x")).contains("'Bad Name' holds a space");
    }

    @Test
    void a_head_over_the_limits_is_a_431() {
        byte[] big = ascii("GET /x HTTP/1.1\r\nHost: a\r\nX-Big: " + "a".repeat(9000));
        Request request = readRequestLine();
        assertThat(HeadFaults.of(new RequestHead(big, 8000, big.length), request, LIMITS)).hasValueSatisfying(fault -> {
            assertThat(fault.getStatus()).isEqualTo(431);
            assertThat(fault.getDetail()).contains("larger than the 8 KB this server takes");
        });
        for (int i = 0; i < 100; i++) {
            request.getMimeHeaders().addValue("X-" + i).setString("a");
        }
        byte[] many = ascii("GET /x HTTP/1.1\r\nX-0: a\r\nX-100:");
        assertThat(HeadFaults.of(new RequestHead(many, many.length, many.length), request, LIMITS))
                .hasValueSatisfying(fault -> assertThat(fault.getDetail()).contains("more than 100 header fields"));
    }

    private static String requestLine(String line) {
        byte[] bytes = ascii(line + "\r\nHost: a\r\n\r\n");
        Request request = new Request(); // Tomcat stopped in the request line: no target or no version set
        return HeadFaults.of(new RequestHead(bytes, line.length(), bytes.length), request, LIMITS).orElseThrow().getDetail();
    }

    private static String fieldLine(String field) {
        String head = "GET /x HTTP/1.1\r\nHost: a\r\n" + field + "\r\n";
        byte[] bytes = ascii(head + "X-Next: 1\r\n\r\n");
        Optional<ProblemDetail> problem = HeadFaults.of(new RequestHead(bytes, head.length(), bytes.length), readRequestLine(), LIMITS);
        assertThat(problem).hasValueSatisfying(fault -> assertThat(fault.getStatus()).isEqualTo(400));
        return problem.orElseThrow().getDetail();
    }

    /** A request whose request line Tomcat read to its end. */
    private static Request readRequestLine() {
        Request request = new Request();
        request.requestURI().setString("/x");
        request.protocol().setString("HTTP/1.1");
        request.getMimeHeaders().addValue("Host").setString("a");
        return request;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}

package forum.platform.web.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Finding a Content-Length field in a request head as Tomcat keeps it, and nowhere else. */
class AmbiguousFramingValveUnitTest {

    @Test
    void a_content_length_field_of_the_head_is_found_in_any_case() {
        assertThat(found("POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")).isTrue();
        assertThat(found("POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\ncontent-LENGTH:5\r\n\r\n")).isTrue();
        assertThat(found("POST /x HTTP/1.1\nTransfer-Encoding: chunked\nContent-Length: 5\n\n")).isTrue();
    }

    @Test
    void nothing_but_a_field_of_the_head_counts() {
        assertThat(found("POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n1a\r\nContent-Length: 5\r\n\r\n0\r\n\r\n")).isFalse();
        assertThat(found("POST /content-length: HTTP/1.1\r\nX-Content-Length: 5\r\nX: Content-Length: 5\r\n\r\n")).isFalse();
        assertThat(found("POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n")).isFalse();
    }

    @Test
    void the_problem_says_to_send_one_framing() {
        assertThat(AmbiguousFramingValve.problem().getDetail()).contains("Content-Length", "Transfer-Encoding", "send one");
        assertThat(AmbiguousFramingValve.problem().getStatus()).isEqualTo(400);
    }

    private static boolean found(String head) {
        byte[] bytes = ("\r\n" + head).getBytes(StandardCharsets.US_ASCII);
        return AmbiguousFramingValve.hasContentLength(bytes, 2, bytes.length);
    }
}

package forum.platform.web.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Reading a request head as Tomcat's input buffer holds it: its lines, its fields, and where Tomcat stopped. */
class RequestHeadUnitTest {

    @Test
    void a_content_length_field_of_the_head_is_found_in_any_case() {
        assertThat(read("POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
                .hasField("content-length")).isTrue();
        assertThat(read("\r\nPOST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\ncontent-LENGTH:5\r\n\r\n").hasField("content-length")).isTrue();
        assertThat(read("POST /x HTTP/1.1\nTransfer-Encoding: chunked\nContent-Length: 5\n\n").hasField("content-length")).isTrue();
    }

    @Test
    void nothing_but_a_field_of_the_head_counts() {
        assertThat(read("POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n1a\r\nContent-Length: 5\r\n\r\n0\r\n\r\n")
                .hasField("content-length")).isFalse();
        assertThat(read("POST /content-length: HTTP/1.1\r\nX-Content-Length: 5\r\nX: Content-Length: 5\r\n\r\n")
                .hasField("content-length")).isFalse();
        assertThat(read("POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n").hasField("content-length")).isFalse();
    }

    @Test
    void a_head_is_complete_only_if_the_parser_read_its_empty_line() {
        byte[] bytes = ascii("GET /x HTTP/1.1\r\nHost: a\r\n\r\nbody");
        assertThat(new RequestHead(bytes, bytes.length - 4, bytes.length).complete()).isTrue();
        assertThat(new RequestHead(bytes, 20, bytes.length).complete()).isFalse();
        assertThat(read("GET /x HTTP/1.1\r\nHost: a\r\n").complete()).isFalse();
    }

    @Test
    void the_line_the_parser_stopped_in_is_the_one_holding_its_last_byte() {
        byte[] bytes = ascii("GET /x HTTP/1.1\r\nHost: a\r\nX-A : b\r\nX-B: c\r\n\r\n");
        int afterBadLine = "GET /x HTTP/1.1\r\nHost: a\r\nX-A : b\r\n".length();
        RequestHead head = new RequestHead(bytes, afterBadLine, bytes.length);
        assertThat(head.stoppedIn()).hasValueSatisfying(line -> {
            assertThat(line.text()).isEqualTo("X-A : b");
            assertThat(line.ended()).isTrue();
        });
        assertThat(head.fieldLines()).extracting(RequestHead.Line::text).containsExactly("Host: a", "X-A : b", "X-B: c");
    }

    @Test
    void the_target_is_the_request_lines_second_part_once_the_line_has_ended() {
        assertThat(read("\r\n\r\nGET  /api/users?a[]=1 HTTP/1.1\r\n").target()).hasValue("/api/users?a[]=1");
        assertThat(read("GET /api/users/aaaa").target()).isEmpty();
        assertThat(read("GET\r\n").target()).isEmpty();
    }

    @Test
    void text_for_a_detail_shows_bytes_that_are_not_printable_and_is_cut() {
        assertThat(RequestHead.printable("a\u0001b\u00e9", 20)).isEqualTo("a0x01b0xE9");
        assertThat(RequestHead.printable("x".repeat(100), 10)).isEqualTo("xxxxxxxxxx...");
        assertThat(RequestHead.printable("abc", 3)).isEqualTo("abc");
    }

    private static RequestHead read(String text) {
        byte[] bytes = ascii(text);
        return new RequestHead(bytes, bytes.length, bytes.length);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}

package forum.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Which Content-Type headers of a request body the filter refuses, and the charset label it names. */
class JsonCharsetFilterUnitTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            application/json                               | -
            application/json;charset=UTF-8                 | -
            application/json; charset=utf-8                | -
            application/json; charset="UTF-8"              | -
            application/json; charset=UTF8                 | -
            application/json; charset=ISO-8859-1           | ISO-8859-1
            application/json;charset=utf-16                | utf-16
            application/json; charset="windows-1252"       | windows-1252
            application/json; charset=klingon              | klingon
            application/problem+json; charset=latin1       | latin1
            application/merge-patch+json; charset=US-ASCII | US-ASCII
            text/plain; charset=ISO-8859-1                 | -
            application/x-www-form-urlencoded; charset=ISO-8859-1 | -
            not a media type                               | -
            ;;;                                            | -
            ;charset=latin1                                | -
            application/json; charset=""                   | ''
            """)
    void a_json_body_labelled_with_anything_but_utf8_is_refused(String contentType, String refusedLabel) {
        assertThat(JsonCharsetFilter.nonUtf8Charset(contentType)).isEqualTo(refusedLabel);
    }

    /** RFC 9110 8.3, 15.5.16: a charset labels content; a request without any has nothing in a format to refuse. */
    @Test
    void the_charset_is_judged_only_on_a_request_with_content() throws ServletException, IOException {
        assertThat(status(request("GET", "application/json; charset=latin1", null, false))).isEqualTo(200);
        assertThat(status(request("GET", "text/plain", null, false))).isEqualTo(200);
        assertThat(status(request("DELETE", "application/json; charset=ISO-8859-1", new byte[0], false))).isEqualTo(200);
        assertThat(status(request("GET", "application/json; charset=latin1", "{}".getBytes(), false))).isEqualTo(415);
        assertThat(status(request("POST", "application/json; charset=latin1", "{}".getBytes(), false))).isEqualTo(415);
        assertThat(status(request("POST", "application/json; charset=latin1", null, true))).isEqualTo(415);
        // A label that is no media type at all cannot be read, content or not.
        assertThat(status(request("GET", ";;;", null, false))).isEqualTo(400);
    }

    private static MockHttpServletRequest request(String method, String contentType, byte[] body, boolean chunked) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/api/users");
        request.addHeader("Content-Type", contentType);
        if (body != null) {
            request.setContent(body);
        }
        if (chunked) {
            request.addHeader("Transfer-Encoding", "chunked");
        }
        return request;
    }

    private static int status(MockHttpServletRequest request) throws ServletException, IOException {
        MockHttpServletResponse response = new MockHttpServletResponse();
        new JsonCharsetFilter().doFilter(request, response, new MockFilterChain());
        return response.getStatus();
    }
}

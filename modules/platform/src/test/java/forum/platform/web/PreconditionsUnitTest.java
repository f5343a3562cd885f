package forum.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Preconditions are evaluated, never ignored (RFC 9110 13.2): on a write against a target without an entity tag
 * ({@link Preconditions}), on a read against its answer's ETag, once the answer is a 2xx ({@link ConditionalReadFilter}).
 */
class PreconditionsUnitTest {

    private static MockHttpServletRequest request(String method, String... fields) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/api/threads");
        for (int i = 0; i < fields.length; i += 2) {
            request.addHeader(fields[i], fields[i + 1]);
        }
        return request;
    }

    /** The interceptor's answer: -1 if it let the request on, else the status it wrote. */
    private static int write(String method, String... fields) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        boolean on = new Preconditions().preHandle(request(method, fields), response, new Object());
        if (!on) {
            assertThat(response.getContentType()).isEqualTo("application/problem+json");
        }
        return on ? -1 : response.getStatus();
    }

    @Test
    void a_write_to_a_target_without_an_entity_tag_passes_if_match_star_and_tags_none_match() throws Exception {
        assertThat(write("POST")).isEqualTo(-1);
        assertThat(write("POST", "If-Match", "*")).isEqualTo(-1);
        assertThat(write("POST", "If-None-Match", "\"0123\"")).isEqualTo(-1);
        assertThat(write("POST", "If-Match", "\"nope\"")).isEqualTo(412);
        assertThat(write("DELETE", "If-Match", "W/\"nope\"")).isEqualTo(412);
        assertThat(write("PUT", "If-None-Match", "*")).isEqualTo(412);
        assertThat(write("PATCH", "If-Match", "nope")).isEqualTo(400);
    }

    @Test
    void reads_are_the_filters_and_options_and_trace_ignore_preconditions() throws Exception {
        for (String method : new String[] {"GET", "HEAD", "OPTIONS", "TRACE"}) {
            assertThat(write(method, "If-Match", "\"nope\"", "If-None-Match", "*")).as(method).isEqualTo(-1);
        }
    }

    /** A read through the filter, whose answer is {@code status} with {@code etag} (null: none) and a body. */
    private static MockHttpServletResponse read(int status, String etag, String method, String... fields) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
            @Override
            protected void service(jakarta.servlet.http.HttpServletRequest request, HttpServletResponse answer)
                    throws java.io.IOException {
                answer.setStatus(status);
                if (etag != null) {
                    answer.setHeader("ETag", etag);
                }
                answer.getOutputStream().write("{\"id\":1}".getBytes());
            }
        });
        new ConditionalReadFilter().doFilter(request(method, fields), response, chain);
        return response;
    }

    @Test
    void a_read_is_its_answer_only_while_if_match_holds_and_304_once_if_none_match_matches() throws Exception {
        assertThat(read(200, "\"t\"", "GET", "If-Match", "\"t\"").getContentAsString()).isEqualTo("{\"id\":1}");
        MockHttpServletResponse failed = read(200, "\"t\"", "GET", "If-Match", "\"u\"");
        assertThat(failed.getStatus()).isEqualTo(412);
        assertThat(failed.getContentType()).isEqualTo("application/problem+json");
        assertThat(failed.getContentAsString()).contains("precondition-failed", "the current entity tag of /api/threads is \\\"t\\\"")
                .doesNotContain("\"id\":1");
        assertThat(read(200, null, "GET", "If-Match", "\"t\"").getStatus()).as("no tag to match").isEqualTo(412);
        assertThat(read(200, null, "GET", "If-Match", "*").getStatus()).isEqualTo(200);
        MockHttpServletResponse unchanged = read(200, "\"t\"", "HEAD", "If-None-Match", "W/\"t\"");
        assertThat(unchanged.getStatus()).isEqualTo(304);
        assertThat(unchanged.getContentAsString()).isEmpty();
        assertThat(unchanged.getHeader("ETag")).isEqualTo("\"t\"");
        assertThat(read(200, "\"t\"", "GET", "If-Match", "\"u\"", "If-None-Match", "\"t\"").getStatus()).isEqualTo(412);
        assertThat(read(200, null, "GET", "If-None-Match", "*").getStatus()).isEqualTo(304);
        assertThat(read(200, null, "GET", "If-None-Match", "\"t\"").getStatus()).isEqualTo(200);
        assertThat(read(200, "\"t\"", "GET", "If-None-Match", "nope").getStatus()).isEqualTo(400);
    }

    @Test
    void an_answer_that_is_no_2xx_stays_what_it_is() throws Exception {
        MockHttpServletResponse missing = read(404, null, "GET", "If-Match", "\"t\"");
        assertThat(missing.getStatus()).isEqualTo(404);
        assertThat(missing.getContentAsString()).isEqualTo("{\"id\":1}");
    }
}

package forum.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Which Content-Encoding fields the filter refuses, and what its 415 says. */
class ContentCodingFilterUnitTest {

    @Test
    void every_coding_but_identity_is_named() {
        assertThat(ContentCodingFilter.unsupportedCodings(List.of("gzip"))).containsExactly("gzip");
        assertThat(ContentCodingFilter.unsupportedCodings(List.of("identity, br", "x-zstd"))).containsExactly("br", "x-zstd");
        assertThat(ContentCodingFilter.unsupportedCodings(List.of("IDENTITY", " identity ,", ""))).isEmpty();
        assertThat(ContentCodingFilter.unsupportedCodings(List.of())).isEmpty();
    }

    @Test
    void a_gzip_body_gets_415_with_accept_encoding_identity_and_goes_no_further() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/threads");
        request.addHeader("Content-Encoding", "gzip");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        new ContentCodingFilter().doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(415);
        assertThat(response.getHeader("Accept-Encoding")).isEqualTo("identity");
        assertThat(response.getContentAsString()).contains("urn:forum:problem:unsupported-media-type", "gzip",
                "send the body uncompressed");
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void identity_goes_on() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/threads");
        request.addHeader("Content-Encoding", "identity");
        MockFilterChain chain = new MockFilterChain();

        new ContentCodingFilter().doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isSameAs(request);
    }
}

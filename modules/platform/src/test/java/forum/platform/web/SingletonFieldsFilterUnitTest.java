package forum.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** A single-valued field the application reads, sent more than once. */
class SingletonFieldsFilterUnitTest {

    @Test
    void two_content_type_fields_get_400_and_go_no_further() throws Exception {
        // As Tomcat hands them out (the mock request keeps one Content-Type only).
        HttpServletRequest request = new HttpServletRequestWrapper(new MockHttpServletRequest("POST", "/api/threads")) {
            @Override
            public Enumeration<String> getHeaders(String name) {
                return name.equalsIgnoreCase("Content-Type") ? Collections.enumeration(List.of("application/json", "text/plain"))
                        : super.getHeaders(name);
            }
        };
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        new SingletonFieldsFilter().doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("urn:forum:problem:bad-request",
                "The Content-Type header field is sent more than once");
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void one_field_or_none_goes_on() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/threads");
        assertThat(SingletonFieldsFilter.repeated(request)).isEmpty();
        request.addHeader("Content-Type", "application/json");
        request.addHeader("Accept", "application/json");
        request.addHeader("Accept", "text/html");
        assertThat(SingletonFieldsFilter.repeated(request)).isEmpty();
    }
}

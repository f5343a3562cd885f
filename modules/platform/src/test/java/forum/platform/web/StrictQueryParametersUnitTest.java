package forum.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import forum.platform.FieldViolation;
import forum.platform.ValidationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

class StrictQueryParametersUnitTest {

    @Test
    void a_query_string_is_read_as_spring_reads_it() {
        assertThat(StrictQueryParameters.parse(null)).isEmpty();
        assertThat(StrictQueryParameters.parse("")).isEmpty();
        assertThat(StrictQueryParameters.parse("limit=5&offset=10")).isEqualTo(Map.of("limit", List.of("5"), "offset", List.of("10")));
        assertThat(StrictQueryParameters.parse("lim%69t=5")).containsOnlyKeys("limit");
        assertThat(StrictQueryParameters.parse("limit=5&limit=6")).containsEntry("limit", List.of("5", "6"));
        assertThat(StrictQueryParameters.parse("limit")).containsEntry("limit", List.of(""));
        assertThat(StrictQueryParameters.parse("limit=&&offset=1")).containsEntry("limit", List.of("")).containsKey("offset");
        assertThat(StrictQueryParameters.parse("a+b=c%20d")).containsEntry("a b", List.of("c d"));
    }

    /** A handler taking {@code limit} and {@code offset}, as the modules' lists do. */
    static final class Lists {
        public void list(@RequestParam(name = "limit", defaultValue = "100") int limit,
                         @RequestParam(name = "offset", defaultValue = "0") int offset) {
        }
    }

    private static List<FieldViolation> violations(String method, String query) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/api/posts");
        request.setQueryString(query);
        HandlerMethod handler = new HandlerMethod(new Lists(), Lists.class.getMethod("list", int.class, int.class));
        ValidationException failure = catchThrowableOfType(ValidationException.class,
                () -> new StrictQueryParameters().preHandle(request, new MockHttpServletResponse(), handler));
        return failure == null ? List.of() : failure.violations();
    }

    @Test
    void every_failing_parameter_is_named_not_only_the_first() throws Exception {
        assertThat(violations("GET", "limit=x&offset=y")).extracting(FieldViolation::field).containsExactly("limit", "offset");
        assertThat(violations("GET", "limit=0&offset=1e2&page=2")).extracting(FieldViolation::toString).containsExactly(
                "limit must be from 1 to 1000, not 0", "offset must be a whole number in plain digits, like 10, not '1e2'",
                "page is not a parameter of this route (it takes: limit, offset)");
        assertThat(violations("GET", "limit=99999999999999999999")).extracting(FieldViolation::message)
                .containsExactly("must be from 1 to 1000, not 99999999999999999999");
        assertThat(violations("GET", "limit=5&offset=0")).isEmpty();
    }

    @Test
    void options_does_not_judge_the_query_and_head_judges_it_as_get_does() throws Exception {
        assertThat(violations("OPTIONS", "limit=5&anything=else")).isEmpty();
        assertThat(violations("HEAD", "limit=5")).isEmpty();
        assertThat(violations("HEAD", "limt=5")).extracting(FieldViolation::field).containsExactly("limt");
    }

    @Test
    void a_parameter_with_an_empty_name_is_called_that() throws Exception {
        List<FieldViolation> empty = violations("GET", "=");
        assertThat(empty).extracting(FieldViolation::field).containsExactly("");
        assertThat(new ValidationException(empty).getMessage())
                .isEqualTo("Invalid input: a parameter with an empty name is not taken by this route (it takes: limit, offset)");
    }

    @Test
    void a_thousand_unknown_parameters_are_named_ten_at_most() throws Exception {
        String query = String.join("&", java.util.stream.IntStream.range(0, 1100).mapToObj(i -> "p" + i + "=1").toList());
        List<FieldViolation> named = violations("GET", query);
        assertThat(named).hasSize(ValidationException.LISTED);
        ValidationException failure = catchThrowableOfType(ValidationException.class,
                () -> new StrictQueryParameters().preHandle(request(query), new MockHttpServletResponse(),
                        new HandlerMethod(new Lists(), Lists.class.getMethod("list", int.class, int.class))));
        assertThat(failure.getMessage()).endsWith("; and 1090 more").hasSizeLessThan(1200);
    }

    private static MockHttpServletRequest request(String query) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/posts");
        request.setQueryString(query);
        return request;
    }
}

package forum.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import forum.platform.FieldViolation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which query strings do not percent-decode to UTF-8, and which parameter each refusal names. */
class QueryEncodingFilterUnitTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            limit=%ZZ              | limit  | '%ZZ' is not a percent-encoding
            limit=%FF              | limit  | '%FF' decodes to bytes that are not UTF-8
            offset=%C3             | offset | '%C3' decodes to bytes that are not UTF-8
            limit=5%               | limit  | '%' is not a percent-encoding
            limit=%4               | limit  | '%4' is not a percent-encoding
            limit=%C3%28           | limit  | not UTF-8
            limit=%ED%A0%80        | limit  | not UTF-8
            a=1&limit=%G1          | limit  | '%G1'
            %ZZ=1                  | %ZZ    | is a parameter name with a bad percent-encoding
            %FF                    | %FF    | is a parameter name with a bad percent-encoding
            """)
    void a_part_that_does_not_decode_to_utf8_is_named(String query, String field, String message) {
        List<FieldViolation> violations = QueryEncodingFilter.violations(query);
        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.field()).isEqualTo(field);
            assertThat(violation.message()).contains(message);
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"", "limit=5", "limit=%35", "q=caf%C3%A9", "q=%F0%9F%98%80", "q=a+b", "limit=&offset=",
            "limit=5&limit=6", "&&", "flag", "q=%25", "name%3D=1", "q=%00"})
    void a_query_that_decodes_is_left_to_the_routes(String query) {
        assertThat(QueryEncodingFilter.violations(query)).isEmpty();
    }

    @Test
    void each_part_at_fault_is_named_and_no_query_is_none() {
        assertThat(QueryEncodingFilter.violations("limit=%ZZ&offset=%FF").stream().map(FieldViolation::field))
                .containsExactly("limit", "offset");
        assertThat(QueryEncodingFilter.violations(null)).isEmpty();
    }
}

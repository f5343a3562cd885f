package forum.platform.web.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import forum.platform.web.problem.ProblemType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.http.ProblemDetail;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** What a client is told about a body that cannot be read, read by the application's own strict mapper. */
class JsonInputProblemsUnitTest {

    /** Shaped like the modules' request records: text, a whole number, a list, a flag (ids are covered end to end). */
    public record Body(String title, Long createdBy, List<String> tags, Boolean pinned) {
    }

    private static final JsonMapper STRICT = strict();

    private static JsonMapper strict() {
        JsonMapper.Builder builder = JsonMapper.builder();
        JsonMapperBuilderCustomizer customizer = new forum.platform.web.StrictJsonConfiguration().strictRequestBodies();
        customizer.customize(builder);
        return builder.build();
    }

    private static ProblemDetail problemFor(String json) {
        JacksonException failure = catchThrowableOfType(JacksonException.class, () -> STRICT.readValue(json, Body.class));
        assertThat(failure).as("%s should not be read", json).isNotNull();
        return JsonInputProblems.problem(failure);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> onlyError(ProblemDetail problem) {
        assertThat(problem.getType()).isEqualTo(ProblemType.VALIDATION.uri());
        List<Map<String, String>> errors = (List<Map<String, String>>) problem.getProperties().get(ProblemType.ERRORS);
        assertThat(errors).hasSize(1);
        return errors.getFirst();
    }

    @ParameterizedTest(name = "{0}: {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            {"title":5,"createdBy":1}                         | title     | must be a string, not a whole number
            {"title":true,"createdBy":1}                      | title     | must be a string, not true or false
            {"title":{"a":1},"createdBy":1}                   | title     | must be a string, not an object
            {"title":"t","createdBy":"1"}                     | createdBy | must be a whole number, not a string
            {"title":"t","createdBy":1.5}                     | createdBy | must be a whole number, not a number with a fraction or an exponent
            {"title":"t","createdBy":[1]}                     | createdBy | must be a whole number, not an array
            {"title":"t","createdBy":99999999999999999999}    | createdBy | must be a whole number from 1 to 9223372036854775807
            {"title":"t","tags":"x"}                          | tags      | must be an array, not a string
            {"title":"t","tags":[1]}                          | tags[0]   | must be a string, not a whole number
            {"title":"t","pinned":"yes"}                      | pinned    | must be true or false, not a string
            {"title":"t","pinned":1}                          | pinned    | must be true or false, not a whole number
            {"title":"a","title":"b"}                         | title     | is given more than once
            {"title":"t","extra":{"a":1,"a":2}}               | extra.a   | is given more than once
            {"title":"t","extra":[0,{"b":{"a":1,"a":2}}]}     | extra[1].b.a | is given more than once
            {"title":"t","created_by":1}                      | created_by | is not a field of this request (its fields are: createdBy, pinned, tags, title)
            """)
    void a_field_at_fault_is_named_with_what_it_must_be(String json, String field, String message) {
        Map<String, String> error = onlyError(problemFor(json));
        assertThat(error).containsEntry("field", field).containsEntry("message", message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            [1]                         | The request body must be a JSON object, not an array
            "text"                      | The request body must be a JSON object, not a string
            42                          | The request body must be a JSON object, not a whole number
            {"title":"t"} {"title":"u"} | The request body must hold one JSON object and nothing after it (at line 1, column 15)
            {"title":                   | The request body is not valid JSON (at line 1, column 10)
            {title:"t"}                 | The request body is not valid JSON (at line 1, column 2)
            """)
    void a_body_of_another_shape_is_a_malformed_request(String json, String detail) {
        ProblemDetail problem = problemFor(json);
        assertThat(problem.getType()).as(problem.toString()).isEqualTo(ProblemType.MALFORMED_REQUEST.uri());
        assertThat(problem.getDetail()).isEqualTo(detail);
    }

    /** Each limit of the parser is named with its value, not "a long number or deep nesting". */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a whole number of 1001 digits  | The request body holds a number of more than 1000 digits
            a fraction of 2001 digits      | The request body holds a number of more than 1000 digits
            arrays nested 600 deep         | The request body nests arrays and objects more than 500 deep
            objects nested 501 deep        | The request body nests arrays and objects more than 500 deep
            a field name of 50001 letters  | The request body holds a field name of more than 50000 characters
            """)
    void a_body_past_a_limit_of_the_parser_says_which_limit_and_its_value(String what, String detail) {
        String json = switch (what) {
            case "a whole number of 1001 digits" -> "{\"createdBy\":" + "7".repeat(1001) + "}";
            case "a fraction of 2001 digits" -> "{\"createdBy\":1." + "0".repeat(2000) + "}";
            case "arrays nested 600 deep" -> "{\"a\":" + "[".repeat(600) + "]".repeat(600) + "}";
            case "objects nested 501 deep" -> "{\"a\":".repeat(501) + "1" + "}".repeat(501);
            default -> "{\"" + "n".repeat(50_001) + "\":1}";
        };
        // Read whole, as the application first reads every body (BodyFieldPrecheck): binding may stop earlier.
        JacksonException failure = catchThrowableOfType(JacksonException.class, () -> STRICT.readTree(json));
        ProblemDetail problem = JsonInputProblems.problem(failure);
        assertThat(problem.getType()).isEqualTo(ProblemType.MALFORMED_REQUEST.uri());
        assertThat(problem.getDetail()).startsWith(detail);
    }

    @Test
    void a_message_of_another_limit_is_still_told_as_a_limit() {
        assertThat(JsonInputProblems.pastLimit("Token count (11) exceeds the maximum allowed (10, from"
                + " `StreamReadConstraints.getMaxTokenCount()`)")).isEqualTo("The request body holds more than 10 tokens"
                + " (names, values and brackets)");
        assertThat(JsonInputProblems.pastLimit("something else")).contains("past one of the limits");
    }

    @Test
    void an_error_has_its_field_then_its_message() {
        assertThat(onlyError(problemFor("{\"title\":5}")).keySet()).containsExactly("field", "message");
    }

    @Test
    void a_long_unknown_field_name_is_quoted_cut_short() {
        String name = "x".repeat(5_000);
        ProblemDetail problem = problemFor("{\"" + name + "\":1}");
        String quoted = "x".repeat(60) + "...";
        assertThat(onlyError(problem)).containsEntry("field", quoted);
        assertThat(problem.getDetail()).startsWith("Invalid input: " + quoted + " is not a field").hasSizeLessThan(200);
    }

    @Test
    void no_detail_names_a_java_class_or_jackson() {
        for (String json : List.of("[1]", "{\"title\":5}", "{\"createdBy\":\"x\"}", "{\"x\":1}", "{", "{\"createdBy\":1e40}")) {
            assertThat(problemFor(json).getDetail()).doesNotContain("forum.", "Jackson", "jackson", "JsonToken", "`");
        }
    }

    @Test
    void a_missing_body_says_so() {
        assertThat(JsonInputProblems.problem(null).getDetail()).isEqualTo("The request body is missing: send a JSON object");
    }
}

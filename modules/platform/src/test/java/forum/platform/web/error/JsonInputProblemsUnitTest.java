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

    @Test
    void an_error_has_its_field_then_its_message() {
        assertThat(onlyError(problemFor("{\"title\":5}")).keySet()).containsExactly("field", "message");
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

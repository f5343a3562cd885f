package forum.platform.web.problem;

import static org.assertj.core.api.Assertions.assertThat;

import forum.platform.FieldViolation;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/** Every item of {@code errors} has {@code field}, then {@code message}, whichever layer writes the problem. */
class ProblemErrorsUnitTest {

    /** The application's mapper as Spring Boot builds it, with the problem's member order. */
    private static final JsonMapper SPRING_MVC = JsonMapper.builder()
            .addModule(new ProblemMemberOrder().problemDetailMembersInOrder()).build();

    private static ProblemDetail problem() {
        ProblemDetail problem = ProblemType.VALIDATION.problem("Invalid input");
        ProblemErrors.set(problem, List.of(new FieldViolation("title", "must not be blank"),
                new FieldViolation("createdBy", "is required")));
        return problem;
    }

    @Test
    void the_filters_and_the_error_report_write_field_then_message() {
        assertThat(ProblemResponses.toJson(problem())).endsWith("\"errors\":[{\"field\":\"title\",\"message\":\"must not be"
                + " blank\"},{\"field\":\"createdBy\",\"message\":\"is required\"}]}");
        assertThat(ProblemResponses.toAsciiJson(problem())).contains("{\"field\":\"title\",\"message\":");
    }

    @Test
    void spring_mvc_writes_field_then_message() {
        assertThat(SPRING_MVC.writeValueAsString(problem())).endsWith("\"errors\":[{\"field\":\"title\",\"message\":\"must"
                + " not be blank\"},{\"field\":\"createdBy\",\"message\":\"is required\"}]}");
    }

    @Test
    void at_most_ten_are_listed() {
        List<FieldViolation> many = IntStream.range(0, 25).mapToObj(i -> new FieldViolation("p" + i, "is not taken")).toList();
        assertThat(ProblemErrors.of(many)).hasSize(10).first().isEqualTo(java.util.Map.of("field", "p0", "message", "is not taken"));
    }
}

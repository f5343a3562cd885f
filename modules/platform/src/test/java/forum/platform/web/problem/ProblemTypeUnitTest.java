package forum.platform.web.problem;

import static org.assertj.core.api.Assertions.assertThat;

import forum.platform.ConflictException;
import forum.platform.CredentialsRejectedException;
import forum.platform.ForbiddenException;
import forum.platform.RateLimitedException;
import forum.platform.ServerBusyException;
import forum.platform.ReferenceNotFoundException;
import forum.platform.ResourceNotFoundException;
import forum.platform.ValidationException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatusCode;

class ProblemTypeUnitTest {

    @Test
    void the_domain_outcomes_types_are_in_the_catalogue() {
        assertThat(ValidationException.TYPE).isEqualTo(ProblemType.VALIDATION.urn());
        assertThat(ResourceNotFoundException.TYPE).isEqualTo(ProblemType.NOT_FOUND.urn());
        assertThat(ConflictException.TYPE).isEqualTo(ProblemType.CONFLICT.urn());
        assertThat(ReferenceNotFoundException.TYPE).isEqualTo(ProblemType.REFERENCE_NOT_FOUND.urn());
        assertThat(ForbiddenException.TYPE).isEqualTo(ProblemType.FORBIDDEN.urn());
        assertThat(CredentialsRejectedException.TYPE).isEqualTo(ProblemType.LOGIN_FAILED.urn());
        assertThat(RateLimitedException.TYPE).isEqualTo(ProblemType.RATE_LIMITED.urn());
        assertThat(ServerBusyException.TYPE).isEqualTo(ProblemType.BUSY.urn());
    }

    @Test
    void every_type_is_a_urn_of_ours_and_unique() {
        assertThat(Arrays.stream(ProblemType.values()).map(ProblemType::urn))
                .allMatch(urn -> urn.matches("urn:forum:problem:[a-z]+(-[a-z]+)*"))
                .doesNotHaveDuplicates();
    }

    @Test
    void a_status_without_a_more_specific_rule_gets_its_default_type_and_keeps_its_status() {
        assertThat(ProblemType.forStatus(HttpStatusCode.valueOf(400))).isEqualTo(ProblemType.BAD_REQUEST);
        assertThat(ProblemType.forStatus(HttpStatusCode.valueOf(404))).isEqualTo(ProblemType.NO_ROUTE);
        assertThat(ProblemType.forStatus(HttpStatusCode.valueOf(405))).isEqualTo(ProblemType.METHOD_NOT_ALLOWED);
        assertThat(ProblemType.forStatus(HttpStatusCode.valueOf(431))).isEqualTo(ProblemType.REQUEST_HEADER_FIELDS_TOO_LARGE);
        assertThat(ProblemType.forStatus(HttpStatusCode.valueOf(417))).isEqualTo(ProblemType.EXPECTATION_FAILED);
        assertThat(ProblemType.forStatus(HttpStatusCode.valueOf(503))).isEqualTo(ProblemType.UNAVAILABLE);
        assertThat(ProblemType.forStatus(HttpStatusCode.valueOf(418))).isEqualTo(ProblemType.BAD_REQUEST);
        assertThat(ProblemType.forStatus(HttpStatusCode.valueOf(507))).isEqualTo(ProblemType.INTERNAL);
        var teapot = ProblemType.forStatus(HttpStatusCode.valueOf(418), "short and stout");
        assertThat(teapot.getStatus()).isEqualTo(418);
        assertThat(teapot.getType()).isEqualTo(ProblemType.BAD_REQUEST.uri());
    }

    @Test
    void a_problem_written_outside_spring_mvc_has_the_same_members() {
        var problem = ProblemType.CONTENT_TOO_LARGE.problem("too \"big\"");
        problem.setProperty("limit", 10);
        assertThat(ProblemResponses.toJson(problem)).isEqualTo(
                "{\"type\":\"urn:forum:problem:content-too-large\",\"title\":\"Content Too Large\",\"status\":413,"
                        + "\"detail\":\"too \\\"big\\\"\",\"limit\":10}");
    }
}

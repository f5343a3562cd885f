package forum.platform.web.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatusCode;

/** The problems of Tomcat's own refusals: each says what is wrong in the request. */
class ProblemErrorReportValveUnitTest {

    @Test
    void a_method_tomcat_refuses_gets_the_same_501_as_any_unknown_method() {
        var problem = ProblemErrorReportValve.problem(HttpStatusCode.valueOf(501), "/api/users", "CONNECT");
        assertThat(problem.getType().toString()).isEqualTo("urn:forum:problem:not-implemented");
        assertThat(problem.getDetail()).contains("does not implement the method CONNECT");
    }

    @Test
    void an_unknown_transfer_coding_is_named_as_such() {
        var problem = ProblemErrorReportValve.problem(HttpStatusCode.valueOf(501), "/api/users", "POST");
        assertThat(problem.getDetail()).contains("Transfer-Encoding names a coding this server does not implement");
    }

    @Test
    void an_expectation_the_server_does_not_meet_is_a_417_of_its_own_type() {
        var problem = ProblemErrorReportValve.problem(HttpStatusCode.valueOf(417), "/api/users", "GET");
        assertThat(problem.getType().toString()).isEqualTo("urn:forum:problem:expectation-failed");
        assertThat(problem.getStatus()).isEqualTo(417);
        assertThat(problem.getDetail()).contains("100-continue");
    }
}

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

    /** Tomcat refuses a canonical path whose escapes do not decode: the detail says which, not "outside ASCII". */
    @Test
    void a_path_tomcat_cannot_decode_is_named_as_such() {
        var notUtf8 = ProblemErrorReportValve.problem(HttpStatusCode.valueOf(400), "/api/users/%FF", "GET");
        assertThat(notUtf8.getType().toString()).isEqualTo("urn:forum:problem:bad-request");
        assertThat(notUtf8.getDetail()).contains("percent-encodings decode to bytes that are not UTF-8").doesNotContain("ASCII");
        assertThat(ProblemErrorReportValve.problem(HttpStatusCode.valueOf(400), "/api/users/%C3", "GET").getDetail())
                .contains("not UTF-8");
        assertThat(ProblemErrorReportValve.problem(HttpStatusCode.valueOf(400), "/api/users/1%00", "GET").getDetail())
                .contains("'%00', an encoded NUL character");
        assertThat(ProblemErrorReportValve.undecodablePath("/api/users/caf%C3%A9%20x")).isEmpty();
        assertThat(ProblemErrorReportValve.problem(HttpStatusCode.valueOf(400), "/api/users/a b", "GET").getDetail())
                .contains("outside ASCII");
    }
}

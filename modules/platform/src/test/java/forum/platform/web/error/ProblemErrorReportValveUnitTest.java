package forum.platform.web.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatusCode;

/** The problems of Tomcat's own refusals: each says what is wrong in the request. */
class ProblemErrorReportValveUnitTest {

    @Test
    void a_method_tomcat_refuses_gets_the_same_501_as_any_unknown_method() {
        var problem = ProblemErrorReportValve.problem(HttpStatusCode.valueOf(501), "/api/users", "CONNECT", "HTTP/1.1");
        assertThat(problem.getType().toString()).isEqualTo("urn:forum:problem:not-implemented");
        assertThat(problem.getDetail()).contains("does not implement the method CONNECT");
    }

    @Test
    void an_unknown_transfer_coding_is_named_as_such() {
        var problem = ProblemErrorReportValve.problem(HttpStatusCode.valueOf(501), "/api/users", "POST", "HTTP/1.1");
        assertThat(problem.getDetail()).contains("Transfer-Encoding names a coding this server does not implement");
    }

    @Test
    void an_expectation_the_server_does_not_meet_is_a_417_of_its_own_type() {
        var problem = ProblemErrorReportValve.problem(HttpStatusCode.valueOf(417), "/api/users", "GET", "HTTP/1.1");
        assertThat(problem.getType().toString()).isEqualTo("urn:forum:problem:expectation-failed");
        assertThat(problem.getStatus()).isEqualTo(417);
        assertThat(problem.getDetail()).contains("100-continue");
    }

    /** Tomcat refuses a canonical path whose escapes do not decode: the detail says which, not "outside ASCII". */
    @Test
    void a_path_tomcat_cannot_decode_is_named_as_such() {
        var notUtf8 = ProblemErrorReportValve.problem(HttpStatusCode.valueOf(400), "/api/users/%FF", "GET", "HTTP/1.1");
        assertThat(notUtf8.getType().toString()).isEqualTo("urn:forum:problem:bad-request");
        assertThat(notUtf8.getDetail()).contains("percent-encodings decode to bytes that are not UTF-8").doesNotContain("ASCII");
        assertThat(ProblemErrorReportValve.problem(HttpStatusCode.valueOf(400), "/api/users/%C3", "GET", "HTTP/1.1").getDetail())
                .contains("not UTF-8");
        assertThat(ProblemErrorReportValve.problem(HttpStatusCode.valueOf(400), "/api/users/1%00", "GET", "HTTP/1.1").getDetail())
                .contains("'%00', an encoded NUL character");
        assertThat(ProblemErrorReportValve.undecodablePath("/api/users/caf%C3%A9%20x")).isEmpty();
        assertThat(ProblemErrorReportValve.problem(HttpStatusCode.valueOf(400), "/api/users/a", "GET", "HTTP/1.1").getDetail())
                .contains("could not read this HTTP request");
    }

    @Test
    void a_target_of_an_asterisk_is_only_for_options() {
        var problem = ProblemErrorReportValve.problem(HttpStatusCode.valueOf(400), "*", "GET", "HTTP/1.1");
        assertThat(problem.getType().toString()).isEqualTo("urn:forum:problem:bad-request");
        assertThat(problem.getDetail()).contains("asterisk-form target (*) is only for OPTIONS", "send GET with a path")
                .doesNotContain("Send it as");
        assertThat(ProblemErrorReportValve.instance("*")).hasValue(URI.create("*"));
    }

    @Test
    void a_version_the_server_does_not_take_is_named_with_the_ones_it_takes() {
        var problem = ProblemErrorReportValve.problem(HttpStatusCode.valueOf(505), "/api/users", "GET", "HTTP/2.7");
        assertThat(problem.getDetail()).isEqualTo("HTTP/2.7 is not a version this server takes: it takes HTTP/1.1 and"
                + " HTTP/1.0; send HTTP/1.1");
    }

    @Test
    void no_route_says_the_path_as_every_layer_does() {
        assertThat(ProblemErrorReportValve.problem(HttpStatusCode.valueOf(404), "/actuator/health/liveness/x", "GET", "HTTP/1.1")
                .getDetail()).isEqualTo("No route has the path /actuator/health/liveness/x");
    }

    /** The path as sent, as a URI: what a URI may not hold is percent-encoded, escapes that are well-formed are kept. */
    @Test
    void the_instance_is_the_path_even_where_it_is_not_a_uri() {
        assertThat(ProblemErrorReportValve.instance("/api/users/%ZZ")).hasValue(URI.create("/api/users/%25ZZ"));
        assertThat(ProblemErrorReportValve.instance("/api/users/%")).hasValue(URI.create("/api/users/%25"));
        assertThat(ProblemErrorReportValve.instance("/api/users/%u0031")).hasValue(URI.create("/api/users/%25u0031"));
        assertThat(ProblemErrorReportValve.instance("/api/users/[1]|\u00c3\u00a9")).hasValue(URI.create("/api/users/%5B1%5D%7C%C3%A9"));
        assertThat(ProblemErrorReportValve.instance("/api/users/%FF;a=b@c:d")).hasValue(URI.create("/api/users/%FF;a=b@c:d"));
        assertThat(ProblemErrorReportValve.instance(null)).isEmpty();
    }
}

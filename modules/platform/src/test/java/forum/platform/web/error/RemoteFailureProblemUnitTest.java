package forum.platform.web.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import dev.forum.extraction.runtime.remote.RemoteModuleException;
import dev.forum.extraction.runtime.remote.RemoteModuleTimeoutException;
import dev.forum.extraction.runtime.remote.RemoteModuleUnavailableException;
import forum.platform.web.RouteMethods;
import java.net.SocketException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * A remote module's failure as the forum answers it: its problem type and status, the module's name, and the
 * runtime's fixed detail; the remote route, its status and the HTTP client's cause stay in the log.
 */
class RemoteFailureProblemUnitTest {

    @SuppressWarnings("unchecked")
    private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice(mock(ObjectProvider.class),
            new RouteMethods(mock(ObjectProvider.class), mock(ApplicationContext.class)));

    @Test
    void a_bad_gateway_names_the_module_and_none_of_the_remote_routes_internals() {
        ResponseEntity<Object> answer = advice.remoteFailure(new RemoteModuleException("users",
                "The users module answered DELETE /api/users/3 with 500: its answer broke off", new SocketException(
                        "Connection reset by peer")));

        ProblemDetail problem = problem(answer, 502);
        assertThat(problem.getType().toString()).isEqualTo("urn:forum:problem:bad-gateway");
        assertThat(problem.getDetail()).isEqualTo("The users module failed");
        assertThat(problem.getProperties()).containsEntry("module", "users");
    }

    @Test
    void an_unavailable_module_keeps_its_retry_after_and_hides_why_it_is_unavailable() {
        ResponseEntity<Object> answer = advice.remoteFailure(new RemoteModuleUnavailableException("users",
                "its circuit breaker is open after 5 failures at http://users.internal:8080", Duration.ofSeconds(30),
                null));

        ProblemDetail problem = problem(answer, 503);
        assertThat(problem.getDetail()).isEqualTo("The users module is unavailable")
                .doesNotContain("users.internal");
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("30");
    }

    @Test
    void a_timed_out_write_says_its_outcome_is_unknown() {
        ResponseEntity<Object> answer = advice.remoteFailure(new RemoteModuleTimeoutException("users", HttpMethod.POST,
                new java.net.SocketTimeoutException("Read timed out")));

        assertThat(problem(answer, 504).getDetail()).contains("The users module did not answer in time")
                .contains("outcome is unknown").doesNotContain("Read timed out");
    }

    private static ProblemDetail problem(ResponseEntity<Object> answer, int status) {
        assertThat(answer.getStatusCode().value()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        return (ProblemDetail) answer.getBody();
    }
}

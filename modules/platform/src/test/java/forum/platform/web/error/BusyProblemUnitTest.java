package forum.platform.web.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import forum.platform.ServerBusyException;
import forum.platform.web.RouteMethods;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** A process without room for the work (every password hashing slot taken): 503 busy, with Retry-After in seconds. */
class BusyProblemUnitTest {

    @SuppressWarnings("unchecked")
    private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice(mock(ObjectProvider.class),
            new RouteMethods(mock(ObjectProvider.class), mock(ApplicationContext.class)));

    @Test
    void busy_is_a_503_problem_with_retry_after_rounded_up_to_seconds() {
        ResponseEntity<Object> answer = advice.busy(new ServerBusyException("Every slot is taken", Duration.ofMillis(1500)));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
        ProblemDetail problem = (ProblemDetail) answer.getBody();
        assertThat(problem.getType().toString()).isEqualTo("urn:forum:problem:busy");
        assertThat(problem.getDetail()).isEqualTo("Every slot is taken");
    }
}

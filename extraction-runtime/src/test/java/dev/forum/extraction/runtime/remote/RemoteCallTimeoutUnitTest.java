package dev.forum.extraction.runtime.remote;

import static dev.forum.extraction.runtime.remote.RemoteCallFixture.READ_TIMEOUT;
import static dev.forum.extraction.runtime.remote.RemoteCallFixture.answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpMethod;

/**
 * A module that answers too late: in, a route of the loopback server that sleeps past the client's read timeout
 * ({@link RemoteCallFixture#READ_TIMEOUT}) on the first or on every request, called with a read or a write; out, the
 * second attempt's answer for a read, or a {@link RemoteModuleTimeoutException} (cause {@link SocketTimeoutException}),
 * with the time the call took, the requests the server saw and what the breaker counted. A read is tried twice, a
 * write once (it may have been done), and neither waits for the server. Runs against {@link RemoteCallFixture}.
 */
@Timeout(value = 5, unit = TimeUnit.SECONDS)
class RemoteCallTimeoutUnitTest {

    @RegisterExtension
    final RemoteCallFixture remote = new RemoteCallFixture();

    @Test
    void aReadWithoutAnAnswerInTimeIsTriedOnceMoreAndTheSecondAnswerCounts() {
        // The first instance is cold (answers after 3 s), the next answers at once: what the balancer's rotation gives.
        remote.server().route("/slow-once", (request, hit) -> {
            if (hit == 1) {
                Thread.sleep(3_000);
            }
            return answer(200, "answer " + hit);
        });

        long started = System.nanoTime();
        String body = remote.client().get().uri("/slow-once").retrieve().body(String.class);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(body).isEqualTo("answer 2");
        assertThat(remote.server().hits("/slow-once")).isEqualTo(2);
        assertThat(took).isGreaterThanOrEqualTo(READ_TIMEOUT.minusMillis(50)).isLessThan(Duration.ofMillis(1_500));
        assertThat(remote.circuitBreaker().getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
        assertThat(remote.circuitBreaker().getMetrics().getNumberOfSuccessfulCalls()).isEqualTo(1);
    }

    @Test
    void aReadThatKeepsTimingOutFailsAfterTwoAttemptsWithinTheirTimeoutsAndTheWait() {
        remote.server().route("/slow", (request, hit) -> {
            Thread.sleep(3_000);
            return answer(200, "too late");
        });

        long started = System.nanoTime();
        Throwable thrown = catchThrowable(() -> remote.client().get().uri("/slow").retrieve().body(String.class));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(thrown).isExactlyInstanceOf(RemoteModuleTimeoutException.class)
                .hasMessage("The users module did not answer in time")
                .hasCauseInstanceOf(SocketTimeoutException.class);
        assertThat(((RemoteModuleTimeoutException) thrown).unanswered()).isTrue();
        assertThat(remote.server().hits("/slow")).isEqualTo(2);
        // Bounded: two read timeouts and the retry's wait, never the server's 3 s.
        assertThat(took).isGreaterThanOrEqualTo(READ_TIMEOUT.multipliedBy(2).minusMillis(50))
                .isLessThan(READ_TIMEOUT.multipliedBy(2).plusMillis(50 + 700));
        assertThat(remote.circuitBreaker().getMetrics().getNumberOfFailedCalls()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE"})
    void aWriteWithoutAnAnswerInTimeIsNotRetried(String method) {
        // It may have been done: a second one could create the post twice.
        remote.server().route("/slow-write", (request, hit) -> {
            Thread.sleep(3_000);
            return answer(200, "done");
        });

        long started = System.nanoTime();
        Throwable thrown = catchThrowable(() -> remote.client().method(HttpMethod.valueOf(method)).uri("/slow-write")
                .body("{\"name\":\"x\"}").retrieve().toBodilessEntity());
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(thrown).isExactlyInstanceOf(RemoteModuleTimeoutException.class)
                .hasCauseInstanceOf(SocketTimeoutException.class);
        assertThat(remote.server().hits("/slow-write")).isEqualTo(1);
        assertThat(took).isLessThan(READ_TIMEOUT.multipliedBy(2));
    }
}

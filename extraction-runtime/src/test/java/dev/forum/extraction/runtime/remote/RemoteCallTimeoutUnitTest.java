package dev.forum.extraction.runtime.remote;

import static dev.forum.extraction.runtime.remote.RemoteCallFixture.READ_TIMEOUT;
import static dev.forum.extraction.runtime.remote.RemoteCallFixture.answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

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

    /**
     * An application that sets its retry to three attempts 500 ms apart, whatever failed (Resilience4j's own defaults,
     * which the run time's default replaces where nothing is set): a read that keeps timing out then fails after three
     * read timeouts and two waits; with the library's 5 s, 16 s (the worst case the READMEs and RetryableRemoteRead
     * state for such settings).
     */
    @Test
    void withThreeAttempts500MsApartAReadThatKeepsTimingOutTakesThreeTimeoutsAndTwoWaits() throws Exception {
        remote.server().route("/silent", (request, hit) -> {
            Thread.sleep(3_000);
            return answer(200, "too late");
        });
        try (CloseableHttpClient http = RemoteModuleClients.pooledHttpClient(Duration.ofMillis(250), READ_TIMEOUT)) {
            RestClient client = RestClient.builder().baseUrl(remote.server().baseUrl())
                    .requestFactory(new HttpComponentsClientHttpRequestFactory(http))
                    .requestInterceptor(new RemoteCallInterceptor("users", CircuitBreaker.ofDefaults("users"),
                            Retry.ofDefaults("users"), List.of()))
                    .build();

            long started = System.nanoTime();
            Throwable thrown = catchThrowable(() -> client.get().uri("/silent").retrieve().body(String.class));
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(thrown).isExactlyInstanceOf(RemoteModuleTimeoutException.class);
            assertThat(remote.server().hits("/silent")).isEqualTo(3);
            Duration worstCase = READ_TIMEOUT.multipliedBy(3).plus(Duration.ofMillis(500).multipliedBy(2));
            assertThat(took).isGreaterThanOrEqualTo(worstCase.minusMillis(50)).isLessThan(worstCase.plusMillis(700));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE"})
    void aWriteWithoutAnAnswerInTimeIsNotRetried(String method) {
        // It may have been done: a second one could create the post twice.
        Throwable thrown = slowWrite(method);

        assertThat(thrown).isExactlyInstanceOf(RemoteModuleTimeoutException.class)
                .hasCauseInstanceOf(SocketTimeoutException.class);
        assertThat(remote.server().hits("/slow-write")).isEqualTo(1);
    }

    /** RFC 9110 section 9.2.2: POST and PATCH are not idempotent; the module may have done it, and a retry may do it again. */
    @ParameterizedTest
    @ValueSource(strings = {"POST", "PATCH"})
    void aNonIdempotentWriteWithoutAnAnswerSaysItsOutcomeIsUnknown(String method) {
        RemoteModuleTimeoutException thrown = (RemoteModuleTimeoutException) slowWrite(method);

        String detail = "The users module did not answer in time; the outcome is unknown: the module may have carried out"
                + " the " + method + " request it was sent, and a retry may carry it out again";
        assertThat(thrown).hasMessage(detail);
        assertThat(thrown.outcomeUnknown()).isTrue();
        assertThat(thrown.method()).isEqualTo(HttpMethod.valueOf(method));
        assertThat(thrown.getStatusCode().value()).isEqualTo(504);
        assertThat(thrown.getBody().getDetail()).isEqualTo(detail);
    }

    /** PUT and DELETE are idempotent: doing them again changes nothing more, so the wording stays as for a read. */
    @ParameterizedTest
    @ValueSource(strings = {"PUT", "DELETE"})
    void anIdempotentWriteWithoutAnAnswerKeepsThePlainWording(String method) {
        RemoteModuleTimeoutException thrown = (RemoteModuleTimeoutException) slowWrite(method);

        assertThat(thrown).hasMessage("The users module did not answer in time");
        assertThat(thrown.outcomeUnknown()).isFalse();
        assertThat(thrown.getBody().getDetail()).isEqualTo("The users module did not answer in time");
    }

    /** The constructor of earlier versions, without the method: a method not known, so the outcome is unknown. */
    @Test
    void aTimeoutWithoutAMethodIsTakenAsNotIdempotent() {
        SocketTimeoutException slow = new SocketTimeoutException("Read timed out");

        RemoteModuleTimeoutException thrown = new RemoteModuleTimeoutException("users", slow);

        assertThat(thrown.method()).isNull();
        assertThat(thrown.outcomeUnknown()).isTrue();
        assertThat(thrown.unanswered()).isTrue();
        assertThat(thrown).hasCause(slow).hasMessage("The users module did not answer in time; the outcome is unknown: the"
                + " module may have carried out the request it was sent, and a retry may carry it out again");
        assertThat(thrown.getStatusCode().value()).isEqualTo(504);
        assertThat(thrown.getBody().getDetail()).isEqualTo(thrown.getMessage());
    }

    /** A 504 answer to a POST: what stood in front of the module gave up waiting; the module may still have done it. */
    @Test
    void aGatewayTimeoutAnswerToAPostSaysItsOutcomeIsUnknown() {
        remote.server().route("/late-write", (request, hit) -> answer(504, "gateway timeout"));

        Throwable thrown = catchThrowable(() -> remote.client().post().uri("/late-write").body("{}").retrieve()
                .toBodilessEntity());

        assertThat(thrown).isExactlyInstanceOf(RemoteModuleTimeoutException.class)
                .hasMessageContaining("the outcome is unknown: the module may have carried out the POST request");
        assertThat(remote.server().hits("/late-write")).isEqualTo(1);
    }

    /** Sends {@code method} to a route that answers after 3 s; returns what the call threw, within the read timeout. */
    private Throwable slowWrite(String method) {
        remote.server().route("/slow-write", (request, hit) -> {
            Thread.sleep(3_000);
            return answer(200, "done");
        });

        long started = System.nanoTime();
        Throwable thrown = catchThrowable(() -> remote.client().method(HttpMethod.valueOf(method)).uri("/slow-write")
                .body("{\"name\":\"x\"}").retrieve().toBodilessEntity());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(READ_TIMEOUT.multipliedBy(2));
        return thrown;
    }
}

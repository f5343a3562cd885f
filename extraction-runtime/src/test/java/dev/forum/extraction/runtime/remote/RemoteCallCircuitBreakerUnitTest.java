package dev.forum.extraction.runtime.remote;

import static dev.forum.extraction.runtime.remote.RemoteCallFixture.BREAKER_WINDOW;
import static dev.forum.extraction.runtime.remote.RemoteCallFixture.answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.client.RestClient;

/**
 * The circuit breaker around a module's calls: in, a run of failing (503) or answered calls, as many as the breaker's
 * window ({@link RemoteCallFixture#BREAKER_WINDOW}) or more; out, the breaker's state, and once it is open a
 * {@link RemoteModuleUnavailableException} (cause {@link CallNotPermittedException}) for every call, read or write,
 * without a request reaching the module. Runs against {@link RemoteCallFixture}.
 */
@Timeout(value = 5, unit = TimeUnit.SECONDS)
class RemoteCallCircuitBreakerUnitTest {

    @RegisterExtension
    final RemoteCallFixture remote = new RemoteCallFixture();

    @Test
    void repeatedFailuresOpenTheCircuitAndThenNoCallReachesTheModule() {
        remote.server().route("/write", (request, hit) -> answer(503, ""));
        remote.server().route("/ok", (request, hit) -> answer(200, "ok"));
        RestClient client = remote.client();

        for (int i = 0; i < BREAKER_WINDOW; i++) {
            assertThat(catchThrowable(() -> client.post().uri("/write").body("x").retrieve().toBodilessEntity()))
                    .isExactlyInstanceOf(RemoteModuleUnavailableException.class);
        }
        assertThat(remote.server().hits("/write")).isEqualTo(BREAKER_WINDOW);
        assertThat(remote.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);

        Throwable write = catchThrowable(() -> client.post().uri("/write").body("x").retrieve().toBodilessEntity());
        Throwable read = catchThrowable(() -> client.get().uri("/ok").retrieve().body(String.class));

        assertThat(write).isExactlyInstanceOf(RemoteModuleUnavailableException.class)
                .hasMessage("The users module is unavailable: its circuit breaker is open after repeated failures")
                .hasCauseInstanceOf(CallNotPermittedException.class);
        assertThat(read).isExactlyInstanceOf(RemoteModuleUnavailableException.class)
                .hasMessageContaining("circuit breaker is open");
        assertThat(remote.server().hits("/write")).isEqualTo(BREAKER_WINDOW);
        assertThat(remote.server().hits("/ok")).isZero();
    }

    /** An open breaker refuses at once: the refused read is not retried (the retry would only be refused again). */
    @Test
    void aReadRefusedByTheOpenBreakerIsNotRetried() {
        remote.circuitBreaker().transitionToOpenState();
        remote.server().route("/ok", (request, hit) -> answer(200, "ok"));

        Throwable read = catchThrowable(() -> remote.client().get().uri("/ok").retrieve().body(String.class));

        assertThat(read).isExactlyInstanceOf(RemoteModuleUnavailableException.class).hasCauseInstanceOf(CallNotPermittedException.class);
        assertThat(remote.circuitBreaker().getMetrics().getNumberOfNotPermittedCalls()).isEqualTo(1);
        assertThat(remote.retry().getMetrics().getNumberOfFailedCallsWithoutRetryAttempt()).isEqualTo(1);
        assertThat(remote.server().hits("/ok")).isZero();
    }

    /** A 4xx answer is the module's answer about the request, not a failure of the module: the breaker counts a success. */
    @Test
    void aDomain404CountsAsASuccessOfTheBreakerAndIsNotRetried() {
        remote.server().route("/missing", (request, hit) -> answer(404, "no such user"));
        RestClient client = remote.client();

        for (int i = 0; i < BREAKER_WINDOW * 2; i++) {
            assertThat(catchThrowable(() -> client.get().uri("/missing").retrieve().body(String.class))).isNotNull();
        }

        assertThat(remote.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(remote.circuitBreaker().getMetrics().getNumberOfFailedCalls()).isZero();
        assertThat(remote.server().hits("/missing")).isEqualTo(BREAKER_WINDOW * 2);
    }

    @Test
    void successfulCallsKeepTheCircuitClosed() {
        remote.server().route("/ok", (request, hit) -> answer(200, "ok"));
        RestClient client = remote.client();

        for (int i = 0; i < BREAKER_WINDOW * 2; i++) {
            assertThat(client.get().uri("/ok").retrieve().body(String.class)).isEqualTo("ok");
        }

        assertThat(remote.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(remote.server().hits("/ok")).isEqualTo(BREAKER_WINDOW * 2);
    }
}

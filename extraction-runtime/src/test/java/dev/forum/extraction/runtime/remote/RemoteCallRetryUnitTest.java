package dev.forum.extraction.runtime.remote;

import static dev.forum.extraction.runtime.remote.RemoteCallFixture.answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpMethod;

/**
 * What {@link RemoteCallInterceptor} makes of a module's error answers, and which calls it tries again: in, a status
 * the loopback server answers (502, 503, 500, 504) to a read (GET, HEAD) or a write (POST, PUT, PATCH, DELETE); out,
 * the body of the call that succeeded or the {@link RemoteModuleException} thrown, the number of requests that reached
 * the server and what the breaker counted. A read that got 502 or 503 is tried once more; a write, a 500 and a 504 are
 * not, whether the read is a GET or a HEAD. Runs against {@link RemoteCallFixture}, with the run time's default retry.
 */
@Timeout(value = 5, unit = TimeUnit.SECONDS)
class RemoteCallRetryUnitTest {

    @RegisterExtension
    final RemoteCallFixture remote = new RemoteCallFixture();

    @Test
    void aReadThatAnswers503OnceIsRetriedAndSucceeds() {
        remote.server().route("/flaky", (request, hit) -> answer(hit == 1 ? 503 : 200, hit == 1 ? "" : "ok"));

        String body = remote.client().get().uri("/flaky").retrieve().body(String.class);

        assertThat(body).isEqualTo("ok");
        assertThat(remote.server().hits("/flaky")).isEqualTo(2);
        assertThat(remote.circuitBreaker().getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
        assertThat(remote.circuitBreaker().getMetrics().getNumberOfSuccessfulCalls()).isEqualTo(1);
    }

    @Test
    void aHeadThatAnswers503OnceIsRetriedToo() {
        remote.server().route("/flaky", (request, hit) -> answer(hit == 1 ? 503 : 200, ""));

        int status = remote.client().head().uri("/flaky").exchange((request, response) -> response.getStatusCode().value());

        assertThat(status).isEqualTo(200);
        assertThat(remote.server().hits("/flaky")).isEqualTo(2);
    }

    @Test
    void aReadThatKeepsAnswering503IsTriedTwiceThenUnavailable() {
        remote.server().route("/down", (request, hit) -> answer(503, "maintenance"));

        Throwable thrown = catchThrowable(() -> remote.client().get().uri("/down").retrieve().body(String.class));

        assertThat(thrown).isExactlyInstanceOf(RemoteModuleUnavailableException.class)
                .hasMessage("The users module is unavailable: it answered 503");
        assertThat(((RemoteModuleException) thrown).module()).isEqualTo("users");
        assertThat(remote.server().hits("/down")).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE"})
    void aWriteThatAnswers503IsNotRetried(String method) {
        remote.server().route("/write", (request, hit) -> answer(503, ""));

        Throwable thrown = catchThrowable(() -> remote.client().method(HttpMethod.valueOf(method)).uri("/write")
                .body("{\"name\":\"x\"}").retrieve().toBodilessEntity());

        assertThat(thrown).isExactlyInstanceOf(RemoteModuleUnavailableException.class)
                .hasMessage("The users module is unavailable: it answered 503");
        assertThat(remote.server().hits("/write")).isEqualTo(1);
    }

    @Test
    void aWriteIsSentOnceWithItsBody() {
        AtomicReference<String> received = new AtomicReference<>();
        remote.server().route("/write", (request, hit) -> {
            received.set(request.method() + " " + new String(request.body(), StandardCharsets.UTF_8));
            return answer(200, "created");
        });

        String answer = remote.client().post().uri("/write").body("{\"name\":\"x\"}").retrieve().body(String.class);

        assertThat(answer).isEqualTo("created");
        assertThat(received.get()).isEqualTo("POST {\"name\":\"x\"}");
        assertThat(remote.server().hits("/write")).isEqualTo(1);
    }

    @Test
    void aServerErrorCountsAgainstTheBreakerAndIsNotRetried() {
        remote.server().route("/broken", (request, hit) -> answer(500, "boom"));

        Throwable thrown = catchThrowable(() -> remote.client().get().uri("/broken").retrieve().body(String.class));

        assertThat(thrown).isExactlyInstanceOf(RemoteModuleException.class)
                .hasMessage("The users module answered GET /broken with 500");
        assertThat(remote.server().hits("/broken")).isEqualTo(1);
        assertThat(remote.circuitBreaker().getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
    }

    @Test
    void aBalancerWithoutAHealthyTargetIsUnavailableAndARetriedRead() {
        remote.server().route("/gateway", (request, hit) -> answer(502, "bad gateway"));

        Throwable thrown = catchThrowable(() -> remote.client().get().uri("/gateway").retrieve().body(String.class));

        assertThat(thrown).isExactlyInstanceOf(RemoteModuleUnavailableException.class);
        assertThat(remote.server().hits("/gateway")).isEqualTo(2);
    }

    /** HEAD is retried as GET is, for the same failures only: a 500 or a 504 answer to it is not retried either. */
    @ParameterizedTest
    @CsvSource({"GET, 500", "HEAD, 500", "GET, 504", "HEAD, 504"})
    void aReadAnswered500Or504IsNotRetriedWhateverItsMethod(String method, int status) {
        remote.server().route("/failing", (request, hit) -> answer(status, ""));

        Throwable thrown = catchThrowable(() -> remote.client().method(HttpMethod.valueOf(method)).uri("/failing")
                .retrieve().toBodilessEntity());

        assertThat(thrown).isExactlyInstanceOf(status == 504 ? RemoteModuleTimeoutException.class : RemoteModuleException.class);
        assertThat(remote.server().hits("/failing")).isEqualTo(1);
        assertThat(remote.retry().getMetrics().getNumberOfFailedCallsWithoutRetryAttempt()).isEqualTo(1);
    }

    @Test
    void aGatewayTimeoutAnswerIsATimeoutAndIsNotRetried() {
        // Whoever answered 504 already waited for something further on: a retry would multiply calls down the chain.
        remote.server().route("/late", (request, hit) -> answer(504, "gateway timeout"));

        Throwable thrown = catchThrowable(() -> remote.client().get().uri("/late").retrieve().body(String.class));

        assertThat(thrown).isExactlyInstanceOf(RemoteModuleTimeoutException.class);
        assertThat(((RemoteModuleTimeoutException) thrown).unanswered()).isFalse();
        assertThat(remote.server().hits("/late")).isEqualTo(1);
    }
}

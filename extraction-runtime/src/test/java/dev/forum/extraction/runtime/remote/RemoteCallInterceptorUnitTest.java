package dev.forum.extraction.runtime.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.forum.extraction.runtime.remote.LoopbackHttpServer.Response;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.MDC;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Runs the interceptor in a real {@link RestClient} against a loopback HTTP server, with Resilience4j
 * settings like the application's (2 attempts 50 ms apart for what {@link RetryableRemoteRead} retries; a count-based
 * breaker).
 */
@Timeout(value = 5, unit = TimeUnit.SECONDS)
class RemoteCallInterceptorUnitTest {

    private static final Duration READ_TIMEOUT = Duration.ofMillis(300);
    private static final int BREAKER_WINDOW = 4;
    /** What an application relays: here the request id of the log context (the forum's RequestIdRelay does this). */
    private static final RemoteCallHeaders REQUEST_ID = (module, headers) -> {
        String requestId = MDC.get("requestId");
        if (requestId != null) {
            headers.set("X-Request-Id", requestId);
        }
    };

    private LoopbackHttpServer server;
    private HttpClient httpClient;
    private CircuitBreaker circuitBreaker;
    private Retry retry;

    @BeforeEach
    void start() throws IOException {
        server = LoopbackHttpServer.start();
        httpClient = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofMillis(250))
                .build();
        circuitBreaker = CircuitBreaker.of("users", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(BREAKER_WINDOW)
                .minimumNumberOfCalls(BREAKER_WINDOW)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(30))
                .recordExceptions(RemoteModuleException.class)
                .build());
        retry = Retry.of("users", RetryConfig.custom()
                .maxAttempts(2)
                .waitDuration(Duration.ofMillis(50))
                .retryOnException(new RetryableRemoteRead())
                .build());
    }

    @AfterEach
    void stop() throws IOException {
        MDC.remove("requestId");
        server.close();
        // HttpClient has no shutdown before Java 21: its threads end with it.
    }

    private static Response answer(int status, String body) {
        return new Response(status, body);
    }

    private RestClient client(String baseUrl) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(httpClient);
        requests.setReadTimeout(READ_TIMEOUT);
        return RestClient.builder()
                .baseUrl(baseUrl)
                .requestFactory(requests)
                .requestInterceptor(new RemoteCallInterceptor("users", circuitBreaker, retry, List.of(REQUEST_ID)))
                .build();
    }

    private RestClient client() {
        return client(server.baseUrl());
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    // --- retries ---------------------------------------------------------------------------------

    @Test
    void aReadThatAnswers503OnceIsRetriedAndSucceeds() {
        server.route("/flaky", (request, hit) -> answer(hit == 1 ? 503 : 200, hit == 1 ? "" : "ok"));

        String body = client().get().uri("/flaky").retrieve().body(String.class);

        assertThat(body).isEqualTo("ok");
        assertThat(server.hits("/flaky")).isEqualTo(2);
        assertThat(circuitBreaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
        assertThat(circuitBreaker.getMetrics().getNumberOfSuccessfulCalls()).isEqualTo(1);
    }

    @Test
    void aHeadThatAnswers503OnceIsRetriedToo() {
        server.route("/flaky", (request, hit) -> answer(hit == 1 ? 503 : 200, ""));

        int status = client().head().uri("/flaky").exchange((request, response) -> response.getStatusCode().value());

        assertThat(status).isEqualTo(200);
        assertThat(server.hits("/flaky")).isEqualTo(2);
    }

    @Test
    void aReadThatKeepsAnswering503IsTriedTwiceThenUnavailable() {
        server.route("/down", (request, hit) -> answer(503, "maintenance"));

        Throwable thrown = catchThrowable(() -> client().get().uri("/down").retrieve().body(String.class));

        assertThat(thrown).isExactlyInstanceOf(RemoteModuleUnavailableException.class)
                .hasMessage("The users module is unavailable: it answered 503");
        assertThat(((RemoteModuleException) thrown).module()).isEqualTo("users");
        assertThat(server.hits("/down")).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE"})
    void aWriteThatAnswers503IsNotRetried(String method) {
        server.route("/write", (request, hit) -> answer(503, ""));

        Throwable thrown = catchThrowable(() -> client().method(HttpMethod.valueOf(method)).uri("/write")
                .body("{\"name\":\"x\"}").retrieve().toBodilessEntity());

        assertThat(thrown).isExactlyInstanceOf(RemoteModuleUnavailableException.class)
                .hasMessage("The users module is unavailable: it answered 503");
        assertThat(server.hits("/write")).isEqualTo(1);
    }

    @Test
    void aWriteIsSentOnceWithItsBody() {
        AtomicReference<String> received = new AtomicReference<>();
        server.route("/write", (request, hit) -> {
            received.set(request.method() + " " + new String(request.body(), StandardCharsets.UTF_8));
            return answer(200, "created");
        });

        String answer = client().post().uri("/write").body("{\"name\":\"x\"}").retrieve().body(String.class);

        assertThat(answer).isEqualTo("created");
        assertThat(received.get()).isEqualTo("POST {\"name\":\"x\"}");
        assertThat(server.hits("/write")).isEqualTo(1);
    }

    @Test
    void aServerErrorCountsAgainstTheBreakerAndIsNotRetried() {
        server.route("/broken", (request, hit) -> answer(500, "boom"));

        Throwable thrown = catchThrowable(() -> client().get().uri("/broken").retrieve().body(String.class));

        assertThat(thrown).isExactlyInstanceOf(RemoteModuleException.class)
                .hasMessage("The users module answered GET /broken with 500");
        assertThat(server.hits("/broken")).isEqualTo(1);
        assertThat(circuitBreaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
    }

    @Test
    void aBalancerWithoutAHealthyTargetIsUnavailableAndARetriedRead() {
        server.route("/gateway", (request, hit) -> answer(502, "bad gateway"));

        Throwable thrown = catchThrowable(() -> client().get().uri("/gateway").retrieve().body(String.class));

        assertThat(thrown).isExactlyInstanceOf(RemoteModuleUnavailableException.class);
        assertThat(server.hits("/gateway")).isEqualTo(2);
    }

    @Test
    void aGatewayTimeoutAnswerIsATimeoutAndIsNotRetried() {
        // Whoever answered 504 already waited for something further on: a retry would multiply calls down the chain.
        server.route("/late", (request, hit) -> answer(504, "gateway timeout"));

        Throwable thrown = catchThrowable(() -> client().get().uri("/late").retrieve().body(String.class));

        assertThat(thrown).isExactlyInstanceOf(RemoteModuleTimeoutException.class);
        assertThat(((RemoteModuleTimeoutException) thrown).unanswered()).isFalse();
        assertThat(server.hits("/late")).isEqualTo(1);
    }

    // --- unreachable and slow modules ------------------------------------------------------------

    @Test
    void aClosedPortIsUnavailableQuickly() throws IOException {
        RestClient client = client("http://127.0.0.1:" + closedPort());

        long started = System.nanoTime();
        Throwable thrown = catchThrowable(() -> client.get().uri("/api/users/1").retrieve().body(String.class));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(thrown).isExactlyInstanceOf(RemoteModuleUnavailableException.class)
                .hasMessage("The users module is unavailable: it refused the connection")
                .hasCauseInstanceOf(IOException.class);
        assertThat(took).isLessThan(Duration.ofSeconds(2));
        assertThat(circuitBreaker.getMetrics().getNumberOfFailedCalls())
                .as("a read that cannot connect is tried twice").isEqualTo(2);
    }

    @Test
    void aConnectionClosedBeforeTheAnswerIsUnavailableWithoutNamingTheClientsInternals() throws Exception {
        try (ServerSocket closing = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                while (!closing.isClosed()) {
                    try (var accepted = closing.accept()) {
                        accepted.getInputStream().read(); // the request has arrived; hang up without an answer
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            RestClient client = client("http://127.0.0.1:" + closing.getLocalPort());

            Throwable thrown = catchThrowable(() -> client.post().uri("/api/users").body("{}").retrieve().body(String.class));

            assertThat(thrown).isExactlyInstanceOf(RemoteModuleUnavailableException.class)
                    .hasMessage("The users module is unavailable: the connection to it failed")
                    .hasCauseInstanceOf(IOException.class);
            closing.close();
            acceptor.join(2_000);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"unknown-host", "tls"})
    void aReasonNamesTheKindOfFailureNeverItsClassOrMessage(String kind) {
        IOException failure = switch (kind) {
            case "unknown-host" -> new IOException(new java.net.UnknownHostException("users.internal.example"));
            default -> new javax.net.ssl.SSLHandshakeException("PKIX path building failed for users.internal.example:8443");
        };

        String reason = RemoteCallInterceptor.describe(failure);

        assertThat(reason).isEqualTo(kind.equals("tls") ? "the TLS handshake with it failed" : "its address does not resolve")
                .doesNotContain("Exception", "example", "8443");
    }

    @Test
    void aReadWithoutAnAnswerInTimeIsTriedOnceMoreAndTheSecondAnswerCounts() {
        // The first instance is cold (answers after 3 s), the next answers at once: what the balancer's rotation gives.
        server.route("/slow-once", (request, hit) -> {
            if (hit == 1) {
                Thread.sleep(3_000);
            }
            return answer(200, "answer " + hit);
        });

        long started = System.nanoTime();
        String body = client().get().uri("/slow-once").retrieve().body(String.class);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(body).isEqualTo("answer 2");
        assertThat(server.hits("/slow-once")).isEqualTo(2);
        assertThat(took).isGreaterThanOrEqualTo(READ_TIMEOUT.minusMillis(50)).isLessThan(Duration.ofMillis(1_500));
        assertThat(circuitBreaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
        assertThat(circuitBreaker.getMetrics().getNumberOfSuccessfulCalls()).isEqualTo(1);
    }

    @Test
    void aReadThatKeepsTimingOutFailsAfterTwoAttemptsWithinTheirTimeoutsAndTheWait() {
        server.route("/slow", (request, hit) -> {
            Thread.sleep(3_000);
            return answer(200, "too late");
        });

        long started = System.nanoTime();
        Throwable thrown = catchThrowable(() -> client().get().uri("/slow").retrieve().body(String.class));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(thrown).isExactlyInstanceOf(RemoteModuleTimeoutException.class)
                .hasMessage("The users module did not answer in time")
                .hasCauseInstanceOf(HttpTimeoutException.class);
        assertThat(((RemoteModuleTimeoutException) thrown).unanswered()).isTrue();
        assertThat(server.hits("/slow")).isEqualTo(2);
        // Bounded: two read timeouts and the retry's wait, never the server's 3 s.
        assertThat(took).isGreaterThanOrEqualTo(READ_TIMEOUT.multipliedBy(2).minusMillis(50))
                .isLessThan(READ_TIMEOUT.multipliedBy(2).plusMillis(50 + 700));
        assertThat(circuitBreaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE"})
    void aWriteWithoutAnAnswerInTimeIsNotRetried(String method) {
        // It may have been done: a second one could create the post twice.
        server.route("/slow-write", (request, hit) -> {
            Thread.sleep(3_000);
            return answer(200, "done");
        });

        long started = System.nanoTime();
        Throwable thrown = catchThrowable(() -> client().method(HttpMethod.valueOf(method)).uri("/slow-write")
                .body("{\"name\":\"x\"}").retrieve().toBodilessEntity());
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(thrown).isExactlyInstanceOf(RemoteModuleTimeoutException.class)
                .hasCauseInstanceOf(HttpTimeoutException.class);
        assertThat(server.hits("/slow-write")).isEqualTo(1);
        assertThat(took).isLessThan(READ_TIMEOUT.multipliedBy(2));
    }

    // --- circuit breaker -------------------------------------------------------------------------

    @Test
    void repeatedFailuresOpenTheCircuitAndThenNoCallReachesTheModule() {
        server.route("/write", (request, hit) -> answer(503, ""));
        server.route("/ok", (request, hit) -> answer(200, "ok"));
        RestClient client = client();

        for (int i = 0; i < BREAKER_WINDOW; i++) {
            assertThat(catchThrowable(() -> client.post().uri("/write").body("x").retrieve().toBodilessEntity()))
                    .isExactlyInstanceOf(RemoteModuleUnavailableException.class);
        }
        assertThat(server.hits("/write")).isEqualTo(BREAKER_WINDOW);
        assertThat(circuitBreaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);

        Throwable write = catchThrowable(() -> client.post().uri("/write").body("x").retrieve().toBodilessEntity());
        Throwable read = catchThrowable(() -> client.get().uri("/ok").retrieve().body(String.class));

        assertThat(write).isExactlyInstanceOf(RemoteModuleUnavailableException.class)
                .hasMessage("The users module is unavailable: its circuit breaker is open after repeated failures")
                .hasCauseInstanceOf(CallNotPermittedException.class);
        assertThat(read).isExactlyInstanceOf(RemoteModuleUnavailableException.class)
                .hasMessageContaining("circuit breaker is open");
        assertThat(server.hits("/write")).isEqualTo(BREAKER_WINDOW);
        assertThat(server.hits("/ok")).isZero();
    }

    @Test
    void successfulCallsKeepTheCircuitClosed() {
        server.route("/ok", (request, hit) -> answer(200, "ok"));
        RestClient client = client();

        for (int i = 0; i < BREAKER_WINDOW * 2; i++) {
            assertThat(client.get().uri("/ok").retrieve().body(String.class)).isEqualTo("ok");
        }

        assertThat(circuitBreaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(server.hits("/ok")).isEqualTo(BREAKER_WINDOW * 2);
    }

    // --- request id ------------------------------------------------------------------------------

    @Test
    void theRequestIdOfTheLogContextIsPassedOn() {
        AtomicReference<String> received = new AtomicReference<>();
        server.route("/ok", (request, hit) -> {
            received.set(request.header("X-Request-Id"));
            return answer(200, "ok");
        });
        MDC.put("requestId", "req-7f3a.42");

        assertThat(client().get().uri("/ok").retrieve().body(String.class)).isEqualTo("ok");

        assertThat(received.get()).isEqualTo("req-7f3a.42");
    }

    @Test
    void noRequestIdIsSentWithoutOne() {
        AtomicReference<String> received = new AtomicReference<>("unset");
        server.route("/ok", (request, hit) -> {
            received.set(request.header("X-Request-Id"));
            return answer(200, "ok");
        });
        MDC.remove("requestId");

        assertThat(client().get().uri("/ok").retrieve().body(String.class)).isEqualTo("ok");

        assertThat(received.get()).isNull();
    }
}

package dev.forum.extraction.runtime.remote;

import dev.forum.extraction.runtime.remote.LoopbackHttpServer.Response;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.MDC;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.io.CloseMode;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * What every test of {@link RemoteCallInterceptor} runs against, fresh for each test: a {@link LoopbackHttpServer},
 * and a real {@link RestClient} on the application's HTTP client ({@link RemoteModuleClients#pooledHttpClient}) with the
 * interceptor for module {@code users}, the run time's default retry ({@link RemoteReadRetryDefaults#config()}: 2
 * attempts 50 ms apart for what {@link RetryableRemoteRead} retries) and a count-based breaker of
 * {@link #BREAKER_WINDOW} calls, judged only once the window is full, that opens at 50 % failures for 30 s and records
 * {@link RemoteModuleException}s (the run time's default, {@link RemoteCircuitBreakerDefaults}, judges from 5 calls and
 * opens for 5 s; the tests here count calls against a full window).
 *
 * <p>Register it per test instance ({@code @RegisterExtension final RemoteCallFixture remote = new RemoteCallFixture();}).
 * In: the routes a test gives {@link #server()}. Out: {@link #client()} (or {@link #client(String)} for another base
 * URL) to call through the interceptor, and {@link #server()}, {@link #circuitBreaker()} and {@link #retry()} to assert on. After each
 * test it closes the server and removes {@code requestId} from the log context.
 */
final class RemoteCallFixture implements BeforeEachCallback, AfterEachCallback {

    /** The read timeout of every client. */
    static final Duration READ_TIMEOUT = Duration.ofMillis(300);
    /** The breaker's sliding window and minimum number of calls. */
    static final int BREAKER_WINDOW = 4;
    /** What an application relays: here the request id of the log context (the forum's RequestIdRelay does this). */
    private static final RemoteCallHeaders REQUEST_ID = (module, headers) -> {
        String requestId = MDC.get("requestId");
        if (requestId != null) {
            headers.set("X-Request-Id", requestId);
        }
    };

    private LoopbackHttpServer server;
    private CloseableHttpClient httpClient;
    private CircuitBreaker circuitBreaker;
    private Retry retry;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        server = LoopbackHttpServer.start();
        httpClient = RemoteModuleClients.pooledHttpClient(Duration.ofMillis(250), READ_TIMEOUT);
        circuitBreaker = CircuitBreaker.of("users", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(BREAKER_WINDOW)
                .minimumNumberOfCalls(BREAKER_WINDOW)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(30))
                .recordExceptions(RemoteModuleException.class)
                .build());
        retry = Retry.of("users", RemoteReadRetryDefaults.config());
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        MDC.remove("requestId");
        server.close();
        httpClient.close(CloseMode.IMMEDIATE);
    }

    /** @return the loopback server of this test, to route paths and count their hits */
    LoopbackHttpServer server() {
        return server;
    }

    /** @return the breaker the interceptor of this test's clients uses */
    CircuitBreaker circuitBreaker() {
        return circuitBreaker;
    }

    /** @return the retry the interceptor of this test's clients uses for reads */
    Retry retry() {
        return retry;
    }

    /**
     * @param baseUrl where the client sends its requests
     * @return a client with the interceptor, the breaker and retry of this test and a read timeout of
     *     {@link #READ_TIMEOUT}
     */
    RestClient client(String baseUrl) {
        HttpComponentsClientHttpRequestFactory requests = new HttpComponentsClientHttpRequestFactory(httpClient);
        return RestClient.builder()
                .baseUrl(baseUrl)
                .requestFactory(requests)
                .requestInterceptor(new RemoteCallInterceptor("users", circuitBreaker, retry, List.of(REQUEST_ID)))
                .build();
    }

    /** @return {@link #client(String)} for this test's loopback server */
    RestClient client() {
        return client(server.baseUrl());
    }

    /**
     * @param status the status to answer
     * @param body the body to answer
     * @return the server's answer
     */
    static Response answer(int status, String body) {
        return new Response(status, body);
    }

    /**
     * @return a loopback port nothing listens on (it was free a moment ago)
     * @throws IOException if no port could be taken
     */
    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

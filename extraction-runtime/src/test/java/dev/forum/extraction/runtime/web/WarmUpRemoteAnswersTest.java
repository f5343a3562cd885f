package dev.forum.extraction.runtime.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forum.extraction.runtime.remote.LoopbackHttpServer;
import dev.forum.extraction.runtime.remote.RemoteCallHeaders;
import dev.forum.extraction.runtime.remote.RemoteModuleClients;
import dev.forum.extraction.runtime.topology.TopologySettings;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClient;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * The remote warm-up through a real remote module client (circuit breaker, retry, header relay) against a loopback
 * server. In: the module's answers (401, 403, 503) and whether the application relays credentials; out: the calls
 * counted, the breaker's window and the log. A warm-up call never counts in the breaker's window; an answer 401 or 403
 * to a call without credentials (the application's API asks for them, the warm-up has none) is no failure and gets one
 * INFO line, no WARN; the same answer to a call that carried credentials (a service token) is a real fault: WARN.
 */
@ExtendWith(OutputCaptureExtension.class)
class WarmUpRemoteAnswersTest {

    @HttpExchange("/hr/api/people")
    public interface PeopleApi {
        @GetExchange
        List<String> list(@RequestParam(name = "limit", defaultValue = "20") int limit);
    }

    private static final String KEY = "people " + PeopleApi.class.getName();

    /** The people module's contract of an application under {@code server.servlet.context-path=/hr}. */
    @HttpExchange("/api/people")
    public interface StaffApi {
        @GetExchange
        List<String> list(@RequestParam(name = "limit", defaultValue = "20") int limit);
    }

    private static final String STAFF = "people " + StaffApi.class.getName();
    /** What the warm-up passes for a module whose URL lacks the context path {@code /hr} (WarmUp.lacksContextPath). */
    private static final Map<String, String> MISSING = Map.of(STAFF,
            "extraction.topology.remote-base-url missing the context path /hr");

    private LoopbackHttpServer server;
    private RemoteModuleClients clients;
    private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();

    @BeforeEach
    void start() throws IOException {
        server = LoopbackHttpServer.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
        if (clients != null) {
            clients.destroy();
        }
    }

    private PeopleApi client(List<RemoteCallHeaders> headers) {
        return client(headers, "", PeopleApi.class);
    }

    /** A client of {@code api} at the server's base URL followed by {@code path}; one set of clients per test. */
    private <T> T client(List<RemoteCallHeaders> headers, String path, Class<T> api) {
        if (clients == null) {
            TopologySettings settings = new TopologySettings(Set.of(), null, Map.of(), Duration.ofSeconds(1),
                    Duration.ofSeconds(2));
            var builders = new StaticListableBeanFactory(Map.of("builder", RestClient.builder()))
                    .getBeanProvider(RestClient.Builder.class);
            clients = new RemoteModuleClients(settings, builders, breakers, RetryRegistry.ofDefaults(), headers, List.of());
        }
        return clients.create("people", URI.create(server.baseUrl() + path), api);
    }

    private void answer(int status) {
        server.route("/hr/api/people", (request, hit) -> new LoopbackHttpServer.Response(status,
                "{\"status\":" + status + "}", Map.of("Content-Type", "application/problem+json")));
    }

    /** The warm-up's lines about remote modules, each with its level. */
    private static List<String> warmUpLines(CapturedOutput output) {
        return output.getAll().lines().filter(line -> line.contains("Warm-up of remote module")).toList();
    }

    private CircuitBreaker.Metrics breaker() {
        return breakers.circuitBreaker("people").getMetrics();
    }

    @Test
    void anApiThatAsksForCredentialsIsWarmedInEveryRoundWithOneInfoLineAndNoWarn(CapturedOutput output) {
        answer(401);
        PeopleApi people = client(List.of());

        Map<String, Integer> called = RemoteListCalls.warmUp(Map.of(KEY, PeopleApi.class), api -> people, 3, Map.of());

        assertThat(called).containsExactly(Map.entry(KEY + " GET /hr/api/people?limit=1", 3));
        assertThat(server.hits("/hr/api/people")).isEqualTo(3);
        assertThat(breaker().getNumberOfBufferedCalls()).isZero();
        assertThat(warmUpLines(output)).singleElement().asString().contains("INFO").doesNotContain("WARN")
                .endsWith("Warm-up of remote module '" + KEY + "' warmed the connection, but the API asks for credentials:"
                        + " GET /hr/api/people?limit=1 answered 401 (the warm-up sends none)");
    }

    @Test
    void a403IsTheSame(CapturedOutput output) {
        answer(403);
        PeopleApi people = client(List.of());

        assertThat(RemoteListCalls.warmUp(Map.of(KEY, PeopleApi.class), api -> people, 2, Map.of())).containsValue(2);
        assertThat(breaker().getNumberOfBufferedCalls()).isZero();
        assertThat(warmUpLines(output)).singleElement().asString().contains("INFO").doesNotContain("WARN")
                .endsWith("answered 403 (the warm-up sends none)");
    }

    @Test
    void a401ToACallThatCarriedCredentialsIsAFaultAndIsWarned(CapturedOutput output) {
        answer(401);
        PeopleApi people = client(List.of((module, headers) -> headers.setBearerAuth("service-token")));

        assertThat(RemoteListCalls.warmUp(Map.of(KEY, PeopleApi.class), api -> people, 3, Map.of())).containsValue(0);
        assertThat(server.hits("/hr/api/people")).isEqualTo(1);
        assertThat(warmUpLines(output)).singleElement().asString().contains("WARN")
                .contains("Warm-up of remote module '" + KEY + "' stopped:").contains("401");
        assertThat(breaker().getNumberOfBufferedCalls()).isZero();
    }

    @Test
    void aModuleStillStartingCostsOneCallAndNothingInTheBreakersWindowNorARetry(CapturedOutput output) {
        answer(503);
        PeopleApi people = client(List.of());

        assertThat(RemoteListCalls.warmUp(Map.of(KEY, PeopleApi.class), api -> people, 3, Map.of())).containsValue(0);
        assertThat(server.hits("/hr/api/people")).isEqualTo(1);
        assertThat(breaker().getNumberOfBufferedCalls()).isZero();
        assertThat(warmUpLines(output)).singleElement().asString().contains("WARN")
                .contains("Warm-up of remote module '" + KEY + "' stopped:");
    }

    @Test
    void anApplicationsCallAfterTheWarmUpCountsInTheBreakersWindowAsBefore() {
        answer(503);
        PeopleApi people = client(List.of());
        RemoteListCalls.warmUp(Map.of(KEY, PeopleApi.class), api -> people, 3, Map.of());
        int warmUpHits = server.hits("/hr/api/people");

        try {
            people.list(5);
        } catch (RuntimeException expected) {
            // 503: the module is unavailable
        }
        assertThat(breaker().getNumberOfFailedCalls()).isPositive().isEqualTo(server.hits("/hr/api/people") - warmUpHits);
    }

    /**
     * A caller whose URL of the module lacks the module's context path: every call goes to a path below which no
     * application serves, and the server answers 404 itself, without JSON (as Tomcat and Reactor Netty answer outside
     * the context path). The warm-up's WARN line asks whether the setting misses the context path; with it, the same
     * module is warmed without a line.
     */
    @Test
    void a404FromNoApplicationAsksWhetherTheUrlMissesTheContextPath(CapturedOutput output) {
        server.route("/hr/api/people", (request, hit) -> new LoopbackHttpServer.Response(200, "[]",
                Map.of("Content-Type", "application/json")));
        StaffApi withContextPath = client(List.of(), "/hr", StaffApi.class);
        assertThat(RemoteListCalls.warmUp(Map.of(STAFF, StaffApi.class), api -> withContextPath, 3, Map.of()))
                .containsValue(3);
        assertThat(warmUpLines(output)).isEmpty();

        StaffApi withoutContextPath = client(List.of(), "", StaffApi.class);
        assertThat(RemoteListCalls.warmUp(Map.of(STAFF, StaffApi.class), api -> withoutContextPath, 3, MISSING))
                .containsValue(0);

        assertThat(server.hits("/hr/api/people")).isEqualTo(3);
        assertThat(warmUpLines(output)).singleElement().asString().contains("WARN")
                .contains("Warm-up of remote module '" + STAFF + "' stopped:").contains("404")
                .endsWith("; is extraction.topology.remote-base-url missing the context path /hr?");
    }

    /**
     * A 404 the module's application answered (Spring Boot's error JSON, a problem document) reached a route, or at
     * least the application: its context path is not what is missing, and the line does not ask.
     */
    @Test
    void aModulesOwn404DoesNotAsk(CapturedOutput output) {
        server.route("/api/people", (request, hit) -> new LoopbackHttpServer.Response(404,
                "{\"status\":404,\"error\":\"Not Found\",\"path\":\"/api/people\"}",
                Map.of("Content-Type", "application/json")));
        StaffApi staff = client(List.of(), "", StaffApi.class);

        assertThat(RemoteListCalls.warmUp(Map.of(STAFF, StaffApi.class), api -> staff, 3, MISSING)).containsValue(0);

        assertThat(warmUpLines(output)).singleElement().asString().contains("WARN").contains("404")
                .doesNotContain("context path");
    }
}

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
        TopologySettings settings = new TopologySettings(Set.of(), null, Map.of(), Duration.ofSeconds(1), Duration.ofSeconds(2));
        var builders = new StaticListableBeanFactory(Map.of("builder", RestClient.builder()))
                .getBeanProvider(RestClient.Builder.class);
        clients = new RemoteModuleClients(settings, builders, breakers, RetryRegistry.ofDefaults(), headers, List.of());
        return clients.create("people", URI.create(server.baseUrl()), PeopleApi.class);
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

        Map<String, Integer> called = RemoteListCalls.warmUp(Map.of(KEY, PeopleApi.class), api -> people, 3);

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

        assertThat(RemoteListCalls.warmUp(Map.of(KEY, PeopleApi.class), api -> people, 2)).containsValue(2);
        assertThat(breaker().getNumberOfBufferedCalls()).isZero();
        assertThat(warmUpLines(output)).singleElement().asString().contains("INFO").doesNotContain("WARN")
                .endsWith("answered 403 (the warm-up sends none)");
    }

    @Test
    void a401ToACallThatCarriedCredentialsIsAFaultAndIsWarned(CapturedOutput output) {
        answer(401);
        PeopleApi people = client(List.of((module, headers) -> headers.setBearerAuth("service-token")));

        assertThat(RemoteListCalls.warmUp(Map.of(KEY, PeopleApi.class), api -> people, 3)).containsValue(0);
        assertThat(server.hits("/hr/api/people")).isEqualTo(1);
        assertThat(warmUpLines(output)).singleElement().asString().contains("WARN")
                .contains("Warm-up of remote module '" + KEY + "' stopped:").contains("401");
        assertThat(breaker().getNumberOfBufferedCalls()).isZero();
    }

    @Test
    void aModuleStillStartingCostsOneCallAndNothingInTheBreakersWindowNorARetry(CapturedOutput output) {
        answer(503);
        PeopleApi people = client(List.of());

        assertThat(RemoteListCalls.warmUp(Map.of(KEY, PeopleApi.class), api -> people, 3)).containsValue(0);
        assertThat(server.hits("/hr/api/people")).isEqualTo(1);
        assertThat(breaker().getNumberOfBufferedCalls()).isZero();
        assertThat(warmUpLines(output)).singleElement().asString().contains("WARN")
                .contains("Warm-up of remote module '" + KEY + "' stopped:");
    }

    @Test
    void anApplicationsCallAfterTheWarmUpCountsInTheBreakersWindowAsBefore() {
        answer(503);
        PeopleApi people = client(List.of());
        RemoteListCalls.warmUp(Map.of(KEY, PeopleApi.class), api -> people, 3);
        int warmUpHits = server.hits("/hr/api/people");

        try {
            people.list(5);
        } catch (RuntimeException expected) {
            // 503: the module is unavailable
        }
        assertThat(breaker().getNumberOfFailedCalls()).isPositive().isEqualTo(server.hits("/hr/api/people") - warmUpHits);
    }
}

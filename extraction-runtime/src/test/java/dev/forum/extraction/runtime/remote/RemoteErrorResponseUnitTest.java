package dev.forum.extraction.runtime.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.forum.extraction.runtime.remote.LoopbackHttpServer.Response;
import dev.forum.extraction.runtime.topology.TopologySettings;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * A remote module's 4xx answer that no {@link RemoteErrorDecoder} decodes (an application with none, like most):
 * an answer about the request (a 404 for an unknown id, a 409, a 429) reaches the caller as the module would have
 * answered it in process, with its problem document; an answer about the call between the two processes (401, 403,
 * 405, 415: credentials, or two versions of the contract) is a 502, as before.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class RemoteErrorResponseUnitTest {

    public record Thing(int id, String name) {
    }

    @HttpExchange(url = "/api/things", accept = "application/json")
    public interface ThingsApi {
        @GetExchange("/{id}")
        Thing get(@PathVariable("id") int id);
    }

    private static final String PATH = "/api/things/7";
    private static final Map<String, String> PROBLEM_JSON = Map.of("Content-Type", "application/problem+json");

    private LoopbackHttpServer server;
    private RemoteModuleClients clients;
    private ThingsApi things;

    @BeforeEach
    void start() throws IOException {
        server = LoopbackHttpServer.start();
        TopologySettings settings = new TopologySettings(Set.of(), null, Map.of(), Duration.ofMillis(250),
                Duration.ofSeconds(2));
        var builders = new StaticListableBeanFactory(Map.of("builder", RestClient.builder()))
                .getBeanProvider(RestClient.Builder.class);
        clients = new RemoteModuleClients(settings, builders, CircuitBreakerRegistry.ofDefaults(),
                RetryRegistry.ofDefaults(), List.of(), List.of());
        things = clients.create("things", URI.create(server.baseUrl()), ThingsApi.class);
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
        clients.destroy();
    }

    private Throwable failureOf(Response answer) {
        server.route(PATH, (request, hit) -> answer);
        return catchThrowable(() -> things.get(7));
    }

    @Test
    void aProblemDocumentIsRelayedWithItsStatusTypeDetailAndMembersButNotItsInstance() {
        Throwable failure = failureOf(new Response(404, """
                {"type":"urn:shop:not-found","title":"Not found","status":404,"detail":"no thing 7",
                 "instance":"/api/things/7","sku":"tea","fields":[{"field":"id"}]}""", PROBLEM_JSON));

        assertThat(failure).isInstanceOf(RemoteErrorResponseException.class);
        RemoteErrorResponseException relayed = (RemoteErrorResponseException) failure;
        assertThat(relayed.module()).isEqualTo("things");
        assertThat(relayed.getStatusCode().value()).isEqualTo(404);
        assertThat(relayed.problemDocument()).isTrue();
        ProblemDetail problem = relayed.getBody();
        assertThat(problem.getType()).isEqualTo(URI.create("urn:shop:not-found"));
        assertThat(problem.getTitle()).isEqualTo("Not found");
        assertThat(problem.getDetail()).isEqualTo("no thing 7");
        assertThat(problem.getInstance()).isNull();
        assertThat(problem.getProperties()).containsEntry("sku", "tea")
                .containsEntry("fields", List.of(Map.of("field", "id")));
    }

    @Test
    void anotherBodyGivesOnlyTheStatusNeverTheBody() {
        Throwable failure = failureOf(new Response(404, "{\"timestamp\":\"2026-12-04\",\"path\":\"/api/things/7\"}",
                Map.of("Content-Type", "application/json")));

        RemoteErrorResponseException relayed = (RemoteErrorResponseException) failure;
        assertThat(relayed.getStatusCode().value()).isEqualTo(404);
        assertThat(relayed.problemDocument()).isFalse(); // the caller answers it as an in-process exception of 404
        assertThat(relayed.getBody().getType()).isNull(); // left out: about:blank (RFC 9457)
        assertThat(relayed.getBody().getDetail()).isNull();
        assertThat(relayed.getBody().getProperties()).isNullOrEmpty();
    }

    @Test
    void aProblemDocumentThatIsNotJsonGivesOnlyTheStatus() {
        Throwable failure = failureOf(new Response(409, "{\"detail\": ", PROBLEM_JSON));

        RemoteErrorResponseException relayed = (RemoteErrorResponseException) failure;
        assertThat(relayed.getStatusCode().value()).isEqualTo(409);
        assertThat(relayed.problemDocument()).isFalse();
        assertThat(relayed.getBody().getDetail()).isNull();
    }

    @Test
    void a429KeepsItsRetryAfter() {
        Throwable failure = failureOf(new Response(429, "", Map.of("Retry-After", "7")));

        RemoteErrorResponseException relayed = (RemoteErrorResponseException) failure;
        assertThat(relayed.getStatusCode().value()).isEqualTo(429);
        assertThat(relayed.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("7");
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 404, 409, 410, 412, 422, 429})
    void everyAnswerAboutTheRequestIsRelayed(int status) {
        Throwable failure = failureOf(new Response(status, ""));

        assertThat(failure).isInstanceOf(RemoteErrorResponseException.class);
        assertThat(((RemoteErrorResponseException) failure).getStatusCode().value()).isEqualTo(status);
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403, 405, 406, 407, 408, 413, 415, 431})
    void anAnswerAboutTheCallBetweenTheProcessesIsABadGateway(int status) {
        Throwable failure = failureOf(new Response(status, "{\"detail\":\"secret\"}", PROBLEM_JSON));

        assertThat(failure).isExactlyInstanceOf(RemoteModuleException.class)
                .hasMessage("The things module answered GET " + PATH + " with " + status);
    }

    @Test
    void aDecoderOfTheApplicationComesFirst() throws IOException {
        clients.destroy();
        TopologySettings settings = new TopologySettings(Set.of(), null, Map.of(), Duration.ofMillis(250),
                Duration.ofSeconds(2));
        var builders = new StaticListableBeanFactory(Map.of("builder", RestClient.builder()))
                .getBeanProvider(RestClient.Builder.class);
        RemoteErrorDecoder notFound = (module, request, status, headers, body) -> {
            throw new IllegalStateException(module + " has no such thing");
        };
        clients = new RemoteModuleClients(settings, builders, CircuitBreakerRegistry.ofDefaults(),
                RetryRegistry.ofDefaults(), List.of(), List.of(notFound));
        things = clients.create("things", URI.create(server.baseUrl()), ThingsApi.class);

        assertThat(failureOf(new Response(404, ""))).isExactlyInstanceOf(IllegalStateException.class);
    }

    /** The caller's own controller, with no exception handler: Spring MVC answers the module's status. */
    @RestController
    static class CallerController {

        private final ThingsApi things;

        CallerController(ThingsApi things) {
            this.things = things;
        }

        @GetMapping("/orders/{id}")
        Thing order(@PathVariable("id") int id) {
            return things.get(id);
        }
    }

    @Test
    void aCallerWithNoExceptionHandlerAnswersTheModulesStatus() throws Exception {
        MockMvc caller = MockMvcBuilders.standaloneSetup(new CallerController(things)).build();

        server.route(PATH, (request, hit) -> new Response(404, "{\"detail\":\"no thing 7\"}", PROBLEM_JSON));
        caller.perform(get("/orders/7")).andExpect(status().isNotFound());

        server.route(PATH, (request, hit) -> new Response(401, ""));
        caller.perform(get("/orders/7")).andExpect(status().isBadGateway());

        server.route(PATH, (request, hit) -> new Response(503, "", Map.of("Retry-After", "9")));
        caller.perform(get("/orders/7")).andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "9"));
    }
}

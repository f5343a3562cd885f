package dev.forum.extraction.runtime.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.forum.extraction.runtime.remote.LoopbackHttpServer.Response;
import dev.forum.extraction.runtime.topology.TopologySettings;
import dev.forum.extraction.runtime.web.RemoteErrorResponseAdvice;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * A remote module's 401 or 403 over real HTTP on loopback, in a Spring MVC request (MockMvc, the library's advice):
 * in, a call whose {@code Authorization} a {@link RemoteCallHeaders} hook relays from the served request (the caller's
 * own credentials) or sets to this process's own service token; out, the caller's answer, the breaker's state and the
 * log. The caller's credentials: the module's 403 reaches the caller as the module answered it (status, problem
 * document, {@code WWW-Authenticate}), counts nothing against the breaker (the run time's default, judged from
 * {@link RemoteCircuitBreakerDefaults#MINIMUM_CALLS} calls) and logs no WARN; its 401 is a 502 naming the module,
 * without the module's challenge (this process accepted those credentials: the two processes disagree about them). The
 * service token: a 502, as before.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
@ExtendWith(OutputCaptureExtension.class)
class RemoteCallersCredentialsUnitTest {

    public record Person(int id, String name) {
    }

    @HttpExchange(url = "/hr/api/people", accept = "application/json")
    public interface PeopleApi {
        @GetExchange("/{id}")
        Person get(@PathVariable("id") int id);
    }

    /** The caller's controller, with no exception handler of its own. */
    @RestController
    static class LeaveController {

        private final PeopleApi people;

        LeaveController(PeopleApi people) {
            this.people = people;
        }

        @GetMapping("/api/leave/{person}")
        Person leave(@PathVariable("person") int person) {
            return people.get(person);
        }
    }

    /** The hook of the user's report: the served request's {@code Authorization}, copied as it came. */
    private static final RemoteCallHeaders RELAY_CALLERS = (module, headers) -> {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes served) {
            String authorization = served.getRequest().getHeader(HttpHeaders.AUTHORIZATION);
            if (authorization != null) {
                headers.set(HttpHeaders.AUTHORIZATION, authorization);
            }
        }
    };
    /** A hook that relays the caller's bearer token rebuilt, as the forum's TokenRelay does ({@code setBearerAuth}). */
    private static final RemoteCallHeaders REBUILD_BEARER = (module, headers) -> {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes served) {
            String authorization = served.getRequest().getHeader(HttpHeaders.AUTHORIZATION);
            if (authorization != null) {
                headers.setBearerAuth(authorization.strip().split("\\s+", 2)[1]);
            }
        }
    };
    /** This process's own credentials, whoever the caller is. */
    private static final RemoteCallHeaders SERVICE_TOKEN = (module, headers) -> headers.setBearerAuth("service-token");

    private static final String EVE = "Basic ZXZlOmV2ZS1wdw==";
    private static final String PATH = "/hr/api/people/1";
    private static final Map<String, String> PROBLEM_JSON = Map.of("Content-Type", "application/problem+json");
    private static final String FORBIDDEN = """
            {"type":"about:blank","title":"Forbidden","status":403,"detail":"You may not do this",
             "instance":"/hr/api/people/1","errorCode":"FORBIDDEN"}""";

    private final List<String> received = new CopyOnWriteArrayList<>();
    private LoopbackHttpServer server;
    private RemoteModuleClients clients;
    private CircuitBreakerRegistry breakers;

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        if (clients != null) {
            clients.destroy();
        }
    }

    /** The caller's process: one remote module, people, behind the loopback server answering {@code answer}. */
    private MockMvc caller(RemoteCallHeaders hook, Response answer) throws IOException {
        server = LoopbackHttpServer.start();
        server.route(PATH, (request, hit) -> {
            received.add(request.header(HttpHeaders.AUTHORIZATION));
            return answer;
        });
        TopologySettings settings = new TopologySettings(Set.of(), null, Map.of(), Duration.ofMillis(250),
                Duration.ofSeconds(2));
        var builders = new StaticListableBeanFactory(Map.of("builder", RestClient.builder()))
                .getBeanProvider(RestClient.Builder.class);
        breakers = CircuitBreakerRegistry.of(RemoteCircuitBreakerDefaults.config());
        clients = new RemoteModuleClients(settings, builders, breakers, RetryRegistry.of(RemoteReadRetryDefaults.config()),
                List.of(hook), List.of());
        PeopleApi people = clients.create("people", URI.create(server.baseUrl()), PeopleApi.class);
        return MockMvcBuilders.standaloneSetup(new LeaveController(people))
                .setControllerAdvice(new RemoteErrorResponseAdvice()).build();
    }

    @Test
    void theCallersOwn403ReachesTheCallerAsTheModuleAnsweredItAndLeavesTheBreakerClosed(CapturedOutput output)
            throws Exception {
        MockMvc caller = caller(RELAY_CALLERS, new Response(403, FORBIDDEN, PROBLEM_JSON));
        int calls = RemoteCircuitBreakerDefaults.MINIMUM_CALLS * 3;

        for (int i = 0; i < calls; i++) {
            caller.perform(get("/api/leave/1").header(HttpHeaders.AUTHORIZATION, EVE))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentType("application/problem+json"))
                    .andExpect(jsonPath("$.detail").value("You may not do this"))
                    .andExpect(jsonPath("$.errorCode").value("FORBIDDEN"))
                    .andExpect(jsonPath("$.instance").value("/api/leave/1"));
        }

        CircuitBreaker breaker = breakers.circuitBreaker("people");
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
        assertThat(breaker.getMetrics().getNumberOfNotPermittedCalls()).isZero();
        assertThat(server.hits(PATH)).isEqualTo(calls);
        assertThat(received).hasSize(calls).containsOnly(EVE);
        assertThat(output.getAll()).doesNotContain(" WARN ");
    }

    /**
     * The module's 403 has no body, as Spring Security's answer has: the caller sends the error with the challenge, as
     * its own security would have in process (the servlet container's {@code /error} writes the body; MockMvc does not).
     */
    @Test
    void theCallersOwn403KeepsItsChallengeThoughTheHookRebuiltTheCredentials() throws Exception {
        MockMvc caller = caller(REBUILD_BEARER, new Response(403, "",
                Map.of(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"")));

        MockHttpServletResponse answer = caller.perform(get("/api/leave/1").header(HttpHeaders.AUTHORIZATION, "bearer   eyJ.a.b"))
                .andExpect(status().isForbidden())
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\""))
                .andReturn().getResponse();
        assertThat(answer.isCommitted()).isTrue();
        assertThat(answer.getContentAsString()).isEmpty();

        assertThat(received).containsExactly("Bearer eyJ.a.b");
    }

    /**
     * In process the caller's token, which this process accepted, could never be refused with a 401: the two processes
     * disagree about it (audience, issuer, keys, clock). Relayed, its challenge would send the client to sign in again.
     */
    @Test
    void theCallersOwn401IsABadGatewayNamingTheModuleWithoutItsChallenge(CapturedOutput output) throws Exception {
        MockMvc caller = caller(RELAY_CALLERS, new Response(401, "", Map.of(HttpHeaders.WWW_AUTHENTICATE,
                "Bearer error=\"invalid_token\", error_description=\"The required audience is missing\"")));

        caller.perform(get("/api/leave/1").header(HttpHeaders.AUTHORIZATION, EVE))
                .andExpect(status().isBadGateway())
                .andExpect(header().doesNotExist(HttpHeaders.WWW_AUTHENTICATE))
                .andExpect(jsonPath("$.detail").value("The people module failed"));

        assertThat(received).containsExactly(EVE);
        assertThat(output.getAll()).contains(" WARN ", "The people module answered GET " + PATH + " with 401");
    }

    @Test
    void aServiceTokens401IsABadGatewayAsBefore(CapturedOutput output) throws Exception {
        MockMvc caller = caller(SERVICE_TOKEN, new Response(401, "",
                Map.of(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")));

        caller.perform(get("/api/leave/1").header(HttpHeaders.AUTHORIZATION, EVE))
                .andExpect(status().isBadGateway())
                .andExpect(header().doesNotExist(HttpHeaders.WWW_AUTHENTICATE))
                .andExpect(jsonPath("$.detail").value("The people module failed"));

        assertThat(received).containsExactly("Bearer service-token");
        assertThat(output.getAll()).contains(" WARN ", "The people module answered GET " + PATH + " with 401");
    }

    @Test
    void aCallWithoutAServedRequestsCredentialsGetsA502ForA403() throws Exception {
        MockMvc caller = caller(RELAY_CALLERS, new Response(403, FORBIDDEN, PROBLEM_JSON));

        caller.perform(get("/api/leave/1")).andExpect(status().isBadGateway());

        assertThat(received).containsExactly((String) null);
    }

    @Test
    void credentialsAreTheSameWithTheSchemeInAnyCaseAndAnySpacesBetween() {
        assertThat(CallersCredentials.same("Bearer abc", "bearer   abc")).isTrue();
        assertThat(CallersCredentials.same(EVE, " " + EVE + " ")).isTrue();
        assertThat(CallersCredentials.same("Bearer abc", "Bearer ABC")).isFalse();
        assertThat(CallersCredentials.same("Bearer abc", "Basic abc")).isFalse();
        assertThat(CallersCredentials.same("Bearer abc", "Bearer")).isFalse();
    }
}

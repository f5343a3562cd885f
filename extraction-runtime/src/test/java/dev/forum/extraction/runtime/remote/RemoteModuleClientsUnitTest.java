package dev.forum.extraction.runtime.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.forum.extraction.runtime.topology.TopologySettings;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.client.RestClient;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * A remote module whose answer fails after its headers (while the body is read and bound to the API's types) is a
 * remote failure like any other: 504 when the read timeout passed, 503 when the answer broke off, 502 when it is not
 * the API's JSON. It used to reach the caller as a bare {@code RestClientException}: a 500.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class RemoteModuleClientsUnitTest {

    private static final Duration READ_TIMEOUT = Duration.ofMillis(300);

    public record Thing(int id, String name) {
    }

    @HttpExchange(url = "/api/things", accept = "application/json")
    public interface ThingsApi {
        @GetExchange("/{id}")
        Thing get(@PathVariable("id") int id);

        @PostExchange
        Thing add(@RequestBody Thing thing);
    }

    /** No method named on the method: the interface's, else none. */
    @HttpExchange(url = "/api/others", method = "PATCH")
    public interface PatchingApi {
        @HttpExchange("/{id}")
        Thing change(@PathVariable("id") int id);

        @HttpExchange
        Thing send(HttpMethod method);
    }

    /** How the raw server answers after the request. */
    private enum Answer { STALL_IN_BODY, BREAK_OFF_IN_BODY, NOT_JSON, FINE }

    private ServerSocket listener;
    private RemoteModuleClients clients;

    @AfterEach
    void stop() throws IOException {
        if (listener != null) {
            listener.close();
        }
        if (clients != null) {
            clients.destroy();
        }
    }

    /** Start-up: a process whose modules are all local never makes the shared HTTP client (about 150 ms). */
    @Test
    void theSharedHttpClientIsMadeWithTheFirstRemoteClientOnly() throws IOException {
        TopologySettings settings = new TopologySettings(Set.of(), null, Map.of(), Duration.ofMillis(250), READ_TIMEOUT);
        var builders = new StaticListableBeanFactory(Map.of("builder", RestClient.builder()))
                .getBeanProvider(RestClient.Builder.class);
        RemoteModuleClients unused = new RemoteModuleClients(settings, builders, CircuitBreakerRegistry.ofDefaults(),
                RetryRegistry.ofDefaults(), List.of(), List.of());
        assertThat(unused.connected()).isFalse();
        unused.destroy(); // nothing to close

        ThingsApi things = client(Answer.FINE);
        assertThat(clients.connected()).isTrue();
        assertThat(things.get(1)).isEqualTo(new Thing(1, "one"));
    }

    private ThingsApi client(Answer answer) throws IOException {
        listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        new Thread(() -> serve(answer)).start();
        TopologySettings settings = new TopologySettings(Set.of(), null, Map.of(), Duration.ofMillis(250), READ_TIMEOUT);
        var builders = new StaticListableBeanFactory(Map.of("builder", RestClient.builder()))
                .getBeanProvider(RestClient.Builder.class);
        clients = new RemoteModuleClients(settings, builders, CircuitBreakerRegistry.ofDefaults(), RetryRegistry.ofDefaults(),
                List.of(), List.of());
        return clients.create("things", URI.create("http://127.0.0.1:" + listener.getLocalPort()), ThingsApi.class);
    }

    private void serve(Answer answer) {
        try (Socket socket = listener.accept()) {
            InputStream in = socket.getInputStream();
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    return;
                }
                matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            String body = answer == Answer.NOT_JSON ? "this is not json" : "{\"id\":1,\"name\":\"one\"}";
            String head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            switch (answer) {
                case STALL_IN_BODY -> {
                    out.write(body.substring(0, 5).getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    Thread.sleep(3_000);
                }
                case BREAK_OFF_IN_BODY -> {
                    out.write(body.substring(0, 5).getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
                default -> out.write(body.getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
        } catch (IOException | InterruptedException e) {
            // the test is over
        }
    }

    @Test
    void an_answer_that_stalls_in_its_body_is_a_timeout_not_a_500() throws IOException {
        ThingsApi things = client(Answer.STALL_IN_BODY);
        long start = System.nanoTime();
        Throwable failure = catchThrowable(() -> things.get(1));
        assertThat(failure).isInstanceOf(RemoteModuleTimeoutException.class);
        assertThat(((RemoteModuleException) failure).module()).isEqualTo("things");
        // The server stalls until the test ends: an answer well before that came from the read timeout (300 ms);
        // the bound leaves room for a loaded machine.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    /** The body of a POST's answer stalls: the module did answer, but what it did is not known here. */
    @Test
    void a_post_whose_answer_stalls_in_its_body_is_a_timeout_whose_outcome_is_unknown() throws IOException {
        ThingsApi things = client(Answer.STALL_IN_BODY);
        RemoteModuleTimeoutException failure = (RemoteModuleTimeoutException) catchThrowable(
                () -> things.add(new Thing(1, "one")));
        assertThat(failure.method()).isEqualTo(HttpMethod.POST);
        assertThat(failure.getBody().getDetail()).isEqualTo("The things module did not answer in time; the outcome is"
                + " unknown: the module may have carried out the POST request it was sent, and a retry may carry it out again");
    }

    @Test
    void a_get_whose_answer_stalls_in_its_body_keeps_the_plain_wording() throws IOException {
        ThingsApi things = client(Answer.STALL_IN_BODY);
        RemoteModuleTimeoutException failure = (RemoteModuleTimeoutException) catchThrowable(() -> things.get(1));
        assertThat(failure.outcomeUnknown()).isFalse();
        assertThat(failure).hasMessage("The things module did not answer in time");
    }

    @Test
    void the_http_method_of_a_contract_method_is_its_own_else_its_interfaces_else_its_argument() throws Exception {
        assertThat(RemoteModuleClients.httpMethod(ThingsApi.class, ThingsApi.class.getMethod("get", int.class),
                new Object[] {1})).isEqualTo(HttpMethod.GET);
        assertThat(RemoteModuleClients.httpMethod(ThingsApi.class, ThingsApi.class.getMethod("add", Thing.class),
                new Object[] {null})).isEqualTo(HttpMethod.POST);
        assertThat(RemoteModuleClients.httpMethod(PatchingApi.class, PatchingApi.class.getMethod("change", int.class),
                new Object[] {1})).isEqualTo(HttpMethod.PATCH);
        assertThat(RemoteModuleClients.httpMethod(PatchingApi.class, PatchingApi.class.getMethod("send", HttpMethod.class),
                new Object[] {HttpMethod.DELETE})).isEqualTo(HttpMethod.DELETE);
        assertThat(new RemoteModuleTimeoutException("x", null, null).outcomeUnknown()).isTrue();
    }

    @Test
    void an_answer_that_breaks_off_is_unavailable() throws IOException {
        ThingsApi things = client(Answer.BREAK_OFF_IN_BODY);
        assertThat(catchThrowable(() -> things.get(1))).isInstanceOf(RemoteModuleUnavailableException.class);
    }

    @Test
    void an_answer_that_is_not_the_apis_json_is_a_bad_gateway() throws IOException {
        ThingsApi things = client(Answer.NOT_JSON);
        Throwable failure = catchThrowable(() -> things.get(1));
        assertThat(failure).isExactlyInstanceOf(RemoteModuleException.class);
    }

    @Test
    void a_good_answer_passes_through() throws IOException {
        assertThat(client(Answer.FINE).get(1)).isEqualTo(new Thing(1, "one"));
    }
}

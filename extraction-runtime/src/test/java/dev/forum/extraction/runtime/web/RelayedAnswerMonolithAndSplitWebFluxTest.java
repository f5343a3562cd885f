package dev.forum.extraction.runtime.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forum.extraction.runtime.web.RelayedAnswerMonolithAndSplitWebTest.ApplicationsAdvice;
import dev.forum.extraction.runtime.web.RelayedAnswerMonolithAndSplitWebTest.RemoteVenues;
import dev.forum.extraction.runtime.web.RelayedAnswerMonolithAndSplitWebTest.VenuesApi;
import dev.forum.extraction.runtime.web.RelayedAnswerMonolithAndSplitWebTest.VenuesController;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.error.ErrorWebFluxAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Spring WebFlux twin of {@link RelayedAnswerMonolithAndSplitWebTest}: real WebFlux servers on loopback (Reactor
 * Netty, Spring Boot's error handling), the monolith running both modules, the split caller reaching the venues
 * module's own server through the run time's client. For the module's {@code ResponseStatusException} with and without
 * a reason, its {@code @ResponseStatus} exception class and the application's advice's problem document, the two
 * answers have the same status, content type and body (apart from Spring Boot's {@code timestamp} and
 * {@code requestId}), with {@code spring.webflux.problemdetails.enabled} off and on. The
 * {@code @ResponseStatus} class is Spring Boot's error JSON with the property on too: Spring Boot's
 * {@code ProblemDetailsExceptionHandler} handles only {@code ErrorResponse}s, and the library's advice keeps the relayed
 * error JSON from it.
 */
class RelayedAnswerMonolithAndSplitWebFluxTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The bookings module, a WebFlux caller: its blocking call of the venues module off the event loop. */
    @RestController
    static class ReactiveBookingsController {
        private final VenuesApi venues;

        ReactiveBookingsController(VenuesApi venues) {
            this.venues = venues;
        }

        @GetMapping("/api/bookings/{venue}")
        Mono<String> book(@PathVariable("venue") int venue) {
            return Mono.fromCallable(() -> venues.venue(venue)).subscribeOn(Schedulers.boundedElastic());
        }
    }

    /** Spring Boot's WebFlux stack with its error handling, and the run time's handlers. */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({JacksonAutoConfiguration.class, CodecsAutoConfiguration.class,
            NettyReactiveWebServerAutoConfiguration.class, HttpHandlerAutoConfiguration.class, WebFluxAutoConfiguration.class,
            ErrorWebFluxAutoConfiguration.class, ReactiveRemoteErrorResponseAutoConfiguration.class})
    static class Server {
    }

    /** An answer as the caller's client sees it, its body without the members that differ per request. */
    record Answer(int status, String contentType, Map<String, Object> body) {
    }

    private final List<ConfigurableApplicationContext> open = new ArrayList<>();

    @AfterEach
    void close() {
        open.forEach(ConfigurableApplicationContext::close);
    }

    private String start(List<Class<?>> sources, List<String> settings) {
        List<String> properties = new ArrayList<>(List.of("server.port=0", "server.address=127.0.0.1",
                "spring.main.banner-mode=off"));
        properties.addAll(settings);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(sources.toArray(Class<?>[]::new))
                .web(WebApplicationType.REACTIVE).properties(properties.toArray(String[]::new)).run();
        open.add(context);
        return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @SuppressWarnings("unchecked")
    private static Answer get(String url) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        Map<String, Object> body = new LinkedHashMap<>(JSON.readValue(response.body(), Map.class));
        boolean errorJson = !body.containsKey("title");
        assertThat(body.remove("timestamp") != null).as("a timestamp in %s", body).isEqualTo(errorJson);
        assertThat(body.remove("requestId") != null).as("a request id in %s", body).isEqualTo(errorJson);
        return new Answer(response.statusCode(), response.headers().firstValue(HttpHeaders.CONTENT_TYPE).orElse(null), body);
    }

    /**
     * @param problemDetails the value of {@code spring.webflux.problemdetails.enabled} in every process
     * @return per venue id, the monolith's answer, after asserting that the split's is the same
     */
    private Map<Integer, Answer> monolithAndSplit(boolean problemDetails) throws Exception {
        List<String> settings = List.of("spring.webflux.problemdetails.enabled=" + problemDetails);
        String monolith = start(List.of(Server.class, VenuesController.class, ReactiveBookingsController.class,
                ApplicationsAdvice.class), settings);
        String venues = start(List.of(Server.class, VenuesController.class, ApplicationsAdvice.class), settings);
        List<String> callerSettings = new ArrayList<>(settings);
        callerSettings.add("venues.url=" + venues);
        String split = start(List.of(Server.class, RemoteVenues.class, ReactiveBookingsController.class,
                ApplicationsAdvice.class), callerSettings);
        Map<Integer, Answer> answers = new LinkedHashMap<>();
        for (int venue : new int[] {404, 409, 410, 7}) {
            Answer inProcess = get(monolith + "/api/bookings/" + venue);
            assertThat(get(split + "/api/bookings/" + venue)).as("venue %s split", venue).isEqualTo(inProcess);
            answers.put(venue, inProcess);
        }
        return answers;
    }

    @Test
    void withProblemDetailsOffTheSplitAnswersSpringBootsErrorJsonAsTheMonolithDoes() throws Exception {
        Map<Integer, Answer> answers = monolithAndSplit(false);

        assertThat(answers.get(409)).isEqualTo(new Answer(409, "application/json",
                Map.of("status", 409, "error", "Conflict", "path", "/api/bookings/409")));
        assertThat(answers.get(410)).isEqualTo(new Answer(410, "application/json",
                Map.of("status", 410, "error", "Gone", "path", "/api/bookings/410")));
        assertThat(answers.get(7).contentType()).isEqualTo("application/problem+json");
        assertThat(answers.get(7).body()).containsEntry("errorCode", "VENUE_FULL").containsEntry("instance", "/api/bookings/7");
    }

    @Test
    void withProblemDetailsOnTheSplitAnswersTheSameProblemDocumentsAndErrorJsonAsTheMonolith() throws Exception {
        Map<Integer, Answer> answers = monolithAndSplit(true);

        assertThat(answers.get(404).contentType()).isEqualTo("application/problem+json");
        assertThat(answers.get(404).body()).containsEntry("status", 404).containsEntry("detail", "no venue 404")
                .containsEntry("instance", "/api/bookings/404");
        assertThat(answers.get(409).contentType()).isEqualTo("application/problem+json");
        assertThat(answers.get(409).body()).containsEntry("title", "Conflict").containsEntry("instance", "/api/bookings/409");
        // a @ResponseStatus class is no ErrorResponse: Spring Boot's error handler answers it, with its error JSON
        assertThat(answers.get(410)).isEqualTo(new Answer(410, "application/json",
                Map.of("status", 410, "error", "Gone", "path", "/api/bookings/410")));
        assertThat(answers.get(7).body()).containsEntry("errorCode", "VENUE_FULL");
    }
}

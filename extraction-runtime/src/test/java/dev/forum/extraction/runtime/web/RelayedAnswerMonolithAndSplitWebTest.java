package dev.forum.extraction.runtime.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forum.extraction.runtime.remote.RemoteModuleClients;
import dev.forum.extraction.runtime.topology.TopologySettings;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.catalina.webresources.TomcatURLStreamHandlerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.client.RestClient;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import tools.jackson.databind.json.JsonMapper;

/**
 * A module's 4xx reaches the caller's client the same in the monolith and once split: real Spring MVC servers on
 * loopback (Tomcat, Spring Boot's {@code /error}), the monolith running both modules, the split caller reaching the
 * venues module's own server through the run time's client. For each exception of the module (a
 * {@code ResponseStatusException} with and without a reason, one with {@code Retry-After}, an exception class annotated
 * {@code @ResponseStatus}, and an exception the application's advice answers with its own problem document) the two
 * answers have the same status, content type, {@code Retry-After} and body, apart from Spring Boot's {@code timestamp},
 * with {@code spring.mvc.problemdetails.enabled} off (Spring Boot's error JSON with the caller's path) and on (problem
 * documents, but Spring Boot's error JSON for the {@code @ResponseStatus} class, which Spring MVC sends to
 * {@code /error} whatever the property says).
 */
class RelayedAnswerMonolithAndSplitWebTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Tomcat sets the JDK's URL stream handler factory once per JVM; the test classes after this one need none set. */
    @BeforeAll
    static void tomcatLeavesTheJdksUrlHandlersAlone() {
        TomcatURLStreamHandlerFactory.disable();
    }

    /** The venues module's contract. */
    @HttpExchange("/api/venues")
    public interface VenuesApi {
        @GetExchange("/{id}")
        String venue(@PathVariable("id") int id);
    }

    /** An exception of the venues module that the application's advice answers with a problem document of its own. */
    static class VenueFullException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        VenueFullException(int id) {
            super("venue " + id + " is full");
        }
    }

    /** An exception class annotated with its status, as user12's {@code InsufficientStockException} is. */
    @ResponseStatus(HttpStatus.GONE)
    static class VenueClosedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        VenueClosedException(int id) {
            super("venue " + id + " is closed");
        }
    }

    /** A {@code ResponseStatusException} with a header, as a module's "come back later" has. */
    static class TooManyBookingsException extends ResponseStatusException {
        private static final long serialVersionUID = 1L;

        TooManyBookingsException() {
            super(HttpStatus.TOO_MANY_REQUESTS);
        }

        @Override
        public HttpHeaders getHeaders() {
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, "7");
            return headers;
        }
    }

    /**
     * The venues module: venue 404 is not found (with a reason), 409 is taken (no reason), 410 is closed (its
     * {@code @ResponseStatus}), 429 is asked too often (Retry-After 7), any other is full (the application's problem
     * document).
     */
    @RestController
    static class VenuesController implements VenuesApi {
        @Override
        public String venue(int id) {
            throw switch (id) {
                case 404 -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no venue 404");
                case 409 -> new ResponseStatusException(HttpStatus.CONFLICT);
                case 410 -> new VenueClosedException(id);
                case 429 -> new TooManyBookingsException();
                default -> new VenueFullException(id);
            };
        }
    }

    /** The application's advice, in every process: its problem document for a full venue, with a member. */
    @RestControllerAdvice
    static class ApplicationsAdvice {
        @ExceptionHandler(VenueFullException.class)
        ProblemDetail full(VenueFullException full) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, full.getMessage());
            problem.setType(URI.create("urn:tickets:venue-full"));
            problem.setProperty("errorCode", "VENUE_FULL");
            return problem;
        }
    }

    /** The bookings module, which calls the venues module's contract. */
    @RestController
    static class BookingsController {
        private final VenuesApi venues;

        BookingsController(VenuesApi venues) {
            this.venues = venues;
        }

        @GetMapping("/api/bookings/{venue}")
        String book(@PathVariable("venue") int venue) {
            return venues.venue(venue);
        }
    }

    /** In the split caller: the venues module's client of the run time, at {@code venues.url}. */
    @Configuration(proxyBeanMethods = false)
    static class RemoteVenues {
        @Bean
        RemoteModuleClients remoteModuleClients() {
            TopologySettings topology = new TopologySettings(Set.of("bookings"), null, Map.of(), Duration.ofSeconds(1),
                    Duration.ofSeconds(5));
            var builders = new StaticListableBeanFactory(Map.of("builder", RestClient.builder()))
                    .getBeanProvider(RestClient.Builder.class);
            return new RemoteModuleClients(topology, builders, CircuitBreakerRegistry.ofDefaults(), RetryRegistry.ofDefaults(),
                    List.of(), List.of());
        }

        @Bean
        VenuesApi venues(RemoteModuleClients clients, Environment settings) {
            return clients.create("venues", URI.create(settings.getRequiredProperty("venues.url")), VenuesApi.class);
        }
    }

    /** Spring Boot's servlet web stack with its error page, and the run time's advice. */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
            WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
            JacksonAutoConfiguration.class, RemoteErrorResponseAutoConfiguration.class})
    static class Server {
    }

    /** An answer as the caller's client sees it. */
    record Answer(int status, String contentType, String retryAfter, Map<String, Object> body) {
    }

    private final List<ConfigurableApplicationContext> open = new ArrayList<>();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @AfterEach
    void close() {
        open.forEach(ConfigurableApplicationContext::close);
    }

    private String start(List<Class<?>> sources, List<String> settings) {
        List<String> properties = new ArrayList<>(List.of("server.port=0", "server.address=127.0.0.1",
                "spring.main.banner-mode=off"));
        properties.addAll(settings);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(sources.toArray(Class<?>[]::new))
                .web(WebApplicationType.SERVLET).properties(properties.toArray(String[]::new)).run();
        open.add(context);
        return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @SuppressWarnings("unchecked")
    private Answer get(String url) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        Map<String, Object> body = new LinkedHashMap<>(JSON.readValue(response.body(), Map.class));
        assertThat(body.remove("timestamp") != null).as("a timestamp in %s", body).isEqualTo(!body.containsKey("title"));
        return new Answer(response.statusCode(), response.headers().firstValue(HttpHeaders.CONTENT_TYPE).orElse(null),
                response.headers().firstValue(HttpHeaders.RETRY_AFTER).orElse(null), body);
    }

    /**
     * @param problemDetails the value of {@code spring.mvc.problemdetails.enabled} in every process
     * @return per venue id, the monolith's answer and the split's
     */
    private Map<Integer, List<Answer>> monolithAndSplit(boolean problemDetails) throws Exception {
        List<String> settings = List.of("spring.mvc.problemdetails.enabled=" + problemDetails);
        String monolith = start(List.of(Server.class, VenuesController.class, BookingsController.class,
                ApplicationsAdvice.class), settings);
        String venues = start(List.of(Server.class, VenuesController.class, ApplicationsAdvice.class), settings);
        List<String> callerSettings = new ArrayList<>(settings);
        callerSettings.add("venues.url=" + venues);
        String split = start(List.of(Server.class, RemoteVenues.class, BookingsController.class, ApplicationsAdvice.class),
                callerSettings);
        Map<Integer, List<Answer>> answers = new LinkedHashMap<>();
        for (int venue : new int[] {404, 409, 410, 429, 7}) {
            answers.put(venue, List.of(get(monolith + "/api/bookings/" + venue), get(split + "/api/bookings/" + venue)));
        }
        answers.forEach((venue, both) -> assertThat(both.get(1)).as("venue %s split", venue).isEqualTo(both.get(0)));
        return answers;
    }

    @Test
    void withProblemDetailsOffTheSplitAnswersSpringBootsErrorJsonWithTheCallersPathAsTheMonolithDoes() throws Exception {
        Map<Integer, List<Answer>> answers = monolithAndSplit(false);

        Answer conflict = answers.get(409).get(0);
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.contentType()).isEqualTo("application/json");
        assertThat(conflict.body()).isEqualTo(Map.of("status", 409, "error", "Conflict", "path", "/api/bookings/409"));
        assertThat(answers.get(404).get(0).body()).containsEntry("path", "/api/bookings/404").doesNotContainKey("detail");
        assertThat(answers.get(410).get(0)).isEqualTo(new Answer(410, "application/json", null,
                Map.of("status", 410, "error", "Gone", "path", "/api/bookings/410")));
        Answer tooMany = answers.get(429).get(0);
        assertThat(tooMany.status()).isEqualTo(429);
        assertThat(tooMany.retryAfter()).isEqualTo("7");
        Answer full = answers.get(7).get(0);
        assertThat(full.status()).isEqualTo(422);
        assertThat(full.contentType()).isEqualTo("application/problem+json");
        assertThat(full.body()).containsEntry("errorCode", "VENUE_FULL").containsEntry("detail", "venue 7 is full")
                .containsEntry("instance", "/api/bookings/7");
    }

    @Test
    void withProblemDetailsOnTheSplitAnswersTheSameProblemDocumentsAndErrorJsonAsTheMonolith() throws Exception {
        Map<Integer, List<Answer>> answers = monolithAndSplit(true);

        Answer notFound = answers.get(404).get(0);
        assertThat(notFound.contentType()).isEqualTo("application/problem+json");
        assertThat(notFound.body()).containsEntry("status", 404).containsEntry("detail", "no venue 404")
                .containsEntry("instance", "/api/bookings/404");
        assertThat(answers.get(409).get(0).contentType()).isEqualTo("application/problem+json");
        assertThat(answers.get(409).get(0).body()).containsEntry("title", "Conflict").containsEntry("status", 409)
                .containsEntry("instance", "/api/bookings/409");
        // a @ResponseStatus class is no ErrorResponse: Spring MVC sends it to /error, Spring Boot's error JSON
        assertThat(answers.get(410).get(0)).isEqualTo(new Answer(410, "application/json", null,
                Map.of("status", 410, "error", "Gone", "path", "/api/bookings/410")));
        assertThat(answers.get(429).get(0).retryAfter()).isEqualTo("7");
        assertThat(answers.get(7).get(0).body()).containsEntry("errorCode", "VENUE_FULL");
    }
}

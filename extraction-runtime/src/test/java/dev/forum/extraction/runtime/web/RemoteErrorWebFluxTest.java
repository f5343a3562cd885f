package dev.forum.extraction.runtime.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forum.extraction.runtime.remote.RemoteErrorResponseException;
import dev.forum.extraction.runtime.remote.RemoteModuleException;
import dev.forum.extraction.runtime.remote.RemoteModuleTimeoutException;
import dev.forum.extraction.runtime.remote.RemoteModuleUnavailableException;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.reactive.context.AnnotationConfigReactiveWebServerApplicationContext;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.error.ErrorWebFluxAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.MapPropertySource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A Spring WebFlux application (Reactor Netty on loopback, Spring Boot's error handling) answers a remote module's
 * relayed 4xx and a remote module's failure (502, 503, 504) as a Spring MVC one does: user10's WebFlux shop answered
 * every one of them with a 500 and an ERROR stack trace. It runs as a WebFlux-only application does, without
 * spring-webmvc or the Servlet API ({@link WebFluxOnlyClassLoader}, although the test class path has them): the run time's classes,
 * and this test's, are loaded by a class loader that hides both, so a link to either fails the start or the call.
 */
@ExtendWith(OutputCaptureExtension.class)
class RemoteErrorWebFluxTest {

    /** A WebFlux server with Spring Boot's error handling, as {@code spring-boot-starter-webflux} gives. */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({JacksonAutoConfiguration.class, CodecsAutoConfiguration.class,
            NettyReactiveWebServerAutoConfiguration.class, HttpHandlerAutoConfiguration.class, WebFluxAutoConfiguration.class,
            ErrorWebFluxAutoConfiguration.class, RemoteErrorResponseAutoConfiguration.class,
            ReactiveRemoteErrorResponseAutoConfiguration.class})
    @Import(OrdersController.class)
    static class Server {
    }

    /**
     * The caller's controller, each remote call wrapped as a WebFlux caller must: the remote module answered 404 (or
     * 409) about the request, could not be reached, did not answer a POST in time, or failed.
     */
    @RestController
    static class OrdersController {

        @GetMapping("/api/orders/venues/{id}")
        Mono<String> venue(@PathVariable("id") int id) {
            return Mono.fromCallable(() -> remoteVenue(id)).subscribeOn(Schedulers.boundedElastic());
        }

        @PostMapping("/api/orders")
        Mono<String> place() {
            return Mono.fromCallable(() -> {
                throw new RemoteModuleTimeoutException("venues", HttpMethod.POST, null);
            });
        }

        /**
         * Seat 1: the venues module's {@code ResponseStatusException(CONFLICT)} in process (the monolith); seat 2: the
         * same once split, as the client relays the module's answer, Spring Boot's error JSON (no problem document).
         */
        @GetMapping("/api/orders/seats/{seat}")
        Mono<String> seat(@PathVariable("seat") int seat) {
            return Mono.fromCallable(() -> {
                throw seat == 1 ? new ResponseStatusException(HttpStatus.CONFLICT)
                        : new RemoteErrorResponseException("venues", HttpStatus.CONFLICT, ProblemDetail.forStatus(HttpStatus.CONFLICT), false);
            });
        }

        private static String remoteVenue(int id) {
            throw switch (id) {
                case 1 -> new RemoteModuleUnavailableException("venues", "it refused the connection", Duration.ofSeconds(3), null);
                case 2 -> new RemoteModuleTimeoutException("venues", HttpMethod.GET, null);
                case 3 -> new RemoteModuleException("venues", "The venues module answered GET /api/venues/3 with 500", null);
                default -> relayed(id);
            };
        }

        private static RemoteErrorResponseException relayed(int id) {
            HttpStatus status = id == 409 ? HttpStatus.CONFLICT : HttpStatus.NOT_FOUND;
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, "no venue " + id);
            problem.setType(URI.create("urn:tickets:venue"));
            problem.setProperty("venueId", id);
            return new RemoteErrorResponseException("venues", status, problem);
        }
    }

    /** A functional endpoint whose remote module is unavailable, as user10's events routes could be. */
    @Configuration(proxyBeanMethods = false)
    static class Routes {

        @Bean
        RouterFunction<ServerResponse> stats() {
            return RouterFunctions.route().GET("/api/events/stats", request -> Mono.error(new RemoteModuleUnavailableException(
                    "events", "it refused the connection", Duration.ofSeconds(5), null))).build();
        }
    }

    /** An application's own handler of the remote failures, in an advice. */
    @RestControllerAdvice
    static class ApplicationsAdvice {

        @ExceptionHandler(RemoteModuleException.class)
        ResponseEntity<String> remote(RemoteModuleException failure) {
            return ResponseEntity.status(failure.getStatusCode()).body("mine: " + failure.module());
        }
    }

    /** An application's own WebExceptionHandler, at the order its guides give one (before Spring Boot's). */
    @Configuration(proxyBeanMethods = false)
    static class ApplicationsWebExceptionHandler {

        @Bean
        @Order(-2)
        WebExceptionHandler applicationsHandler() {
            return (exchange, failure) -> {
                exchange.getResponse().setStatusCode(HttpStatus.I_AM_A_TEAPOT);
                return exchange.getResponse().setComplete();
            };
        }
    }

    private static void withServer(Consumer<WebTestClient> calls, Class<?>... configurations) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (WebFluxOnlyClassLoader loader = new WebFluxOnlyClassLoader()) {
            Class<?>[] sources = new Class<?>[configurations.length + 1];
            sources[0] = Class.forName(Server.class.getName(), true, loader);
            for (int i = 0; i < configurations.length; i++) {
                sources[i + 1] = Class.forName(configurations[i].getName(), true, loader);
            }
            thread.setContextClassLoader(loader);
            // Not SpringApplication: it asks its own class loader which web application this is, where spring-boot-webmvc
            // would answer. A reactive web server context is what it makes for a WebFlux-only application.
            try (AnnotationConfigReactiveWebServerApplicationContext context = new AnnotationConfigReactiveWebServerApplicationContext()) {
                context.setClassLoader(loader);
                context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test",
                        Map.<String, Object>of("server.port", "0", "server.address", "127.0.0.1")));
                // Spring Boot's logging, as SpringApplication sets it up (INFO, its line format)
                LoggingSystem logging = LoggingSystem.get(loader);
                logging.beforeInitialize();
                logging.initialize(new LoggingInitializationContext(context.getEnvironment()), null, null);
                context.register(sources);
                context.refresh();
                assertThat(ClassUtils.isPresent("org.springframework.web.servlet.DispatcherServlet", context.getClassLoader())).isFalse();
                Class<?> handler = Class.forName(RemoteErrorWebExceptionHandler.class.getName(), false, loader);
                assertThat(handler.getClassLoader()).isSameAs(loader);
                assertThat(context.getBeansOfType(handler)).isNotEmpty();
                int port = context.getWebServer().getPort();
                calls.accept(WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(20)).build());
            }
        } catch (ClassNotFoundException | IOException e) {
            throw new IllegalStateException(e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Test
    void theWebFluxOnlyClassLoaderClassPathHidesSpringMvcAndTheServletApiFromTheRunTimesClasses() throws Exception {
        try (WebFluxOnlyClassLoader loader = new WebFluxOnlyClassLoader()) {
            assertThatThrownBy(() -> Class.forName("org.springframework.web.servlet.DispatcherServlet", false, loader))
                    .isInstanceOf(ClassNotFoundException.class);
            assertThatThrownBy(() -> Class.forName("jakarta.servlet.http.HttpServletRequest", false, loader))
                    .isInstanceOf(ClassNotFoundException.class);
            assertThat(loader.getResource("org/springframework/web/servlet/DispatcherServlet.class")).isNull();
            assertThat(loader.hiddenJars()).anyMatch(jar -> jar.contains("spring-webmvc"))
                    .anyMatch(jar -> jar.contains("spring-boot-webmvc"));
            assertThat(Collections.list(loader.getResources("META-INF/spring.factories")))
                    .isNotEmpty().noneMatch(factories -> factories.toString().contains("webmvc"));
            // each of the run time's classes is this loader's own, so its links resolve here
            Class<?> advice = Class.forName(RemoteErrorResponseAdvice.class.getName(), true, loader);
            assertThat(advice.getClassLoader()).isSameAs(loader);
            assertThat(advice).isNotSameAs(RemoteErrorResponseAdvice.class);
        }
    }

    @Test
    void aRemoteFailureIsAnsweredWithItsStatusProblemDocumentAndOneWarnLine(CapturedOutput output) {
        withServer(caller -> {
            caller.get().uri("/api/orders/venues/1").exchange().expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                    .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "3")
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.detail").isEqualTo("The venues module is unavailable")
                    .jsonPath("$.status").isEqualTo(503)
                    .jsonPath("$.instance").isEqualTo("/api/orders/venues/1");
            caller.get().uri("/api/orders/venues/2").exchange().expectStatus().isEqualTo(HttpStatus.GATEWAY_TIMEOUT)
                    .expectBody().jsonPath("$.detail").isEqualTo("The venues module did not answer in time");
            caller.post().uri("/api/orders").exchange().expectStatus().isEqualTo(HttpStatus.GATEWAY_TIMEOUT)
                    .expectBody().jsonPath("$.detail").isEqualTo("The venues module did not answer in time; the outcome is"
                            + " unknown: the module may have carried out the POST request it was sent, and a retry may carry"
                            + " it out again");
            caller.get().uri("/api/orders/venues/3").exchange().expectStatus().isEqualTo(HttpStatus.BAD_GATEWAY)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.detail").isEqualTo("The venues module failed");
        });
        assertThat(output.getAll())
                .contains(" WARN ", "The venues module is unavailable: it refused the connection (no cause)")
                .contains("The venues module answered GET /api/venues/3 with 500 (no cause)")
                .doesNotContain(" ERROR ", "500 Server Error", "at dev.forum.extraction");
    }

    @Test
    void aRelayedAnswerReachesTheCallerAsTheModuleGaveIt(CapturedOutput output) {
        withServer(caller -> {
            caller.get().uri("/api/orders/venues/9").exchange().expectStatus().isNotFound()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.detail").isEqualTo("no venue 9")
                    .jsonPath("$.type").isEqualTo("urn:tickets:venue")
                    .jsonPath("$.venueId").isEqualTo(9)
                    .jsonPath("$.instance").isEqualTo("/api/orders/venues/9");
            caller.get().uri("/api/orders/venues/409").exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT)
                    .expectBody().jsonPath("$.detail").isEqualTo("no venue 409");
        });
        assertThat(output.getAll()).doesNotContain(" ERROR ", " WARN ");
    }

    /**
     * A relayed answer that is no problem document is Spring Boot's error JSON with the caller's path, as the module's
     * exception in process gives: the same but for the path, the timestamp and the request id.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aRelayedAnswerWithoutAProblemDocumentIsAnsweredAsTheModulesExceptionInProcess(CapturedOutput output) {
        withServer(caller -> {
            List<Map<String, Object>> bodies = new ArrayList<>();
            for (int seat : new int[] {1, 2}) {
                Map<String, Object> body = caller.get().uri("/api/orders/seats/" + seat).exchange()
                        .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                        .expectHeader().contentType(MediaType.APPLICATION_JSON)
                        .expectBody(Map.class).returnResult().getResponseBody();
                assertThat(body).containsEntry("path", "/api/orders/seats/" + seat).containsKeys("timestamp", "requestId");
                Map<String, Object> compared = new HashMap<>(body);
                compared.keySet().removeAll(List.of("path", "timestamp", "requestId"));
                bodies.add(compared);
            }
            assertThat(bodies.get(0)).isEqualTo(Map.of("status", 409, "error", "Conflict"));
            assertThat(bodies.get(1)).isEqualTo(bodies.get(0));
        });
        assertThat(output.getAll()).doesNotContain(" ERROR ", " WARN ");
    }

    @Test
    void aFunctionalEndpointsRemoteFailureIsAnsweredToo() {
        withServer(caller -> caller.get().uri("/api/events/stats").exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5")
                .expectBody().jsonPath("$.detail").isEqualTo("The events module is unavailable"), Routes.class);
    }

    @Test
    void anApplicationsOwnHandlerComesFirst() {
        withServer(caller -> {
            caller.get().uri("/api/orders/venues/1").exchange().expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                    .expectBody(String.class).isEqualTo("mine: venues");
            // what the application's advice does not handle is still the library's
            caller.get().uri("/api/orders/venues/9").exchange().expectStatus().isNotFound()
                    .expectBody().jsonPath("$.detail").isEqualTo("no venue 9");
        }, ApplicationsAdvice.class);
        withServer(caller -> caller.get().uri("/api/events/stats").exchange().expectStatus().isEqualTo(HttpStatus.I_AM_A_TEAPOT),
                Routes.class, ApplicationsWebExceptionHandler.class);
    }

    @Test
    void anApplicationsOwnBeanReplacesTheLibrarysHandler() {
        withServer(caller -> caller.get().uri("/api/events/stats").exchange().expectStatus().isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR),
                Routes.class, ApplicationsReplacement.class);
    }

    /** A handler of the application's of the library's type, which passes every failure on. */
    @Configuration(proxyBeanMethods = false)
    static class ApplicationsReplacement {

        @Bean
        RemoteErrorWebExceptionHandler applicationsReplacement() {
            return new RemoteErrorWebExceptionHandler(List.of()) {
                @Override
                public Mono<Void> handle(org.springframework.web.server.ServerWebExchange exchange, Throwable failure) {
                    return Mono.error(failure);
                }
            };
        }
    }
}

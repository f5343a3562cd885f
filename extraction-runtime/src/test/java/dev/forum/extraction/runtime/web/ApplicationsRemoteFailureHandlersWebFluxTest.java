package dev.forum.extraction.runtime.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forum.extraction.runtime.remote.RemoteModuleException;
import dev.forum.extraction.runtime.remote.RemoteModuleUnavailableException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import reactor.core.publisher.Mono;

/**
 * An application's own handler of remote failures in a Spring WebFlux application, beside Spring Boot's: under
 * {@code spring.webflux.problemdetails.enabled} Spring Boot's WebFlux {@code ProblemDetailsExceptionHandler}, an advice at
 * order 0 extending Spring's reactive {@code ResponseEntityExceptionHandler}, answers every {@code ErrorResponseException}
 * (the remote failures are) ahead of an application's advice without an {@code @Order}, as its Spring MVC twin does
 * ({@link ApplicationsRemoteFailureHandlersWebTest}); the library's {@link RemoteErrorResponseAdvice} comes just before
 * it (order -1), so the relayed answers are answered as without the property. In: a controller whose remote module is
 * unavailable, an application's advice with and without {@code @Order}, the property on and off; out: who answered,
 * and whether the library's WARN line was logged. extraction-runtime/README.md, "Spring WebFlux applications" and "Upgrading".
 */
@ExtendWith(OutputCaptureExtension.class)
class ApplicationsRemoteFailureHandlersWebFluxTest {

    private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CodecsAutoConfiguration.class,
                    WebFluxAutoConfiguration.class, ReactiveRemoteErrorResponseAutoConfiguration.class))
            .withUserConfiguration(OrdersController.class);

    /** {@code GET /orders/2}: the inventory module is unavailable, retry after 3 s. */
    @RestController
    static class OrdersController {

        @GetMapping("/orders/2")
        Mono<String> read() {
            return Mono.error(new RemoteModuleUnavailableException("inventory", "it refused the connection",
                    Duration.ofSeconds(3), null));
        }
    }

    /** An application's advice with a handler of the remote failures, without an {@code @Order}. */
    @RestControllerAdvice
    static class UnorderedHandler {

        @ExceptionHandler(RemoteModuleException.class)
        ResponseEntity<String> remote(RemoteModuleException failure) {
            return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body("mine: " + failure.module());
        }
    }

    /** The same handler, ordered ahead of Spring Boot's advice, as the README's recipe says. */
    @RestControllerAdvice
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class OrderedHandler extends UnorderedHandler {
    }

    private static WebTestClient.ResponseSpec read(org.springframework.context.ApplicationContext context) {
        return WebTestClient.bindToApplicationContext(context).build().get().uri("/orders/2").exchange();
    }

    @Test
    void underProblemDetailsTheLibrarysAdviceAnswersBeforeSpringBootsAndAnUnorderedApplicationAdvice(CapturedOutput output) {
        runner.withPropertyValues("spring.webflux.problemdetails.enabled=true")
                .withUserConfiguration(UnorderedHandler.class).run(context -> read(context)
                        .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                        .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "3")
                        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                        .expectBody().jsonPath("$.detail").isEqualTo("The inventory module is unavailable"));
        assertThat(output.getAll()).as("the library's advice answered, with its WARN line")
                .contains("The inventory module is unavailable: it refused the connection");
    }

    /** The library's handler, without either advice: the same answer, and its one WARN line. */
    @Test
    void withNeitherAdviceTheLibrarysHandlerAnswersAndLogsItsWarnLine(CapturedOutput output) {
        runner.run(context -> read(context)
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "3")
                .expectBody().jsonPath("$.detail").isEqualTo("The inventory module is unavailable"));
        assertThat(output.getAll()).contains("The inventory module is unavailable: it refused the connection");
    }

    @Test
    void anApplicationAdviceOrderedBelowZeroComesFirstUnderProblemDetails() {
        runner.withPropertyValues("spring.webflux.problemdetails.enabled=true")
                .withUserConfiguration(OrderedHandler.class).run(context -> read(context)
                        .expectStatus().isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR)
                        .expectBody(String.class).isEqualTo("mine: inventory"));
    }

    @Test
    void withoutProblemDetailsAnUnorderedApplicationAdviceComesFirst() {
        runner.withUserConfiguration(UnorderedHandler.class).run(context -> read(context)
                .expectStatus().isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR)
                .expectBody(String.class).isEqualTo("mine: inventory"));
    }
}

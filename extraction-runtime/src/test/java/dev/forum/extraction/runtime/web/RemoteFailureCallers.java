package dev.forum.extraction.runtime.web;

import dev.forum.extraction.runtime.remote.RemoteErrorResponseException;
import dev.forum.extraction.runtime.remote.RemoteModuleException;
import dev.forum.extraction.runtime.remote.RemoteModuleTimeoutException;
import dev.forum.extraction.runtime.remote.RemoteModuleUnavailableException;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.ResourceAccessException;

/**
 * The callers of the web tests of remote failures: Spring MVC controllers that throw what the library's clients throw,
 * in an application with Spring Boot's web auto-configuration and the library's advice.
 */
final class RemoteFailureCallers {

    private RemoteFailureCallers() {
    }

    /** @return an application with Spring Boot's defaults ({@code spring.mvc.problemdetails.enabled} off) and {@link CallerController} */
    static WebApplicationContextRunner application() {
        return new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
                        HttpMessageConvertersAutoConfiguration.class, WebMvcAutoConfiguration.class,
                        RemoteErrorResponseAutoConfiguration.class))
                .withUserConfiguration(CallerController.class);
    }

    /**
     * The caller's controller: {@code GET /appointments/{patient}} throws the patients module's relayed 404 (429 for
     * patient 429, with {@code Retry-After: 7}) with a problem document: detail {@code no patient <n>}, type
     * {@code urn:clinic:not-found}, member {@code patientId}.
     */
    @RestController
    static class CallerController {

        @GetMapping("/appointments/{patient}")
        String book(@PathVariable("patient") int patient) {
            HttpStatus status = patient == 429 ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.NOT_FOUND;
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, "no patient " + patient);
            problem.setType(URI.create("urn:clinic:not-found"));
            problem.setProperty("patientId", patient);
            RemoteErrorResponseException relayed = new RemoteErrorResponseException("patients", status, problem);
            if (patient == 429) {
                relayed.getHeaders().set(HttpHeaders.RETRY_AFTER, "7");
            }
            throw relayed;
        }
    }

    /**
     * Callers of the inventory module that fail: {@code POST /orders} got no answer in time (504); {@code GET
     * /orders/1} a 504, {@code /orders/2} a 503 with {@code Retry-After: 3}, {@code /orders/3} a 502 whose message names
     * the module's route and status, any other id a 503 whose message and cause name the HTTP client's exception and a
     * host, as the library's own messages do.
     */
    @RestController
    static class FailingCallerController {

        @PostMapping("/orders")
        String place() {
            throw new RemoteModuleTimeoutException("inventory", HttpMethod.POST, null);
        }

        @GetMapping("/orders/{id}")
        String read(@PathVariable("id") int id) {
            throw switch (id) {
                case 1 -> new RemoteModuleTimeoutException("inventory", HttpMethod.GET, null);
                case 2 -> new RemoteModuleUnavailableException("inventory", "it refused the connection", Duration.ofSeconds(3), null);
                case 3 -> new RemoteModuleException("inventory", "The inventory module answered POST /api/inventory/reserve"
                        + " with 500", null);
                default -> new RemoteModuleUnavailableException("inventory", "its answer broke off"
                        + " (java.net.SocketException: Connection reset)", null,
                        new ResourceAccessException("I/O error on GET request for \"http://10.0.3.7:8080/api/inventory/1\""));
            };
        }
    }
}

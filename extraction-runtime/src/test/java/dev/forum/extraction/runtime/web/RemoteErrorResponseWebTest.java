package dev.forum.extraction.runtime.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.forum.extraction.runtime.remote.RemoteErrorResponseException;
import dev.forum.extraction.runtime.remote.RemoteModuleException;
import dev.forum.extraction.runtime.remote.RemoteModuleTimeoutException;
import dev.forum.extraction.runtime.remote.RemoteModuleUnavailableException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * A Spring MVC application with Spring Boot's defaults ({@code spring.mvc.problemdetails.enabled} off) answers a
 * remote module's relayed 4xx with the module's status, headers and problem document, unless an exception handler of
 * its own takes it.
 */
@ExtendWith(OutputCaptureExtension.class)
class RemoteErrorResponseWebTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
                    HttpMessageConvertersAutoConfiguration.class, WebMvcAutoConfiguration.class,
                    RemoteErrorResponseAutoConfiguration.class))
            .withUserConfiguration(CallerController.class);

    /** The caller's controller: its remote call answered 404 (or 429) with a problem document. */
    @RestController
    static class CallerController {

        @GetMapping("/appointments/{patient}")
        String book(@PathVariable("patient") int patient) {
            HttpStatus status = patient == 429 ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.NOT_FOUND;
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, "no patient " + patient);
            problem.setType(java.net.URI.create("urn:clinic:not-found"));
            problem.setProperty("patientId", patient);
            RemoteErrorResponseException relayed = new RemoteErrorResponseException("patients", status, problem);
            if (patient == 429) {
                relayed.getHeaders().set(HttpHeaders.RETRY_AFTER, "7");
            }
            throw relayed;
        }
    }

    /**
     * A caller whose remote write got no answer in time, one whose remote module could not be reached, and ones whose
     * failure's message names the module's route, its status and the HTTP client's exception, as the library's own
     * messages do.
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

    /** An application's own handler of the exception. */
    @RestControllerAdvice
    static class ApplicationsOwnHandler {

        @ExceptionHandler(RemoteErrorResponseException.class)
        ResponseEntity<String> teapot(RemoteErrorResponseException relayed) {
            return ResponseEntity.status(418).body("mine: " + relayed.module());
        }
    }

    /** An application's advice with a handler of the remote failures, as the forum's ProblemDetailsAdvice has. */
    @RestControllerAdvice
    @Order(Ordered.LOWEST_PRECEDENCE)
    static class ApplicationsRemoteFailureHandler {

        @ExceptionHandler(RemoteModuleException.class)
        ResponseEntity<String> remote(RemoteModuleException failure) {
            return ResponseEntity.status(failure.getStatusCode()).body("mine: " + failure.module());
        }
    }

    /** An application's advice whose only handler takes every exception. */
    @RestControllerAdvice
    @Order(Ordered.LOWEST_PRECEDENCE)
    static class ApplicationsCatchAll {

        @ExceptionHandler(Exception.class)
        ResponseEntity<Object> anything(Exception failure) {
            return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body("mine: " + failure.getClass().getSimpleName());
        }
    }

    /**
     * A very common application advice (user 11's): Spring's {@code ResponseEntityExceptionHandler}, handlers of its
     * own exceptions, and a catch-all handler of every exception.
     */
    @RestControllerAdvice
    static class ApplicationsProblemAdvice extends ResponseEntityExceptionHandler {

        @ExceptionHandler(Exception.class)
        ProblemDetail unexpected(Exception failure) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "Unexpected error");
            problem.setProperty("errorCode", "INTERNAL");
            return problem;
        }
    }

    /**
     * An application that keeps its /error handling (ErrorController, ErrorAttributes) for remote failures: the
     * handler of extraction-runtime/README.md, "An application's own handling of remote failures".
     */
    @ControllerAdvice
    static class ApplicationsErrorPage {

        @ExceptionHandler(RemoteModuleException.class)
        void toErrorPage(RemoteModuleException failure, HttpServletResponse response) throws IOException {
            failure.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
            response.sendError(failure.getStatusCode().value());
        }
    }

    /** An application's replacement of the library's advice. */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class ApplicationsOwnAdvice {

        @org.springframework.context.annotation.Bean
        RemoteErrorResponseAdvice applicationsAdvice() {
            return new RemoteErrorResponseAdvice() {
                @Override
                public ResponseEntity<ProblemDetail> relay(RemoteErrorResponseException relayed) {
                    return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(ProblemDetail.forStatus(HttpStatus.BAD_GATEWAY));
                }
            };
        }
    }

    @Test
    void anApplicationsOwnAdviceBeanReplacesTheLibrarysAdvice() {
        runner.withUserConfiguration(ApplicationsOwnAdvice.class).run(context -> {
            assertThat(context.getBeansOfType(RemoteErrorResponseAdvice.class)).containsOnlyKeys("applicationsAdvice");
            MockMvc caller = MockMvcBuilders.webAppContextSetup(context).build();
            caller.perform(get("/appointments/99")).andExpect(status().isBadGateway());
        });
    }

    @Test
    void theModulesProblemDocumentReachesTheCallerWithoutAWarning(CapturedOutput output) {
        runner.run(context -> {
            MockMvc caller = MockMvcBuilders.webAppContextSetup(context).build();
            caller.perform(get("/appointments/99")).andExpect(status().isNotFound())
                    .andExpect(content().contentType("application/problem+json"))
                    .andExpect(jsonPath("$.detail").value("no patient 99"))
                    .andExpect(jsonPath("$.title").value("Not Found"))
                    .andExpect(jsonPath("$.type").value("urn:clinic:not-found"))
                    .andExpect(jsonPath("$.patientId").value(99))
                    .andExpect(jsonPath("$.instance").value("/appointments/99"));
            caller.perform(get("/appointments/429")).andExpect(status().isTooManyRequests())
                    .andExpect(header().string(HttpHeaders.RETRY_AFTER, "7"))
                    .andExpect(jsonPath("$.detail").value("no patient 429"));
        });
        assertThat(output.getAll()).doesNotContain("DefaultHandlerExceptionResolver").doesNotContain(" WARN ");
    }

    /**
     * Without the advice Spring MVC answered a remote failure with its status and Spring Boot's error body, which says
     * nothing of it: the problem's detail says what failed, and for a POST that its outcome is unknown.
     */
    @Test
    void aRemoteFailureIsAnsweredWithItsProblemDocument() {
        runner.withUserConfiguration(FailingCallerController.class).run(context -> {
            MockMvc caller = MockMvcBuilders.webAppContextSetup(context).build();
            caller.perform(post("/orders")).andExpect(status().isGatewayTimeout())
                    .andExpect(content().contentType("application/problem+json"))
                    .andExpect(jsonPath("$.detail").value("The inventory module did not answer in time; the outcome is"
                            + " unknown: the module may have carried out the POST request it was sent, and a retry may carry"
                            + " it out again"))
                    .andExpect(jsonPath("$.instance").value("/orders"));
            caller.perform(get("/orders/1")).andExpect(status().isGatewayTimeout())
                    .andExpect(jsonPath("$.detail").value("The inventory module did not answer in time"));
            caller.perform(get("/orders/2")).andExpect(status().isServiceUnavailable())
                    .andExpect(header().string(HttpHeaders.RETRY_AFTER, "3"))
                    .andExpect(jsonPath("$.detail").value("The inventory module is unavailable"));
        });
    }

    /**
     * The failure's message names the remote module's route, the status it answered and what the HTTP client threw:
     * the WARN line carries it, the answer only the fixed detail of its status.
     */
    @Test
    void aRemoteFailuresInternalsGoToTheLogNotToTheCaller(CapturedOutput output) {
        runner.withUserConfiguration(FailingCallerController.class).run(context -> {
            MockMvc caller = MockMvcBuilders.webAppContextSetup(context).build();
            String badGateway = caller.perform(get("/orders/3")).andExpect(status().isBadGateway())
                    .andExpect(content().contentType("application/problem+json"))
                    .andExpect(jsonPath("$.detail").value("The inventory module failed"))
                    .andReturn().getResponse().getContentAsString();
            String unavailable = caller.perform(get("/orders/4")).andExpect(status().isServiceUnavailable())
                    .andExpect(header().string(HttpHeaders.RETRY_AFTER, "1"))
                    .andExpect(jsonPath("$.detail").value("The inventory module is unavailable"))
                    .andReturn().getResponse().getContentAsString();
            assertThat(badGateway + unavailable).doesNotContain("/api/inventory", "500", "java.", "10.0.3.7", "Connection reset");
        });
        assertThat(output.getAll())
                .contains(" WARN ", "The inventory module answered POST /api/inventory/reserve with 500 (no cause)")
                .contains("The inventory module is unavailable: its answer broke off (java.net.SocketException: Connection"
                        + " reset) (org.springframework.web.client.ResourceAccessException: I/O error on GET request for"
                        + " \"http://10.0.3.7:8080/api/inventory/1\")");
    }

    /** The forum's ProblemDetailsAdvice has both kinds: a handler of RemoteModuleException and one of Exception. */
    @Test
    void anApplicationsAdviceWithAHandlerOfRemoteFailuresOrOfEveryExceptionComesFirst() {
        runner.withUserConfiguration(FailingCallerController.class, ApplicationsRemoteFailureHandler.class).run(context -> {
            MockMvc caller = MockMvcBuilders.webAppContextSetup(context).build();
            caller.perform(get("/orders/2")).andExpect(status().isServiceUnavailable())
                    .andExpect(content().string("mine: inventory"));
            caller.perform(post("/orders")).andExpect(status().isGatewayTimeout())
                    .andExpect(content().string("mine: inventory"));
        });
        runner.withUserConfiguration(FailingCallerController.class, ApplicationsCatchAll.class).run(context -> {
            MockMvc caller = MockMvcBuilders.webAppContextSetup(context).build();
            caller.perform(get("/orders/1")).andExpect(status().isInternalServerError())
                    .andExpect(content().string("mine: RemoteModuleTimeoutException"));
            caller.perform(get("/orders/3")).andExpect(status().isInternalServerError())
                    .andExpect(content().string("mine: RemoteModuleException"));
        });
    }

    /**
     * The remote exceptions are all Spring's {@code ErrorResponseException}: an advice that extends
     * {@code ResponseEntityExceptionHandler} answers each with its status, headers and problem document, ahead of its
     * own catch-all, and so does Spring Boot's under {@code spring.mvc.problemdetails.enabled}.
     */
    @Test
    void anAdviceOfResponseEntityExceptionHandlerAnswersEveryRemoteExceptionWithItsStatusNotItsCatchAll() {
        runner.withUserConfiguration(FailingCallerController.class, ApplicationsProblemAdvice.class).run(context -> {
            MockMvc caller = MockMvcBuilders.webAppContextSetup(context).build();
            caller.perform(get("/orders/2")).andExpect(status().isServiceUnavailable())
                    .andExpect(header().string(HttpHeaders.RETRY_AFTER, "3"))
                    .andExpect(content().contentType("application/problem+json"))
                    .andExpect(jsonPath("$.detail").value("The inventory module is unavailable"))
                    .andExpect(jsonPath("$.instance").value("/orders/2"));
            caller.perform(get("/orders/1")).andExpect(status().isGatewayTimeout())
                    .andExpect(jsonPath("$.detail").value("The inventory module did not answer in time"));
            caller.perform(get("/orders/3")).andExpect(status().isBadGateway())
                    .andExpect(content().contentType("application/problem+json"))
                    .andExpect(jsonPath("$.detail").value("The inventory module failed"))
                    .andExpect(jsonPath("$.errorCode").doesNotExist());
            caller.perform(get("/appointments/99")).andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.detail").value("no patient 99"))
                    .andExpect(jsonPath("$.patientId").value(99));
        });
        runner.withUserConfiguration(FailingCallerController.class)
                .withPropertyValues("spring.mvc.problemdetails.enabled=true").run(context -> {
                    MockMvc caller = MockMvcBuilders.webAppContextSetup(context).build();
                    caller.perform(get("/orders/2")).andExpect(status().isServiceUnavailable())
                            .andExpect(header().string(HttpHeaders.RETRY_AFTER, "3"))
                            .andExpect(jsonPath("$.detail").value("The inventory module is unavailable"));
                    caller.perform(post("/orders")).andExpect(status().isGatewayTimeout());
                });
    }

    /** The application's own handler sends the status to its /error handling, headers kept, as before the advice. */
    @Test
    void anApplicationKeepsItsErrorPageWithAHandlerThatSendsTheError() {
        runner.withUserConfiguration(FailingCallerController.class, ApplicationsErrorPage.class).run(context -> {
            MockMvc caller = MockMvcBuilders.webAppContextSetup(context).build();
            MockHttpServletResponse answer = caller.perform(get("/orders/2")).andExpect(status().isServiceUnavailable())
                    .andExpect(header().string(HttpHeaders.RETRY_AFTER, "3"))
                    .andReturn().getResponse();
            // sendError: the servlet container forwards to /error (MockMvc does not), no problem document was written
            assertThat(answer.isCommitted()).isTrue();
            assertThat(answer.getContentAsString()).isEmpty();
            assertThat(answer.getContentType()).isNull();
        });
    }

    @Test
    void anApplicationsOwnHandlerComesFirst() {
        runner.withUserConfiguration(ApplicationsOwnHandler.class).run(context -> {
            MockMvc caller = MockMvcBuilders.webAppContextSetup(context).build();
            caller.perform(get("/appointments/99")).andExpect(status().isIAmATeapot())
                    .andExpect(content().string("mine: patients"));
        });
    }
}

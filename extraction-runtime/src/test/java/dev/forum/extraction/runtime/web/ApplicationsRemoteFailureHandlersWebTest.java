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
import dev.forum.extraction.runtime.web.RemoteFailureCallers.FailingCallerController;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * An application's own exception handlers of remote failures and relayed answers, beside the library's advice: which
 * one answers ({@link RemoteFailureCallers}' controllers throw), with and without {@code spring.mvc.problemdetails.enabled}
 * (Spring Boot's {@code ProblemDetailsExceptionHandler}, at order 0). extraction-runtime/README.md, "An application's
 * own handling of remote failures" and "Upgrading".
 */
class ApplicationsRemoteFailureHandlersWebTest {

    private final WebApplicationContextRunner runner = RemoteFailureCallers.application()
            .withUserConfiguration(FailingCallerController.class);

    /** An application's own handler of the relayed answer. */
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
     * own exceptions, and a catch-all handler of every exception, whose body has the application's {@code errorCode}.
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

    /** That advice, with the upgrade note's first way to keep its catch-all for remote failures: a handler of them. */
    @RestControllerAdvice
    static class ApplicationsProblemAdviceWithAHandlerOfRemoteFailures extends ApplicationsProblemAdvice {

        @ExceptionHandler(RemoteModuleException.class)
        ProblemDetail remote(RemoteModuleException failure) {
            return unexpected(failure);
        }
    }

    /** That advice, with the upgrade note's second way: {@code handleErrorResponseException} overridden. */
    @RestControllerAdvice
    static class ApplicationsProblemAdviceOverridingErrorResponses extends ApplicationsProblemAdvice {

        @Override
        protected ResponseEntity<Object> handleErrorResponseException(ErrorResponseException failure, HttpHeaders headers,
                HttpStatusCode status, WebRequest request) {
            return failure instanceof RemoteModuleException
                    ? ResponseEntity.internalServerError().body(unexpected(failure))
                    : super.handleErrorResponseException(failure, headers, status, request);
        }
    }

    /** The README's handler that sends a remote failure to the application's /error handling, headers kept. */
    private static void sendError(RemoteModuleException failure, HttpServletResponse response) throws IOException {
        failure.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        response.sendError(failure.getStatusCode().value());
    }

    /** extraction-runtime/README.md's {@code RemoteFailuresToErrorPage}, ordered ahead of Spring Boot's advice. */
    @ControllerAdvice
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class RemoteFailuresToErrorPage {

        @ExceptionHandler(RemoteModuleException.class)
        void toErrorPage(RemoteModuleException failure, HttpServletResponse response) throws IOException {
            sendError(failure, response);
        }
    }

    /** The same handler in an advice without {@code @Order}. */
    @ControllerAdvice
    static class UnorderedRemoteFailuresToErrorPage {

        @ExceptionHandler(RemoteModuleException.class)
        void toErrorPage(RemoteModuleException failure, HttpServletResponse response) throws IOException {
            sendError(failure, response);
        }
    }

    /** GET /orders/2 (a 503 with {@code Retry-After: 3}) went to the application's /error handling: nothing written. */
    private static void assertSentToTheErrorPage(MockMvc caller) throws Exception {
        MockHttpServletResponse answer = caller.perform(get("/orders/2")).andExpect(status().isServiceUnavailable())
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, "3"))
                .andReturn().getResponse();
        // sendError: the servlet container forwards to /error (MockMvc does not), no problem document was written
        assertThat(answer.isCommitted()).isTrue();
        assertThat(answer.getContentAsString()).isEmpty();
        assertThat(answer.getContentType()).isNull();
    }

    /**
     * Under {@code spring.mvc.problemdetails.enabled} Spring Boot's advice (order 0), and the library's just before it
     * (order -1), are asked before an application's advice without {@code @Order} (the lowest precedence), and they
     * answer every {@code ErrorResponseException}, the remote failures included: the unordered handler is never reached.
     * Ordered below 0 it is.
     */
    @Test
    void underProblemDetailsAnApplicationsHandlerOfRemoteFailuresNeedsAnOrderBelowZero() {
        WebApplicationContextRunner problemDetails = runner.withPropertyValues("spring.mvc.problemdetails.enabled=true");
        problemDetails.withUserConfiguration(UnorderedRemoteFailuresToErrorPage.class).run(context -> {
            MockMvc caller = MockMvcBuilders.webAppContextSetup(context).build();
            caller.perform(get("/orders/2")).andExpect(status().isServiceUnavailable())
                    .andExpect(header().string(HttpHeaders.RETRY_AFTER, "3"))
                    .andExpect(content().contentType("application/problem+json"))
                    .andExpect(jsonPath("$.detail").value("The inventory module is unavailable"));
        });
        problemDetails.withUserConfiguration(RemoteFailuresToErrorPage.class).run(context ->
                assertSentToTheErrorPage(MockMvcBuilders.webAppContextSetup(context).build()));
    }

    /** Without the property the README's handler sends the error, with its {@code @Order} or without. */
    @Test
    void anApplicationKeepsItsErrorPageWithAHandlerThatSendsTheError() {
        runner.withUserConfiguration(RemoteFailuresToErrorPage.class).run(context ->
                assertSentToTheErrorPage(MockMvcBuilders.webAppContextSetup(context).build()));
        runner.withUserConfiguration(UnorderedRemoteFailuresToErrorPage.class).run(context ->
                assertSentToTheErrorPage(MockMvcBuilders.webAppContextSetup(context).build()));
    }

    @Test
    void anApplicationsOwnHandlerOfTheRelayedAnswerComesFirst() {
        runner.withUserConfiguration(ApplicationsOwnHandler.class).run(context -> {
            MockMvc caller = MockMvcBuilders.webAppContextSetup(context).build();
            caller.perform(get("/appointments/99")).andExpect(status().isIAmATeapot())
                    .andExpect(content().string("mine: patients"));
        });
    }

    /** The forum's ProblemDetailsAdvice has both kinds: a handler of RemoteModuleException and one of Exception. */
    @Test
    void anApplicationsAdviceWithAHandlerOfRemoteFailuresOrOfEveryExceptionComesFirst() {
        runner.withUserConfiguration(ApplicationsRemoteFailureHandler.class).run(context -> {
            MockMvc caller = MockMvcBuilders.webAppContextSetup(context).build();
            caller.perform(get("/orders/2")).andExpect(status().isServiceUnavailable())
                    .andExpect(content().string("mine: inventory"));
            caller.perform(post("/orders")).andExpect(status().isGatewayTimeout())
                    .andExpect(content().string("mine: inventory"));
        });
        runner.withUserConfiguration(ApplicationsCatchAll.class).run(context -> {
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
     * own catch-all (which answered them before: the upgrade note); under {@code spring.mvc.problemdetails.enabled},
     * without such an advice of the application's, the library's advice (just before Spring Boot's) gives the same
     * answers.
     */
    @Test
    void anAdviceOfResponseEntityExceptionHandlerAnswersEveryRemoteExceptionWithItsStatusNotItsCatchAll() {
        runner.withUserConfiguration(ApplicationsProblemAdvice.class).run(context -> {
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
        runner.withPropertyValues("spring.mvc.problemdetails.enabled=true").run(context -> {
            MockMvc caller = MockMvcBuilders.webAppContextSetup(context).build();
            caller.perform(get("/orders/2")).andExpect(status().isServiceUnavailable())
                    .andExpect(header().string(HttpHeaders.RETRY_AFTER, "3"))
                    .andExpect(jsonPath("$.detail").value("The inventory module is unavailable"));
            caller.perform(post("/orders")).andExpect(status().isGatewayTimeout());
        });
    }

    /**
     * The upgrade note's two one-line ways to give remote failures back to such an advice's catch-all: a handler of
     * {@code RemoteModuleException} in the advice, or {@code handleErrorResponseException} overridden. A relayed
     * answer stays the module's.
     */
    @Test
    void anAdviceOfResponseEntityExceptionHandlerGivesRemoteFailuresBackToItsCatchAllInOneLine() {
        for (Class<?> advice : new Class<?>[] {ApplicationsProblemAdviceWithAHandlerOfRemoteFailures.class,
                ApplicationsProblemAdviceOverridingErrorResponses.class}) {
            runner.withUserConfiguration(advice).run(context -> {
                MockMvc caller = MockMvcBuilders.webAppContextSetup(context).build();
                for (String failing : new String[] {"/orders/1", "/orders/2", "/orders/3"}) {
                    caller.perform(get(failing)).andExpect(status().isInternalServerError())
                            .andExpect(header().doesNotExist(HttpHeaders.RETRY_AFTER))
                            .andExpect(jsonPath("$.detail").value("Unexpected error"))
                            .andExpect(jsonPath("$.errorCode").value("INTERNAL"));
                }
                caller.perform(get("/appointments/99")).andExpect(status().isNotFound())
                        .andExpect(jsonPath("$.detail").value("no patient 99"));
            });
        }
    }
}

package dev.forum.extraction.runtime.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.forum.extraction.runtime.remote.RemoteErrorResponseException;
import dev.forum.extraction.runtime.web.RemoteFailureCallers.FailingCallerController;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The library's answers in a Spring MVC application with Spring Boot's defaults ({@code spring.mvc.problemdetails.enabled}
 * off) and no exception handler of its own ({@link RemoteFailureCallers}' controllers throw): a remote module's relayed
 * 4xx with the module's status, headers and problem document, a remote failure with its status, headers and fixed
 * problem detail, its internals in the WARN line only; a relayed answer that is no problem document through Spring
 * MVC's {@code sendError}, with {@code spring.mvc.problemdetails.enabled} on as well. An application's own handlers:
 * {@link ApplicationsRemoteFailureHandlersWebTest}.
 */
@ExtendWith(OutputCaptureExtension.class)
class RemoteErrorResponseWebTest {

    private final WebApplicationContextRunner runner = RemoteFailureCallers.application();

    /** An application's replacement of the library's advice. */
    @Configuration(proxyBeanMethods = false)
    static class ApplicationsOwnAdvice {

        @Bean
        RemoteErrorResponseAdvice applicationsAdvice() {
            return new RemoteErrorResponseAdvice() {
                @Override
                public ResponseEntity<ProblemDetail> relay(RemoteErrorResponseException relayed) {
                    return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(ProblemDetail.forStatus(HttpStatus.BAD_GATEWAY));
                }
            };
        }
    }

    /**
     * A caller whose remote module answered {@code GET /seats/1} with a 409 that is no problem document (Spring Boot's
     * error JSON, plain text or no body, as the client read it) and {@code Retry-After: 5}.
     */
    @RestController
    static class NoProblemDocumentCaller {

        @GetMapping("/seats/1")
        String seat() {
            RemoteErrorResponseException relayed = new RemoteErrorResponseException("venues", HttpStatus.CONFLICT,
                    ProblemDetail.forStatus(HttpStatus.CONFLICT), false);
            relayed.getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
            throw relayed;
        }
    }

    /**
     * Spring Boot's {@code ProblemDetailsExceptionHandler} (order 0, under the property) answers every
     * {@code ErrorResponseException}; the library's advice comes before it, so the relayed answer still goes to the
     * caller's {@code /error}, as the module's exception does in process, and a problem document is still relayed.
     */
    @Test
    void aRelayedAnswerThatIsNoProblemDocumentIsSentToTheErrorPageWithProblemDetailsOnAndOff() {
        for (boolean problemDetails : new boolean[] {false, true}) {
            runner.withPropertyValues("spring.mvc.problemdetails.enabled=" + problemDetails)
                    .withUserConfiguration(NoProblemDocumentCaller.class).run(context -> {
                        MockMvc caller = MockMvcBuilders.webAppContextSetup(context).build();
                        MockHttpServletResponse answer = caller.perform(get("/seats/1")).andExpect(status().isConflict())
                                .andExpect(header().string(HttpHeaders.RETRY_AFTER, "5")).andReturn().getResponse();
                        // sendError: the servlet container forwards to /error (MockMvc does not), nothing written here
                        assertThat(answer.isCommitted()).isTrue();
                        assertThat(answer.getContentAsString()).as("problem details %s", problemDetails).isEmpty();
                        assertThat(answer.getContentType()).isNull();
                        caller.perform(get("/appointments/99")).andExpect(status().isNotFound())
                                .andExpect(content().contentType("application/problem+json"))
                                .andExpect(jsonPath("$.patientId").value(99))
                                .andExpect(jsonPath("$.instance").value("/appointments/99"));
                    });
        }
    }

    /**
     * The library's advice backs off, with {@code spring.mvc.problemdetails.enabled} on as well (where it would be
     * ordered before Spring Boot's advice; the application's replacement is at the order it gives it).
     */
    @Test
    void anApplicationsOwnAdviceBeanReplacesTheLibrarysAdvice() {
        runner.withUserConfiguration(ApplicationsOwnAdvice.class).run(context -> {
            assertThat(context.getBeansOfType(RemoteErrorResponseAdvice.class)).containsOnlyKeys("applicationsAdvice");
            MockMvc caller = MockMvcBuilders.webAppContextSetup(context).build();
            caller.perform(get("/appointments/99")).andExpect(status().isBadGateway());
        });
        runner.withPropertyValues("spring.mvc.problemdetails.enabled=true").withUserConfiguration(ApplicationsOwnAdvice.class)
                .run(context -> assertThat(context.getBeansOfType(RemoteErrorResponseAdvice.class))
                        .containsOnlyKeys("applicationsAdvice"));
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
}

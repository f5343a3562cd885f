package dev.forum.extraction.runtime.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.forum.extraction.runtime.web.RemoteErrorResponseAutoConfiguration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the root README tells an application whose module throws Spring's {@code ResponseStatusException}: with
 * {@code spring.mvc.problemdetails.enabled=true} in its settings, the caller's answer is the same problem document
 * whether the module runs in process (the monolith) or in another process (split), the module's answer relayed
 * ({@link RemoteErrorResponseException#relay}) with the caller's own {@code instance}.
 */
class ResponseStatusProblemTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The module's controller, and its code the caller calls in process in the monolith. */
    @RestController
    static class VenuesController {

        @GetMapping("/api/venues/{id}")
        String venue(@PathVariable("id") int id) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no venue " + id);
        }
    }

    /** The caller in the monolith: the module's code runs in process. */
    @RestController
    static class MonolithBookings {

        @GetMapping("/api/bookings/{id}")
        String book(@PathVariable("id") int id) {
            return new VenuesController().venue(id);
        }
    }

    /** The module's answer as the caller's HTTP client got it from the module's process. */
    static final AtomicReference<MockHttpServletResponse> MODULE_ANSWER = new AtomicReference<>();

    /** The caller once split: its client relays the module's answer. */
    @RestController
    static class SplitBookings {

        @GetMapping("/api/bookings/{id}")
        String book(@PathVariable("id") int id) {
            MockHttpServletResponse answer = MODULE_ANSWER.get();
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.CONTENT_TYPE, answer.getContentType());
            throw RemoteErrorResponseException.relay("venues", answer.getStatus(), headers,
                    answer.getContentAsByteArray(), false);
        }
    }

    private static WebApplicationContextRunner runner(Class<?> controller) {
        return new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
                        HttpMessageConvertersAutoConfiguration.class, WebMvcAutoConfiguration.class,
                        RemoteErrorResponseAutoConfiguration.class))
                .withPropertyValues("spring.mvc.problemdetails.enabled=true")
                .withUserConfiguration(controller);
    }

    private static MockHttpServletResponse answer(Class<?> controller, String path) {
        AtomicReference<MockHttpServletResponse> response = new AtomicReference<>();
        runner(controller).run(context -> {
            MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
            response.set(mvc.perform(get(path)).andReturn().getResponse());
        });
        return response.get();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(byte[] body) {
        return JSON.readValue(body, Map.class);
    }

    @Test
    void withProblemDetailsOnTheCallerAnswersTheSameDocumentInTheMonolithAndSplit() throws Exception {
        MockHttpServletResponse monolith = answer(MonolithBookings.class, "/api/bookings/7");
        MODULE_ANSWER.set(answer(VenuesController.class, "/api/venues/7"));
        MockHttpServletResponse split = answer(SplitBookings.class, "/api/bookings/7");

        assertThat(monolith.getStatus()).isEqualTo(404);
        assertThat(monolith.getContentType()).isEqualTo("application/problem+json");
        Map<String, Object> inProcess = json(monolith.getContentAsByteArray());
        assertThat(inProcess).containsEntry("detail", "no venue 7").containsEntry("title", "Not Found")
                .containsEntry("instance", "/api/bookings/7");
        // The module's own answer names its own path, which the caller does not pass on.
        assertThat(json(MODULE_ANSWER.get().getContentAsByteArray()))
                .containsEntry("instance", "/api/venues/7");

        assertThat(split.getStatus()).isEqualTo(404);
        assertThat(split.getContentType()).isEqualTo("application/problem+json");
        assertThat(json(split.getContentAsByteArray())).isEqualTo(inProcess);
    }
}

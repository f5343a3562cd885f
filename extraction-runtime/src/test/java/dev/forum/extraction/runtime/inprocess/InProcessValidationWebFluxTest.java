package dev.forum.extraction.runtime.inprocess;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forum.extraction.runtime.inprocess.ValidationFixture.CountedNotBlank;
import dev.forum.extraction.runtime.inprocess.ValidationFixture.ItemsController;
import dev.forum.extraction.runtime.inprocess.ValidationFixture.OrdersController;
import dev.forum.extraction.runtime.inprocess.ValidationFixture.StockController;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A Spring WebFlux application with problem details: another module's invalid in-process call is answered with the
 * problem document the module answers its own invalid request with (Spring WebFlux's {@code WebExchangeBindException}
 * and {@code HandlerMethodValidationException}).
 */
class InProcessValidationWebFluxTest {

    private static final String INVALID = "{\"sku\":\"Bad SKU!\",\"name\":\"\"}";
    private static final String VALID = "{\"sku\":\"mug\",\"name\":\"Mug\"}";
    private static final ParameterizedTypeReference<Map<String, Object>> PROBLEM = new ParameterizedTypeReference<>() {
    };

    private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CodecsAutoConfiguration.class,
                    WebFluxAutoConfiguration.class, ValidationAutoConfiguration.class,
                    ContractValidationAutoConfiguration.class))
            .withUserConfiguration(ItemsController.class, StockController.class, OrdersController.class)
            .withPropertyValues("spring.webflux.problemdetails.enabled=true");

    @Test
    void theCallersAnswerIsTheModulesOwn400() {
        runner.run(context -> {
            WebTestClient client = WebTestClient.bindToApplicationContext(context).build();
            assertSameProblem(client.post().uri("/api/items").contentType(MediaType.APPLICATION_JSON).bodyValue(INVALID),
                    client.post().uri("/orders/items").contentType(MediaType.APPLICATION_JSON).bodyValue(INVALID),
                    "Invalid request content.");
            assertSameProblem(client.get().uri("/api/items/BAD"), client.get().uri("/orders/items/BAD"), "Validation failure");
            assertThat(context.getBean(ItemsController.class).written()).isEmpty();
            assertThat(context.getBean(StockController.class).written()).isEmpty();
        });
    }

    /** Spring WebFlux dispatches a request to the validating controller bean: the request is validated once. */
    @Test
    void aRequestSpringWebFluxDispatchesIsValidatedOnce() {
        runner.run(context -> {
            assertThat(AopUtils.isAopProxy(context.getBean(ItemsController.class))).isTrue();
            CountedNotBlank.Check.CALLS.set(0);
            WebTestClient client = WebTestClient.bindToApplicationContext(context).build();
            client.post().uri("/api/items").contentType(MediaType.APPLICATION_JSON).bodyValue(VALID).exchange()
                    .expectStatus().isOk();
            assertThat(CountedNotBlank.Check.CALLS).hasValue(1);
            client.post().uri("/orders/items").contentType(MediaType.APPLICATION_JSON).bodyValue(VALID).exchange()
                    .expectStatus().isOk();
            assertThat(CountedNotBlank.Check.CALLS).hasValue(2);
            assertThat(context.getBean(ItemsController.class).written()).hasSize(2);
        });
    }

    private static void assertSameProblem(WebTestClient.RequestHeadersSpec<?> module, WebTestClient.RequestHeadersSpec<?> caller,
            String detail) {
        Map<String, Object> moduleProblem = problem(module);
        Map<String, Object> callerProblem = problem(caller);
        assertThat(moduleProblem).containsEntry("status", 400).containsEntry("detail", detail);
        assertThat(callerProblem.remove("instance")).asString().startsWith("/orders/");
        assertThat(moduleProblem.remove("instance")).asString().startsWith("/api/");
        assertThat(callerProblem).isEqualTo(moduleProblem);
    }

    private static Map<String, Object> problem(WebTestClient.RequestHeadersSpec<?> request) {
        EntityExchangeResult<Map<String, Object>> result = request.exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON).expectBody(PROBLEM).returnResult();
        return new java.util.HashMap<>(result.getResponseBody());
    }
}

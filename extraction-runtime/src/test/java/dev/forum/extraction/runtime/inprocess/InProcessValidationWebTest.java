package dev.forum.extraction.runtime.inprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.forum.extraction.runtime.inprocess.ValidationFixture.CountedNotBlank;
import dev.forum.extraction.runtime.inprocess.ValidationFixture.ItemsApi;
import dev.forum.extraction.runtime.inprocess.ValidationFixture.ItemsController;
import dev.forum.extraction.runtime.inprocess.ValidationFixture.NewItem;
import dev.forum.extraction.runtime.inprocess.ValidationFixture.OrdersController;
import dev.forum.extraction.runtime.inprocess.ValidationFixture.PlainApi;
import dev.forum.extraction.runtime.inprocess.ValidationFixture.PlainController;
import dev.forum.extraction.runtime.inprocess.ValidationFixture.StockApi;
import dev.forum.extraction.runtime.inprocess.ValidationFixture.StockController;
import jakarta.validation.ConstraintViolationException;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.aop.Advisor;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Spring MVC application whose modules all run in process: another module's call of a contract is validated as
 * Spring MVC validates the module's own request, refused with the same 400 answer, and a request is validated once.
 */
class InProcessValidationWebTest {

    private static final String INVALID = "{\"sku\":\"Bad SKU!\",\"name\":\"\"}";
    private static final String VALID = "{\"sku\":\"mug\",\"name\":\"Mug\"}";

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
                    HttpMessageConvertersAutoConfiguration.class, WebMvcAutoConfiguration.class,
                    ValidationAutoConfiguration.class, ContractValidationAutoConfiguration.class))
            .withUserConfiguration(ItemsController.class, StockController.class, PlainController.class,
                    OrdersController.class);

    @BeforeEach
    void resetCount() {
        CountedNotBlank.Check.CALLS.set(0);
    }

    @Test
    void anInvalidInProcessCallIsRefusedWith400AndNothingIsWritten() {
        runner.run(context -> {
            ItemsApi items = context.getBean(ItemsApi.class);
            assertThatThrownBy(() -> items.create(new NewItem("Bad SKU!", "")))
                    .isInstanceOfSatisfying(InvalidContractBodyException.class, refused -> {
                        assertThat(refused.getStatusCode().value()).isEqualTo(400);
                        assertThat(refused.getBody().getDetail()).isEqualTo("Invalid request content.");
                        assertThat(refused.getBindingResult().getObjectName()).isEqualTo("newItem");
                        assertThat(refused.getBindingResult().getFieldErrors())
                                .extracting(error -> error.getField()).containsExactlyInAnyOrder("sku", "name");
                    });
            assertThatThrownBy(() -> items.find("BAD")).isInstanceOfSatisfying(HandlerMethodValidationException.class,
                    refused -> assertThat(refused.getStatusCode().value()).isEqualTo(400));
            assertThat(context.getBean(ItemsController.class).written()).isEmpty();
        });
    }

    @Test
    void aValidInProcessCallGoesThroughValidatedOnce() {
        runner.run(context -> {
            assertThat(context.getBean(ItemsApi.class).create(new NewItem("mug", "Mug"))).isEqualTo(new NewItem("mug", "Mug"));
            assertThat(context.getBean(ItemsApi.class).find("mug")).isEqualTo("mug");
            assertThat(context.getBean(ItemsController.class).written()).containsExactly(new NewItem("mug", "Mug"));
            assertThat(CountedNotBlank.Check.CALLS).hasValue(1);
        });
    }

    /**
     * The contract bean other modules inject is the controller Spring MVC dispatches to, a proxy: a request is
     * validated by Spring MVC alone, not again by the proxy.
     */
    @Test
    void aRequestSpringMvcDispatchesIsValidatedOnce() {
        runner.run(context -> {
            assertThat(AopUtils.isAopProxy(context.getBean(ItemsApi.class))).isTrue();
            assertThat(context.getBean(ItemsApi.class)).isSameAs(context.getBean(ItemsController.class));
            MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
            assertThat(send(mvc, post("/api/items"), VALID).getStatus()).isEqualTo(200);
            assertThat(CountedNotBlank.Check.CALLS).hasValue(1);
            assertThat(context.getBean(ItemsController.class).written()).containsExactly(new NewItem("mug", "Mug"));
            assertThat(send(mvc, post("/api/items"), INVALID).getStatus()).isEqualTo(400);
            assertThat(CountedNotBlank.Check.CALLS).hasValue(2);
            assertThat(send(mvc, post("/orders/items"), VALID).getStatus()).isEqualTo(200);
            assertThat(CountedNotBlank.Check.CALLS).hasValue(3);
        });
    }

    @Test
    void aContractThatDeclaresNoCheckIsTheControllerItself() {
        runner.run(context -> {
            assertThat(context.getBean(PlainApi.class)).isSameAs(context.getBean(PlainController.class));
            assertThat(context.getBeanNamesForType(PlainApi.class)).hasSize(1);
        });
    }

    /** The caller answers the refusal with the problem document the module answers its own request with. */
    @Test
    void theCallersAnswerIsTheModulesOwn400() {
        runner.withPropertyValues("spring.mvc.problemdetails.enabled=true").run(context -> {
            MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
            assertSameProblem(send(mvc, post("/api/items"), INVALID), "/api/items",
                    send(mvc, post("/orders/items"), INVALID), "/orders/items", "Invalid request content.");
            assertSameProblem(send(mvc, get("/api/items/BAD"), null), "/api/items/BAD",
                    send(mvc, get("/orders/items/BAD"), null), "/orders/items/BAD", "Validation failure");
            assertThat(context.getBean(ItemsController.class).written()).isEmpty();
        });
    }

    /** Without problem details Spring MVC sets the status only, for the module's request and the caller's alike. */
    @Test
    void withoutProblemDetailsTheCallerAnswers400AsTheModuleDoes() {
        runner.run(context -> {
            MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
            MockHttpServletResponse module = send(mvc, post("/api/items"), INVALID);
            MockHttpServletResponse caller = send(mvc, post("/orders/items"), INVALID);
            assertThat(caller.getStatus()).isEqualTo(module.getStatus()).isEqualTo(400);
            assertThat(caller.getErrorMessage()).isEqualTo(module.getErrorMessage());
        });
    }

    /**
     * A {@code @Validated} controller is validated by Spring's own {@code MethodValidationInterceptor}, as it was
     * before the library validated in-process calls: its callers get its ConstraintViolationException, for a
     * constraint on a parameter and for a {@code @Valid} body alike, and a valid call is validated once.
     */
    @Test
    void aValidatedControllerIsLeftToSpringsMethodValidation() {
        runner.withPropertyValues("spring.mvc.problemdetails.enabled=true").run(context -> {
            StockApi stock = context.getBean(StockApi.class);
            assertThat(((Advised) stock).getAdvisors()).extracting(Advisor::getAdvice)
                    .noneMatch(ValidatingContract.class::isInstance);
            assertThatThrownBy(() -> stock.adjust(500)).isInstanceOf(ConstraintViolationException.class);
            assertThatThrownBy(() -> stock.receive(new NewItem("Bad SKU!", "")))
                    .isInstanceOf(ConstraintViolationException.class);
            CountedNotBlank.Check.CALLS.set(0);
            assertThat(stock.adjust(5)).isEqualTo(5);
            assertThat(stock.receive(new NewItem("mug", "Mug"))).isEqualTo(new NewItem("mug", "Mug"));
            assertThat(CountedNotBlank.Check.CALLS).hasValue(1);
            MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
            assertThatThrownBy(() -> send(mvc, post("/orders/adjust?delta=500"), null))
                    .hasRootCauseInstanceOf(ConstraintViolationException.class);
            assertThat(context.getBean(StockController.class).written())
                    .containsExactly(5, new NewItem("mug", "Mug"));
        });
    }

    private static MockHttpServletResponse send(MockMvc mvc,
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String json) throws Exception {
        RequestBuilder built = json == null ? request : request.contentType(MediaType.APPLICATION_JSON).content(json);
        return mvc.perform(built).andReturn().getResponse();
    }

    private static void assertSameProblem(MockHttpServletResponse module, String modulePath,
            MockHttpServletResponse caller, String callerPath, String detail) throws Exception {
        assertThat(caller.getStatus()).isEqualTo(module.getStatus()).isEqualTo(400);
        assertThat(caller.getContentType()).isEqualTo(module.getContentType()).isEqualTo("application/problem+json");
        Map<String, Object> moduleProblem = problem(module);
        Map<String, Object> callerProblem = problem(caller);
        assertThat(moduleProblem).containsEntry("detail", detail).containsEntry("instance", modulePath);
        assertThat(callerProblem).containsEntry("instance", callerPath);
        moduleProblem.remove("instance");
        callerProblem.remove("instance");
        assertThat(callerProblem).isEqualTo(moduleProblem);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> problem(MockHttpServletResponse response) throws Exception {
        return JsonMapper.builder().build().readValue(response.getContentAsString(), Map.class);
    }
}

package dev.forum.extraction.runtime.inprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.forum.extraction.runtime.inprocess.ValidationFixture.CountedNotBlank;
import dev.forum.extraction.runtime.inprocess.ValidationFixture.ItemsApi;
import dev.forum.extraction.runtime.inprocess.ValidationFixture.ItemsController;
import dev.forum.extraction.runtime.inprocess.ValidationFixture.NewItem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.service.annotation.GetExchange;

/**
 * The validating controller is the application's one bean of it: two implementers of a contract, an application's own
 * primary implementer, multi-bean injection, injection by the controller's class and a circular reference all work as
 * without the validation, and a controller a class proxy would break is left unproxied with one WARN line.
 */
@ExtendWith(OutputCaptureExtension.class)
class InProcessValidationBeansTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
                    HttpMessageConvertersAutoConfiguration.class, WebMvcAutoConfiguration.class,
                    ValidationAutoConfiguration.class, ContractValidationAutoConfiguration.class));

    @BeforeEach
    void resetCount() {
        CountedNotBlank.Check.CALLS.set(0);
    }

    /** A contract with no path of its own, served in two versions (a class-level path each). */
    interface ShopApi {

        @GetExchange("/price")
        String price(@RequestParam("sku") @CountedNotBlank String sku);
    }

    @RestController("shopV1")
    @RequestMapping("/v1")
    static class ShopV1 implements ShopApi {

        @Override
        public String price(String sku) {
            return "v1 " + sku;
        }
    }

    @RestController("shopV2")
    @RequestMapping("/v2")
    static class ShopV2 implements ShopApi {

        @Override
        public String price(String sku) {
            return "v2 " + sku;
        }
    }

    /** Injects one version by its parameter's name, and all of them three ways. */
    @Component
    static class ShopCaller {

        final ShopApi shopV1;
        final List<ShopApi> all;
        final Map<String, ShopApi> byName;
        final ObjectProvider<ShopApi> provider;

        ShopCaller(ShopApi shopV1, List<ShopApi> all, Map<String, ShopApi> byName, ObjectProvider<ShopApi> provider) {
            this.shopV1 = shopV1;
            this.all = all;
            this.byName = byName;
            this.provider = provider;
        }
    }

    @Test
    void twoImplementersAreEachOneValidatingBean() {
        runner.withUserConfiguration(ShopV1.class, ShopV2.class, ShopCaller.class).run(context -> {
            assertThat(context).hasNotFailed();
            ShopCaller caller = context.getBean(ShopCaller.class);
            assertThat(caller.shopV1).isSameAs(context.getBean("shopV1")).isInstanceOf(ShopV1.class);
            assertThat(AopUtils.isAopProxy(caller.shopV1)).isTrue();
            assertThat(caller.all).hasSize(2);
            assertThat(caller.byName).containsOnlyKeys("shopV1", "shopV2");
            assertThat(caller.provider.stream()).hasSize(2);
            assertThat(context.getBeanNamesForType(ShopApi.class)).containsExactlyInAnyOrder("shopV1", "shopV2");
            assertThatThrownBy(() -> caller.shopV1.price(" ")).isInstanceOf(HandlerMethodValidationException.class);
            assertThatThrownBy(() -> caller.byName.get("shopV2").price(" "))
                    .isInstanceOf(HandlerMethodValidationException.class);
            CountedNotBlank.Check.CALLS.set(0);
            assertThat(caller.shopV1.price("mug")).isEqualTo("v1 mug");
            assertThat(CountedNotBlank.Check.CALLS).hasValue(1);
            MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
            assertThat(mvc.perform(get("/v2/price").param("sku", "mug")).andReturn().getResponse().getContentAsString())
                    .isEqualTo("v2 mug");
            assertThat(CountedNotBlank.Check.CALLS).hasValue(2);
            assertThat(mvc.perform(get("/v1/price").param("sku", " ")).andReturn().getResponse().getStatus()).isEqualTo(400);
        });
    }

    /** An application's own primary implementer of a contract, decorating the controller it injects by its class. */
    @Component
    @Primary
    static class CachingItems implements ItemsApi {

        final ItemsController controller;

        CachingItems(ItemsController controller) {
            this.controller = controller;
        }

        @Override
        public NewItem create(NewItem item) {
            return controller.create(item);
        }

        @Override
        public String find(String sku) {
            return controller.find(sku);
        }
    }

    /** Another module's caller of the items contract. */
    @Component
    static class ItemsCaller {

        final ItemsApi items;
        final List<ItemsApi> all;
        final ObjectProvider<ItemsApi> provider;

        ItemsCaller(ItemsApi items, List<ItemsApi> all, ObjectProvider<ItemsApi> provider) {
            this.items = items;
            this.all = all;
            this.provider = provider;
        }
    }

    @Test
    void anApplicationsPrimaryDecoratorStaysPrimaryAndItsCallsAreValidatedOnceByTheController() {
        runner.withUserConfiguration(ItemsController.class, CachingItems.class, ItemsCaller.class).run(context -> {
            assertThat(context).hasNotFailed();
            ItemsCaller caller = context.getBean(ItemsCaller.class);
            CachingItems decorator = context.getBean(CachingItems.class);
            assertThat(caller.items).isSameAs(decorator).isSameAs(caller.provider.getObject());
            assertThat(AopUtils.isAopProxy(decorator)).isFalse();
            assertThat(decorator.controller).isSameAs(context.getBean(ItemsController.class));
            assertThat(AopUtils.isAopProxy(decorator.controller)).isTrue();
            assertThat(caller.all).hasSize(2).containsExactlyInAnyOrder(decorator, decorator.controller);
            assertThat(caller.provider.stream()).hasSize(2);
            assertThatThrownBy(() -> caller.items.create(new NewItem("Bad SKU!", "")))
                    .isInstanceOf(InvalidContractBodyException.class);
            assertThat(decorator.controller.written()).isEmpty();
            CountedNotBlank.Check.CALLS.set(0);
            caller.items.create(new NewItem("mug", "Mug"));
            assertThat(CountedNotBlank.Check.CALLS).hasValue(1);
            assertThat(decorator.controller.written()).containsExactly(new NewItem("mug", "Mug"));
        });
    }

    /**
     * A controller and a caller of its contract that need each other (circular references allowed); lazy, so the
     * controller is made first and the caller gets its early reference.
     */
    @Component
    @Lazy
    static class CyclicCaller {

        @Autowired
        ItemsApi items;
    }

    @RestController
    static class CyclicItemsController extends ItemsController {

        @Autowired
        CyclicCaller caller;
    }

    @Test
    void aControllerInACircularReferenceIsTheSameValidatingBeanEverywhere() {
        runner.withUserConfiguration(CyclicItemsController.class, CyclicCaller.class)
                .withAllowCircularReferences(true)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    ItemsApi controller = context.getBean(ItemsApi.class);
                    assertThat(context.getBean(CyclicCaller.class).items).isSameAs(controller);
                    assertThat(AopUtils.isAopProxy(controller)).isTrue();
                    assertThatThrownBy(() -> context.getBean(CyclicCaller.class).items.create(new NewItem("Bad SKU!", "")))
                            .isInstanceOf(InvalidContractBodyException.class);
                });
    }

    /** A final method would run on a proxy with the proxy's unset fields. */
    @RestController
    static class FinalMethodItemsController extends ItemsController {

        /** @return how many items it was given */
        public final int count() {
            return written().size();
        }
    }

    /** Spring MVC refuses to start with a private handler method on a class proxy. */
    @RestController
    static class PrivateHandlerItemsController extends ItemsController {

        @GetMapping("/count")
        private int count() {
            return written().size();
        }
    }

    @Test
    void aControllerAClassProxyWouldBreakIsLeftAsItIsWithOneWarning(CapturedOutput output) {
        runner.withUserConfiguration(FinalMethodItemsController.class).run(context -> {
            assertThat(context).hasNotFailed();
            FinalMethodItemsController controller = context.getBean(FinalMethodItemsController.class);
            assertThat(AopUtils.isAopProxy(controller)).isFalse();
            controller.create(new NewItem("Bad SKU!", ""));
            assertThat(controller.count()).isEqualTo(1);
        });
        runner.withUserConfiguration(PrivateHandlerItemsController.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(AopUtils.isAopProxy(context.getBean(ItemsApi.class))).isFalse();
            MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
            assertThat(mvc.perform(get("/api/items/count")).andReturn().getResponse().getContentAsString()).isEqualTo("0");
        });
        assertThat(output.getOut().lines().filter(line -> line.contains("WARN")
                && line.contains("are not validated as over HTTP"))).hasSize(2);
        assertThat(output.getOut()).contains("FinalMethodItemsController.count is final")
                .contains("PrivateHandlerItemsController.count is private");
    }
}

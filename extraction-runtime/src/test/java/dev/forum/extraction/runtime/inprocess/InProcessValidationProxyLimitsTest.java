package dev.forum.extraction.runtime.inprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forum.extraction.runtime.inprocess.ValidationFixture.ItemsApi;
import dev.forum.extraction.runtime.inprocess.ValidationFixture.ItemsController;
import dev.forum.extraction.runtime.inprocess.ValidationFixture.NewItem;
import dev.forum.extraction.runtime.inprocess.elsewhere.CountingController;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Scope;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.annotation.RequestScope;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Where a class proxy cannot be made or would change the controller, the controller is left as it is with one WARN
 * line per class, and the start goes on; prototype- and request-scoped controllers are validated, every instance
 * through the one proxy class, which two application contexts decorating the same class share too.
 */
@ExtendWith(OutputCaptureExtension.class)
class InProcessValidationProxyLimitsTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
                    HttpMessageConvertersAutoConfiguration.class, WebMvcAutoConfiguration.class,
                    ValidationAutoConfiguration.class, ContractValidationAutoConfiguration.class));

    /** Spring can make it (reflection), its CGLIB cannot subclass it ("No visible constructors"). */
    @RestController
    static class PrivateConstructorItemsController extends ItemsController {

        private PrivateConstructorItemsController() {
        }
    }

    @Test
    void aControllerSpringCannotSubclassIsLeftAsItIsWithOneWarningAndTheStartGoesOn(CapturedOutput output) {
        runner.withUserConfiguration(PrivateConstructorItemsController.class).run(context -> {
            assertThat(context).hasNotFailed();
            ItemsApi items = context.getBean(ItemsApi.class);
            assertThat(AopUtils.isAopProxy(items)).isFalse();
            assertThat(items.create(new NewItem("Bad SKU!", ""))).isEqualTo(new NewItem("Bad SKU!", ""));
        });
        assertThat(output.getOut().lines().filter(line -> line.contains("WARN")
                && line.contains("are not validated as over HTTP"))).singleElement().asString()
                .contains("PrivateConstructorItemsController")
                .contains("Spring cannot make a class proxy of it (No visible constructors");
    }

    /**
     * Its package-private handler method, declared in another package, cannot be overridden by a proxy (Spring MVC 7.0
     * does not map it either: a call of it is an in-process one).
     */
    @RestController
    static class ElsewhereCountedItemsController extends CountingController implements ItemsApi {

        @Override
        public NewItem create(NewItem item) {
            return item;
        }

        @Override
        public String find(String sku) {
            return sku;
        }
    }

    @Test
    void aPackagePrivateHandlerOfASuperclassInAnotherPackageLeavesTheControllerAsItIs(CapturedOutput output) {
        runner.withUserConfiguration(ElsewhereCountedItemsController.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(AopUtils.isAopProxy(context.getBean(ItemsApi.class))).isFalse();
        });
        assertThat(output.getOut()).contains("its request-handler method " + CountingController.class.getName()
                + ".counted is package-private in another package than " + ElsewhereCountedItemsController.class.getName()
                + ", so a proxy cannot override it and it would run on the proxy, whose fields are unset: make it public");
    }

    @RestController
    @Scope("prototype")
    static class PrototypeItemsController extends ItemsController {
    }

    @Test
    void everyInstanceOfAPrototypeControllerIsValidatedThroughOneProxyClass() {
        runner.withUserConfiguration(PrototypeItemsController.class).run(context -> {
            assertThat(context).hasNotFailed();
            ItemsApi first = context.getBean(ItemsApi.class);
            ItemsApi second = context.getBean(ItemsApi.class);
            assertThat(first).isNotSameAs(second);
            assertThat(AopUtils.isCglibProxy(first)).isTrue();
            assertThat(second.getClass()).isSameAs(first.getClass());
            assertThat(((Advised) second).getAdvisors()).containsExactly(((Advised) first).getAdvisors());
            assertThatThrownBy(() -> second.create(new NewItem("Bad SKU!", ""))).isInstanceOf(InvalidContractBodyException.class);
        });
    }

    @RestController
    static class TwiceStartedItemsController extends ItemsController {
    }

    /** Each context has its own post-processor, which works out its own advisor for the class: one proxy class still. */
    @Test
    void theDecorationsOfOneControllerClassBuiltSeparatelyGiveOneProxyClass() {
        List<Class<?>> proxyClasses = new ArrayList<>();
        for (int start = 0; start < 2; start++) {
            runner.withUserConfiguration(TwiceStartedItemsController.class).run(context -> {
                assertThat(context).hasNotFailed();
                ItemsApi items = context.getBean(ItemsApi.class);
                assertThat(AopUtils.isCglibProxy(items)).isTrue();
                proxyClasses.add(items.getClass());
            });
        }
        assertThat(proxyClasses.get(1)).isSameAs(proxyClasses.get(0));
    }

    @RestController
    @RequestScope
    static class RequestScopedItemsController extends ItemsController {
    }

    @Test
    void everyRequestsInstanceOfARequestScopedControllerIsValidatedThroughOneProxyClass() {
        runner.withUserConfiguration(RequestScopedItemsController.class).run(context -> {
            assertThat(context).hasNotFailed();
            ItemsApi scoped = context.getBean(ItemsApi.class);
            Object first = inRequest(() -> {
                assertThatThrownBy(() -> scoped.create(new NewItem("Bad SKU!", "")))
                        .isInstanceOf(InvalidContractBodyException.class);
                return ((Advised) scoped).getTargetSource().getTarget();
            });
            Object second = inRequest(() -> {
                assertThat(scoped.create(new NewItem("mug", "Mug"))).isEqualTo(new NewItem("mug", "Mug"));
                return ((Advised) scoped).getTargetSource().getTarget();
            });
            assertThat(first).isNotSameAs(second);
            assertThat(AopUtils.isCglibProxy(first)).isTrue();
            assertThat(second.getClass()).isSameAs(first.getClass());
        });
    }

    /** Something done within a request. */
    private interface InRequest {

        Object run() throws Exception;
    }

    private static Object inRequest(InRequest work) throws Exception {
        ServletRequestAttributes request = new ServletRequestAttributes(new MockHttpServletRequest());
        RequestContextHolder.setRequestAttributes(request);
        try {
            return work.run();
        } finally {
            RequestContextHolder.resetRequestAttributes();
            request.requestCompleted();
        }
    }
}

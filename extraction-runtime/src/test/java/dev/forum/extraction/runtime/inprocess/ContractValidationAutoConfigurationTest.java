package dev.forum.extraction.runtime.inprocess;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forum.extraction.runtime.inprocess.ValidationFixture.ItemsApi;
import dev.forum.extraction.runtime.inprocess.ValidationFixture.ItemsController;
import dev.forum.extraction.runtime.inprocess.ValidationFixture.NewItem;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.core.io.ClassPathResource;

/**
 * Where no Bean Validation provider is on the class path, or {@code extraction.inprocess.validation.enabled} is
 * false, nothing changes: the contract bean is the controller, unproxied, and an invalid call runs.
 */
class ContractValidationAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class,
                    ContractValidationAutoConfiguration.class))
            .withUserConfiguration(ItemsController.class);

    @Test
    void withoutAProviderTheContractBeanIsTheControllerAndAnInvalidCallRuns() {
        runner.withClassLoader(new FilteredClassLoader(
                new ClassPathResource("META-INF/services/jakarta.validation.spi.ValidationProvider")))
                .run(context -> {
                    assertThat(context).doesNotHaveBean(ContractValidationPostProcessor.class);
                    assertAnInvalidCallRuns(context.getBean(ItemsApi.class), context.getBean(ItemsController.class));
                });
    }

    @Test
    void switchedOffTheContractBeanIsTheControllerAndAnInvalidCallRuns() {
        runner.withPropertyValues("extraction.inprocess.validation.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(ContractValidationPostProcessor.class);
            assertAnInvalidCallRuns(context.getBean(ItemsApi.class), context.getBean(ItemsController.class));
        });
    }

    @Test
    void withAProviderTheControllerBeanIsTheOneValidatingBeanOfItsContract() {
        runner.withPropertyValues("extraction.inprocess.validation.enabled=true").run(context -> {
            assertThat(context).hasSingleBean(ContractValidationPostProcessor.class);
            assertThat(context.getBeanNamesForType(ItemsApi.class)).hasSize(1);
            assertThat(context.getBean(ItemsApi.class)).isSameAs(context.getBean(ItemsController.class));
            assertThat(AopUtils.isAopProxy(context.getBean(ItemsApi.class))).isTrue();
        });
    }

    private static void assertAnInvalidCallRuns(ItemsApi contract, ItemsController controller) {
        assertThat(contract).isSameAs(controller);
        assertThat(AopUtils.isAopProxy(contract)).isFalse();
        contract.create(new NewItem("Bad SKU!", ""));
        assertThat(controller.written()).hasSize(1);
    }
}

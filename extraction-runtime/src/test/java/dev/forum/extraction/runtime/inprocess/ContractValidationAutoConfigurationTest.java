package dev.forum.extraction.runtime.inprocess;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forum.extraction.runtime.inprocess.ValidationFixture.ItemsApi;
import dev.forum.extraction.runtime.inprocess.ValidationFixture.ItemsController;
import dev.forum.extraction.runtime.inprocess.ValidationFixture.NewItem;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.core.io.ClassPathResource;

/** Where no Bean Validation provider is on the class path, nothing changes: the contract bean is the controller. */
class ContractValidationAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class,
                    ContractValidationAutoConfiguration.class))
            .withUserConfiguration(ItemsController.class);

    @Test
    void withoutAProviderTheContractBeanIsTheControllerAndAnInvalidCallRuns() {
        runner.withClassLoader(new FilteredClassLoader(
                new ClassPathResource("META-INF/services/jakarta.validation.spi.ValidationProvider"))).run(context -> {
            assertThat(context).doesNotHaveBean(ContractValidationRegistrar.class);
            assertThat(context.getBean(ItemsApi.class)).isSameAs(context.getBean(ItemsController.class));
            context.getBean(ItemsApi.class).create(new NewItem("Bad SKU!", ""));
            assertThat(context.getBean(ItemsController.class).written).hasSize(1);
        });
    }

    @Test
    void withAProviderTheContractBeanValidates() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(ContractValidationRegistrar.class);
            assertThat(context.getBean(ItemsApi.class)).isNotSameAs(context.getBean(ItemsController.class));
            assertThat(context.getBeanNamesForType(ItemsApi.class)).hasSize(2);
        });
    }
}

package dev.forum.extraction.runtime.remote;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.common.retry.configuration.RetryConfigCustomizer;
import io.github.resilience4j.retry.RetryRegistry;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * When the run time's defaults reach the Resilience4j registries ({@link RemoteModuleResilience}) in an application
 * whose post-processors need a registry early ({@link RemoteModuleBApplication}: module b remote). In: an ordinary
 * post-processor bean that takes the breaker and retry registries (made while Spring registers such processors, after
 * the priority-ordered ones), lazy initialization ({@code spring.main.lazy-initialization=true}, as Spring Boot applies
 * it) on and off, an application's retry customizer named after the module; out: module b's breaker and retry
 * settings and the start-up log (an INFO line stating the values they run with, no WARN of a registry it missed).
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
@ExtendWith(OutputCaptureExtension.class)
class RemoteModuleResilienceTest {

    @RegisterExtension
    final RemoteModuleBApplication remote = new RemoteModuleBApplication();

    /** An ordinary post-processor that needs both registries: Spring makes them while registering such processors. */
    @Configuration(proxyBeanMethods = false)
    static class OrdinaryEarlyNeed {

        @Bean
        static BeanPostProcessor needsRegistries(CircuitBreakerRegistry breakers, RetryRegistry retries) {
            return new BeanPostProcessor() {
            };
        }
    }

    @Test
    void registriesAnOrdinaryPostProcessorNeedsStillGetTheDefaultsAndTheLogNamesThem(CapturedOutput output) throws IOException {
        remote.application().withUserConfiguration(OrdinaryEarlyNeed.class).run(context -> {
            assertThat(context).hasNotFailed();
            CircuitBreakerConfig breaker = context.getBean(CircuitBreakerRegistry.class).circuitBreaker("b").getCircuitBreakerConfig();
            assertThat(breaker.getSlidingWindowSize()).isEqualTo(20);
            assertThat(breaker.getMinimumNumberOfCalls()).isEqualTo(5);
            assertThat(context.getBean(RetryRegistry.class).retry("b").getRetryConfig().getMaxAttempts()).isEqualTo(2);
        });

        assertThat(output).contains(ALL_DEFAULTS);
        assertThat(output).doesNotContain("was made before the run time's defaults");
    }

    private static final String ALL_DEFAULTS = "Remote module b runs with: circuit breaker window 20 calls*, minimum 5*,"
            + " open 5s*, half-open 2*, failures RemoteModuleException*; retry attempts 2*, wait 50ms*, retried RetryableRemoteRead*";

    /** What {@code spring.main.lazy-initialization=true} does in a Spring Boot application: every bean lazy. */
    private static ApplicationContextRunner lazy(ApplicationContextRunner runner, boolean lazy) {
        return lazy ? runner.withInitializer(context -> context.addBeanFactoryPostProcessor(
                new LazyInitializationBeanFactoryPostProcessor())) : runner;
    }

    @ParameterizedTest(name = "lazy initialization {0}")
    @ValueSource(booleans = {true, false})
    void withOrWithoutLazyInitializationTheDefaultsApplyAndTheLogSaysSoWithoutAWarning(boolean lazyInitialization,
            CapturedOutput output) throws IOException {
        lazy(remote.application(), lazyInitialization).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBeanFactory().getBeanDefinition("retryRegistry").isLazyInit()).isEqualTo(lazyInitialization);
            assertThat(output).contains(ALL_DEFAULTS);
            CircuitBreakerConfig breaker = context.getBean(CircuitBreakerRegistry.class).circuitBreaker("b").getCircuitBreakerConfig();
            assertThat(breaker.getSlidingWindowSize()).isEqualTo(20);
            assertThat(breaker.getMinimumNumberOfCalls()).isEqualTo(5);
            assertThat(context.getBean(RetryRegistry.class).retry("b").getRetryConfig().getMaxAttempts()).isEqualTo(2);
        });

        assertThat(output).doesNotContain("was made before the run time's defaults");
    }

    @Test
    void theLogStatesTheAttemptsTheApplicationsCustomizerSetNotTheRunTimesDefault(CapturedOutput output) throws IOException {
        remote.application().withBean("bRetry", RetryConfigCustomizer.class,
                () -> RetryConfigCustomizer.of("b", builder -> builder.maxAttempts(5))).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(RetryRegistry.class).retry("b").getRetryConfig().getMaxAttempts()).isEqualTo(5);
        });

        assertThat(output).contains("retry attempts 5, wait 50ms*, retried RetryableRemoteRead*");
        assertThat(output).doesNotContain("retry attempts 2");
    }
}

package dev.forum.extraction.runtime.remote;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * When the run time's defaults reach the Resilience4j registries ({@link RemoteModuleResilience}) in an application
 * whose post-processors need a registry early ({@link RemoteModuleBApplication}: module b remote). In: an ordinary
 * post-processor bean that takes the breaker and retry registries (made while Spring registers such processors, after
 * the priority-ordered ones); out: module b's breaker and retry settings and the start-up log (an INFO line naming
 * what the run time filled in, no WARN of a registry it missed).
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

        assertThat(output).contains("Remote module b: run time's defaults for what resilience4j.* leaves unset: circuit breaker"
                + " window 20 calls, minimum 5, open 5s, half-open 2, failures RemoteModuleException;"
                + " retry attempts 2, wait 50ms, retried RetryableRemoteRead");
        assertThat(output).doesNotContain("was made before the run time's defaults");
    }
}

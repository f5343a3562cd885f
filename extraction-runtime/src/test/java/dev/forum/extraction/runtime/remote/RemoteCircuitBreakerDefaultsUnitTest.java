package dev.forum.extraction.runtime.remote;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.github.resilience4j.common.circuitbreaker.configuration.CircuitBreakerConfigCustomizer;
import io.github.resilience4j.common.circuitbreaker.configuration.CommonCircuitBreakerConfigurationProperties;
import io.github.resilience4j.common.circuitbreaker.configuration.CommonCircuitBreakerConfigurationProperties.InstanceProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The run time's default for a remote module's circuit breaker, as Resilience4j's Spring Boot support builds the
 * breaker: in, the application's {@code resilience4j.circuitbreaker} properties (none, or some on the default config,
 * the config named like the module or the instance) and its own customizer; out, the breaker's window, minimum,
 * waits and what it counts as a failure. A setting the application made wins, setting by setting.
 */
class RemoteCircuitBreakerDefaultsUnitTest {

    private final CommonCircuitBreakerConfigurationProperties properties = new CommonCircuitBreakerConfigurationProperties();

    private CircuitBreakerConfig usersBreaker(CircuitBreakerConfigCustomizer... customizers) {
        return RemoteCircuitBreakerDefaults.config("users", properties, List.of(customizers));
    }

    private static long openWaitMillis(CircuitBreakerConfig config) {
        return config.getWaitIntervalFunctionInOpenState().apply(1);
    }

    @Test
    void withoutSettingsTheRunTimesDefaultAppliesInFullAsInTheLibrarysOwnRegistry() {
        for (CircuitBreakerConfig config : List.of(usersBreaker(), RemoteCircuitBreakerDefaults.config())) {
            assertThat(config.getSlidingWindowType()).isEqualTo(SlidingWindowType.COUNT_BASED);
            assertThat(config.getSlidingWindowSize()).isEqualTo(20);
            assertThat(config.getMinimumNumberOfCalls()).isEqualTo(5);
            assertThat(config.getFailureRateThreshold()).isEqualTo(50);
            assertThat(openWaitMillis(config)).isEqualTo(5_000);
            assertThat(config.getPermittedNumberOfCallsInHalfOpenState()).isEqualTo(2);
            assertThat(config.getRecordExceptionPredicate().test(new RemoteModuleException("users", "it answered 500", null))).isTrue();
            assertThat(config.getRecordExceptionPredicate().test(new UncheckedIOException(new IOException("x")))).isFalse();
        }
    }

    @Test
    void aTimeBasedWindowOfTheApplicationKeepsResilience4jsSizeNotTheRunTimesCount() {
        properties.getConfigs().put("default", new InstanceProperties().setSlidingWindowType(SlidingWindowType.TIME_BASED));

        CircuitBreakerConfig config = usersBreaker();

        assertThat(config.getSlidingWindowType()).isEqualTo(SlidingWindowType.TIME_BASED);
        assertThat(config.getSlidingWindowSize()).isEqualTo(100);
        assertThat(config.getMinimumNumberOfCalls()).isEqualTo(5);
    }

    @Test
    void recordExceptionsOfTheApplicationReplaceTheRunTimes() {
        properties.getInstances().put("users", new InstanceProperties().setRecordExceptions(new Class[] {UncheckedIOException.class}));

        CircuitBreakerConfig config = usersBreaker();

        assertThat(config.getRecordExceptionPredicate().test(new UncheckedIOException(new IOException("x")))).isTrue();
        assertThat(config.getRecordExceptionPredicate().test(new RemoteModuleException("users", "it answered 500", null))).isFalse();
        assertThat(openWaitMillis(config)).isEqualTo(5_000);
    }

    @Test
    void anExponentialBackoffOfTheApplicationKeepsItsOwnWait() {
        properties.getConfigs().put("default", new InstanceProperties().setEnableExponentialBackoff(true));

        assertThat(openWaitMillis(usersBreaker())).isEqualTo(60_000);
    }

    @Test
    void theApplicationsCustomizerRunsAfterTheRunTimesDefault() {
        CircuitBreakerConfig config = usersBreaker(
                CircuitBreakerConfigCustomizer.of("users", builder -> builder.waitDurationInOpenState(Duration.ofSeconds(1))),
                CircuitBreakerConfigCustomizer.of("posts", builder -> builder.minimumNumberOfCalls(1)));

        assertThat(openWaitMillis(config)).isEqualTo(1_000);
        assertThat(config.getMinimumNumberOfCalls()).isEqualTo(5);
    }
}

package dev.forum.extraction.runtime.remote;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.common.CompositeCustomizer;
import io.github.resilience4j.common.circuitbreaker.configuration.CircuitBreakerConfigCustomizer;
import io.github.resilience4j.common.circuitbreaker.configuration.CommonCircuitBreakerConfigurationProperties;
import io.github.resilience4j.common.circuitbreaker.configuration.CommonCircuitBreakerConfigurationProperties.InstanceProperties;
import io.github.resilience4j.consumer.DefaultEventConsumerRegistry;
import io.github.resilience4j.core.registry.CompositeRegistryEventConsumer;
import io.github.resilience4j.spring6.circuitbreaker.configure.CircuitBreakerConfiguration;
import io.github.resilience4j.spring6.circuitbreaker.configure.CircuitBreakerConfigurationProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The run time's default for a remote module's circuit breaker, as Resilience4j's Spring Boot support builds the
 * breaker: in, the application's {@code resilience4j.circuitbreaker} properties (none, or some on the default config,
 * the config named like the module or the instance) and its own customizer; out, the breaker's window, minimum,
 * waits and what it counts as a failure. A setting the application made wins, setting by setting. Which properties
 * configure the breaker is checked against Resilience4j's own registry.
 */
class RemoteCircuitBreakerDefaultsUnitTest {

    private final CircuitBreakerConfigurationProperties properties = new CircuitBreakerConfigurationProperties();

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

    /** Resilience4j builds such a breaker over the default config's; the run time's failures must replace its "every failure". */
    @Test
    void aDefaultConfigThatSetsNoFailuresKeepsTheRunTimesFailures() {
        properties.getConfigs().put("default", new InstanceProperties().setMinimumNumberOfCalls(7));

        for (CircuitBreakerConfig config : List.of(usersBreaker(), withInstance())) {
            assertThat(config.getRecordExceptionPredicate().test(new UncheckedIOException(new IOException("x")))).isFalse();
            assertThat(config.getRecordExceptionPredicate().test(new RemoteModuleException("users", "it answered 500", null))).isTrue();
            assertThat(config.getMinimumNumberOfCalls()).isEqualTo(7);
        }
    }

    private CircuitBreakerConfig withInstance() {
        properties.getInstances().put("users", new InstanceProperties().setPermittedNumberOfCallsInHalfOpenState(3));
        return usersBreaker();
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

    /** The breaker Resilience4j's Spring support itself makes for {@code users} from the same properties, no customizer. */
    private CircuitBreakerConfig resilience4jsUsersBreaker() {
        CircuitBreakerRegistry registry = new CircuitBreakerConfiguration(properties).circuitBreakerRegistry(
                new DefaultEventConsumerRegistry<>(), new CompositeRegistryEventConsumer<>(List.of()),
                new CompositeCustomizer<>(List.of()));
        return registry.circuitBreaker("users").getCircuitBreakerConfig();
    }

    /** Every setting of the run time's is set on the default config here, so the run time fills in none. */
    private static InstanceProperties everySetting(int minimumCalls, Duration openWait) {
        return new InstanceProperties().setSlidingWindowType(SlidingWindowType.COUNT_BASED).setSlidingWindowSize(30)
                .setMinimumNumberOfCalls(minimumCalls).setWaitDurationInOpenState(openWait)
                .setPermittedNumberOfCallsInHalfOpenState(3).setRecordExceptions(new Class[] {UncheckedIOException.class});
    }

    @Test
    void withoutAnInstanceTheDefaultConfigConfiguresTheBreakerAndASharedConfigOfItsNameDoesNotAsInResilience4j() {
        properties.getConfigs().put("default", everySetting(7, Duration.ofSeconds(3)));
        properties.getConfigs().put("users", new InstanceProperties().setMinimumNumberOfCalls(4)
                .setWaitDurationInOpenState(Duration.ofSeconds(9)));

        CircuitBreakerConfig ours = usersBreaker();
        CircuitBreakerConfig theirs = resilience4jsUsersBreaker();

        assertThat(ours.getMinimumNumberOfCalls()).isEqualTo(theirs.getMinimumNumberOfCalls()).isEqualTo(7);
        assertThat(openWaitMillis(ours)).isEqualTo(openWaitMillis(theirs)).isEqualTo(3_000);
        assertThat(ours.getSlidingWindowSize()).isEqualTo(theirs.getSlidingWindowSize()).isEqualTo(30);
        assertThat(ours.getPermittedNumberOfCallsInHalfOpenState()).isEqualTo(theirs.getPermittedNumberOfCallsInHalfOpenState());
    }

    @Test
    void withAnInstanceItsPropertiesConfigureTheBreakerAsInResilience4j() {
        properties.getConfigs().put("default", everySetting(7, Duration.ofSeconds(3)));
        properties.getConfigs().put("shared", everySetting(4, Duration.ofSeconds(9)));
        properties.getInstances().put("users", new InstanceProperties().setBaseConfig("shared").setSlidingWindowSize(11));

        CircuitBreakerConfig ours = usersBreaker();
        CircuitBreakerConfig theirs = resilience4jsUsersBreaker();

        assertThat(ours.getMinimumNumberOfCalls()).isEqualTo(theirs.getMinimumNumberOfCalls()).isEqualTo(4);
        assertThat(openWaitMillis(ours)).isEqualTo(openWaitMillis(theirs)).isEqualTo(9_000);
        assertThat(ours.getSlidingWindowSize()).isEqualTo(theirs.getSlidingWindowSize()).isEqualTo(11);
    }

    /** The breaker Resilience4j's Spring support itself makes for {@code users}, with the application's customizers. */
    private CircuitBreakerConfig resilience4jsUsersBreaker(CircuitBreakerConfigCustomizer... customizers) {
        CircuitBreakerRegistry registry = new CircuitBreakerConfiguration(properties).circuitBreakerRegistry(
                new DefaultEventConsumerRegistry<>(), new CompositeRegistryEventConsumer<>(List.of()),
                new CompositeCustomizer<>(List.of(customizers)));
        return registry.circuitBreaker("users").getCircuitBreakerConfig();
    }

    @Test
    void withoutAnInstanceTheDefaultConfigConfiguresTheBreakerEvenWithACustomizerNamedAfterTheModuleAsInResilience4j() {
        properties.getConfigs().put("default", everySetting(7, Duration.ofSeconds(3)));
        properties.getConfigs().put("users", new InstanceProperties().setMinimumNumberOfCalls(4)
                .setWaitDurationInOpenState(Duration.ofSeconds(9)));
        CircuitBreakerConfigCustomizer users = CircuitBreakerConfigCustomizer.of("users", builder -> builder.failureRateThreshold(30));

        CircuitBreakerConfig ours = usersBreaker(users);
        CircuitBreakerConfig theirs = resilience4jsUsersBreaker(users);

        assertThat(ours.getMinimumNumberOfCalls()).isEqualTo(theirs.getMinimumNumberOfCalls()).isEqualTo(7);
        assertThat(openWaitMillis(ours)).isEqualTo(openWaitMillis(theirs)).isEqualTo(3_000);
        // Resilience4j makes this breaker on first use from its registry default, without the customizer; the run time
        // applies it (class doc).
        assertThat(theirs.getFailureRateThreshold()).isEqualTo(50);
        assertThat(ours.getFailureRateThreshold()).isEqualTo(30);
    }

    @Test
    void withoutAnInstanceOrAConfigOfItsNameACustomizerNamedAfterTheModuleAppliesOverTheDefaultConfigAsInResilience4j() {
        properties.getConfigs().put("default", everySetting(7, Duration.ofSeconds(3)));
        CircuitBreakerConfigCustomizer users = CircuitBreakerConfigCustomizer.of("users", builder -> builder.failureRateThreshold(30));

        CircuitBreakerConfig ours = usersBreaker(users);
        CircuitBreakerConfig theirs = resilience4jsUsersBreaker(users);

        assertThat(ours.getMinimumNumberOfCalls()).isEqualTo(theirs.getMinimumNumberOfCalls()).isEqualTo(7);
        assertThat(ours.getFailureRateThreshold()).isEqualTo(theirs.getFailureRateThreshold()).isEqualTo(30);
    }

    @Test
    void anApplicationsCustomizerNamedDefaultKeepsWhatItSetsAsInResilience4j() {
        properties.getConfigs().put("default", new InstanceProperties().setFailureRateThreshold(60f));
        CircuitBreakerConfigCustomizer defaults = CircuitBreakerConfigCustomizer.of("default", builder -> builder
                .slidingWindowSize(50).waitDurationInOpenState(Duration.ofSeconds(60)).recordExceptions(IOException.class));

        CircuitBreakerConfig ours = usersBreaker(defaults);
        CircuitBreakerConfig theirs = resilience4jsUsersBreaker(defaults);

        assertThat(ours.getSlidingWindowSize()).isEqualTo(theirs.getSlidingWindowSize()).isEqualTo(50);
        assertThat(openWaitMillis(ours)).isEqualTo(openWaitMillis(theirs)).isEqualTo(60_000);
        assertThat(ours.getRecordExceptionPredicate().test(new IOException("x"))).isTrue();
        assertThat(ours.getRecordExceptionPredicate().test(new RemoteModuleException("users", "it answered 500", null))).isFalse();
        assertThat(ours.getMinimumNumberOfCalls()).isEqualTo(5);
        assertThat(RemoteCircuitBreakerDefaults.described("users", properties, List.of(defaults), ours))
                .isEqualTo("window 50 calls, minimum 5*, open 60s, half-open 2*, failures the application's");
    }

    @Test
    void theStartUpLogStatesTheValuesTheBreakerRunsWithTheApplicationsCustomizerIncluded() {
        properties.getConfigs().put("default", new InstanceProperties().setMinimumNumberOfCalls(7));
        List<CircuitBreakerConfigCustomizer> customizers = List.of(CircuitBreakerConfigCustomizer.of("users", builder -> builder
                .waitDurationInOpenState(Duration.ofSeconds(1)).slidingWindowSize(40).recordExceptions(IOException.class)));

        CircuitBreakerConfig built = RemoteCircuitBreakerDefaults.config("users", properties, customizers);

        assertThat(RemoteCircuitBreakerDefaults.described("users", properties, customizers, built))
                .isEqualTo("window 40 calls, minimum 7, open 1s, half-open 2*, failures RemoteModuleException* and the application's");
        assertThat(RemoteCircuitBreakerDefaults.described("users", properties, List.of(), usersBreaker()))
                .isEqualTo("window 20 calls*, minimum 7, open 5s*, half-open 2*, failures RemoteModuleException*");
    }
}

package dev.forum.extraction.runtime.remote;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.common.CompositeCustomizer;
import io.github.resilience4j.common.retry.configuration.CommonRetryConfigurationProperties.InstanceProperties;
import io.github.resilience4j.common.retry.configuration.RetryConfigCustomizer;
import io.github.resilience4j.consumer.DefaultEventConsumerRegistry;
import io.github.resilience4j.core.registry.CompositeRegistryEventConsumer;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.spring6.retry.configure.RetryConfiguration;
import io.github.resilience4j.spring6.retry.configure.RetryConfigurationProperties;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/**
 * The run time's default for a remote module's retry, as Resilience4j's Spring Boot support builds the retry: in, the
 * application's {@code resilience4j.retry} properties (none, or some on the default config, the instance or its base
 * config); out, the retry's attempts, wait and which failures it retries. A setting the application made wins, setting
 * by setting; what it left unset is the run time's. Which properties configure the retry is checked against
 * Resilience4j's own registry.
 */
class RemoteReadRetryDefaultsUnitTest {

    private static final RemoteModuleUnavailableException UNAVAILABLE =
            new RemoteModuleUnavailableException("users", "it answered 503", null, null);
    private static final RemoteModuleTimeoutException UNANSWERED =
            new RemoteModuleTimeoutException("users", HttpMethod.GET, new SocketTimeoutException("Read timed out"));
    private static final RemoteModuleTimeoutException ANSWERED_504 = new RemoteModuleTimeoutException("users", HttpMethod.GET, null);
    private static final RemoteModuleException ANSWERED_500 = new RemoteModuleException("users", "it answered 500", null);

    private final RetryConfigurationProperties properties = new RetryConfigurationProperties();

    /** The retry's configuration as Resilience4j's Spring Boot support builds it for the module's retry. */
    private RetryConfig usersRetry() {
        return RemoteReadRetryDefaults.config("users", properties, List.of());
    }

    private static long waitBeforeRetry(RetryConfig config) {
        return config.getIntervalBiFunction().apply(1, null);
    }

    @Test
    void withoutSettingsAReadIsTriedTwice50MsApartForWhatRetryableRemoteReadRetries() {
        RetryConfig config = usersRetry();

        assertThat(config.getMaxAttempts()).isEqualTo(2);
        assertThat(waitBeforeRetry(config)).isEqualTo(50);
        Predicate<Throwable> retried = config.getExceptionPredicate();
        assertThat(retried.test(UNAVAILABLE)).isTrue();
        assertThat(retried.test(UNANSWERED)).isTrue();
        assertThat(retried.test(ANSWERED_504)).isFalse();
        assertThat(retried.test(ANSWERED_500)).isFalse();
        assertThat(retried.test(CallNotPermittedException.createCallNotPermittedException(CircuitBreaker.ofDefaults("users"))))
                .isFalse();
    }

    @Test
    void theLibrarysOwnRegistryHasTheSameDefaultInFull() {
        RetryConfig config = RemoteReadRetryDefaults.config();

        assertThat(config.getMaxAttempts()).isEqualTo(RemoteReadRetryDefaults.MAX_ATTEMPTS).isEqualTo(2);
        assertThat(waitBeforeRetry(config)).isEqualTo(RemoteReadRetryDefaults.WAIT.toMillis());
        assertThat(config.getExceptionPredicate().test(UNAVAILABLE)).isTrue();
        assertThat(config.getExceptionPredicate().test(ANSWERED_500)).isFalse();
    }

    @Test
    void theDefaultConfigsAttemptsWinAndTheRestStaysTheRunTimes() {
        properties.getConfigs().put("default", new InstanceProperties().setMaxAttempts(3));

        RetryConfig config = usersRetry();

        assertThat(config.getMaxAttempts()).isEqualTo(3);
        assertThat(waitBeforeRetry(config)).isEqualTo(50);
        assertThat(config.getExceptionPredicate().test(ANSWERED_500)).isFalse();
    }

    @Test
    void theInstancesWaitWinsAndItsBaseConfigsAttemptsToo() {
        properties.getConfigs().put("patient", new InstanceProperties().setMaxAttempts(4));
        properties.getInstances().put("users", new InstanceProperties().setWaitDuration(Duration.ofSeconds(1)));
        properties.getInstances().get("users").setBaseConfig("patient");

        RetryConfig config = usersRetry();

        assertThat(config.getMaxAttempts()).isEqualTo(4);
        assertThat(waitBeforeRetry(config)).isEqualTo(1_000);
        assertThat(config.getExceptionPredicate().test(ANSWERED_504)).isFalse();
    }

    @Test
    @SuppressWarnings("unchecked")
    void retryExceptionsSetReplaceThePredicateRatherThanAddToIt() {
        properties.getConfigs().put("default", new InstanceProperties().setRetryExceptions(new Class[] {IOException.class}));

        Predicate<Throwable> retried = usersRetry().getExceptionPredicate();

        assertThat(retried.test(new IOException("reset"))).isTrue();
        assertThat(retried.test(UNAVAILABLE)).isFalse();
        assertThat(usersRetry().getMaxAttempts()).isEqualTo(2);
    }

    @Test
    void aPredicateSetIsTheApplicationsOwn() {
        properties.getInstances().put("users", new InstanceProperties().setRetryExceptionPredicate(EveryFailure.class));

        assertThat(usersRetry().getExceptionPredicate().test(ANSWERED_500)).isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void ignoredExceptionsApplyWithTheRunTimesPredicate() {
        properties.getConfigs().put("default", new InstanceProperties()
                .setIgnoreExceptions(new Class[] {RemoteModuleUnavailableException.class}));

        Predicate<Throwable> retried = usersRetry().getExceptionPredicate();

        assertThat(retried.test(UNAVAILABLE)).isFalse();
        assertThat(retried.test(UNANSWERED)).isTrue();
        assertThat(retried.test(ANSWERED_500)).isFalse();
    }

    @Test
    void anotherModulesSettingsLeaveThisOneAtTheDefault() {
        properties.getInstances().put("threads", new InstanceProperties().setMaxAttempts(5));

        assertThat(usersRetry().getMaxAttempts()).isEqualTo(2);
    }

    /** The retry Resilience4j's Spring support itself makes for {@code users} from the same properties, no customizer. */
    private RetryConfig resilience4jsUsersRetry() {
        return new RetryConfiguration().retryRegistry(properties, new DefaultEventConsumerRegistry<>(),
                new CompositeRegistryEventConsumer<>(List.of()), new CompositeCustomizer<>(List.of())).retry("users").getRetryConfig();
    }

    @Test
    void withoutAnInstanceTheDefaultConfigConfiguresTheRetryAndASharedConfigOfItsNameDoesNotAsInResilience4j() {
        properties.getConfigs().put("default", new InstanceProperties().setMaxAttempts(3).setWaitDuration(Duration.ofMillis(70)));
        properties.getConfigs().put("users", new InstanceProperties().setMaxAttempts(4).setWaitDuration(Duration.ofMillis(90)));

        RetryConfig ours = usersRetry();
        RetryConfig theirs = resilience4jsUsersRetry();

        assertThat(ours.getMaxAttempts()).isEqualTo(theirs.getMaxAttempts()).isEqualTo(3);
        assertThat(waitBeforeRetry(ours)).isEqualTo(waitBeforeRetry(theirs)).isEqualTo(70);
    }

    @Test
    void withAnInstanceItAndItsBaseConfigConfigureTheRetryAsInResilience4j() {
        properties.getConfigs().put("default", new InstanceProperties().setMaxAttempts(3).setWaitDuration(Duration.ofMillis(70)));
        properties.getConfigs().put("users", new InstanceProperties().setMaxAttempts(4));
        properties.getInstances().put("users", new InstanceProperties().setBaseConfig("users"));

        RetryConfig ours = usersRetry();
        RetryConfig theirs = resilience4jsUsersRetry();

        assertThat(ours.getMaxAttempts()).isEqualTo(theirs.getMaxAttempts()).isEqualTo(4);
        assertThat(waitBeforeRetry(ours)).isEqualTo(waitBeforeRetry(theirs)).isEqualTo(70);
    }

    @Test
    void theStartUpLogStatesTheValuesTheRetryRunsWithTheApplicationsCustomizerIncluded() {
        properties.getConfigs().put("default", new InstanceProperties().setWaitDuration(Duration.ofMillis(70)));
        List<RetryConfigCustomizer> customizers = List.of(RetryConfigCustomizer.of("users", builder -> builder.maxAttempts(5)));

        RetryConfig built = RemoteReadRetryDefaults.config("users", properties, customizers);

        assertThat(built.getMaxAttempts()).isEqualTo(5);
        assertThat(RemoteReadRetryDefaults.described("users", properties, customizers, built))
                .isEqualTo("attempts 5, wait 70ms, retried RetryableRemoteRead*");
    }

    @Test
    void withoutSettingsTheStartUpLogMarksEveryValueAsTheRunTimes() {
        assertThat(RemoteReadRetryDefaults.described("users", properties, List.of(), usersRetry()))
                .isEqualTo("attempts 2*, wait 50ms*, retried RetryableRemoteRead*");
    }

    @Test
    void anApplicationsCustomizerNamedDefaultKeepsWhatItSetsAsInResilience4j() {
        properties.getConfigs().put("default", new InstanceProperties().setWaitDuration(Duration.ofMillis(70)));
        RetryConfigCustomizer defaults = RetryConfigCustomizer.of("default", builder -> builder.maxAttempts(4)
                .retryOnException(new EveryFailure()));

        RetryConfig ours = RemoteReadRetryDefaults.config("users", properties, List.of(defaults));
        RetryConfig theirs = new RetryConfiguration().retryRegistry(properties, new DefaultEventConsumerRegistry<>(),
                new CompositeRegistryEventConsumer<>(List.of()), new CompositeCustomizer<>(List.of(defaults)))
                .retry("users").getRetryConfig();

        assertThat(ours.getMaxAttempts()).isEqualTo(theirs.getMaxAttempts()).isEqualTo(4);
        assertThat(waitBeforeRetry(ours)).isEqualTo(waitBeforeRetry(theirs)).isEqualTo(70);
        assertThat(ours.getExceptionPredicate().test(ANSWERED_500)).isTrue();
        assertThat(RemoteReadRetryDefaults.described("users", properties, List.of(defaults), ours))
                .isEqualTo("attempts 4, wait 70ms, retried the application's");
    }

    @Test
    void aCustomizerNamedDefaultWithoutADefaultConfigLeavesTheRunTimesDefaultAsResilience4jLeavesItsOwn() {
        RetryConfigCustomizer defaults = RetryConfigCustomizer.of("default", builder -> builder.maxAttempts(4));

        RetryConfig theirs = new RetryConfiguration().retryRegistry(properties, new DefaultEventConsumerRegistry<>(),
                new CompositeRegistryEventConsumer<>(List.of()), new CompositeCustomizer<>(List.of(defaults)))
                .retry("users").getRetryConfig();

        assertThat(theirs.getMaxAttempts()).isEqualTo(RetryConfig.ofDefaults().getMaxAttempts());
        assertThat(RemoteReadRetryDefaults.config("users", properties, List.of(defaults)).getMaxAttempts()).isEqualTo(2);
    }

    @Test
    void aCustomizerNamedAfterTheInstancesBaseConfigKeepsWhatItSetsAsInResilience4j() {
        properties.getConfigs().put("default", new InstanceProperties().setWaitDuration(Duration.ofMillis(70)));
        properties.getConfigs().put("shared", new InstanceProperties());
        properties.getInstances().put("users", new InstanceProperties().setBaseConfig("shared"));
        RetryConfigCustomizer shared = RetryConfigCustomizer.of("shared", builder -> builder.maxAttempts(5));

        RetryConfig ours = RemoteReadRetryDefaults.config("users", properties, List.of(shared));
        RetryConfig theirs = new RetryConfiguration().retryRegistry(properties, new DefaultEventConsumerRegistry<>(),
                new CompositeRegistryEventConsumer<>(List.of()), new CompositeCustomizer<>(List.of(shared)))
                .retry("users").getRetryConfig();

        assertThat(ours.getMaxAttempts()).isEqualTo(theirs.getMaxAttempts()).isEqualTo(5);
        assertThat(waitBeforeRetry(ours)).isEqualTo(waitBeforeRetry(theirs)).isEqualTo(70);
        assertThat(ours.getExceptionPredicate().test(ANSWERED_500)).isFalse();
        assertThat(RemoteReadRetryDefaults.described("users", properties, List.of(shared), ours))
                .isEqualTo("attempts 5, wait 70ms, retried RetryableRemoteRead*");
    }

    @Test
    void theBaseConfigsAndTheDefaultCustomizersBothKeepWhatTheySet() {
        properties.getConfigs().put("default", new InstanceProperties());
        properties.getConfigs().put("shared", new InstanceProperties());
        properties.getInstances().put("users", new InstanceProperties().setBaseConfig("shared"));
        RetryConfigCustomizer defaults = RetryConfigCustomizer.of("default", builder -> builder.waitDuration(Duration.ofMillis(90)));
        RetryConfigCustomizer shared = RetryConfigCustomizer.of("shared", builder -> builder.maxAttempts(5));

        RetryConfig ours = RemoteReadRetryDefaults.config("users", properties, List.of(defaults, shared));
        RetryConfig theirs = new RetryConfiguration().retryRegistry(properties, new DefaultEventConsumerRegistry<>(),
                new CompositeRegistryEventConsumer<>(List.of()), new CompositeCustomizer<>(List.of(defaults, shared)))
                .retry("users").getRetryConfig();

        assertThat(ours.getMaxAttempts()).isEqualTo(theirs.getMaxAttempts()).isEqualTo(5);
        assertThat(waitBeforeRetry(ours)).isEqualTo(waitBeforeRetry(theirs)).isEqualTo(90);
    }

    /** An application's own predicate: every failure. */
    public static final class EveryFailure implements Predicate<Throwable> {

        @Override
        public boolean test(Throwable failure) {
            return true;
        }
    }
}

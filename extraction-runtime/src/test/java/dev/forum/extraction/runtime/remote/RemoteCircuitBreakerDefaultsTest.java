package dev.forum.extraction.runtime.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.forum.extraction.runtime.fixture.b.BApi;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.common.circuitbreaker.configuration.CircuitBreakerConfigCustomizer;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ApplicationContext;

/**
 * The circuit breaker of a remote module in an application with Resilience4j's Spring Boot support
 * ({@link RemoteModuleBApplication}: module b remote, on a loopback server whose {@code broken} route answers 500, a
 * failure that is not retried). In: the application's {@code resilience4j.circuitbreaker} properties or its own
 * {@code CircuitBreakerConfigCustomizer}, none or some; out: how many failed calls open the breaker, the
 * {@code Retry-After} an open breaker's refusal carries and the breaker's configuration. Without settings the run
 * time's default applies ({@link RemoteCircuitBreakerDefaults}: open after 5 failures, 5 s); what the application sets
 * wins, setting by setting.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class RemoteCircuitBreakerDefaultsTest {

    @RegisterExtension
    final RemoteModuleBApplication remote = new RemoteModuleBApplication();

    /** Calls b's 500 route until the breaker refuses one; returns the refusal (the calls that reached b are counted). */
    private RemoteModuleUnavailableException failUntilOpen(ApplicationContext context) {
        BApi b = context.getBean(BApi.class);
        for (int call = 0; call < 50; call++) {
            Throwable thrown = catchThrowable(() -> b.hello("broken"));
            if (thrown instanceof RemoteModuleUnavailableException refused) {
                return refused;
            }
            assertThat(thrown).isExactlyInstanceOf(RemoteModuleException.class);
        }
        throw new AssertionError("the breaker never opened");
    }

    private static CircuitBreaker breakerB(ApplicationContext context) {
        return context.getBean(CircuitBreakerRegistry.class).circuitBreaker("b");
    }

    @Test
    void withoutSettingsFiveFailuresOpenTheBreakerAndItsRefusalsSayRetryAfter5Seconds() throws IOException {
        remote.application().run(context -> {
            RemoteModuleUnavailableException refused = failUntilOpen(context);

            assertThat(remote.server().hits("/api/b/broken")).isEqualTo(RemoteCircuitBreakerDefaults.MINIMUM_CALLS);
            assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(5));
            assertThat(refused.getHeaders().getFirst("Retry-After")).isEqualTo("5");
            CircuitBreakerConfig config = breakerB(context).getCircuitBreakerConfig();
            assertThat(config.getSlidingWindowType()).isEqualTo(SlidingWindowType.COUNT_BASED);
            assertThat(config.getSlidingWindowSize()).isEqualTo(20);
            assertThat(config.getPermittedNumberOfCallsInHalfOpenState()).isEqualTo(2);
            assertThat(config.getRecordExceptionPredicate().test(new IllegalStateException("not the interceptor's"))).isFalse();
        });
    }

    @Test
    void theApplicationsSettingsWinAndTheRestStaysTheRunTimes() throws IOException {
        remote.application("resilience4j.circuitbreaker.instances.b.wait-duration-in-open-state=2s",
                "resilience4j.circuitbreaker.configs.default.sliding-window-size=40").run(context -> {
            RemoteModuleUnavailableException refused = failUntilOpen(context);

            assertThat(remote.server().hits("/api/b/broken")).isEqualTo(RemoteCircuitBreakerDefaults.MINIMUM_CALLS);
            assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(2));
            CircuitBreakerConfig config = breakerB(context).getCircuitBreakerConfig();
            assertThat(config.getSlidingWindowSize()).isEqualTo(40);
            assertThat(config.getPermittedNumberOfCallsInHalfOpenState()).isEqualTo(2);
        });
    }

    /** Resilience4j allows one customizer per name: the application's own named after the module still starts, and wins. */
    @Test
    void anApplicationsOwnCustomizerOfTheModulesBreakerWinsAndTheRestStaysTheRunTimes() throws IOException {
        remote.application().withBean("bBreakerCustomizer", CircuitBreakerConfigCustomizer.class,
                        () -> CircuitBreakerConfigCustomizer.of("b",
                                builder -> builder.minimumNumberOfCalls(3).waitDurationInOpenState(Duration.ofSeconds(3))))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    RemoteModuleUnavailableException refused = failUntilOpen(context);

                    assertThat(remote.server().hits("/api/b/broken")).isEqualTo(3);
                    assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(breakerB(context).getCircuitBreakerConfig().getSlidingWindowSize()).isEqualTo(20);
                });
    }

    /**
     * Without {@code instances.b}, Resilience4j gives breaker b its registry default ({@code configs.default}), never
     * the shared config named b: so does the run time, which fills in what {@code configs.default} leaves unset.
     */
    @Test
    void aSharedConfigNamedLikeTheModuleLeavesTheModulesBreakerToTheDefaultConfig() throws IOException {
        remote.application("resilience4j.circuitbreaker.configs.b.minimum-number-of-calls=4",
                "resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state=3s").run(context -> {
            RemoteModuleUnavailableException refused = failUntilOpen(context);

            assertThat(remote.server().hits("/api/b/broken")).isEqualTo(RemoteCircuitBreakerDefaults.MINIMUM_CALLS);
            assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(3));
        });
    }
}

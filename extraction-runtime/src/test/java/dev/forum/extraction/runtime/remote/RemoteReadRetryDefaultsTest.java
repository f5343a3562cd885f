package dev.forum.extraction.runtime.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.forum.extraction.runtime.fixture.b.BApi;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.common.retry.configuration.RetryConfigCustomizer;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The retry of a remote module's reads in an application with Resilience4j's Spring Boot support, as an application
 * gets it ({@link RemoteModuleBApplication}: module b remote, its client called over a loopback HTTP server that
 * answers 503 once, 500 or 504). In: the application's {@code resilience4j.retry} properties or its own
 * {@code RetryConfigCustomizer}, none or some; out: the requests that reached b, what the caller got and the retry's
 * configuration. Without settings the run time's default applies (a 503 tried once more, a 500 or 504 answer not);
 * an application's settings keep their values, and what they leave unset stays the run time's.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class RemoteReadRetryDefaultsTest {

    @RegisterExtension
    final RemoteModuleBApplication remote = new RemoteModuleBApplication();

    private LoopbackHttpServer server;

    @BeforeEach
    void server() {
        server = remote.server();
    }

    private ApplicationContextRunner application(String... settings) throws IOException {
        return remote.application(settings);
    }

    /** The breaker judges from 10 calls on here: with the run time's 5, four failures of five would open it before the last read. */
    @Test
    void withoutRetrySettingsA503IsTriedOnceMoreAndA500OrA504AnswerIsNot() throws IOException {
        application("resilience4j.circuitbreaker.instances.b.minimum-number-of-calls=10").run(context -> {
            BApi b = context.getBean(BApi.class);

            assertThat(b.hello("flaky")).isEqualTo("ok");
            assertThat(catchThrowable(() -> b.hello("broken"))).isExactlyInstanceOf(RemoteModuleException.class);
            assertThat(catchThrowable(() -> b.hello("late"))).isExactlyInstanceOf(RemoteModuleTimeoutException.class);
            assertThat(catchThrowable(() -> b.hello("down"))).isExactlyInstanceOf(RemoteModuleUnavailableException.class);

            assertThat(server.hits("/api/b/flaky")).isEqualTo(2);
            assertThat(server.hits("/api/b/broken")).isEqualTo(1);
            assertThat(server.hits("/api/b/late")).isEqualTo(1);
            assertThat(server.hits("/api/b/down")).isEqualTo(2);
            assertThat(context.getBean(RetryRegistry.class).retry("b").getRetryConfig().getMaxAttempts()).isEqualTo(2);
        });
    }

    @Test
    void theApplicationsOwnSettingsKeepTheirValuesAndTheRestStaysTheRunTimes() throws IOException {
        application("resilience4j.retry.instances.b.max-attempts=3", "resilience4j.retry.configs.default.wait-duration=10ms")
                .run(context -> {
                    BApi b = context.getBean(BApi.class);

                    assertThat(catchThrowable(() -> b.hello("down"))).isExactlyInstanceOf(RemoteModuleUnavailableException.class);
                    assertThat(catchThrowable(() -> b.hello("broken"))).isExactlyInstanceOf(RemoteModuleException.class);

                    assertThat(server.hits("/api/b/down")).isEqualTo(3);
                    assertThat(server.hits("/api/b/broken")).isEqualTo(1);
                    assertThat(context.getBean(RetryRegistry.class).retry("b").getRetryConfig().getIntervalBiFunction()
                            .apply(1, null)).isEqualTo(10L);
                });
    }

    @Test
    void anApplicationsOwnPredicateDecidesWhatIsRetried() throws IOException {
        application("resilience4j.retry.configs.default.retry-exceptions=dev.forum.extraction.runtime.remote.RemoteModuleException")
                .run(context -> {
                    assertThat(catchThrowable(() -> context.getBean(BApi.class).hello("broken")))
                            .isExactlyInstanceOf(RemoteModuleException.class);

                    assertThat(server.hits("/api/b/broken")).isEqualTo(2);
                });
    }

    /**
     * An application's own customizer named after the module: the start does not fail (Resilience4j allows one per
     * name, and the run time's default is none), what it sets wins and the rest stays the run time's.
     */
    @Test
    void anApplicationsOwnCustomizerOfTheModulesRetryWinsAndTheRestStaysTheRunTimes() throws IOException {
        application().withBean("bRetryCustomizer", RetryConfigCustomizer.class,
                        () -> RetryConfigCustomizer.of("b", builder -> builder.maxAttempts(3)))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    BApi b = context.getBean(BApi.class);

                    assertThat(catchThrowable(() -> b.hello("down"))).isExactlyInstanceOf(RemoteModuleUnavailableException.class);
                    assertThat(catchThrowable(() -> b.hello("broken"))).isExactlyInstanceOf(RemoteModuleException.class);

                    assertThat(server.hits("/api/b/down")).isEqualTo(3);
                    assertThat(server.hits("/api/b/broken")).isEqualTo(1);
                    RetryConfig config = context.getBean(RetryRegistry.class).retry("b").getRetryConfig();
                    assertThat(config.getMaxAttempts()).isEqualTo(3);
                    assertThat(config.getIntervalBiFunction().apply(1, null)).isEqualTo(RemoteReadRetryDefaults.WAIT.toMillis());
                });
    }

    /**
     * A shared config named like the module is no setting of the module's retry (Resilience4j applies a shared config
     * only through {@code base-config}, or {@code default}): the retry keeps the run time's default, and the shared
     * config keeps its own values, with Resilience4j's defaults, not the run time's, for what it leaves unset.
     */
    @Test
    void aSharedConfigNamedLikeTheModuleLeavesTheModulesRetryAtTheRunTimesDefault() throws IOException {
        application("resilience4j.retry.configs.b.max-attempts=4").run(context -> {
            BApi b = context.getBean(BApi.class);

            assertThat(catchThrowable(() -> b.hello("down"))).isExactlyInstanceOf(RemoteModuleUnavailableException.class);

            assertThat(server.hits("/api/b/down")).isEqualTo(2);
            RetryRegistry retries = context.getBean(RetryRegistry.class);
            assertThat(retries.retry("b").getRetryConfig().getIntervalBiFunction().apply(1, null)).isEqualTo(50L);
            RetryConfig shared = retries.getConfiguration("b").orElseThrow();
            assertThat(shared.getMaxAttempts()).isEqualTo(4);
            assertThat(shared.getIntervalBiFunction().apply(1, null)).isEqualTo(500L);
        });
    }

    /** The same shared config as the module retry's base config: its attempts win, the rest stays the run time's. */
    @Test
    void aSharedConfigNamedLikeTheModuleAsItsBaseConfigWins() throws IOException {
        application("resilience4j.retry.configs.b.max-attempts=4", "resilience4j.retry.instances.b.base-config=b").run(context -> {
            BApi b = context.getBean(BApi.class);

            assertThat(catchThrowable(() -> b.hello("down"))).isExactlyInstanceOf(RemoteModuleUnavailableException.class);
            assertThat(catchThrowable(() -> b.hello("broken"))).isExactlyInstanceOf(RemoteModuleException.class);

            assertThat(server.hits("/api/b/down")).isEqualTo(4);
            assertThat(server.hits("/api/b/broken")).isEqualTo(1);
            assertThat(context.getBean(RetryRegistry.class).retry("b").getRetryConfig().getIntervalBiFunction().apply(1, null))
                    .isEqualTo(50L);
        });
    }

    @Test
    void aDomain404IsNoFailureOfTheCircuitBreakerNorRetried() throws IOException {
        application().run(context -> {
            BApi b = context.getBean(BApi.class);

            for (int i = 0; i < 5; i++) {
                assertThat(catchThrowable(() -> b.hello("missing"))).isExactlyInstanceOf(RemoteErrorResponseException.class);
            }

            assertThat(server.hits("/api/b/missing")).isEqualTo(5);
            var metrics = context.getBean(CircuitBreakerRegistry.class).circuitBreaker("b").getMetrics();
            assertThat(metrics.getNumberOfFailedCalls()).isZero();
            assertThat(metrics.getNumberOfSuccessfulCalls()).isEqualTo(5);
        });
    }
}

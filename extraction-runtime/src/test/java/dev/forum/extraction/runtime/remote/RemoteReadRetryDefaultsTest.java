package dev.forum.extraction.runtime.remote;

import static dev.forum.extraction.runtime.remote.RemoteCallFixture.answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.forum.extraction.runtime.ExtractionRuntimeAutoConfiguration;
import dev.forum.extraction.runtime.fixture.b.BApi;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.springboot.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration;
import io.github.resilience4j.springboot.retry.autoconfigure.RetryAutoConfiguration;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/**
 * The retry of a remote module's reads in an application with Resilience4j's Spring Boot support, as an application
 * gets it: module b remote, its client called over a loopback HTTP server that answers 503 once, 500 or 504. In: the
 * application's {@code resilience4j.retry} properties, none or its own; out: the requests that reached b and what the
 * caller got. Without settings the run time's default applies (a 503 tried once more, a 500 or 504 answer not); an
 * application's settings keep their values, and what they leave unset stays the run time's.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class RemoteReadRetryDefaultsTest {

    private static final String METADATA = """
            format=1
            modules=b,a
            module.b.packages=dev.forum.extraction.runtime.fixture.b
            module.b.contracts=dev.forum.extraction.runtime.fixture.b.BApi
            module.b.prefix=/api/b
            module.a.packages=dev.forum.extraction.runtime.fixture.a
            module.a.calls=b
            """;

    @TempDir
    Path dir;

    private LoopbackHttpServer server;

    @Configuration(proxyBeanMethods = false)
    @ComponentScan("dev.forum.extraction.runtime.fixture")
    static class Application {

        @Bean
        RestClient.Builder restClientBuilder() {
            return RestClient.builder();
        }
    }

    @BeforeEach
    void remoteB() throws IOException {
        server = LoopbackHttpServer.start();
        server.route("/api/b/flaky", (request, hit) -> answer(hit == 1 ? 503 : 200, "ok"));
        server.route("/api/b/down", (request, hit) -> answer(503, ""));
        server.route("/api/b/broken", (request, hit) -> answer(500, "boom"));
        server.route("/api/b/late", (request, hit) -> answer(504, "gateway timeout"));
        server.route("/api/b/missing", (request, hit) -> answer(404, "no such thing"));
        Path metadata = dir.resolve("META-INF/extraction/modules.properties");
        Files.createDirectories(metadata.getParent());
        Files.writeString(metadata, METADATA);
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    private ApplicationContextRunner application(String... settings) throws IOException {
        return new ApplicationContextRunner()
                .withClassLoader(new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader()))
                .withConfiguration(AutoConfigurations.of(RetryAutoConfiguration.class, CircuitBreakerAutoConfiguration.class,
                        ExtractionRuntimeAutoConfiguration.class))
                .withUserConfiguration(Application.class)
                .withPropertyValues("extraction.topology.local-modules=a", "extraction.topology.remote-base-url=" + server.baseUrl())
                .withPropertyValues(settings);
    }

    @Test
    void withoutRetrySettingsA503IsTriedOnceMoreAndA500OrA504AnswerIsNot() throws IOException {
        application().run(context -> {
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

package dev.forum.extraction.runtime.remote;

import static dev.forum.extraction.runtime.remote.RemoteCallFixture.answer;

import dev.forum.extraction.runtime.ExtractionRuntimeAutoConfiguration;
import io.github.resilience4j.springboot.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration;
import io.github.resilience4j.springboot.retry.autoconfigure.RetryAutoConfiguration;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/**
 * An application with Resilience4j's Spring Boot support in which module a is local and module b remote, on a loopback
 * HTTP server, fresh for each test. Register it per test instance
 * ({@code @RegisterExtension final RemoteModuleBApplication remote = new RemoteModuleBApplication();}). b's routes
 * ({@code /api/b/<name>}, called as {@code BApi.hello(name)}): {@code flaky} answers 503 once, then 200;
 * {@code down} 503, {@code broken} 500, {@code late} 504, {@code missing} 404, always. Out: {@link #application} (a
 * context runner with the given properties) and {@link #server()} to count requests. After each test it closes the
 * server and deletes the module metadata it wrote.
 */
final class RemoteModuleBApplication implements BeforeEachCallback, AfterEachCallback {

    private static final String METADATA = """
            format=1
            modules=b,a
            module.b.packages=dev.forum.extraction.runtime.fixture.b
            module.b.contracts=dev.forum.extraction.runtime.fixture.b.BApi
            module.b.prefix=/api/b
            module.a.packages=dev.forum.extraction.runtime.fixture.a
            module.a.calls=b
            """;

    private Path dir;
    private LoopbackHttpServer server;

    @Configuration(proxyBeanMethods = false)
    @ComponentScan("dev.forum.extraction.runtime.fixture")
    static class Application {

        @Bean
        RestClient.Builder restClientBuilder() {
            return RestClient.builder();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        server = LoopbackHttpServer.start();
        server.route("/api/b/flaky", (request, hit) -> answer(hit == 1 ? 503 : 200, "ok"));
        server.route("/api/b/down", (request, hit) -> answer(503, ""));
        server.route("/api/b/broken", (request, hit) -> answer(500, "boom"));
        server.route("/api/b/late", (request, hit) -> answer(504, "gateway timeout"));
        server.route("/api/b/missing", (request, hit) -> answer(404, "no such thing"));
        dir = Files.createTempDirectory("remote-b");
        Path metadata = dir.resolve("META-INF/extraction/modules.properties");
        Files.createDirectories(metadata.getParent());
        Files.writeString(metadata, METADATA);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        server.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** @return the loopback server standing for module b */
    LoopbackHttpServer server() {
        return server;
    }

    /**
     * @param settings the application's properties ({@code name=value}) besides the topology
     * @return a runner of the application with Resilience4j's retry and circuit breaker auto-configuration
     */
    ApplicationContextRunner application(String... settings) throws IOException {
        return new ApplicationContextRunner()
                .withClassLoader(new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader()))
                .withConfiguration(AutoConfigurations.of(RetryAutoConfiguration.class, CircuitBreakerAutoConfiguration.class,
                        ExtractionRuntimeAutoConfiguration.class))
                .withUserConfiguration(Application.class)
                .withPropertyValues("extraction.topology.local-modules=a", "extraction.topology.remote-base-url=" + server.baseUrl())
                .withPropertyValues(settings);
    }
}

package dev.forum.extraction.runtime.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.forum.extraction.runtime.ExtractionRuntimeAutoConfiguration;
import dev.forum.extraction.runtime.fixture.a.AService;
import dev.forum.extraction.runtime.fixture.b.BApi;
import dev.forum.extraction.runtime.fixture.b.BController;
import dev.forum.extraction.runtime.topology.InvalidTopologyException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.web.client.RestClient;

/**
 * A Spring context of two modules, a (calls b's HTTP contract) and b (implements it), with the library's
 * auto-configuration: with b remote, b starts nothing here and a gets a client that reaches b over HTTP on loopback,
 * relaying the application's headers and decoding its answers; with every module local, a calls b in process.
 */
class RemoteModuleRegistrarTest {

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

    private HttpServer server;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private AnnotationConfigApplicationContext context;

    @BeforeEach
    void remoteB() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/b/", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            String name = exchange.getRequestURI().getPath().substring("/api/b/".length());
            int status = switch (name) {
                case "missing" -> 404;
                case "down" -> 503;
                default -> 200;
            };
            byte[] body = ("remote:" + name).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        Path metadata = dir.resolve("META-INF/extraction/modules.properties");
        Files.createDirectories(metadata.getParent());
        Files.writeString(metadata, METADATA);
    }

    @AfterEach
    void stop() {
        if (context != null) {
            context.close();
        }
        server.stop(0);
    }

    @Configuration(proxyBeanMethods = false)
    static class Application {

        @Bean
        RestClient.Builder restClientBuilder() {
            return RestClient.builder();
        }

        @Bean
        RemoteCallHeaders bearer() {
            return (module, headers) -> headers.setBearerAuth("token-for-" + module);
        }

        @Bean
        RemoteErrorDecoder notFound() {
            return (module, request, status, headers, body) -> {
                if (status == 404) {
                    throw new IllegalArgumentException(module + " has no " + new String(body, StandardCharsets.UTF_8));
                }
            };
        }
    }

    private AnnotationConfigApplicationContext start(Map<String, Object> settings) throws IOException {
        context = new AnnotationConfigApplicationContext();
        context.setClassLoader(new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader()));
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", settings));
        context.register(Application.class, ExtractionRuntimeAutoConfiguration.class);
        context.scan("dev.forum.extraction.runtime.fixture");
        context.refresh();
        return context;
    }

    @Test
    void aRemoteModuleStartsNothingHereAndItsCallersGetAClientOverHttp() throws IOException {
        start(Map.of("extraction.topology.local-modules", "a", "extraction.topology.remote-base-url", "http://127.0.0.1:" + server.getAddress().getPort()));

        assertThat(context.getBeanNamesForType(BController.class)).isEmpty();
        assertThat(context.getBeanNamesForType(BController.BConfiguration.class)).isEmpty();
        assertThat(context.containsBean("bSideBean")).isFalse();
        assertThat(context.getBean(AService.class).greet("ann")).isEqualTo("a+remote:ann");
        assertThat(authorizations).containsExactly("Bearer token-for-b");

        BApi b = context.getBean(BApi.class);
        assertThatThrownBy(() -> b.hello("missing")).isInstanceOf(IllegalArgumentException.class).hasMessage("b has no remote:missing");
        assertThatThrownBy(() -> b.hello("down")).isInstanceOf(RemoteModuleUnavailableException.class)
                .hasMessage("The b module is unavailable: it answered 503");
    }

    @Test
    void withEveryModuleLocalTheCallStaysInProcess() throws IOException {
        start(Map.of());

        assertThat(context.getBean(AService.class).greet("ann")).isEqualTo("a+b:ann");
        assertThat(context.containsBean("bSideBean")).isTrue();
        assertThat(authorizations).isEmpty();
    }

    @Test
    void aModuleThatCannotRunHereIsRefusedBeforeAnyBeanIsMade() {
        assertThatThrownBy(() -> start(Map.of("extraction.topology.local-modules", "a")))
                .isInstanceOf(InvalidTopologyException.class)
                .hasMessageStartingWith("Module 'b' is remote but has no URL (a calls it)");
    }

    @Test
    void aMistypedSettingIsRefusedRatherThanStartingEveryModule() {
        assertThatThrownBy(() -> start(Map.of("extraction.topology.local-module", "a")))
                .isInstanceOf(InvalidTopologyException.class)
                .hasMessageStartingWith("extraction.topology.local-module is not a setting of the extraction run time (did you"
                        + " mean extraction.topology.local-modules?)");
        assertThat(context.isActive()).isFalse();
    }

    @Test
    void anEmptyLocalModulesSettingIsAnsweredWithThisApplicationsModules() {
        assertThatThrownBy(() -> start(Map.of("extraction.topology.local-modules", " , ")))
                .isInstanceOf(InvalidTopologyException.class)
                .hasMessageContaining("name the modules that run here, one or more of: a, b, or leave it unset");
    }

    /**
     * A URL written without {@code http://}: one that java.net.URI cannot read at all (an address: a scheme cannot start
     * with a digit) was Spring Boot's binding error, naming no module and no fix; one it reads with a scheme of
     * {@code localhost}. Both are the run time's line, naming the setting and the URL to write, at the context's start.
     */
    @Test
    void aRemoteUrlWithoutASchemeIsRefusedWithTheUrlToWrite() {
        assertThatThrownBy(() -> start(Map.of("extraction.topology.local-modules", "a",
                "extraction.topology.remote-base-url", "127.0.0.1:" + server.getAddress().getPort())))
                .isInstanceOf(InvalidTopologyException.class)
                .hasMessage("extraction.topology.remote-base-url (EXTRACTION_TOPOLOGY_REMOTE_BASE_URL), the base URL of every"
                        + " remote module, must be an absolute http(s) URL, not '127.0.0.1:" + server.getAddress().getPort()
                        + "': write http://127.0.0.1:" + server.getAddress().getPort());
        assertThat(context.isActive()).isFalse();
        assertThatThrownBy(() -> start(Map.of("extraction.topology.local-modules", "a",
                "extraction.topology.remote-urls.b", "localhost:8082")))
                .isInstanceOf(InvalidTopologyException.class)
                .hasMessage("extraction.topology.remote-urls.b (EXTRACTION_TOPOLOGY_REMOTEURLS_B), the URL of remote module"
                        + " 'b', must be an absolute http(s) URL, not 'localhost:8082': write http://localhost:8082");
        assertThatThrownBy(() -> start(Map.of("extraction.topology.local-modules", "a",
                "extraction.topology.remote-urls.b", "127.0.0.1:8082")))
                .isInstanceOf(InvalidTopologyException.class)
                .hasMessage("extraction.topology.remote-urls.b (EXTRACTION_TOPOLOGY_REMOTEURLS_B), the URL of module"
                        + " 'b', must be an absolute http(s) URL, not '127.0.0.1:8082': write http://127.0.0.1:8082");
    }
}

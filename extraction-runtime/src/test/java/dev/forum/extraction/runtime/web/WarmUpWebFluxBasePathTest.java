package dev.forum.extraction.runtime.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forum.extraction.runtime.topology.ModuleMetadata;
import dev.forum.extraction.runtime.topology.Topology;
import dev.forum.extraction.runtime.topology.TopologySettings;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * In a Spring WebFlux application the local warm-up sends its requests below {@code spring.webflux.base-path}, the
 * context path WebFlux has ({@link RoutePaths}), where a client of the process would, whatever servlet settings the
 * application still carries (Boot ignores them under WebFlux). In: a real WebFlux server under {@code /shop} with a
 * stray {@code server.servlet.context-path} and {@code spring.mvc.servlet.path}; out: the request paths its controller
 * saw, and the log line.
 */
@ExtendWith(OutputCaptureExtension.class)
class WarmUpWebFluxBasePathTest {

    private static final String METADATA = """
            format=1
            modules=people,payroll
            module.people.packages=hr.people
            module.people.prefix=/api/people
            module.payroll.packages=hr.payroll
            module.payroll.prefix=/api/payroll
            """;

    static final List<String> SEEN = new CopyOnWriteArrayList<>();

    @RestController
    static class Routes {
        @GetMapping({"/api/people", "/extra"})
        String seen(ServerHttpRequest request) {
            SEEN.add(request.getPath().value());
            return "[]";
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({NettyReactiveWebServerAutoConfiguration.class, HttpHandlerAutoConfiguration.class,
            WebFluxAutoConfiguration.class, CodecsAutoConfiguration.class})
    @Import(Routes.class)
    static class Server {
        /** People runs here, payroll elsewhere; one round, and one more path of the application's. */
        @Bean
        WarmUp warmUp() throws IOException {
            Properties properties = new Properties();
            properties.load(new StringReader(METADATA));
            Topology topology = Topology.resolve(new TopologySettings(Set.of("people"), URI.create("http://127.0.0.1:9"),
                    Map.of(), TopologySettings.DEFAULT_CONNECT_TIMEOUT, TopologySettings.DEFAULT_READ_TIMEOUT),
                    ModuleMetadata.parse(properties, "test"));
            return new WarmUp(() -> topology, 1, List.of("?limit=1"), List.of("/extra"));
        }
    }

    @Test
    void itsRequestsGoBelowWebFluxsBasePath(CapturedOutput output) {
        SEEN.clear();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Server.class)
                .web(WebApplicationType.REACTIVE)
                .properties("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off",
                        "spring.webflux.base-path=/shop/", "server.servlet.context-path=/hr",
                        "spring.mvc.servlet.path=/svc")
                .run()) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();

            assertThat(SEEN).containsExactlyInAnyOrder("/shop/extra", "/shop/api/people");
            assertThat(output.getAll()).contains("Warmed up 2 routes below http://127.0.0.1:" + port + "/shop in ");
        }
    }
}

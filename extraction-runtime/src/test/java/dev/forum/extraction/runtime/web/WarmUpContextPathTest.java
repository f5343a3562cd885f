package dev.forum.extraction.runtime.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forum.extraction.runtime.topology.ModuleMetadata;
import dev.forum.extraction.runtime.topology.Topology;
import dev.forum.extraction.runtime.topology.TopologySettings;
import jakarta.servlet.http.HttpServletRequest;
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
import org.apache.catalina.webresources.TomcatURLStreamHandlerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The local warm-up sends its requests where a client of the process would: below the context path
 * ({@code server.servlet.context-path}) and, for the modules' routes, below the dispatcher servlet's path
 * ({@code spring.mvc.servlet.path}). It used to send them to {@code http://127.0.0.1:<port>/api/...}, which an
 * application under {@code /hr} answered 404, warming nothing. A stray {@code spring.webflux.base-path} (WebFlux on the
 * class path for a {@code WebClient}) counts for nothing, as in Spring Boot. In: a real Spring MVC server with the
 * settings; out: the request URIs its controller saw, and the log line.
 */
@ExtendWith(OutputCaptureExtension.class)
class WarmUpContextPathTest {

    /**
     * Tomcat sets its URL stream handler factory when it starts, once per JVM, and the JDK then refuses any other: the
     * test classes after this one in the same JVM (ArchiveClassesBootJarUnitTest resets the JDK's handlers) need none set.
     */
    @BeforeAll
    static void tomcatLeavesTheJdksUrlHandlersAlone() {
        TomcatURLStreamHandlerFactory.disable();
    }

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
        String seen(HttpServletRequest request) {
            SEEN.add(request.getRequestURI());
            return "[]";
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
            WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class})
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
            return new WarmUp(() -> topology, 1, List.of("?limit=1"), List.of("/svc/extra"));
        }
    }

    @Test
    void itsRequestsGoBelowTheContextPathAndTheRoutesBelowTheServletPath(CapturedOutput output) {
        SEEN.clear();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Server.class)
                .web(WebApplicationType.SERVLET)
                .properties("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off",
                        "server.servlet.context-path=/hr", "spring.mvc.servlet.path=/svc")
                .run()) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();

            assertThat(SEEN).containsExactlyInAnyOrder("/hr/svc/extra", "/hr/svc/api/people");
            assertThat(output.getAll()).contains("Warmed up 2 routes below http://127.0.0.1:" + port + "/hr in ");
        }
    }

    @Test
    void aStrayWebFluxBasePathIsNotTheContextPathOfAServletApplication(CapturedOutput output) {
        SEEN.clear();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Server.class)
                .web(WebApplicationType.SERVLET)
                .properties("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off",
                        "spring.webflux.base-path=/shop")
                .run()) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();

            assertThat(SEEN).as("the module's route at the root; /svc/extra, an extra path, is no route without the"
                    + " servlet path").containsExactly("/api/people");
            assertThat(output.getAll()).contains("Warmed up 2 routes below http://127.0.0.1:" + port + " in ");
        }
    }
}

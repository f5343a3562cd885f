package dev.forum.extraction.runtime.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forum.extraction.runtime.topology.TopologySettings;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.apache.catalina.webresources.TomcatURLStreamHandlerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.ApiVersionInserter;
import org.springframework.web.client.RestClient;
import org.springframework.web.method.HandlerTypePredicate;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.servlet.config.annotation.PathMatchConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A contract method with an API version ({@code @GetExchange(version = "1.1")}) reaches the handler of that version over
 * HTTP: a real Spring MVC server on loopback, configured with {@code spring.mvc.apiversion.use.*}, has a handler per
 * version, and the remote module's client, made from the same settings, sends each version where that server reads
 * it (header, query parameter, path segment below a context path, media type parameter). In: the settings; out: the
 * handler each call reached. Where no setting says where a version goes, making the client fails in one line.
 */
class RemoteApiVersionsTest {

    /**
     * Tomcat sets its URL stream handler factory when it starts, once per JVM, and the JDK then refuses any other: the
     * test classes after this one in the same JVM (ArchiveClassesBootJarUnitTest resets the JDK's handlers) need none set.
     */
    @BeforeAll
    static void tomcatLeavesTheJdksUrlHandlersAlone() {
        TomcatURLStreamHandlerFactory.disable();
    }

    public record Person(long id, String version) {
    }

    @HttpExchange("/api/people")
    public interface PeopleApi {
        @GetExchange(url = "/{id}/detail", version = "1.1")
        Person detail(@PathVariable("id") long id);

        @GetExchange(url = "/{id}/detail", version = "1.0")
        Person summary(@PathVariable("id") long id);
    }

    @HttpExchange("/api/plain")
    public interface PlainApi {
        @GetExchange("/{id}")
        Person get(@PathVariable("id") long id);
    }

    /**
     * The module's handlers of the two versions. Spring MVC maps a controller by its own annotations' versions (it
     * reads none from a contract's {@code @HttpExchange}), so each version's handler says which it is.
     */
    @RestController
    static class PeopleController {
        @GetMapping(path = "/api/people/{id}/detail", version = "1.1")
        Person detail(@PathVariable("id") long id) {
            return new Person(id, "1.1");
        }

        @GetMapping(path = "/api/people/{id}/detail", version = "1.0")
        Person summary(@PathVariable("id") long id) {
            return new Person(id, "1.0");
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
            WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class})
    @Import(PeopleController.class)
    static class Server {
    }

    /** Spring MVC's path versions need the version's segment in the mapping: here ahead of every controller's. */
    @Configuration(proxyBeanMethods = false)
    static class VersionFirstInThePath implements WebMvcConfigurer {
        @Override
        public void configurePathMatch(PathMatchConfigurer configurer) {
            configurer.addPathPrefix("/{version}", HandlerTypePredicate.forAnnotation(RestController.class));
        }
    }

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }

    private ConfigurableApplicationContext server(Class<?>[] sources, String... settings) {
        List<String> properties = new ArrayList<>(List.of("server.port=0", "server.address=127.0.0.1",
                "spring.main.banner-mode=off"));
        properties.addAll(List.of(settings));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(sources).web(WebApplicationType.SERVLET)
                .properties(properties.toArray(String[]::new)).run();
        open.add(context);
        return context;
    }

    private static String baseUrl(ConfigurableApplicationContext server) {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) server).getWebServer().getPort()
                + server.getEnvironment().getProperty("server.servlet.context-path", "");
    }

    private <T> T client(String baseUrl, Class<T> api, Environment settings, RestClient.Builder builder) {
        TopologySettings topology = new TopologySettings(Set.of(), null, Map.of(), Duration.ofSeconds(1), Duration.ofSeconds(5));
        var builders = new StaticListableBeanFactory(Map.of("builder", builder)).getBeanProvider(RestClient.Builder.class);
        RemoteModuleClients clients = new RemoteModuleClients(topology, builders, CircuitBreakerRegistry.ofDefaults(),
                RetryRegistry.ofDefaults(), List.of(), List.of(), new RemoteApiVersions(settings));
        open.add(clients::destroy);
        return clients.create("people", URI.create(baseUrl), api);
    }

    /** The client made from the server's own settings, as in a service of the same application. */
    private PeopleApi clientOf(ConfigurableApplicationContext server) {
        return client(baseUrl(server), PeopleApi.class, server.getEnvironment(), RestClient.builder());
    }

    private static void assertEachVersionReachesItsHandler(PeopleApi people) {
        assertThat(people.detail(7)).isEqualTo(new Person(7, "1.1"));
        assertThat(people.summary(7)).isEqualTo(new Person(7, "1.0"));
    }

    @Test
    void inAHeader() {
        assertEachVersionReachesItsHandler(clientOf(server(new Class<?>[] {Server.class},
                "spring.mvc.apiversion.use.header=X-API-Version")));
    }

    @Test
    void inAQueryParameter() {
        assertEachVersionReachesItsHandler(clientOf(server(new Class<?>[] {Server.class},
                "spring.mvc.apiversion.use.query-parameter=api-version")));
    }

    @Test
    void inAPathSegmentCountedBelowTheContextPath() {
        ConfigurableApplicationContext server = server(new Class<?>[] {Server.class, VersionFirstInThePath.class},
                "spring.mvc.apiversion.use.path-segment=0", "server.servlet.context-path=/hr");
        assertThat(baseUrl(server)).endsWith("/hr");
        assertEachVersionReachesItsHandler(clientOf(server));
    }

    @Test
    void inAMediaTypeParameterOfAccept() {
        assertEachVersionReachesItsHandler(clientOf(server(new Class<?>[] {Server.class},
                "spring.mvc.apiversion.use.media-type-parameter[application/json]=v")));
    }

    @Test
    void springBootsSettingForTheModulesClientComesFirst() {
        ConfigurableApplicationContext server = server(new Class<?>[] {Server.class}, "spring.mvc.apiversion.use.header=X-Version");
        MockEnvironment settings = new MockEnvironment()
                .withProperty("spring.mvc.apiversion.use.query-parameter", "not-read-by-the-server")
                .withProperty("spring.http.serviceclient.people.apiversion.insert.header", "X-Version");

        assertEachVersionReachesItsHandler(client(baseUrl(server), PeopleApi.class, settings, RestClient.builder()));
    }

    @Test
    void theApplicationsOwnInserterWinsOverTheServersSettings() {
        ConfigurableApplicationContext server = server(new Class<?>[] {Server.class}, "spring.mvc.apiversion.use.header=X-Version");
        MockEnvironment settings = new MockEnvironment()
                .withProperty("spring.mvc.apiversion.use.query-parameter", "not-read-by-the-server");
        RestClient.Builder customized = RestClient.builder().apiVersionInserter(ApiVersionInserter.useHeader("X-Version"));

        assertEachVersionReachesItsHandler(client(baseUrl(server), PeopleApi.class, settings, customized));
    }

    @Test
    void aVersionedContractWithNoSettingIsRefusedInOneLineNamingModuleMethodAndSetting() {
        assertThatThrownBy(() -> client("http://127.0.0.1:9", PeopleApi.class, new MockEnvironment(), RestClient.builder()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Remote module 'people': PeopleApi.detail sends API version 1.1, but no setting says where it"
                        + " goes: set spring.mvc.apiversion.use.header (or query-parameter, path-segment, media-type-parameter)"
                        + " where the people module's server reads versions, or"
                        + " spring.http.serviceclient.people.apiversion.insert.header (or ...) for this client alone");
    }

    @Test
    void aContractWithoutVersionsNeedsNoSetting() {
        assertThat(client("http://127.0.0.1:9", PlainApi.class, new MockEnvironment(), RestClient.builder())).isNotNull();
    }

    @Test
    void theProbeTellsABuilderThatInsertsVersionsFromOneThatDoesNotAndSendsNothing() {
        AtomicInteger intercepted = new AtomicInteger();
        RestClient.Builder intercepting = RestClient.builder().requestInterceptor((request, body, execution) -> {
            intercepted.incrementAndGet();
            return execution.execute(request, body);
        });
        assertThat(RemoteApiVersions.hasInserter(intercepting)).isFalse();
        assertThat(RemoteApiVersions.hasInserter(intercepting.apiVersionInserter(ApiVersionInserter.useQueryParam("v"))))
                .isTrue();
        assertThat(intercepted).hasValue(0);
        assertThat(RemoteApiVersions.hasInserter(RestClient.builder().apiVersionInserter(ApiVersionInserter.useHeader("V"))))
                .isTrue();
        assertThat(RemoteApiVersions.hasInserter(RestClient.builder().apiVersionInserter(ApiVersionInserter.usePathSegment(3))))
                .isTrue();
    }
}

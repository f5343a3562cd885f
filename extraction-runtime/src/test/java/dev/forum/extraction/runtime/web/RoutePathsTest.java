package dev.forum.extraction.runtime.web;

import static dev.forum.extraction.runtime.web.RoutePaths.Stack.REACTIVE;
import static dev.forum.extraction.runtime.web.RoutePaths.Stack.SERVLET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * The one rule for where an application's routes begin, as the warm-up reads it over the Environment and the plugin
 * over the settings files: in, the web stack and settings; out, the context path, the servlet path and the route prefix,
 * each read from that stack's settings alone, as Spring Boot reads them.
 */
class RoutePathsTest {

    private static Function<String, String> settings(String... pairs) {
        MockEnvironment environment = new MockEnvironment();
        for (int i = 0; i < pairs.length; i += 2) {
            environment.setProperty(pairs[i], pairs[i + 1]);
        }
        return environment::getProperty;
    }

    @Test
    void aServletApplicationReadsOnlyTheServletContextPathAndTheServletPath() {
        assertThat(RoutePaths.contextPath(SERVLET, settings())).isEmpty();
        assertThat(RoutePaths.contextPath(SERVLET, settings("server.servlet.context-path", "/"))).isEmpty();
        assertThat(RoutePaths.contextPath(SERVLET, settings("server.servlet.context-path", "/hr/"))).isEqualTo("/hr");
        assertThat(RoutePaths.routePrefix(SERVLET, settings("server.servlet.context-path", "/hr", "spring.mvc.servlet.path",
                "svc/"))).isEqualTo("/hr/svc");
        assertThat(RoutePaths.servletPath(SERVLET, settings("spring.mvc.servlet.path", "/"))).isEmpty();
        assertThat(RoutePaths.routePrefix(SERVLET, settings("spring.webflux.base-path", "/shop")))
                .as("an MVC application with WebFlux for its WebClient: Boot ignores the base path").isEmpty();
        assertThat(RoutePaths.routePrefix(SERVLET, settings("spring.webflux.base-path", "/shop",
                "spring.mvc.servlet.path", "/svc"))).isEqualTo("/svc");
    }

    @Test
    void aReactiveApplicationReadsOnlyWebFluxsBasePath() {
        assertThat(RoutePaths.routePrefix(REACTIVE, settings())).isEmpty();
        assertThat(RoutePaths.routePrefix(REACTIVE, settings("spring.webflux.base-path", "shop/"))).isEqualTo("/shop");
        assertThat(RoutePaths.routePrefix(REACTIVE, settings("server.servlet.context-path", "/hr",
                "spring.mvc.servlet.path", "/svc", "spring.webflux.base-path", "/shop")))
                .as("a stray servlet context path and servlet path, which Boot ignores under WebFlux").isEqualTo("/shop");
        assertThat(RoutePaths.routePrefix(REACTIVE, settings("server.servlet.context-path", "/hr"))).isEmpty();
    }

    @Test
    void onlyTheStacksOwnSettingsAreAskedFor() {
        Function<String, String> servletOnly = key -> switch (key) {
            case "server.servlet.context-path" -> "/hr";
            case "spring.mvc.servlet.path" -> null;
            default -> throw new IllegalStateException("asked for " + key);
        };
        assertThat(RoutePaths.routePrefix(SERVLET, servletOnly)).isEqualTo("/hr");
        Function<String, String> webFluxOnly = key -> switch (key) {
            case "spring.webflux.base-path" -> "x";
            default -> throw new IllegalStateException("asked for " + key);
        };
        assertThat(RoutePaths.routePrefix(REACTIVE, webFluxOnly)).isEqualTo("/x");
        assertThatThrownBy(() -> RoutePaths.routePrefix(REACTIVE, key -> {
            throw new IllegalArgumentException(key);
        })).hasMessage("spring.webflux.base-path");
    }

    @Test
    void theStackIsTheOneTheSettingNamesElseServletWhereTheDispatcherServletIs() {
        assertThat(RoutePaths.stack(null, true)).isEqualTo(SERVLET);
        assertThat(RoutePaths.stack(null, false)).isEqualTo(REACTIVE);
        assertThat(RoutePaths.stack(" reactive ", true)).isEqualTo(REACTIVE);
        assertThat(RoutePaths.stack("Servlet", false)).isEqualTo(SERVLET);
        assertThat(RoutePaths.stack("none", true)).as("no web server: the class path decides").isEqualTo(SERVLET);
        assertThat(RoutePaths.stack("", false)).isEqualTo(REACTIVE);
    }

    @Test
    void aPathIsTrimmedOfWhiteSpaceAServletMappingAndTrailingSlashes() {
        assertThat(RoutePaths.trimmed(null)).isEmpty();
        assertThat(RoutePaths.trimmed(" / ")).isEmpty();
        assertThat(RoutePaths.trimmed("/hr//")).isEqualTo("/hr");
        assertThat(RoutePaths.trimmed("hr")).isEqualTo("/hr");
        assertThat(RoutePaths.trimmed("/api/*")).isEqualTo("/api");
    }
}

package dev.forum.extraction.runtime.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * The one rule for where an application's routes begin, as the warm-up reads it over the Environment and the plugin
 * over the settings files: in, settings; out, the context path, the servlet path and the route prefix.
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
    void theContextPathIsTheServletOneElseWebFluxsBasePath() {
        assertThat(RoutePaths.contextPath(settings())).isEmpty();
        assertThat(RoutePaths.contextPath(settings("server.servlet.context-path", "/"))).isEmpty();
        assertThat(RoutePaths.contextPath(settings("server.servlet.context-path", "/hr/"))).isEqualTo("/hr");
        assertThat(RoutePaths.contextPath(settings("spring.webflux.base-path", "/shop"))).isEqualTo("/shop");
        assertThat(RoutePaths.contextPath(settings("server.servlet.context-path", "/hr", "spring.webflux.base-path", "/shop")))
                .isEqualTo("/hr");
        assertThat(RoutePaths.contextPath(settings("server.servlet.context-path", " ", "spring.webflux.base-path", "/shop")))
                .as("a blank context path is not set").isEqualTo("/shop");
    }

    @Test
    void theRoutePrefixIsTheContextPathFollowedByTheServletPath() {
        assertThat(RoutePaths.routePrefix(settings())).isEmpty();
        assertThat(RoutePaths.routePrefix(settings("server.servlet.context-path", "/hr", "spring.mvc.servlet.path", "svc/")))
                .isEqualTo("/hr/svc");
        assertThat(RoutePaths.routePrefix(settings("spring.webflux.base-path", "shop/"))).isEqualTo("/shop");
        assertThat(RoutePaths.servletPath(settings("spring.mvc.servlet.path", "/"))).isEmpty();
    }

    @Test
    void webFluxsBasePathIsNotAskedForWhenTheContextPathIsSet() {
        Function<String, String> refusing = key -> switch (key) {
            case "server.servlet.context-path" -> "/hr";
            case "spring.webflux.base-path" -> throw new IllegalStateException("asked for " + key);
            default -> null;
        };
        assertThat(RoutePaths.routePrefix(refusing)).isEqualTo("/hr");
        Function<String, String> webFluxOnly = Map.of("spring.webflux.base-path", "x")::get;
        assertThat(RoutePaths.routePrefix(webFluxOnly)).isEqualTo("/x");
        assertThatThrownBy(() -> RoutePaths.routePrefix(key -> {
            throw new IllegalArgumentException(key);
        })).hasMessage("server.servlet.context-path");
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

package forum.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** One Allow for a path: its routes' methods, HEAD with GET, and OPTIONS, in one order, from every layer. */
class RouteMethodsUnitTest {

    @Test
    void allow_lists_head_with_get_and_options_always_in_one_order() {
        assertThat(RouteMethods.allow(Set.of("GET"))).isEqualTo("GET, HEAD, OPTIONS");
        assertThat(RouteMethods.allow(Set.of("POST", "GET"))).isEqualTo("GET, HEAD, POST, OPTIONS");
        assertThat(RouteMethods.allow(Set.of("GET", "POST", "HEAD", "OPTIONS"))).isEqualTo("GET, HEAD, POST, OPTIONS");
        assertThat(RouteMethods.allow(Set.of("POST"))).isEqualTo("POST, OPTIONS");
        assertThat(RouteMethods.allow(Set.of("DELETE", "PATCH", "PUT"))).isEqualTo("PUT, PATCH, DELETE, OPTIONS");
        assertThat(RouteMethods.allow(Set.of("TRACE", "GET"))).as("no route takes TRACE").isEqualTo("GET, HEAD, OPTIONS");
    }

    @Test
    void a_405_says_what_allow_says() {
        assertThat(RouteMethods.methodNotAllowed("PUT", Set.of("GET", "POST")).getDetail())
                .isEqualTo("This route does not take PUT; it takes GET, HEAD, POST, OPTIONS");
        assertThat(RouteMethods.methodNotAllowed("TRACE", Set.of()).getDetail()).isEqualTo("This route does not take TRACE");
    }
}

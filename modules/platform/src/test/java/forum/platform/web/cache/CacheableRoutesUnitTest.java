package forum.platform.web.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import forum.platform.CacheableRead;
import forum.platform.RouteAccess;
import forum.platform.RouteAccess.Caller;
import forum.platform.security.ModuleContract;
import java.util.List;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.PostExchange;

class CacheableRoutesUnitTest {

    interface ItemsApi {
        @CacheableRead
        @RouteAccess(Caller.ANYONE)
        @GetExchange
        List<String> list();

        @CacheableRead
        @RouteAccess(Caller.ANYONE)
        @GetExchange("/{id}")
        String get(long id);

        @RouteAccess(Caller.ANYONE)
        @GetExchange("/keys.json")
        String keys();

        @RouteAccess(Caller.USER)
        @PostExchange
        String create(String item);
    }

    interface WritesMarkedApi {
        @CacheableRead
        @RouteAccess(Caller.ANYONE)
        @PostExchange
        String create(String item);
    }

    interface CallerMarkedApi {
        @CacheableRead
        @RouteAccess(Caller.USER)
        @GetExchange("/mine")
        List<String> mine();
    }

    static class FixedAnswers {
        @CacheableRead
        @GetMapping(path = {"/status", "/status/"}, produces = "text/plain")
        String status() {
            return "up";
        }

        @GetMapping("/time")
        String time() {
            return "not marked: read afresh each time";
        }
    }

    static class FixedWithPattern {
        @CacheableRead
        @GetMapping("/fixed/{name}")
        String named(String name) {
            return name;
        }

        @CacheableRead
        @PostMapping("/fixed")
        String write() {
            return "";
        }
    }

    @RequestMapping("/prefix")
    static class FixedUnderPrefix {
        @CacheableRead
        @GetMapping("/fixed")
        String fixed() {
            return "";
        }
    }

    private static final LongSupplier ITEMS = () -> 7;

    @Test
    void a_request_goes_to_the_route_spring_mvc_would_choose() {
        CacheableRoutes routes = CacheableRoutes.of(List.of(new ModuleContract("items", ItemsApi.class, "/api/items")),
                module -> module.equals("items") ? ITEMS : null, List.of());

        assertThat(routes.any()).isTrue();
        assertThat(routes.match("/api/items").pattern().getPatternString()).isEqualTo("/api/items");
        assertThat(routes.match("/api/items/7").pattern().getPatternString()).isEqualTo("/api/items/{id}");
        assertThat(routes.match("/api/items/7").version().getAsLong()).isEqualTo(7);
        assertThat(routes.match("/api/items/keys.json")).as("a literal route not marked, not {id}").isNull();
        assertThat(routes.match("/api/items/")).as("no trailing slash, as Spring MVC").isNull();
        assertThat(routes.match("/api/items/7/x")).isNull();
        assertThat(routes.match("/api/other")).isNull();
    }

    @Test
    void a_remote_modules_routes_are_not_kept_here() {
        CacheableRoutes routes = CacheableRoutes.of(List.of(new ModuleContract("items", ItemsApi.class, "/api/items")),
                module -> null, List.of());

        assertThat(routes.any()).isFalse();
        assertThat(routes.match("/api/items/7")).isNull();
    }

    @Test
    void only_a_get_open_to_anyone_may_be_marked() {
        assertThatThrownBy(() -> CacheableRoutes.of(List.of(
                new ModuleContract("writes", WritesMarkedApi.class, "/api/writes"),
                new ModuleContract("mine", CallerMarkedApi.class, "/api/mine")), module -> null, List.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("@CacheableRead is for GET routes open to anyone (@RouteAccess(ANYONE)), not "
                        + "CallerMarkedApi.mine, WritesMarkedApi.create");
    }

    @Test
    void a_fixed_answer_is_kept_at_one_version_whatever_the_modules() {
        CacheableRoutes routes = CacheableRoutes.of(List.of(new ModuleContract("items", ItemsApi.class, "/api/items")),
                module -> null, List.of(FixedAnswers.class));

        assertThat(routes.any()).isTrue();
        assertThat(routes.match("/status").version().getAsLong()).isEqualTo(CacheableRoutes.FIXED);
        assertThat(routes.match("/status/").pattern().getPatternString()).isEqualTo("/status/");
        assertThat(routes.match("/time")).as("not marked").isNull();
        assertThat(routes.match("/status/x")).isNull();
        assertThat(routes.match("/api/items/7")).as("a remote module's route, as before").isNull();
    }

    @Test
    void a_fixed_answer_is_a_get_of_literal_paths_without_a_class_level_mapping() {
        assertThatThrownBy(() -> CacheableRoutes.of(List.of(), module -> null,
                List.of(FixedWithPattern.class, FixedUnderPrefix.class)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("a fixed answer's @CacheableRead is for a @GetMapping method with literal paths in a"
                        + " controller without a class-level @RequestMapping, not FixedUnderPrefix.fixed,"
                        + " FixedWithPattern.named, FixedWithPattern.write");
    }
}

package forum.platform.web.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import forum.platform.CacheableRead;
import forum.platform.RouteAccess;
import forum.platform.RouteAccess.Caller;
import forum.platform.data.DataVersion;
import forum.platform.security.ModuleContract;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
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

    private static final DataVersion ITEMS = new DataVersion(new SimpleDriverDataSource(), "items");

    @Test
    void a_request_goes_to_the_route_spring_mvc_would_choose() {
        CacheableRoutes routes = CacheableRoutes.of(List.of(new ModuleContract("items", ItemsApi.class, "/api/items")),
                module -> module.equals("items") ? () -> ITEMS : null);

        assertThat(routes.any()).isTrue();
        assertThat(routes.match("/api/items").pattern().getPatternString()).isEqualTo("/api/items");
        assertThat(routes.match("/api/items/7").pattern().getPatternString()).isEqualTo("/api/items/{id}");
        assertThat(routes.match("/api/items/7").version().get()).isSameAs(ITEMS);
        assertThat(routes.match("/api/items/keys.json")).as("a literal route not marked, not {id}").isNull();
        assertThat(routes.match("/api/items/")).as("no trailing slash, as Spring MVC").isNull();
        assertThat(routes.match("/api/items/7/x")).isNull();
        assertThat(routes.match("/api/other")).isNull();
    }

    @Test
    void a_remote_modules_routes_are_not_kept_here() {
        CacheableRoutes routes = CacheableRoutes.of(List.of(new ModuleContract("items", ItemsApi.class, "/api/items")),
                module -> null);

        assertThat(routes.any()).isFalse();
        assertThat(routes.match("/api/items/7")).isNull();
    }

    @Test
    void only_a_get_open_to_anyone_may_be_marked() {
        assertThatThrownBy(() -> CacheableRoutes.of(List.of(
                new ModuleContract("writes", WritesMarkedApi.class, "/api/writes"),
                new ModuleContract("mine", CallerMarkedApi.class, "/api/mine")), module -> null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("@CacheableRead is for GET routes open to anyone (@RouteAccess(ANYONE)), not "
                        + "CallerMarkedApi.mine, WritesMarkedApi.create");
    }
}

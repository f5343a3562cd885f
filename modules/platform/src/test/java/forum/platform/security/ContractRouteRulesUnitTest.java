package forum.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import forum.platform.RouteAccess;
import forum.platform.RouteAccess.Caller;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

class ContractRouteRulesUnitTest {

    @HttpExchange("/api/things")
    interface Things {
        @RouteAccess(Caller.ANYONE)
        @GetExchange("/{id}")
        String get(long id);

        @RouteAccess(Caller.ANYONE)
        @PostExchange("/login")
        String login(String body);

        @RouteAccess(Caller.USER)
        @PostExchange
        String create(String body);

        /** Not a route: no exchange annotation. */
        default String helper() {
            return "";
        }
    }

    @HttpExchange("/api/gadgets")
    interface Gadgets {
        @GetExchange
        List<String> list();

        @PostExchange
        String create(String body);
    }

    @Test
    void every_route_gets_its_method_path_and_caller_literal_paths_first() {
        List<ContractRouteRules.Rule> rules = ContractRouteRules.of(List.of(new ModuleContract("things", Things.class, "/api/things")));
        assertThat(rules).containsExactly(
                new ContractRouteRules.Rule("things", HttpMethod.POST, "/api/things", Caller.USER),
                new ContractRouteRules.Rule("things", HttpMethod.POST, "/api/things/login", Caller.ANYONE),
                new ContractRouteRules.Rule("things", HttpMethod.GET, "/api/things/{id}", Caller.ANYONE));
    }

    @Test
    void a_route_that_does_not_say_who_may_call_it_stops_the_process_naming_every_one() {
        assertThatThrownBy(() -> ContractRouteRules.of(List.of(new ModuleContract("gadgets", Gadgets.class, "/api/gadgets"))))
                .hasMessage("Routes that do not say who may call them (add @RouteAccess): Gadgets.create, Gadgets.list");
    }
}

package dev.forum.extraction.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A module's functional endpoints (RouterFunction), whose paths no class file says: one warning line per module. */
public class FunctionalRoutesTest {

    private static ModulithModel.Module module(String name, String... types) {
        Set<String> all = Set.of(java.util.Arrays.stream(types).map(t -> "tix." + name + "." + t).toArray(String[]::new));
        return new ModulithModel.Module(name, "tix." + name, false, false, all, Set.of(), Map.of(), List.of());
    }

    /**
     * user10's tickets: venues serves a contract, orders a mapped controller, events only a RouterFunction bean; stats
     * has a mapped controller and a RouterFunction of its own.
     */
    public static ModulithModel tickets() {
        return ModulithModel.builder("tix.TixApplication", List.of("tix"),
                List.of(module("venues", "VenuesApi", "internal.VenuesController"),
                        module("orders", "internal.OrdersController"),
                        module("events", "internal.EventsRoutes", "internal.OrderAudit"),
                        module("stats", "internal.StatsController", "internal.StatsRouter")))
                .httpContracts(Map.of("tix.venues.VenuesApi", new HttpContract("tix.venues.VenuesApi", "/api/venues",
                        List.of("tix.venues.internal.VenuesController"))))
                .controllers(Map.of("tix.venues.internal.VenuesController", List.of(),
                        "tix.orders.internal.OrdersController", List.of("/api/orders"),
                        "tix.stats.internal.StatsController", List.of("/api/stats")))
                .routerFunctions(Map.of("tix.events.internal.EventsRoutes", List.of("routes"),
                        "tix.stats.internal.StatsRouter", List.of("")))
                .build();
    }

    @Test
    void aModuleWithoutPrefixIsNamedWithItsRouterFunctionAndWhatToDeclare() {
        assertEquals(List.of("sales: module events serves functional endpoints (a RouterFunction declared by"
                + " tix.events.internal.EventsRoutes.routes()), whose paths the plugin cannot read from the code, and events"
                + " has no route prefix, so the load balancer gets no rule for them and sends their requests to the"
                + " monolith, where events does not run: declare the prefix its routes lie below on an interface of its"
                + " published API, @HttpExchange(\"/api/events\") (no method needed; the load balancer then sends"
                + " /api/events and /api/events/* to sales), or serve them from a @RestController with a class-level"
                + " @RequestMapping, or keep events in the monolith"),
                FunctionalRoutes.warnings(tickets(), "sales", List.of("orders", "events")));
    }

    @Test
    void aModuleWithAPrefixIsToldToKeepItsFunctionalRoutesBelowIt() {
        assertEquals(List.of("stats: module stats serves functional endpoints (a RouterFunction declared by"
                + " tix.stats.internal.StatsRouter), whose paths the plugin cannot read from the code: the load balancer"
                + " sends stats only /api/stats and /api/stats/* for stats, so a functional route outside them reaches the"
                + " monolith, where stats does not run; keep its paths below /api/stats"),
                FunctionalRoutes.warnings(tickets(), "stats", List.of("stats")));
    }

    @Test
    void modulesWithoutRouterFunctionsGetNoWarning() {
        assertEquals(List.of(), FunctionalRoutes.warnings(tickets(), "venues", List.of("venues", "orders")));
        assertEquals(Map.of(), tickets().routerFunctionsOf("orders"));
        assertEquals(Map.of("tix.events.internal.EventsRoutes", List.of("routes")), tickets().routerFunctionsOf("events"));
    }
}

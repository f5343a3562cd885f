package dev.forum.extraction.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.extraction.analysis.AnalyzedApplication;
import dev.forum.extraction.model.FunctionalRoutes;
import dev.forum.topology.ModuleRoute;
import dev.forum.topology.Topology;
import dev.forum.topology.TopologyFile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Modules that serve HTTP only through functional endpoints (a WebFlux {@code RouterFunction} bean), read from a compiled
 * application by the analyzer: one that declares its prefix as the README advises, an {@code @HttpExchange} interface
 * without methods, is routed and its service is not blocked; one that declares none blocks a service holding no other
 * routed module, in a line that says what the functional-routes warning says, not that it serves no HTTP.
 */
class ModuleRoutesFunctionalTest {

    private static final String FN = "org.springframework.web.reactive.function.server.";
    private static final String ROUTES = "@org.springframework.context.annotation.Configuration class %s {"
            + " @org.springframework.context.annotation.Bean " + FN + "RouterFunction<" + FN + "ServerResponse> routes() {"
            + " return " + FN + "RouterFunctions.route().GET(\"%s\", r -> " + FN + "ServerResponse.ok().build()).build(); } }";
    private static final Map<String, String> SOURCES = Map.of(
            "tix/TixApplication.java", "package tix; @org.springframework.boot.autoconfigure.SpringBootApplication"
                    + " public class TixApplication {}",
            "tix/events/EventsRoutes.java", "package tix.events; @org.springframework.web.service.annotation.HttpExchange("
                    + "\"/api/events\") public interface EventsRoutes {}",
            "tix/events/internal/EventsConfig.java", "package tix.events.internal; "
                    + ROUTES.formatted("EventsConfig", "/api/events/stats"),
            "tix/stats/internal/StatsConfig.java", "package tix.stats.internal; "
                    + ROUTES.formatted("StatsConfig", "/api/stats/today"),
            "tix/ratings/internal/Ratings.java", "package tix.ratings.internal; @org.springframework.stereotype.Service"
                    + " class Ratings {}");

    @RegisterExtension
    static final AnalyzedApplication TICKETS = new AnalyzedApplication(SOURCES, "tix.TixApplication");

    private static Topology topology(String services) {
        return Topology.resolve(TopologyFile.parse("services:\n  - { name: monolith, monolith: true }\n" + services,
                "/app/topology.yml"), ModuleRoutes.of(TICKETS.model()));
    }

    @Test
    void aFunctionalModuleWithAnEmptyHttpExchangeInterfaceIsRoutedAndItsServiceBuilds() {
        assertTrue(ModuleRoutes.of(TICKETS.model()).contains(new ModuleRoute("events", "/api/events")));
        Topology topology = topology("  - { name: events, modules: [events] }\n");
        assertEquals(Map.of(), ModuleRoutes.blockedServices(topology, TICKETS.model()));
        assertEquals(List.of("events"), topology.routingRules().stream().map(r -> r.module()).toList());
        assertEquals(1, FunctionalRoutes.warnings(TICKETS.model(), "events", List.of("events")).size(),
                "the warning reminds to keep its paths below /api/events");
    }

    @Test
    void aServiceOfFunctionalModulesWithoutPrefixIsBlockedSayingWhatTheWarningSays() {
        Map<String, String> blocked = ModuleRoutes.blockedServices(topology("  - { name: stats, modules: [stats, ratings] }\n"),
                TICKETS.model());
        assertEquals(Map.of("stats", "/app/topology.yml:3: service 'stats' is blocked: module 'stats' serves functional"
                + " endpoints (a RouterFunction declared by tix.stats.internal.StatsConfig.routes()) and has no route prefix:"
                + " the plugin cannot read functional paths from the code, so the load balancer has no rule to send service"
                + " 'stats' anything, and its requests reach the monolith, where stats does not run: declare the prefix the"
                + " routes lie below on an interface of the module's published API, @HttpExchange(\"/api/stats\") (no method"
                + " needed; the load balancer then sends /api/stats and /api/stats/* to stats), or put it in a service with"
                + " a module that serves routes in /app/topology.yml, or leave it in the monolith"), blocked);
        assertFalse(blocked.get("stats").contains("serve no HTTP"), blocked.get("stats"));
        String warning = FunctionalRoutes.warnings(TICKETS.model(), "stats", List.of("stats")).get(0);
        assertTrue(warning.contains("@HttpExchange(\"/api/stats\") (no method needed; the load balancer then sends"
                + " /api/stats and /api/stats/* to stats)"), "the warning gives the same advice: " + warning);
    }

    @Test
    void besideARoutedModuleAFunctionalModuleWithoutPrefixIsWarnedNotBlocked() {
        assertEquals(Map.of(), ModuleRoutes.blockedServices(topology("  - { name: sales, modules: [events, stats] }\n"),
                TICKETS.model()));
        assertEquals(Map.of("ratings", "/app/topology.yml:3: service 'ratings' is blocked: it holds only modules that"
                + " serve no HTTP route (ratings), so the load balancer has nothing to send it: in /app/topology.yml, put"
                + " them in a service with a module that serves routes, or leave them in the monolith"),
                ModuleRoutes.blockedServices(topology("  - { name: ratings, modules: [ratings] }\n"), TICKETS.model()),
                "no HTTP at all: blocked as before");
    }
}

package forum.api;

import static org.assertj.core.api.Assertions.assertThat;

import forum.support.ForumHttp.Reply;
import forum.support.RunningForumTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Health groups as Spring Boot lets them be configured, beyond the forum's own configuration, with Actuator on the
 * application's port: an additional path ({@code server:/healthz}), components shown only to an authorized caller
 * ({@code show-components=when-authorized}) or to no one ({@code never}), and a group with no member. Every path below
 * {@code /actuator/health} is answered by every method as Spring Boot's endpoint, asked directly, answers it
 * ({@link HealthEndpointAnswers}), for an anonymous caller and one with a token: the forum's no-route 404 where the
 * endpoint has nothing for that caller, the route's answers elsewhere.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.endpoint.health.show-components=when-authorized",
        "management.endpoint.health.group.probe.include=ping",
        "management.endpoint.health.group.probe.show-components=always",
        "management.endpoint.health.group.probe.additional-path=server:/healthz",
        "management.endpoint.health.group.hidden.include=db,ping",
        "management.endpoint.health.group.hidden.show-components=never",
        "management.endpoint.health.group.empty.include=ping",
        "management.endpoint.health.group.empty.exclude=ping"})
@DirtiesContext
class HealthGroupPathsIntegrationTest extends RunningForumTest {

    @Autowired
    private ApplicationContext application;

    /** A group by its additional path's segment on this port, and its members below it. */
    @Test
    void a_group_is_found_by_its_additional_path_below_the_health_endpoint_as_spring_boot_finds_it() {
        assertEveryMethodAsSpringBoot("healthz", "healthz/ping", "healthz/db", "healthz/x", "probe", "probe/ping");
    }

    /** Components shown to an authorized caller alone, or to no one: no route for whom Spring Boot hides them. */
    @Test
    void a_component_is_a_route_only_for_a_caller_spring_boot_shows_it_to() {
        assertEveryMethodAsSpringBoot("db", "ping", "x", "db/x", "readiness", "readiness/db",
                "readiness/readinessState", "liveness", "hidden", "hidden/db", "hidden/ping", "hidden/x");
    }

    /** A group none of whose components is its member: Spring Boot's endpoint has nothing there. */
    @Test
    void a_group_with_no_member_is_no_route() {
        assertEveryMethodAsSpringBoot("empty", "empty/ping", "empty/db");
    }

    private void assertEveryMethodAsSpringBoot(String... paths) {
        HealthEndpointAnswers springBoot = new HealthEndpointAnswers(application);
        for (String below : paths) {
            for (String token : new String[] {null, marceline.token()}) {
                springBoot.assertEveryMethodAsSpringBoot(http, WebServerNamespace.SERVER, below, token);
            }
        }
    }

    /**
     * What Spring Boot's endpoint answers here, so that the comparison above compares what it should: a group found by
     * its additional path's segment on this port, a component only for a caller it is shown to, never one of a group
     * that shows none, and no group without a member.
     */
    @Test
    void spring_boot_has_these_paths_for_these_callers() {
        HealthEndpointAnswers springBoot = new HealthEndpointAnswers(application);
        WebServerNamespace server = WebServerNamespace.SERVER;
        for (boolean authorized : new boolean[] {false, true}) {
            for (String there : List.of("healthz", "healthz/ping", "probe/ping", "hidden", "readiness", "liveness")) {
                assertThat(springBoot.springBootStatus(server, authorized, there)).as(there).isEqualTo(200);
            }
            for (String none : List.of("healthz/db", "healthz/x", "x", "hidden/db", "hidden/ping", "empty",
                    "empty/ping")) {
                assertThat(springBoot.springBootStatus(server, authorized, none)).as(none).isEqualTo(404);
            }
            for (String shownWhenAuthorized : List.of("db", "ping", "readiness/db")) {
                assertThat(springBoot.springBootStatus(server, authorized, shownWhenAuthorized)).as(shownWhenAuthorized)
                        .isEqualTo(authorized ? 200 : 404);
            }
        }
        assertThat(springBoot.springBootStatus(WebServerNamespace.MANAGEMENT, false, "healthz"))
                .as("a server: additional path names no group on Actuator's own port").isEqualTo(404);
    }

    /**
     * The additional path is a route of Spring Boot's own, whose pattern is that one path: it takes {@code GET} alone,
     * and nothing below it, nor it with a {@code /} after it, is a route. A component hidden from an anonymous caller
     * is never named to it, not even as the path to send instead of one with a {@code /} after it.
     */
    @Test
    void the_additional_path_is_a_route_and_nothing_below_it_is() {
        String token = marceline.token();
        HealthEndpointAnswers.assertGetOnlyRoute(http, "/healthz", token);
        assertThat(http.get("/healthz").body()).contains("\"status\":\"UP\"", "\"ping\"");
        for (String none : List.of("/healthz/ping", "/healthz/x", "/healthz/x/y", "/healthz/db")) {
            HealthEndpointAnswers.assertNoRouteByEveryMethod(http, none, token);
        }
        Reply slash = http.sendRaw("POST /healthz/ HTTP/1.1\r\n");
        HealthEndpointAnswers.assertNoRoute(slash, "POST", "/healthz/", slash.toString());
        assertThat(slash.json().path("detail").asString()).endsWith("send /healthz");

        Reply hidden = http.sendRaw("GET /actuator/health/db/ HTTP/1.1\r\n");
        HealthEndpointAnswers.assertNoRoute(hidden, "GET", "/actuator/health/db/", hidden.toString());
        assertThat(hidden.json().path("detail").asString()).isEqualTo("No route has the path /actuator/health/db/");
        Reply shown = http.sendRaw("GET /actuator/health/db/ HTTP/1.1\r\nAuthorization: Bearer " + token + "\r\n");
        assertThat(shown.json().path("detail").asString()).as(shown.toString()).endsWith("send /actuator/health/db");
    }
}

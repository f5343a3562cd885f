package forum.api;

import static org.assertj.core.api.Assertions.assertThat;

import forum.support.ForumHttp;
import forum.support.TestTokens;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Health groups' additional paths with Actuator on a port of its own (as under the {@code prod} profile): each is
 * served on the port it names alone ({@code management:/ready} on Actuator's, {@code server:/healthz} on the
 * application's), nothing below it is a route, and on Actuator's port the endpoint also finds the group by that
 * path's segment ({@code /actuator/health/ready}) but not by a {@code server:} one. Every path below
 * {@code /actuator/health} is answered by every method as Spring Boot's endpoint, asked directly for that port,
 * answers it ({@link HealthEndpointAnswers}); {@code show-components=when-authorized} on the group at
 * {@code /ready} ({@code startup}, a name of its own, so that only its additional path finds it there).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0",
        "management.endpoint.health.group.startup.include=readinessState,ping",
        "management.endpoint.health.group.startup.show-components=when-authorized",
        "management.endpoint.health.group.startup.additional-path=management:/ready",
        "management.endpoint.health.group.probe.include=ping",
        "management.endpoint.health.group.probe.additional-path=server:/healthz"})
@DirtiesContext
class ManagementHealthGroupPathsIntegrationTest {

    @LocalManagementPort
    private int managementPort;

    @LocalServerPort
    private int applicationPort;

    @Autowired
    private ApplicationContext application;

    @Test
    void every_path_below_the_health_endpoint_is_answered_on_actuators_port_as_spring_boot_answers_it() {
        HealthEndpointAnswers springBoot = new HealthEndpointAnswers(application);
        WebServerNamespace management = WebServerNamespace.MANAGEMENT;
        assertThat(springBoot.springBootStatus(management, false, "ready")).isEqualTo(200);
        assertThat(springBoot.springBootStatus(management, false, "ready/ping")).isEqualTo(404);
        assertThat(springBoot.springBootStatus(management, true, "ready/ping")).isEqualTo(200);
        assertThat(springBoot.springBootStatus(management, true, "healthz")).isEqualTo(404);
        assertThat(springBoot.springBootStatus(management, true, "probe/ping")).isEqualTo(200);
        ForumHttp port = new ForumHttp(managementPort);
        for (String below : List.of("ready", "ready/ping", "ready/readinessState", "ready/db", "ready/x", "startup",
                "startup/ping", "healthz", "healthz/ping", "probe", "probe/ping", "readiness", "db", "x")) {
            for (String token : new String[] {null, TestTokens.forUser(1)}) {
                springBoot.assertEveryMethodAsSpringBoot(port, management, below, token);
            }
        }
    }

    @Test
    void each_additional_path_is_a_route_of_its_own_port_alone_and_nothing_below_it_is() {
        String token = TestTokens.forUser(1);
        ForumHttp management = new ForumHttp(managementPort);
        ForumHttp server = new ForumHttp(applicationPort);
        HealthEndpointAnswers.assertGetOnlyRoute(management, "/ready", token);
        HealthEndpointAnswers.assertGetOnlyRoute(server, "/healthz", token);
        for (String none : List.of("/ready/ping", "/ready/x", "/healthz", "/healthz/ping")) {
            HealthEndpointAnswers.assertNoRouteByEveryMethod(management, none, token);
        }
        for (String none : List.of("/healthz/ping", "/healthz/x", "/ready", "/ready/ping", "/actuator/health/ready")) {
            HealthEndpointAnswers.assertNoRouteByEveryMethod(server, none, token);
        }
    }
}

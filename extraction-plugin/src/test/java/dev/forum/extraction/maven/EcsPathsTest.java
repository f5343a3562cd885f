package dev.forum.extraction.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.forum.extraction.model.ExtractionException;
import dev.forum.topology.ModuleRoute;
import dev.forum.topology.Topology;
import dev.forum.topology.TopologyFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the ECS tasks answer, read from the application as Spring Boot lays out its paths: the context path (and the
 * servlet path) on the application's port; on Actuator's own port, which the tasks always give it, its own base paths
 * and not the context path.
 */
class EcsPathsTest {

    @TempDir
    Path classes;

    private EcsPaths read(String yaml) throws Exception {
        Files.writeString(classes.resolve("application.yml"), yaml);
        return EcsPaths.of(null, null, classes, true, null);
    }

    @Test
    void neitherSetGivesTheRootAndActuatorsDefault() throws Exception {
        assertEquals(new EcsPaths("", "/actuator/health/readiness"), EcsPaths.of(null, null, classes, true, null));
        assertEquals(new EcsPaths("", "/actuator/health/readiness"), read("server:\n  port: 3000\n"));
    }

    @Test
    void aContextPathAloneMovesTheRoutesButNotTheHealthCheckOnActuatorsOwnPort() throws Exception {
        assertEquals(new EcsPaths("/hr", "/actuator/health/readiness"), read("server.servlet.context-path: /hr/\n"));
        assertEquals(new EcsPaths("/hr/v1", "/actuator/health/readiness"),
                read("server.servlet.context-path: /hr\nspring.mvc.servlet.path: /v1\n"));
    }

    /**
     * A WebFlux application's context path is spring.webflux.base-path: the rules and the internal base URL begin with
     * it, as the run time's warm-up does (RoutePaths, one rule for both). Only the web stack's own settings count, as in
     * Spring Boot: an MVC application's stray base path (WebFlux there for its WebClient) moves nothing, nor does a
     * WebFlux application's stray servlet context path or servlet path.
     */
    @Test
    void aWebFluxApplicationsBasePathIsItsContextPathAndTheServletSettingsAreNotRead() throws Exception {
        String strays = "server.servlet.context-path: /hr\nspring.mvc.servlet.path: /v1\nspring.webflux.base-path: /shop/\n";
        Files.writeString(classes.resolve("application.yml"), strays);
        assertEquals(new EcsPaths("/shop", "/actuator/health/readiness"), EcsPaths.of(null, null, classes, false, null),
                "no DispatcherServlet on the class path: WebFlux");
        assertEquals(new EcsPaths("/hr/v1", "/actuator/health/readiness"), EcsPaths.of(null, null, classes, true, null),
                "the DispatcherServlet on the class path: Spring MVC");
        assertEquals(new EcsPaths("", "/actuator/health/readiness"), read("spring.webflux.base-path: /shop\n"),
                "an MVC application's stray base path");
        assertEquals(new EcsPaths("/shop", "/actuator/health/readiness"),
                read(strays + "spring.main.web-application-type: reactive\n"), "the setting names the stack");

        Files.writeString(classes.resolve("application.yml"), "spring.webflux.base-path: ${BASE}\n");
        ExtractionException unknown = assertThrows(ExtractionException.class, () -> EcsPaths.of(null, null, classes, false,
                null));
        assertEquals("The application's spring.webflux.base-path ${BASE} (application.yml in " + classes
                + "), a placeholder no settings file sets, gives no route prefix the build can know: set"
                + " -Dextract.ecs.contextPath=<path> (/ for none)", unknown.getMessage());
        assertEquals(new EcsPaths("/hr", "/actuator/health/readiness"),
                read("server.servlet.context-path: /hr\nspring.webflux.base-path: ${BASE}\n"),
                "an MVC application does not read WebFlux's base path");
    }

    @Test
    void aGivenContextPathIsTrimmedAsTheRuleTrimsAPath() {
        assertEquals("/hr", EcsPaths.of("hr/", null, null, true, null).contextPath());
        assertEquals("", EcsPaths.of("/", null, null, true, null).contextPath());
    }

    @Test
    void aManagementPortWithBasePathsMovesTheHealthCheckOnly() throws Exception {
        assertEquals(new EcsPaths("", "/manage/health/readiness"),
                read("management:\n  server:\n    port: 9090\n  endpoints:\n    web:\n      base-path: /manage\n"));
        assertEquals(new EcsPaths("", "/ops/manage/health/readiness"), read("management.server.base-path: /ops\n"
                + "management.endpoints.web.base-path: /manage\n"));
        assertEquals(new EcsPaths("", "/health/readiness"), read("management.endpoints.web.base-path: /\n"));
    }

    /** The user's application: context path /hr, Actuator on 9090 under /manage. */
    @Test
    void bothAreReadForTheProfilesTheTasksRunWith() throws Exception {
        String yaml = "server:\n  servlet:\n    context-path: /hr\nmanagement:\n  server:\n    port: 9090\n"
                + "  endpoints:\n    web:\n      base-path: /manage\n"
                + "---\nspring.config.activate.on-profile: prod\nserver.servlet.context-path: /people-api\n";
        assertEquals(new EcsPaths("/hr", "/manage/health/readiness"), read(yaml));
        assertEquals(new EcsPaths("/people-api", "/manage/health/readiness"), EcsPaths.of(null, null, classes, true, "prod"));
        assertEquals(new EcsPaths("", "/ready"), EcsPaths.of("/", "/ready", classes, true, "prod"), "the settings win");
    }

    @Test
    void aPlaceholderTheBuildCannotResolveIsRefusedNamingTheSettingToWrite() throws Exception {
        Files.writeString(classes.resolve("application.properties"), "server.servlet.context-path=${CONTEXT}\n"
                + "management.endpoints.web.base-path=${ACTUATOR:/manage}\n");
        ExtractionException context = assertThrows(ExtractionException.class, () -> EcsPaths.of(null, null, classes, true, null));
        assertEquals("The application's server.servlet.context-path ${CONTEXT} (application.properties in " + classes
                + "), a placeholder no settings file sets, gives no route prefix the build can know: set"
                + " -Dextract.ecs.contextPath=<path> (/ for none)", context.getMessage());
        assertEquals(new EcsPaths("/hr", "/manage/health/readiness"), EcsPaths.of("/hr", null, classes, true, null),
                "a placeholder's default is what Spring Boot takes without the variable");

        Files.writeString(classes.resolve("application.properties"), "management.server.base-path=${BASE}\n");
        ExtractionException health = assertThrows(ExtractionException.class, () -> EcsPaths.of(null, null, classes, true, null));
        assertEquals("The application's management.server.base-path ${BASE} (application.properties in " + classes
                + "), a placeholder no settings file sets, gives no health path the build can know: set"
                + " -Dextract.ecs.healthCheckPath=<path>", health.getMessage());
        assertEquals(new EcsPaths("", "/base/health/readiness"), EcsPaths.of(null, "/base/health/readiness", classes, true, null));
    }

    /**
     * A path given other than the application's readiness path, under Actuator's base path on the management port, is
     * a warning naming both (a typo, or another endpoint meant); the application's own path, none given or a path that
     * cannot be read says nothing; a path outside Actuator's base path there, where nothing answers, is refused naming
     * the path to set.
     */
    @Test
    void aHealthCheckPathGivenIsWarnedOfUnderActuatorsBasePathAndRefusedOutsideIt() throws Exception {
        Files.writeString(classes.resolve("application.yml"), "server.servlet.context-path: /hr\n"
                + "management.endpoints.web.base-path: /manage\n");
        assertEquals("[extract] ecs: the health checks ask -Dextract.ecs.healthCheckPath=/manage/health/readyness on the"
                + " management port, but the application's readiness group answers at /manage/health/readiness there"
                + " (Actuator's base path from management.server.base-path and management.endpoints.web.base-path): if"
                + " that is a typo, correct it or leave extract.ecs.healthCheckPath out to take the application's; if you"
                + " mean another endpoint, keep it (it must answer 200 only once the task can serve)",
                EcsPaths.givenHealthCheck(" /manage/health/readyness ", classes, true, null));
        assertEquals(true, EcsPaths.givenHealthCheck("/manage/health", classes, true, null)
                .contains("readiness group answers at /manage/health/readiness there"), "another endpoint under it");
        assertEquals(null, EcsPaths.givenHealthCheck("/manage/health/readiness", classes, true, null), "the application's");
        assertEquals(null, EcsPaths.givenHealthCheck(" ", classes, true, null), "none given");
        assertEquals(null, EcsPaths.givenHealthCheck("/ready", null, true, null), "ahead of the goal: no classes read");

        Files.writeString(classes.resolve("application.yml"), "management.server.base-path: /ops\n"
                + "---\nspring.config.activate.on-profile: prod\nmanagement.endpoints.web.base-path: /manage\n");
        assertEquals(true, EcsPaths.givenHealthCheck("/ops/actuator/health", classes, true, null)
                .contains("answers at /ops/actuator/health/readiness there"), "another endpoint under the base path");
        ExtractionException outside = assertThrows(ExtractionException.class,
                () -> EcsPaths.givenHealthCheck("/actuator/health/readiness", classes, true, "prod"));
        assertEquals("-Dextract.ecs.healthCheckPath=/actuator/health/readiness is no path Actuator serves on the"
                + " management port, which the health checks ask: there it answers only under /ops/manage"
                + " (management.server.base-path, then management.endpoints.web.base-path; the application's context path"
                + " does not apply on that port) and at a health group's additional-path management:/<name> under /ops,"
                + " so every task would fail them: set the application's readiness path /ops/manage/health/readiness or"
                + " another path under /ops/manage, or leave extract.ecs.healthCheckPath out", outside.getMessage());
        assertThrows(ExtractionException.class, () -> EcsPaths.givenHealthCheck("/ops/health/readiness", classes, true,
                "prod"), "under the management port's base path but outside Actuator's");

        Files.writeString(classes.resolve("application.yml"), "management.server.base-path: ${BASE}\n");
        assertEquals(null, EcsPaths.givenHealthCheck("/base/health/readiness", classes, true, null),
                "the application's path cannot be read: the path given is what the goal asks for then");
    }

    /**
     * user11's hr: context path /hr, Actuator on 9090 under /manage, no management.server.base-path. The context path
     * added (as the image labels on the application's port have it) and Actuator's default path answer 401 or 404 on
     * that port, never 200: refused, naming the path that answers.
     */
    @Test
    void anHrLikeApplicationsPathsOutsideActuatorsBasePathAreRefused() throws Exception {
        Files.writeString(classes.resolve("application.yml"), "server:\n  servlet:\n    context-path: /hr\n"
                + "management:\n  server:\n    port: 9090\n  endpoints:\n    web:\n      base-path: /manage\n");
        for (String given : List.of("/hr/manage/health/readiness", "/actuator/health/readiness", "/health")) {
            ExtractionException refused = assertThrows(ExtractionException.class,
                    () -> EcsPaths.givenHealthCheck(given, classes, true, null), given);
            assertEquals("-Dextract.ecs.healthCheckPath=" + given + " is no path Actuator serves on the management port,"
                    + " which the health checks ask: there it answers only under /manage (management.server.base-path,"
                    + " then management.endpoints.web.base-path; the application's context path does not apply on that"
                    + " port) and at a health group's additional-path management:/<name>, so every task would fail them:"
                    + " set the application's readiness path /manage/health/readiness or another path under /manage, or"
                    + " leave extract.ecs.healthCheckPath out", refused.getMessage());
        }
        assertEquals(null, EcsPaths.givenHealthCheck("/manage/health/readiness", classes, true, null));
    }

    /**
     * A health group's additional path of the management namespace answers on the management port, under its base path:
     * accepted without a word, and named in a refusal as a path that would answer; one for the application's port
     * (server:) or one the build cannot resolve is no such path.
     */
    @Test
    void aHealthGroupsManagementAdditionalPathIsAcceptedAndNamedInARefusal() throws Exception {
        Files.writeString(classes.resolve("application.yml"), "management:\n  server:\n    base-path: /ops\n"
                + "  endpoint:\n    health:\n      group:\n        ecs:\n          include: readinessState,db\n"
                + "          additional-path: management:/healthz\n"
                + "        live:\n          additional-path: \"server:/livez\"\n"
                + "        other:\n          additional-path: management:${OTHER_PATH}\n");
        assertEquals(null, EcsPaths.givenHealthCheck("/ops/healthz", classes, true, null), "the ecs group's");
        ExtractionException withoutBase = assertThrows(ExtractionException.class,
                () -> EcsPaths.givenHealthCheck("/healthz", classes, true, null));
        assertEquals("-Dextract.ecs.healthCheckPath=/healthz is no path Actuator serves on the management port, which the"
                + " health checks ask: there it answers only under /ops/actuator (management.server.base-path, then"
                + " management.endpoints.web.base-path; the application's context path does not apply on that port) and"
                + " at a health group's additional-path management:/<name> under /ops, so every task would fail them:"
                + " set the application's readiness path /ops/actuator/health/readiness, /ops/healthz (the additional-path"
                + " of health group ecs) or another path under /ops/actuator, or leave extract.ecs.healthCheckPath out",
                withoutBase.getMessage());
        assertThrows(ExtractionException.class, () -> EcsPaths.givenHealthCheck("/ops/livez", classes, true, null),
                "server: is the application's port, not the one the health checks ask");

        Files.writeString(classes.resolve("application.properties"),
                "management.endpoint.health.group.readiness.additional-path=management:ready\n");
        assertEquals(null, EcsPaths.givenHealthCheck("/ops/ready", classes, true, null),
                "the readiness group's own, its leading slash added as Spring Boot adds it");
    }

    @Test
    void aRulePatternTooLongForAnAlbUnderTheContextPathIsRefused() {
        String prefix = "/api/" + "p".repeat(115); // 120 characters, 122 with /*: the topology takes it
        Topology topology = Topology.resolve(TopologyFile.parse("services:\n  - { name: monolith, monolith: true }\n"
                + "  - { name: people, modules: [people] }\n", "topology.yml"), List.of(new ModuleRoute("people", prefix)));
        assertEquals(List.of(), new EcsPaths("/hr", "/ready").tooLong(topology));
        assertEquals(List.of("module people: its load balancer rule /hr/v1/x" + prefix + "/* under the context path /hr/v1/x"
                + " is 130 characters, more than the 128 an ALB path pattern holds: shorten its route prefix or the context"
                + " path"), new EcsPaths("/hr/v1/x", "/ready").tooLong(topology));
    }

    @Test
    void aServiceWhoseOwnProfileMovesItsPathsIsRefused() throws Exception {
        Files.writeString(classes.resolve("application.yml"), "server.servlet.context-path: /hr\n"
                + "---\nspring.config.activate.on-profile: edge\nserver.servlet.context-path: /edge\n"
                + "---\nspring.config.activate.on-profile: quiet\nlogging.level.root: warn\n");
        EcsPaths deployment = EcsPaths.of(null, null, classes, true, null);
        var spec = TopologyFile.parse("""
                services:
                  - { name: monolith, monolith: true }
                  - { name: people, modules: [people], environment: { SPRING_PROFILES_ACTIVE: edge } }
                  - { name: absence, modules: [leave], environment: { SPRING_PROFILES_ACTIVE: quiet } }
                """, "topology.yml");
        assertEquals(List.of("service people runs with SPRING_PROFILES_ACTIVE=edge, with which the application answers"
                + " under '/edge' and checks readiness at /actuator/health/readiness, but every other task under '/hr' at"
                + " /actuator/health/readiness: the load balancers' rules are one for all; set the same route prefix"
                + " (server.servlet.context-path and spring.mvc.servlet.path, or spring.webflux.base-path), web stack"
                + " (spring.main.web-application-type) and Actuator paths in that profile, or set"
                + " -Dextract.ecs.contextPath and -Dextract.ecs.healthCheckPath"),
                deployment.otherPaths(spec, null, null, classes, true));
        assertEquals(List.of(), new EcsPaths("/hr", "/actuator/health/readiness").otherPaths(spec, "/hr", null, classes, true),
                "a context path set is where every task is taken to answer");
    }
}

package dev.forum.extraction.ecs;

import static dev.forum.extraction.ecs.Templates.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forum.extraction.model.ExtractionException;
import dev.forum.topology.Topology;
import dev.forum.topology.TopologyFile;
import dev.forum.topology.TopologySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A service's own environment variables (the topology file's {@code environment:}): rendered into that service's task
 * definitions only, the stack's and the hand-registered one alike, after the goal's own; a name the goal sets itself
 * in that task is refused, one line per variable, as the goal's other checks of the file are.
 */
class ServiceEnvironmentTest {

    private static final String TOPOLOGY = """
            name: forum
            services:
              - name: monolith
                monolith: true
                environment: { SPRING_MODULITH_EVENTS_JDBC_SCHEMA: monolith }
              - name: posts
                modules: [posts]
                environment:
                  SPRING_MODULITH_EVENTS_JDBC_SCHEMA: posts
                  LOGGING_LEVEL_ROOT: warn
            """;

    /** The container's variables in order, name to value, of a service's stack template (conditions resolved). */
    private static List<String> stackEnvironment(Map<String, String> files, String service) {
        JsonNode container = Templates.resolve(json(files.get("service-" + service + ".json")), Map.of())
                .path("Resources").path("TaskDefinition").path("Properties").path("ContainerDefinitions").path(0);
        List<String> variables = new ArrayList<>();
        container.path("Environment").forEach(e -> variables.add(e.path("Name").asText() + "=" + e.path("Value").asText()));
        return variables;
    }

    private static List<String> taskdefEnvironment(Map<String, String> files, String service) {
        List<String> variables = new ArrayList<>();
        json(files.get("taskdefs/" + service + ".json")).path("containerDefinitions").path(0).path("environment")
                .forEach(e -> variables.add(e.path("name").asText() + "=" + e.path("value").asText()));
        return variables;
    }

    @Test
    void eachServiceGetsItsOwnVariablesLastInBothTaskDefinitions() {
        Map<String, String> files = Templates.render(ForumTopologies.topology(TOPOLOGY));
        for (String service : List.of("monolith", "posts")) {
            List<String> stack = stackEnvironment(files, service);
            List<String> taskdef = taskdefEnvironment(files, service);
            List<String> own = service.equals("posts")
                    ? List.of("SPRING_MODULITH_EVENTS_JDBC_SCHEMA=posts", "LOGGING_LEVEL_ROOT=warn")
                    : List.of("SPRING_MODULITH_EVENTS_JDBC_SCHEMA=monolith");
            assertEquals(own, stack.subList(stack.size() - own.size(), stack.size()), service + ": " + stack);
            assertEquals(own, taskdef.subList(taskdef.size() - own.size(), taskdef.size()), service + ": " + taskdef);
            // The goal's own are still there, before them.
            assertEquals(1, stack.stream().filter(v -> v.startsWith("SERVER_PORT=")).count(), stack::toString);
        }
        assertFalse(stackEnvironment(files, "monolith").contains("LOGGING_LEVEL_ROOT=warn"), "posts' own stay posts'");
    }

    /**
     * The variables of a service without {@code environment:}, in both task definitions, are the goal's own as they were
     * before the key existed: {@link TaskVariables#head}, the run time's topology, the datasource's, {@link
     * TaskVariables#tail}, the modules' pool sizes and credentials, the signing keys.
     */
    @Test
    void aServiceWithoutEnvironmentRendersAsBefore() {
        Topology without = ForumTopologies.topology("""
                name: forum
                services:
                  - { name: monolith, monolith: true }
                  - { name: posts, modules: [posts] }
                """);
        Map<String, String> files = Templates.render(without);
        List<String> goals = List.of("SPRING_PROFILES_ACTIVE", "SERVER_PORT", "MANAGEMENT_SERVER_PORT",
                "EXTRACTION_TOPOLOGY_LOCAL_MODULES", "EXTRACTION_TOPOLOGY_REMOTE_BASE_URL", "SPRING_DATASOURCE_URL",
                "FORUM_SECURITY_JWT_ISSUERMODULE", "FORUM_SECURITY_JWT_JWKSPATH",
                "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI", "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES",
                "SERVER_FORWARDHEADERSSTRATEGY", "SERVER_TOMCAT_REMOTEIP_INTERNALPROXIES",
                "FORUM_DATASOURCE_POSTS_MAXIMUMPOOLSIZE");
        assertEquals(goals, stackEnvironment(files, "posts").stream().map(v -> v.substring(0, v.indexOf('='))).toList());
        assertEquals(goals, taskdefEnvironment(files, "posts").stream().map(v -> v.substring(0, v.indexOf('='))).toList());
    }

    /**
     * Every variable the goal renders into a service's task definitions, environment and secrets, in the stacks and the
     * hand-registered ones, with and without a role per module and with a database of a service's own, is one that
     * {@link TaskVariables#setByGoal} refuses in {@code environment:} (but the run time's {@code EXTRACTION_TOPOLOGY_*},
     * which the topology file refuses itself): the hand-kept list cannot fall behind what the goal writes.
     */
    @Test
    void everyVariableTheGoalRendersIsOneItRefusesInEnvironment() {
        EcsSettings modules = ForumTopologies.settings();
        EcsSettings single = modules.application(modules.identity(), modules.springProfile(), modules.problemTypePrefix(),
                false);
        Map<String, Boolean> rendered = new java.util.TreeMap<>();
        // An application reading the database by JDBC and R2DBC both gets both's variables.
        EcsSettings both = single.databaseClients(DatabaseClients.BOTH);
        for (EcsSettings settings : List.of(modules, single, both)) {
            Topology topology = ForumTopologies.topology(settings.moduleDatabases() ? OwnDatabaseTemplates.POSTS_OWN
                    : "services: [{ name: monolith, monolith: true }, { name: posts, modules: [posts] }]");
            Map<String, String> files = EcsRenderer.render(topology, settings);
            List<String> names = new ArrayList<>();
            files.forEach((file, text) -> {
                if (file.startsWith("service-")) {
                    Templates.ofType(json(text), "AWS::ECS::TaskDefinition").forEach(definition -> definition
                            .path("Properties").path("ContainerDefinitions").forEach(container -> {
                                names(container.path("Environment"), "Name", names);
                                names(container.path("Secrets"), "Name", names);
                            }));
                } else if (file.startsWith("taskdefs/")) {
                    json(text).path("containerDefinitions").forEach(container -> {
                        names(container.path("environment"), "name", names);
                        names(container.path("secrets"), "name", names);
                    });
                }
            });
            assertTrue(names.contains("SERVER_PORT") && names.contains("FORUM_SECURITY_JWT_SIGNINGKEYS"), names::toString);
            for (String name : names) {
                rendered.merge(name, name.startsWith("EXTRACTION_TOPOLOGY_")
                        || TaskVariables.setByGoal(name, settings.databaseClients(), settings.moduleDatabases(),
                                settings.settingsPrefix(), settings.springProfile() != null, settings.tokens()).isPresent(),
                        Boolean::logicalAnd);
            }
        }
        assertTrue(rendered.containsKey("FORUM_DATASOURCE_POSTS_MOVED_URL") && rendered.containsKey("SPRING_R2DBC_URL")
                && rendered.containsKey("SPRING_R2DBC_PASSWORD"), rendered::toString);
        assertEquals(List.of(), rendered.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList());
    }

    /** Every {@code key} text under {@code node}, through the conditions ({@code Fn::If}) that wrap an entry. */
    private static void names(JsonNode node, String key, List<String> names) {
        if (node.has(key) && node.get(key).isTextual()) {
            names.add(node.get(key).asText());
        }
        node.forEach(child -> names(child, key, names));
    }

    /** A name that would break what the goal renders though the goal does not set it: one line each, saying why. */
    @Test
    void aVariableThatOverridesOrMovesWhatTheGoalRendersIsRefusedOneLineEachSayingWhy() {
        TopologySpec spec = TopologyFile.parse("""
                name: forum
                services:
                  - name: monolith
                    monolith: true
                    environment:
                      SPRING_APPLICATION_JSON: '{"server.port":9000}'
                      JAVA_TOOL_OPTIONS: -Xmx512m -Dserver.port=9000
                      JDK_JAVA_OPTIONS: -Xmx512m
                      SERVER_SERVLET_CONTEXT_PATH: /api
                      MANAGEMENT_ENDPOINTS_WEB_BASEPATH: /manage
                      MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED: 'false'
                      LOGGING_LEVEL_ROOT: warn
                """, "topology.yml");
        String precedence = " rank above the environment variables the ecs goal sets (SERVER_PORT, EXTRACTION_TOPOLOGY_*,"
                + " the datasource's) and would silently replace them";
        String line = "topology.yml:3: monolith: environment variable ";
        assertEquals(List.of(
                line + "SPRING_APPLICATION_JSON is refused: its properties" + precedence
                        + ": set each property as a variable of its own",
                line + "JAVA_TOOL_OPTIONS is refused: its -D system properties" + precedence
                        + ": keep JVM options only (-Xmx...) and set each property as a variable of its own",
                line + "SERVER_SERVLET_CONTEXT_PATH is refused: it moves the application's routes away from the path prefixes"
                        + " the load balancers' listener rules send to each service, so requests would miss them: remove it"
                        + " from environment:",
                line + "MANAGEMENT_ENDPOINTS_WEB_BASEPATH is refused: it moves Actuator's health endpoint away from the path"
                        + " the load balancers' health checks ask (extract.ecs.healthCheckPath on"
                        + " extract.ecs.managementPort), so every task would fail them and be replaced: remove it from"
                        + " environment:",
                line + "MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED is refused: it turns off the readiness and liveness"
                        + " groups, which the load balancers' health checks may ask (extract.ecs.healthCheckPath), so every"
                        + " task would fail them and be replaced: remove it from environment:"),
                EcsRenderer.mistakes(spec, DatabaseClients.JDBC, true, "forum", true, true));
    }

    @Test
    void aVariableTheGoalSetsItselfIsRefusedOneLineEachWithWhatItIs() {
        TopologySpec spec = TopologyFile.parse("""
                name: forum
                services:
                  - name: monolith
                    monolith: true
                    environment: { SERVER_PORT: 9000, SPRING_PROFILES_ACTIVE: dev }
                  - name: posts
                    modules: [posts]
                    environment:
                      SPRING_DATASOURCE_URL: jdbc:postgresql://elsewhere/db
                      FORUM_DATASOURCE_POSTS_PASSWORD: secret
                      FORUM_DATASOURCE_POSTS_SCHEMA: posts
                      SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI: urn:x
                """, "topology.yml");
        assertEquals(List.of(
                "topology.yml:3: monolith: environment variable SERVER_PORT is set by the ecs goal itself, to the port the"
                        + " listener rules forward to (extract.ecs.containerPort): remove it from environment:",
                "topology.yml:3: monolith: environment variable SPRING_PROFILES_ACTIVE is set by the ecs goal itself, to the"
                        + " profiles of every task (extract.ecs.profile): remove it from environment:",
                "topology.yml:6: posts: environment variable SPRING_DATASOURCE_URL is set by the ecs goal itself, to the"
                        + " database's JDBC URL: remove it from environment:",
                "topology.yml:6: posts: environment variable FORUM_DATASOURCE_POSTS_PASSWORD is set by the ecs goal itself,"
                        + " to a module's database credentials or pool size (extract.ecs.moduleDatabases): remove it from"
                        + " environment:",
                "topology.yml:6: posts: environment variable SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI is set by"
                        + " the ecs goal itself, to the tokens' issuer (extract.ecs.tokenIssuer): remove it from"
                        + " environment:"),
                EcsRenderer.mistakes(spec, DatabaseClients.JDBC, true, "forum", true, true));
        // Without a database, a profile or tokens, the goal sets none of those: the service's own are its to set.
        assertEquals(List.of(
                "topology.yml:3: monolith: environment variable SERVER_PORT is set by the ecs goal itself, to the port the"
                        + " listener rules forward to (extract.ecs.containerPort): remove it from environment:"),
                EcsRenderer.mistakes(spec, DatabaseClients.NONE, false, "forum", false, false));
        // Not known yet whether the application reads a database (ahead of the resolved dependencies): none of the
        // datasource's variables is refused on a guess.
        assertEquals(EcsRenderer.mistakes(spec, DatabaseClients.NONE, false, "forum", false, false),
                EcsRenderer.mistakes(spec, null, true, "forum", false, false));
    }

    @Test
    void renderingRefusesWhatTheChecksRefuse() {
        Topology topology = ForumTopologies.topology("""
                name: forum
                services:
                  - name: monolith
                    monolith: true
                    environment: { SPRING_PROFILES_ACTIVE: dev }
                """);
        ExtractionException e = assertThrows(ExtractionException.class, () -> Templates.render(topology));
        assertEquals("topology.yml:3: monolith: environment variable SPRING_PROFILES_ACTIVE is set by the ecs goal itself,"
                + " to the profiles of every task (extract.ecs.profile): remove it from environment:", e.getMessage());
    }
}

package dev.forum.extraction.ecs;

import static dev.forum.extraction.ecs.Templates.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

    @Test
    void aServiceWithoutEnvironmentRendersAsBefore() {
        Topology without = ForumTopologies.topology("""
                name: forum
                services:
                  - { name: monolith, monolith: true }
                  - { name: posts, modules: [posts] }
                """);
        Map<String, String> files = Templates.render(without);
        assertFalse(stackEnvironment(files, "posts").stream().anyMatch(v -> v.startsWith("SPRING_MODULITH_EVENTS")));
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
                EcsRenderer.mistakes(spec, true, true, "forum", true, true));
        // Without a database, a profile or tokens, the goal sets none of those: the service's own are its to set.
        assertEquals(List.of(
                "topology.yml:3: monolith: environment variable SERVER_PORT is set by the ecs goal itself, to the port the"
                        + " listener rules forward to (extract.ecs.containerPort): remove it from environment:"),
                EcsRenderer.mistakes(spec, false, false, "forum", false, false));
        // Not known yet whether the application reads a database (ahead of the resolved dependencies): none of the
        // datasource's variables is refused on a guess.
        assertEquals(EcsRenderer.mistakes(spec, false, false, "forum", false, false),
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

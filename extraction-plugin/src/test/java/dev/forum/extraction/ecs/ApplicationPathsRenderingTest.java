package dev.forum.extraction.ecs;

import static dev.forum.extraction.ecs.Templates.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forum.topology.Topology;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The stacks of an application that answers under a context path, or checks readiness under Actuator's own base paths,
 * or both, or neither (the forum): the listener rules match the routes as requests carry them, every target group
 * (the monolith's and the service's, on both load balancers) asks the readiness path the application answers, and the
 * run time's remote base URL ends with the context path (the run time adds none: it calls the base URL followed by the
 * contract's path), in the stack's task definition and in the one at rest.
 */
class ApplicationPathsRenderingTest {

    @ParameterizedTest
    @CsvSource({
            "'', /actuator/health/readiness",
            "/hr, /actuator/health/readiness",
            "'', /manage/health/readiness",
            "/hr, /manage/health/readiness"})
    void rulesHealthChecksAndTheInternalBaseUrlFollowThePaths(String contextPath, String health) {
        Topology topology = ForumTopologies.topology(ForumTopologies.root().resolve("deploy/topologies/posts-extracted.yml"));
        EcsSettings settings = ForumTopologies.settings().paths(contextPath, health);
        Map<String, String> files = EcsRenderer.render(topology, settings);
        JsonNode service = json(files.get("service-posts.json"));

        Map<String, JsonNode> rules = Templates.idsOfType(service, "AWS::ElasticLoadBalancingV2::ListenerRule");
        assertEquals(2, rules.size(), rules.keySet().toString());
        for (JsonNode rule : rules.values()) {
            List<String> patterns = new ArrayList<>();
            rule.path("Properties").path("Conditions").path(0).path("PathPatternConfig").path("Values")
                    .forEach(v -> patterns.add(v.asText()));
            assertEquals(List.of(contextPath + "/api/posts", contextPath + "/api/posts/*"), patterns);
        }

        List<JsonNode> groups = new ArrayList<>(Templates.ofType(service, "AWS::ElasticLoadBalancingV2::TargetGroup"));
        groups.addAll(Templates.ofType(json(files.get("base.json")), "AWS::ElasticLoadBalancingV2::TargetGroup"));
        assertEquals(4, groups.size(), "the service's and the monolith's, on each load balancer");
        for (JsonNode group : groups) {
            assertEquals(health, group.path("Properties").path("HealthCheckPath").asText());
            assertEquals("3001", group.path("Properties").path("HealthCheckPort").asText());
        }

        Map<String, JsonNode> environment = new HashMap<>();
        service.path("Resources").path("TaskDefinition").path("Properties").path("ContainerDefinitions").path(0)
                .path("Environment").forEach(e -> environment.put(e.path("Name").asText(), e.path("Value")));
        String balancer = "{\"Fn::ImportValue\":\"forum-base-InternalLoadBalancerUrl\"}";
        assertEquals(contextPath.isEmpty() ? balancer : "{\"Fn::Join\":[\"\",[" + balancer + ",\"" + contextPath + "\"]]}",
                environment.get(TaskVariables.RUNTIME_REMOTE_BASE_URL).toString());
        Map<String, String> atRest = new HashMap<>();
        json(files.get("taskdefs/posts.json")).path("containerDefinitions").path(0).path("environment")
                .forEach(e -> atRest.put(e.path("name").asText(), e.path("value").asText()));
        assertEquals("${INTERNAL_LOAD_BALANCER_URL}" + contextPath, atRest.get(TaskVariables.RUNTIME_REMOTE_BASE_URL));

        // What a request no rule takes is told: the routes as it would have to carry them.
        assertTrue(files.get("base.json").contains("the routes are under " + contextPath + "/api/posts, "),
                "the no-route problem names the routes under the context path");
    }
}

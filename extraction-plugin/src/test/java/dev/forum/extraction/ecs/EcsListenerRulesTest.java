package dev.forum.extraction.ecs;

import static dev.forum.extraction.ecs.Templates.json;
import static dev.forum.extraction.ecs.Templates.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forum.topology.ModuleRoute;
import dev.forum.topology.PathPattern;
import dev.forum.topology.RoutingRule;
import dev.forum.topology.ServiceSpec;
import dev.forum.topology.Topology;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The load balancers' listener rules of the rendered service stacks: unique priorities, the contracts' path patterns
 * (every route matched by its holder's rule and no other), weights that sum to 100, the internal listener's twins.
 */
class EcsListenerRulesTest {

    static Stream<Path> topologies() {
        return ForumTopologies.files();
    }

    @ParameterizedTest
    @MethodSource("topologies")
    void listenerRulesHaveUniquePrioritiesTheContractsPathsAndWeightsThatSumTo100(Path file) {
        Topology topology = ForumTopologies.topology(file);
        Map<String, String> files = render(topology);
        Map<String, Set<Integer>> prioritiesByListener = new HashMap<>();
        Map<String, List<String>> patternsByModule = new HashMap<>();
        for (ServiceSpec service : topology.extracted()) {
            JsonNode template = json(files.get("service-" + service.name() + ".json"));
            JsonNode traffic = template.path("Parameters").path("Traffic");
            assertEquals(service.traffic(), traffic.path("Default").asInt(), "the topology's share is the default");
            List<Integer> allowed = new java.util.ArrayList<>();
            traffic.path("AllowedValues").forEach(value -> allowed.add(value.asInt()));
            assertEquals(java.util.stream.IntStream.rangeClosed(0, 100).boxed().toList(), allowed,
                    "whole shares only: TrafficSplit has no key for 12.5");
            for (int share = 0; share <= 100; share++) {
                int monolith = template.path("Mappings").path("TrafficSplit").path(String.valueOf(share)).path("Monolith").asInt(-1);
                assertEquals(100, monolith + share, "weights at Traffic=" + share);
            }
            Map<String, JsonNode> rules = Templates.idsOfType(template, "AWS::ElasticLoadBalancingV2::ListenerRule");
            assertEquals(2 * service.modules().size(), rules.size(), "one rule per module of " + service.name() + " on each listener");
            for (Map.Entry<String, JsonNode> entry : rules.entrySet()) {
                JsonNode properties = entry.getValue().path("Properties");
                String listener = properties.path("ListenerArn").toString();
                assertTrue(Set.of("{\"Ref\":\"PublicListener\"}", "{\"Fn::ImportValue\":\"forum-base-InternalListener\"}").contains(listener),
                        listener);
                assertTrue(prioritiesByListener.computeIfAbsent(listener, l -> new HashSet<>()).add(properties.path("Priority").asInt()),
                        "priority used twice on " + listener + ": " + properties.path("Priority"));
                if (entry.getKey().startsWith("Internal")) {
                    // The internal listener's rule is the public one's twin: same priority, paths and weights.
                    JsonNode twin = template.path("Resources").path(entry.getKey().substring("Internal".length())).path("Properties");
                    assertEquals(twin.path("Priority"), properties.path("Priority"));
                    assertEquals(twin.path("Conditions"), properties.path("Conditions"));
                    assertEquals(twin.path("Actions").path(0).path("ForwardConfig").path("TargetGroups").findValues("Weight"),
                            properties.path("Actions").path(0).path("ForwardConfig").path("TargetGroups").findValues("Weight"));
                    assertEquals("{\"Ref\":\"InternalTargetGroup\"}",
                            properties.path("Actions").path(0).path("ForwardConfig").path("TargetGroups").path(1).path("TargetGroupArn").toString());
                    continue;
                }
                List<String> patterns = new ArrayList<>();
                properties.path("Conditions").path(0).path("PathPatternConfig").path("Values").forEach(v -> patterns.add(v.asText()));
                for (String pattern : patterns) {
                    assertTrue(!pattern.endsWith("*") || pattern.endsWith("/*"), "a pattern like /api/posts* would take /api/postsettings: "
                            + pattern);
                }
                JsonNode targets = properties.path("Actions").path(0).path("ForwardConfig").path("TargetGroups");
                assertEquals(2, targets.size());
                assertEquals("{\"Fn::FindInMap\":[\"TrafficSplit\",{\"Ref\":\"Traffic\"},\"Monolith\"]}", targets.get(0).path("Weight").toString());
                assertEquals("{\"Ref\":\"Traffic\"}", targets.get(1).path("Weight").toString());
                assertEquals(false, properties.path("Actions").path(0).path("ForwardConfig").path("TargetGroupStickinessConfig")
                        .path("Enabled").asBoolean(true));
                RoutingRule model = topology.routingRules().stream()
                        .filter(r -> r.priority() == properties.path("Priority").asInt()).findFirst().orElseThrow();
                assertEquals(model.patterns().stream().map(PathPattern::pattern).toList(), patterns);
                assertTrue(service.modules().contains(model.module()));
                assertTrue(model.priority() > NonCanonicalPaths.FIRST_PRIORITY + NonCanonicalPaths.RULES.size() - 1,
                        "module rules come after the non-canonical path rules");
                patternsByModule.put(model.module(), patterns);
            }
        }
        assertEquals(topology.routingRules().size(), patternsByModule.size());

        // Every route of every module is matched by the rule of its holder and by no other; what no rule takes
        // goes to the default route (the monolith, or a 404 when it holds nothing).
        Map<String, List<String>> routes = Map.of(
                "posts", List.of("/api/posts", "/api/posts/1", "/api/posts/in-thread/1", "/api/posts/by-user/2"),
                "threads", List.of("/api/threads", "/api/threads/1"),
                "users", List.of("/api/users", "/api/users/1"));
        for (ModuleRoute module : ForumTopologies.MODULES) {
            for (String path : routes.get(module.module())) {
                List<String> matchedBy = new ArrayList<>();
                patternsByModule.forEach((m, patterns) -> {
                    if (patterns.stream().anyMatch(p -> new PathPattern(p).matches(path))) {
                        matchedBy.add(m);
                    }
                });
                boolean extracted = topology.extractedHolder(module.module()).isPresent();
                assertEquals(extracted ? List.of(module.module()) : List.of(), matchedBy, path + " in " + file.getFileName());
            }
        }
        for (String other : List.of("/api/postsettings", "/api/posts-archive", "/api/user", "/", "/api/", "/actuator/health")) {
            patternsByModule.forEach((m, patterns) -> assertFalse(patterns.stream().anyMatch(p -> new PathPattern(p).matches(other)),
                    other + " matched by the rule of " + m));
        }
    }

    @Test
    void aTwoModuleServiceHasARuleForEachOfItsModules() {
        Topology topology = ForumTopologies.topology("""
                services:
                  - { name: monolith, monolith: true }
                  - { name: content, modules: [threads, posts], traffic: 50 }
                """);
        JsonNode template = json(render(topology).get("service-content.json"));
        assertEquals(10, template.path("Resources").path("RulePosts").path("Properties").path("Priority").asInt());
        assertEquals(20, template.path("Resources").path("RuleThreads").path("Properties").path("Priority").asInt());
        assertEquals(50, template.path("Parameters").path("Traffic").path("Default").asInt());
    }
}

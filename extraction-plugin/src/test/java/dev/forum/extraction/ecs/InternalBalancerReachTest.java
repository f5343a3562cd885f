package dev.forum.extraction.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forum.topology.Topology;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Least privilege between the tasks and the internal load balancer: a service's tasks may reach it (port 80 out of
 * their security group, the balancer's ingress from that group, {@code EXTRACTION_TOPOLOGY_REMOTE_BASE_URL} in both
 * task definitions) only where a module they may hold calls one they do not hold through an HTTP contract, or they
 * verify tokens whose issuer they do not hold. Each case says which services of a topology call out, by hand.
 */
class InternalBalancerReachTest {

    static List<Path> topologies() {
        return ForumTopologies.files().toList();
    }

    /** The forum's calls and tokens: posts, threads and a service holding both call out; users and the monolith never. */
    @ParameterizedTest
    @MethodSource("topologies")
    void onlyTheForumsServicesThatCallARemoteModuleReachTheInternalLoadBalancer(Path file) {
        Topology topology = ForumTopologies.topology(file);
        Map<String, Boolean> expected = new TreeMap<>();
        EcsRenderer.services(topology).forEach(s -> expected.put(s.name(), ForumTopologies.CALLING_OUT.contains(s.name())));
        assertEquals(expected, reach(topology, ForumTopologies.settings()));
    }

    /** With no call between modules, only the token keys take a service out: every service but the issuer's. */
    @ParameterizedTest
    @MethodSource("topologies")
    void withoutCallsTheTokenKeysOfARemoteIssuerStillTakeAServiceOut(Path file) {
        Topology topology = ForumTopologies.topology(file);
        Map<String, Boolean> expected = new TreeMap<>();
        EcsRenderer.services(topology).forEach(s -> expected.put(s.name(), !s.monolith() && !s.modules().contains("users")));
        assertEquals(expected, reach(topology, ForumTopologies.settings().moduleCalls(Map.of())));
    }

    @ParameterizedTest
    @MethodSource("topologies")
    void withNeitherCallsNorTokensNoTaskReachesIt(Path file) {
        Topology topology = ForumTopologies.topology(file);
        EcsSettings settings = withoutTokens(Map.of());
        Map<String, String> files = EcsRenderer.render(topology, settings);
        List<String> problems = CfnSpec.validator().validate(Templates.cloudFormation(files));
        assertEquals(List.of(), problems, () -> String.join("\n", problems));
        assertEquals(Set.of(false), new TreeSet<>(reach(topology, settings).values()));
    }

    /**
     * A module that runs in every process (the forum's platform) calling users: every service that does not hold users
     * calls out, the monolith (which holds users in each of its steps) does not.
     */
    @ParameterizedTest
    @MethodSource("topologies")
    void aCallFromAModuleThatRunsEverywhereTakesOutEveryServiceWithoutTheCallee(Path file) {
        Topology topology = ForumTopologies.topology(file);
        EcsSettings settings = withoutTokens(Map.of("platform", Set.of("users")));
        Map<String, Boolean> expected = new TreeMap<>();
        EcsRenderer.services(topology).forEach(s -> expected.put(s.name(), !s.monolith() && !s.modules().contains("users")));
        assertEquals(expected, reach(topology, settings));
    }

    /**
     * The monolith calls out when one of the module sets deploy.sh may give it does: with posts extracted it holds
     * threads and users only in the topology's step, where users (in this made-up graph) would call posts.
     */
    @ParameterizedTest
    @MethodSource("topologies")
    void theMonolithCallsOutWhenAnyOfItsStepsHoldsACallerWithoutItsCallee(Path file) {
        Topology topology = ForumTopologies.topology(file);
        EcsSettings settings = withoutTokens(Map.of("users", Set.of("posts")));
        Map<String, Boolean> expected = new TreeMap<>();
        for (var service : EcsRenderer.services(topology)) {
            boolean monolithWithoutPosts = service.monolith() && ServiceStack.monolithModuleSets(topology).stream()
                    .anyMatch(set -> !List.of(set.split(",")).contains("posts"));
            boolean usersWithoutPosts = service.modules().contains("users") && !service.modules().contains("posts");
            expected.put(service.name(), monolithWithoutPosts || usersWithoutPosts);
        }
        assertEquals(expected, reach(topology, settings));
        if (file.getFileName().toString().equals("posts-extracted.yml")) {
            assertEquals(Map.of("monolith", true, "posts", false), reach(topology, settings));
        }
    }

    /** The forum's settings with {@code calls} between its modules and no token issuer. */
    private static EcsSettings withoutTokens(Map<String, Set<String>> calls) {
        return ForumTopologies.settings().moduleCalls(calls).application(null, "prod", "urn:forum:problem:", true);
    }

    /**
     * Each service's reach, after checking that the four places agree: the egress rule, the balancer's ingress rule
     * (and the ECS service's wait for it), the stack's task definition and the one at rest.
     */
    private static Map<String, Boolean> reach(Topology topology, EcsSettings settings) {
        Map<String, String> files = EcsRenderer.render(topology, settings);
        Map<String, Boolean> reach = new TreeMap<>();
        for (var service : EcsRenderer.services(topology)) {
            JsonNode resources = Templates.json(files.get("service-" + service.name() + ".json")).path("Resources");
            List<Boolean> places = new ArrayList<>();
            List<String> egress = new ArrayList<>();
            resources.path("SecurityGroup").path("Properties").path("SecurityGroupEgress")
                    .forEach(rule -> egress.add(rule.path("FromPort").asText()));
            places.add(egress.contains(String.valueOf(InternalBalancer.PORT)));
            places.add(!resources.path("InternalLoadBalancerFromTasks").isMissingNode());
            List<String> dependsOn = new ArrayList<>();
            resources.path("Service").path("DependsOn").forEach(d -> dependsOn.add(d.asText()));
            places.add(dependsOn.contains("InternalLoadBalancerFromTasks"));
            places.add(Templates.environment(resources.path("TaskDefinition").path("Properties").path("ContainerDefinitions").path(0))
                    .containsKey(TaskVariables.RUNTIME_REMOTE_BASE_URL));
            // At rest (a service that is deployed) the monolith holds the topology's set, one of its steps: it may call
            // out where the stack does, and never where the stack does not.
            String atRest = files.get("taskdefs/" + service.name() + ".json");
            if (atRest != null && (!service.monolith() || !places.get(0))) {
                List<String> variables = new ArrayList<>();
                Templates.json(atRest).path("containerDefinitions").path(0).path("environment")
                        .forEach(v -> variables.add(v.path("name").asText()));
                places.add(variables.contains(TaskVariables.RUNTIME_REMOTE_BASE_URL));
            }
            assertEquals(1, new TreeSet<>(places).size(), service.name() + ": egress, ingress, wait, task, at rest: " + places);
            reach.put(service.name(), places.get(0));
        }
        return reach;
    }
}

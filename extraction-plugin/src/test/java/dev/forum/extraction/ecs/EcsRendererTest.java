package dev.forum.extraction.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forum.extraction.model.ExtractionException;
import dev.forum.topology.ModuleRoute;
import dev.forum.topology.PathPattern;
import dev.forum.topology.RoutingRule;
import dev.forum.topology.ServiceSpec;
import dev.forum.topology.Topology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The forum's topologies rendered into ECS stacks: valid against AWS's specification, and safe to deploy. */
class EcsRendererTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Fargate's CPU and memory pairs (AWS ECS documentation, "Task size"), written out independently of the model. */
    private static final Map<Integer, Set<Integer>> FARGATE = new HashMap<>();

    static {
        FARGATE.put(256, Set.of(512, 1024, 2048));
        FARGATE.put(512, Set.of(1024, 2048, 3072, 4096));
        Set<Integer> one = new HashSet<>();
        for (int m = 2048; m <= 8192; m += 1024) {
            one.add(m);
        }
        FARGATE.put(1024, one);
        Set<Integer> two = new HashSet<>();
        for (int m = 4096; m <= 16384; m += 1024) {
            two.add(m);
        }
        FARGATE.put(2048, two);
        Set<Integer> four = new HashSet<>();
        for (int m = 8192; m <= 30720; m += 1024) {
            four.add(m);
        }
        FARGATE.put(4096, four);
    }

    static Stream<Path> topologies() {
        return ForumTopologies.files();
    }

    private static Map<String, String> render(Topology topology) {
        return Templates.render(topology);
    }

    private static JsonNode json(String text) {
        return Templates.json(text);
    }

    private static List<JsonNode> resourcesOfType(JsonNode template, String type) {
        return Templates.ofType(template, type);
    }

    @ParameterizedTest
    @MethodSource("topologies")
    void everyForumTopologyRendersAndIsValidAgainstTheCloudFormationSpecification(Path file) {
        Topology topology = ForumTopologies.topology(file);
        Map<String, String> files = render(topology);
        List<String> expected = new ArrayList<>(List.of("base.json"));
        // A service's own database (deploy/topologies/posts-own-database.yml): its stack right after the base's.
        topology.extracted().stream().filter(s -> s.ownDatabase()).forEach(s -> expected.add("database-" + s.name() + ".json"));
        expected.addAll(List.of("db-bootstrap.json", "service-" + topology.monolith().name() + ".json"));
        topology.extracted().forEach(s -> expected.add("service-" + s.name() + ".json"));
        topology.deployedServices().forEach(s -> expected.add("taskdefs/" + s.name() + ".json"));
        expected.add("deploy.sh");
        assertEquals(expected, List.copyOf(files.keySet()));

        List<String> problems = CfnSpec.validator().validate(Templates.cloudFormation(files));
        assertEquals(List.of(), problems, () -> file + " against the specification " + CfnSpec.validator().version()
                + ":\n" + String.join("\n", problems));
    }

    @Test
    void aTopologyWithACertificateAndEverySettingIsValidToo() {
        Topology topology = ForumTopologies.topology("""
                edge: { certificate-arn: 'arn:aws:acm:eu-west-1:123456789012:certificate/0a1b2c3d-aaaa-bbbb-cccc-0123456789ab', rate-limit: 300 }
                database: { multi-az: true, pool-size: 4 }
                services:
                  - { name: monolith, monolith: true }
                  - { name: content-api, modules: [threads, posts], traffic: 50 }
                """);
        Map<String, String> files = render(topology);
        List<String> problems = CfnSpec.validator().validate(Templates.cloudFormation(files));
        assertEquals(List.of(), problems, () -> String.join("\n", problems));
        JsonNode base = json(files.get("base.json"));
        assertEquals("arn:aws:acm:eu-west-1:123456789012:certificate/0a1b2c3d-aaaa-bbbb-cccc-0123456789ab",
                base.path("Parameters").path("CertificateArn").path("Default").asText());
        assertEquals("true", base.path("Parameters").path("DatabaseMultiAZ").path("Default").asText());
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

    @ParameterizedTest
    @MethodSource("topologies")
    void tasksGetNoPublicIpAndHaveValidFargateSizes(Path file) {
        Topology topology = ForumTopologies.topology(file);
        Map<String, String> files = render(topology);
        JsonNode base = json(files.get("base.json"));
        resourcesOfType(base, "AWS::EC2::Subnet").forEach(s -> assertFalse(s.path("Properties").path("MapPublicIpOnLaunch").asBoolean()));

        for (ServiceSpec service : EcsRenderer.services(topology)) {
            JsonNode template = json(files.get("service-" + service.name() + ".json"));
            JsonNode network = template.path("Resources").path("Service").path("Properties").path("NetworkConfiguration")
                    .path("AwsvpcConfiguration");
            assertEquals("DISABLED", network.path("AssignPublicIp").asText());
            assertEquals("[{\"Fn::GetAtt\":[\"SecurityGroup\",\"GroupId\"]}]", network.path("SecurityGroups").toString(),
                    "the service's own security group");
            assertEquals("[{\"Fn::ImportValue\":\"forum-base-PrivateSubnetA\"},{\"Fn::ImportValue\":\"forum-base-PrivateSubnetB\"}]",
                    network.path("Subnets").toString(), "two private subnets in two zones");
            JsonNode task = template.path("Resources").path("TaskDefinition").path("Properties");
            int cpu = Integer.parseInt(task.path("Cpu").asText());
            int memory = Integer.parseInt(task.path("Memory").asText());
            assertTrue(FARGATE.getOrDefault(cpu, Set.of()).contains(memory), "Fargate has no " + cpu + " CPU / " + memory + " MiB task");
            assertEquals("[\"FARGATE\"]", task.path("RequiresCompatibilities").toString());
            assertEquals("awsvpc", task.path("NetworkMode").asText());
        }
    }

    @ParameterizedTest
    @MethodSource("topologies")
    void servicesDeployWithoutDowntime(Path file) {
        Topology topology = ForumTopologies.topology(file);
        Map<String, String> files = render(topology);
        JsonNode base = json(files.get("base.json"));
        List<JsonNode> groups = new ArrayList<>(List.of(base.path("Resources").path("MonolithTargetGroup"),
                base.path("Resources").path("MonolithInternalTargetGroup")));
        // Each serving listener's default action is the monolith (or a 404 when the topology leaves it nothing).
        for (String certificate : List.of("", "arn:aws:acm:eu-west-1:123456789012:certificate/abc")) {
            for (String route : List.of("monolith", "not-found")) {
                JsonNode resolved = Templates.resolve(base, Map.of("CertificateArn", certificate, "DefaultRoute", route));
                String serving = certificate.isEmpty() ? "HttpListener" : "HttpsListener";
                for (String listener : List.of(serving, "InternalListener")) {
                    JsonNode action = resolved.path("Resources").path(listener).path("Properties").path("DefaultActions").path(0);
                    if (route.equals("monolith")) {
                        assertEquals("forward", action.path("Type").asText(), listener);
                        assertTrue(action.path("TargetGroupArn").path("Ref").asText().startsWith("Monolith"), listener + ": " + action);
                    } else {
                        assertEquals("404", action.path("FixedResponseConfig").path("StatusCode").asText(), listener);
                    }
                }
            }
        }
        assertEquals(topology.monolithDeployed() ? "monolith" : "not-found",
                base.path("Parameters").path("DefaultRoute").path("Default").asText());

        for (ServiceSpec service : EcsRenderer.services(topology)) {
            JsonNode template = json(files.get("service-" + service.name() + ".json"));
            JsonNode resources = template.path("Resources");
            JsonNode ecs = resources.path("Service");
            JsonNode deployment = ecs.path("Properties").path("DeploymentConfiguration");
            assertEquals(100, deployment.path("MinimumHealthyPercent").asInt());
            assertEquals(200, deployment.path("MaximumPercent").asInt());
            assertTrue(deployment.path("DeploymentCircuitBreaker").path("Enable").asBoolean());
            assertTrue(deployment.path("DeploymentCircuitBreaker").path("Rollback").asBoolean());
            assertTrue(ecs.path("Properties").path("HealthCheckGracePeriodSeconds").asInt() >= 60, "longer than a JVM start");
            assertTrue(ecs.path("Properties").path("DesiredCount").asInt() >= 2, "two tasks, two zones");
            assertEquals("FARGATE", ecs.path("Properties").path("LaunchType").asText());
            JsonNode container = resources.path("TaskDefinition").path("Properties").path("ContainerDefinitions").path(0);
            assertEquals(3000, container.path("PortMappings").path(0).path("ContainerPort").asInt());
            assertTrue(container.path("StopTimeout").asInt() > 20, "longer than the application's 20 s shutdown phase");
            assertTrue(resources.path("ScalableTarget").path("Properties").path("MinCapacity").asInt() >= 2);
            Set<String> dependsOn = new HashSet<>();
            ecs.path("DependsOn").forEach(d -> dependsOn.add(d.asText()));
            // The paths to the database and the endpoints are open before tasks start.
            assertTrue(dependsOn.containsAll(Set.of("DatabaseFromTasks", "EndpointsFromTasks", "InternalLoadBalancerFromTasks")), dependsOn.toString());
            if (!service.monolith()) {
                groups.add(resources.path("TargetGroup"));
                groups.add(resources.path("InternalTargetGroup"));
                // The rules attach the target groups before the ECS service registers into them.
                Set<String> rules = Templates.idsOfType(template, "AWS::ElasticLoadBalancingV2::ListenerRule").keySet();
                assertTrue(dependsOn.containsAll(rules), dependsOn + " " + rules);
                assertEquals("{\"Ref\":\"TargetGroup\"}",
                        ecs.path("Properties").path("LoadBalancers").path(0).path("TargetGroupArn").toString());
                assertEquals("{\"Ref\":\"InternalTargetGroup\"}",
                        ecs.path("Properties").path("LoadBalancers").path(1).path("TargetGroupArn").toString());
            } else {
                assertEquals("{\"Fn::ImportValue\":\"forum-base-MonolithTargetGroup\"}",
                        ecs.path("Properties").path("LoadBalancers").path(0).path("TargetGroupArn").toString());
                assertEquals("{\"Fn::ImportValue\":\"forum-base-MonolithInternalTargetGroup\"}",
                        ecs.path("Properties").path("LoadBalancers").path(1).path("TargetGroupArn").toString());
            }
        }
        for (JsonNode group : groups) {
            JsonNode p = group.path("Properties");
            assertEquals("/actuator/health/readiness", p.path("HealthCheckPath").asText());
            assertEquals("3001", p.path("HealthCheckPort").asText(), "Actuator's own port, which no rule forwards to");
            assertEquals(3000, p.path("Port").asInt());
            assertEquals(5, p.path("HealthCheckIntervalSeconds").asInt());
            assertEquals(2, p.path("HealthyThresholdCount").asInt());
            assertEquals(2, p.path("UnhealthyThresholdCount").asInt());
            assertEquals("200", p.path("Matcher").path("HttpCode").asText());
            assertEquals("ip", p.path("TargetType").asText());
            assertEquals("deregistration_delay.timeout_seconds", p.path("TargetGroupAttributes").path(0).path("Key").asText());
            assertTrue(p.path("TargetGroupAttributes").path(0).path("Value").asInt() <= 30);
            Map<String, String> attributes = new java.util.TreeMap<>();
            p.path("TargetGroupAttributes").forEach(a -> attributes.put(a.path("Key").asText(), a.path("Value").asText()));
            int slowStart = Integer.parseInt(attributes.getOrDefault("slow_start.duration_seconds", "0"));
            assertTrue(slowStart >= 30 && slowStart <= 900,
                    "a target that becomes healthy is ramped up (ALB: 30-900 s): " + attributes);
            assertEquals("round_robin", attributes.get("load_balancing.algorithm.type"),
                    "AWS: least outstanding requests and weighted random cannot be used with slow start mode");
        }
    }

    @ParameterizedTest
    @MethodSource("topologies")
    void eachProcessIsToldItsModulesTheLoadBalancerAndItsDatabaseRolesFromSecretsManager(Path file) {
        Topology topology = ForumTopologies.topology(file);
        Map<String, String> files = render(topology);
        for (ServiceSpec service : EcsRenderer.services(topology)) {
            JsonNode template = json(files.get("service-" + service.name() + ".json"));
            JsonNode container = template.path("Resources").path("TaskDefinition").path("Properties").path("ContainerDefinitions").path(0);
            Map<String, JsonNode> environment = new HashMap<>();
            container.path("Environment").forEach(e -> environment.put(e.path("Name").asText(), e.path("Value")));
            if (service.monolith()) {
                assertEquals("{\"Ref\":\"LocalModules\"}", environment.get("FORUM_TOPOLOGY_LOCAL_MODULES").toString());
                assertEquals(topology.monolithDeployed() ? String.join(",", topology.localModules(service.name())) : "posts,threads,users",
                        template.path("Parameters").path("LocalModules").path("Default").asText());
            } else {
                assertEquals(String.join(",", service.modules()), environment.get("FORUM_TOPOLOGY_LOCAL_MODULES").asText());
            }
            assertEquals("{\"Fn::ImportValue\":\"forum-base-InternalLoadBalancerUrl\"}", environment.get("FORUM_TOPOLOGY_REMOTE_BASE_URL").toString(),
                    "remote modules through the internal load balancer");
            // The JWK set is fetched from the issuer module's remote URL (the internal load balancer) + this path.
            assertEquals("users", environment.get("FORUM_SECURITY_JWT_ISSUERMODULE").asText());
            assertEquals("/api/users/jwks.json", environment.get("FORUM_SECURITY_JWT_JWKSPATH").asText());
            assertEquals("urn:forum:users", environment.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI").asText());
            assertEquals("urn:forum:api", environment.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES").asText());
            assertFalse(environment.containsKey("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI"),
                    "an explicit JWK set URI would make even the users module's own processes fetch their keys over HTTP");
            assertEquals("3001", environment.get("MANAGEMENT_SERVER_PORT").asText());
            assertEquals("prod", environment.get("SPRING_PROFILES_ACTIVE").asText());
            assertFalse(container.toString().toLowerCase().contains("\"password\""), "no password in plain text");
            // The widest step (every module local) gets every module's secrets; LeastPrivilegeTest checks the others.
            JsonNode widest = Templates.resolve(template, service.monolith() ? Map.of("LocalModules", "posts,threads,users") : Map.of());
            Set<String> secrets = new HashSet<>(Templates.secretNames(widest.path("Resources").path("TaskDefinition")
                    .path("Properties").path("ContainerDefinitions").path(0)));
            for (String module : service.monolith() ? List.of("posts", "threads", "users") : service.modules()) {
                String upper = module.toUpperCase();
                assertTrue(secrets.containsAll(Set.of("FORUM_DATASOURCE_" + upper + "_USERNAME", "FORUM_DATASOURCE_" + upper + "_PASSWORD")),
                        service.name() + ": " + secrets);
            }
            // The task role is the service's own and grants nothing: the application calls no AWS API.
            JsonNode taskRole = template.path("Resources").path("TaskRole").path("Properties");
            assertEquals("forum-" + service.name() + "-task", taskRole.path("RoleName").asText());
            assertFalse(taskRole.has("Policies") || taskRole.has("ManagedPolicyArns"));
            assertFalse(template.path("Resources").path("ExecutionRole").path("Properties").has("ManagedPolicyArns"));
        }
    }

    @ParameterizedTest
    @MethodSource("topologies")
    void theTaskDefinitionsForTheCliSayWhatTheStacksSay(Path file) {
        Topology topology = ForumTopologies.topology(file);
        Map<String, String> files = render(topology);
        for (ServiceSpec service : topology.deployedServices()) {
            JsonNode cli = json(files.get("taskdefs/" + service.name() + ".json"));
            // The stack at rest: the monolith with the topology's own modules.
            JsonNode template = json(files.get("service-" + service.name() + ".json"));
            JsonNode stack = Templates.resolve(template, Map.of()).path("Resources").path("TaskDefinition").path("Properties");
            assertEquals(stack.path("Family").asText(), cli.path("family").asText());
            assertEquals(stack.path("Cpu").asText(), cli.path("cpu").asText());
            assertEquals(stack.path("Memory").asText(), cli.path("memory").asText());
            JsonNode container = cli.path("containerDefinitions").path(0);
            JsonNode stackContainer = stack.path("ContainerDefinitions").path(0);
            assertEquals(stackContainer.path("StopTimeout").asInt(), container.path("stopTimeout").asInt());
            assertEquals(stackContainer.path("User").asText(), container.path("user").asText());
            assertEquals(stackContainer.path("ReadonlyRootFilesystem").asBoolean(), container.path("readonlyRootFilesystem").asBoolean());
            assertEquals("[\"ALL\"]", container.path("linuxParameters").path("capabilities").path("drop").toString());
            List<String> cliSecrets = new ArrayList<>();
            container.path("secrets").forEach(s -> cliSecrets.add(s.path("name").asText()));
            List<String> stackSecrets = new ArrayList<>();
            stackContainer.path("Secrets").forEach(s -> stackSecrets.add(s.path("Name").asText()));
            assertEquals(stackSecrets, cliSecrets);
            Map<String, String> environment = new HashMap<>();
            container.path("environment").forEach(e -> environment.put(e.path("name").asText(), e.path("value").asText()));
            assertEquals(String.join(",", topology.localModules(service.name())), environment.get("FORUM_TOPOLOGY_LOCAL_MODULES"));
            assertTrue(container.path("image").asText().endsWith(".amazonaws.com/forum/" + service.name() + ":${IMAGE_TAG}"));
        }
    }

    @Test
    void whatEcsCannotRunSafelyIsRefused() {
        var single = assertThrows(ExtractionException.class, () -> render(ForumTopologies.topology("""
                services:
                  - { name: monolith, monolith: true, count: 1 }
                """)));
        assertTrue(single.getMessage().startsWith("topology.yml:2: monolith: ECS runs at least 2 tasks of a service"), single.getMessage());
        var base = assertThrows(ExtractionException.class, () -> render(ForumTopologies.topology("""
                services:
                  - { name: monolith, monolith: true }
                  - { name: base, modules: [posts] }
                """)));
        assertTrue(base.getMessage().contains("the name 'base' is taken by the forum-base stack"), base.getMessage());
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

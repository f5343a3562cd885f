package dev.forum.extraction.ecs;

import static dev.forum.extraction.ecs.Templates.json;
import static dev.forum.extraction.ecs.Templates.ofType;
import static dev.forum.extraction.ecs.Templates.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ECS services and tasks of the rendered stacks: private networking and valid Fargate sizes, deployments without
 * downtime (health checks, circuit breaker, slow start), each process's configuration and secrets, and the task
 * definitions for the CLI agreeing with the stacks.
 */
class EcsServiceStacksTest {

    /** Fargate's CPU and memory pairs (AWS ECS documentation, "Task size"), written out independently of the model. */
    private static final Map<Integer, Set<Integer>> FARGATE = Map.of(
            256, Set.of(512, 1024, 2048),
            512, Set.of(1024, 2048, 3072, 4096),
            1024, gibSteps(2048, 8192),
            2048, gibSteps(4096, 16384),
            4096, gibSteps(8192, 30720));

    /** Every memory size from {@code from} to {@code to} MiB in steps of 1 GiB. */
    private static Set<Integer> gibSteps(int from, int to) {
        Set<Integer> sizes = new HashSet<>();
        for (int m = from; m <= to; m += 1024) {
            sizes.add(m);
        }
        return sizes;
    }

    static Stream<Path> topologies() {
        return ForumTopologies.files();
    }

    @ParameterizedTest
    @MethodSource("topologies")
    void tasksGetNoPublicIpAndHaveValidFargateSizes(Path file) {
        Topology topology = ForumTopologies.topology(file);
        Map<String, String> files = render(topology);
        JsonNode base = json(files.get("base.json"));
        ofType(base, "AWS::EC2::Subnet").forEach(s -> assertFalse(s.path("Properties").path("MapPublicIpOnLaunch").asBoolean()));

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
            // The paths to the database, the endpoints and (where the tasks call out) the internal load balancer are open
            // before tasks start.
            assertTrue(dependsOn.containsAll(Set.of("DatabaseFromTasks", "EndpointsFromTasks")), dependsOn.toString());
            assertEquals(ForumTopologies.CALLING_OUT.contains(service.name()), dependsOn.contains("InternalLoadBalancerFromTasks"),
                    service.name() + " " + dependsOn);
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
                assertEquals("{\"Ref\":\"LocalModules\"}", environment.get("EXTRACTION_TOPOLOGY_LOCAL_MODULES").toString());
                assertEquals(topology.monolithDeployed() ? String.join(",", topology.localModules(service.name())) : "posts,threads,users",
                        template.path("Parameters").path("LocalModules").path("Default").asText());
            } else {
                assertEquals(String.join(",", service.modules()), environment.get("EXTRACTION_TOPOLOGY_LOCAL_MODULES").asText());
            }
            if (ForumTopologies.CALLING_OUT.contains(service.name())) {
                assertEquals("{\"Fn::ImportValue\":\"forum-base-InternalLoadBalancerUrl\"}",
                        environment.get("EXTRACTION_TOPOLOGY_REMOTE_BASE_URL").toString(),
                        "remote modules through the internal load balancer");
            } else {
                assertFalse(environment.containsKey("EXTRACTION_TOPOLOGY_REMOTE_BASE_URL"), service.name() + " calls no remote module");
            }
            // The JWK set is fetched from the issuer module's remote URL (the internal load balancer) + this path.
            assertEquals("users", environment.get("FORUM_SECURITY_JWT_ISSUERMODULE").asText());
            assertEquals("/api/users/jwks.json", environment.get("FORUM_SECURITY_JWT_JWKSPATH").asText());
            assertEquals("urn:forum:users", environment.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI").asText());
            assertEquals("urn:forum:api", environment.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES").asText());
            assertFalse(environment.containsKey("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI"),
                    "an explicit JWK set URI would make even the users module's own processes fetch their keys over HTTP");
            // The port the listener rules forward to, even where the image was built to listen on another.
            assertEquals("3000", environment.get("SERVER_PORT").asText());
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
            assertEquals(String.join(",", topology.localModules(service.name())), environment.get("EXTRACTION_TOPOLOGY_LOCAL_MODULES"));
            assertEquals("3000", environment.get("SERVER_PORT"));
            assertTrue(container.path("image").asText().endsWith(".amazonaws.com/forum/" + service.name() + ":${IMAGE_TAG}"));
        }
    }
}

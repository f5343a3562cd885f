package dev.forum.extraction.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forum.topology.ServiceSpec;
import dev.forum.topology.Topology;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What each task may reach and read, in each step of a deployment: the secrets of the modules it holds then and no
 * other, the signing keys only where the token issuer runs, the network paths it needs and no other, and database
 * connection limits that cover every task that may hold a module.
 */
class LeastPrivilegeTest {

    static Stream<Path> topologies() {
        return ForumTopologies.files();
    }

    private static JsonNode template(Map<String, String> files, String service) {
        return Templates.json(files.get("service-" + service + ".json"));
    }

    private static JsonNode container(JsonNode resolved) {
        return resolved.path("Resources").path("TaskDefinition").path("Properties").path("ContainerDefinitions").path(0);
    }

    private static List<String> secretResources(JsonNode resolved) {
        List<String> arns = new ArrayList<>();
        for (JsonNode statement : resolved.path("Resources").path("ExecutionRole").path("Properties").path("Policies").path(0)
                .path("PolicyDocument").path("Statement")) {
            if (statement.path("Action").asText().equals("secretsmanager:GetSecretValue")) {
                statement.path("Resource").forEach(r -> arns.add(r.path("Fn::ImportValue").asText()));
            }
        }
        return arns;
    }

    @Test
    void theMonolithWithPostsRemoteHasNoPostsCredentialsAndWideningGivesThemBack() {
        Map<String, String> files = Templates.render(ForumTopologies.topology(ForumTopologies.root().resolve("deploy/topologies/posts-extracted.yml")));
        JsonNode monolith = template(files, "monolith");
        assertEquals(List.of("posts,threads,users", "threads,users"), toList(monolith.path("Parameters").path("LocalModules").path("AllowedValues")));

        JsonNode narrow = Templates.resolve(monolith, Map.of("LocalModules", "threads,users"));
        List<String> narrowSecrets = Templates.secretNames(container(narrow));
        assertTrue(narrowSecrets.stream().noneMatch(s -> s.contains("POSTS")), narrowSecrets.toString());
        assertTrue(narrowSecrets.containsAll(List.of("FORUM_DATASOURCE_USERS_USERNAME", "FORUM_DATASOURCE_USERS_PASSWORD",
                "FORUM_DATASOURCE_USERS_OWNER_USERNAME", "FORUM_DATASOURCE_USERS_OWNER_PASSWORD", "FORUM_DATASOURCE_THREADS_PASSWORD",
                "FORUM_SECURITY_JWT_SIGNINGKEYS")), narrowSecrets.toString());
        assertEquals(Set.of("forum-base-DatabaseSecretThreads", "forum-base-OwnerSecretThreads", "forum-base-DatabaseSecretUsers",
                "forum-base-OwnerSecretUsers", "forum-base-SigningKeysSecret"), new HashSet<>(secretResources(narrow)),
                "the execution role may read no posts secret either");

        JsonNode wide = Templates.resolve(monolith, Map.of("LocalModules", "posts,threads,users"));
        assertTrue(Templates.secretNames(container(wide)).containsAll(List.of("FORUM_DATASOURCE_POSTS_USERNAME",
                "FORUM_DATASOURCE_POSTS_PASSWORD", "FORUM_DATASOURCE_POSTS_OWNER_USERNAME", "FORUM_DATASOURCE_POSTS_OWNER_PASSWORD")));
        assertTrue(secretResources(wide).contains("forum-base-DatabaseSecretPosts"));

        JsonNode posts = Templates.resolve(template(files, "posts"), Map.of());
        List<String> postsSecrets = Templates.secretNames(container(posts));
        assertEquals(List.of("FORUM_DATASOURCE_POSTS_USERNAME", "FORUM_DATASOURCE_POSTS_PASSWORD",
                "FORUM_DATASOURCE_POSTS_OWNER_USERNAME", "FORUM_DATASOURCE_POSTS_OWNER_PASSWORD"), postsSecrets,
                "posts holds only its own role and no signing key: it only verifies tokens");
        assertEquals(Set.of("forum-base-DatabaseSecretPosts", "forum-base-OwnerSecretPosts"), new HashSet<>(secretResources(posts)));
    }

    private static List<String> toList(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    @ParameterizedTest
    @MethodSource("topologies")
    void inEveryStepATaskHasTheSecretsOfExactlyTheModulesItHolds(Path file) {
        Topology topology = ForumTopologies.topology(file);
        Map<String, String> files = Templates.render(topology);
        for (ServiceSpec service : EcsRenderer.services(topology)) {
            JsonNode template = template(files, service.name());
            List<String> sets = service.monolith() ? toList(template.path("Parameters").path("LocalModules").path("AllowedValues"))
                    : List.of(String.join(",", topology.localModules(service.name())));
            for (String set : sets) {
                JsonNode resolved = Templates.resolve(template, service.monolith() ? Map.of("LocalModules", set) : Map.of());
                Set<String> expected = new HashSet<>();
                Set<String> expectedArns = new HashSet<>();
                for (String module : set.split(",")) {
                    String upper = module.toUpperCase();
                    expected.addAll(List.of("FORUM_DATASOURCE_" + upper + "_USERNAME", "FORUM_DATASOURCE_" + upper + "_PASSWORD",
                            "FORUM_DATASOURCE_" + upper + "_OWNER_USERNAME", "FORUM_DATASOURCE_" + upper + "_OWNER_PASSWORD"));
                    String id = EcsNames.id(module);
                    expectedArns.addAll(List.of("forum-base-DatabaseSecret" + id, "forum-base-OwnerSecret" + id));
                    if (service.ownDatabase() && service.modules().contains(module)) {
                        // The own database's credentials, held from before the move: the same runtime role's secret.
                        expected.addAll(List.of("FORUM_DATASOURCE_" + upper + "_MOVED_USERNAME", "FORUM_DATASOURCE_" + upper + "_MOVED_PASSWORD"));
                    }
                }
                if (List.of(set.split(",")).contains("users")) {
                    expected.add("FORUM_SECURITY_JWT_SIGNINGKEYS");
                    expectedArns.add("forum-base-SigningKeysSecret");
                }
                assertEquals(expected, new HashSet<>(Templates.secretNames(container(resolved))), service.name() + " holding " + set);
                assertEquals(expectedArns, new HashSet<>(secretResources(resolved)), service.name() + " holding " + set);
                Map<String, JsonNode> environment = Templates.environment(container(resolved));
                assertTrue(environment.containsKey("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI")
                        && environment.containsKey("FORUM_SECURITY_JWT_JWKSPATH"), "every process verifies tokens");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("topologies")
    void aTaskReachesTheLoadBalancersTheDatabaseAndTheEndpointsOnlyAndOnlyTheBalancersReachIt(Path file) {
        Topology topology = ForumTopologies.topology(file);
        Map<String, String> files = Templates.render(topology);
        for (ServiceSpec service : EcsRenderer.services(topology)) {
            JsonNode resources = template(files, service.name()).path("Resources");
            JsonNode group = resources.path("SecurityGroup").path("Properties");
            List<String> ingress = new ArrayList<>();
            group.path("SecurityGroupIngress").forEach(r -> ingress.add(r.path("FromPort").asInt() + " from "
                    + r.path("SourceSecurityGroupId").path("Fn::ImportValue").asText()));
            assertEquals(List.of("3000 from forum-base-LoadBalancerSecurityGroup", "3001 from forum-base-LoadBalancerSecurityGroup",
                    "3000 from forum-base-InternalLoadBalancerSecurityGroup", "3001 from forum-base-InternalLoadBalancerSecurityGroup"), ingress);
            List<String> egress = new ArrayList<>();
            group.path("SecurityGroupEgress").forEach(r -> egress.add(r.path("FromPort").asInt() + " to "
                    + (r.has("DestinationPrefixListId") ? "prefix list " : "")
                    + r.path(r.has("DestinationPrefixListId") ? "DestinationPrefixListId" : "DestinationSecurityGroupId").path("Fn::ImportValue").asText()));
            List<String> expectedEgress = new ArrayList<>();
            if (ForumTopologies.CALLING_OUT.contains(service.name())) {
                expectedEgress.add("80 to forum-base-InternalLoadBalancerSecurityGroup");
            }
            expectedEgress.addAll(List.of("5432 to forum-base-DatabaseSecurityGroup", "443 to forum-base-EndpointSecurityGroup",
                    "443 to prefix list forum-base-S3PrefixList"));
            if (service.ownDatabase()) {
                expectedEgress.add("5432 to forum-" + service.name() + "-db-DatabaseSecurityGroup");
            }
            assertEquals(expectedEgress, egress);
            // The other side of each path is opened by this stack, for this service's group only.
            for (String id : List.of("DatabaseFromTasks", "EndpointsFromTasks", "InternalLoadBalancerFromTasks")) {
                if (id.startsWith("Internal") && !ForumTopologies.CALLING_OUT.contains(service.name())) {
                    assertTrue(resources.path(id).isMissingNode(), service.name() + " calls no remote module: " + id);
                    continue;
                }
                assertEquals("{\"Fn::GetAtt\":[\"SecurityGroup\",\"GroupId\"]}",
                        resources.path(id).path("Properties").path("SourceSecurityGroupId").toString(), id);
            }
        }
        JsonNode base = Templates.json(files.get("base.json")).path("Resources");
        assertEquals(1, base.path("DatabaseSecurityGroup").path("Properties").path("SecurityGroupEgress").size());
        assertFalse(base.path("DatabaseSecurityGroup").path("Properties").has("SecurityGroupIngress"),
                "the database admits only what the service stacks and the bootstrap open for their own groups");
    }

    @ParameterizedTest
    @MethodSource("topologies")
    void noListenerRuleForwardsToTheManagementPortAndHealthChecksUseIt(Path file) {
        Topology topology = ForumTopologies.topology(file);
        for (String text : Templates.cloudFormation(Templates.render(topology)).values()) {
            JsonNode template = Templates.json(text);
            for (JsonNode group : Templates.ofType(template, "AWS::ElasticLoadBalancingV2::TargetGroup")) {
                assertEquals(3000, group.path("Properties").path("Port").asInt(), "requests go to the application port");
                assertEquals("3001", group.path("Properties").path("HealthCheckPort").asText());
            }
            for (JsonNode service : Templates.ofType(template, "AWS::ECS::Service")) {
                service.path("Properties").path("LoadBalancers").forEach(lb -> assertEquals(3000, lb.path("ContainerPort").asInt()));
            }
        }
    }

    @Test
    void connectionLimitsCoverEveryTaskThatMayHoldAModuleTimesThePoolSize() {
        Topology canary = ForumTopologies.topology("""
                database: { pool-size: 4 }
                services:
                  - { name: monolith, monolith: true, autoscaling: { min: 2, max: 6 } }
                  - { name: posts, modules: [posts], traffic: 10, autoscaling: { min: 2, max: 3 } }
                """);
        // posts: the monolith (up to 6, twice that in a rolling deployment) and the posts service (3, twice that).
        assertEquals((6 + 3) * 2 * 4, DatabaseRoles.runtimeConnectionLimit(canary, "posts"));
        assertEquals(6 * 2 * 4, DatabaseRoles.runtimeConnectionLimit(canary, "users"));
        assertEquals((6 + 3) * 2 * 2, DatabaseRoles.ownerConnectionLimit(canary, "posts"));
        JsonNode bootstrap = Templates.json(Templates.render(canary).get("db-bootstrap.json"));
        Map<String, JsonNode> environment = Templates.environment(bootstrap.path("Resources").path("TaskDefinition").path("Properties")
                .path("ContainerDefinitions").path(0));
        assertEquals("72", environment.get("POSTS_CONNECTION_LIMIT").asText());
        assertEquals("48", environment.get("USERS_CONNECTION_LIMIT").asText());
        assertEquals("forum_posts", environment.get("POSTS_ROLE").asText());
        assertEquals("forum_posts_owner", environment.get("POSTS_OWNER").asText());
        assertEquals("verify-full", environment.get("PGSSLMODE").asText());

        JsonNode posts = Templates.json(Templates.render(canary).get("service-posts.json"));
        assertEquals("4", Templates.environment(container(posts)).get("FORUM_DATASOURCE_POSTS_MAXIMUMPOOLSIZE").asText(),
                "the pool the limit was computed from");
    }

    @ParameterizedTest
    @MethodSource("topologies")
    void theBootstrapRunsOurImageByDigestAndTheDatabaseUrlVerifiesTheServer(Path file) {
        Map<String, String> files = Templates.render(ForumTopologies.topology(file));
        JsonNode bootstrap = Templates.json(files.get("db-bootstrap.json"));
        assertEquals("[^@ ]+@sha256:[0-9a-f]{64}", bootstrap.path("Parameters").path("Image").path("AllowedPattern").asText());
        assertEquals("{\"Ref\":\"Image\"}", bootstrap.path("Resources").path("TaskDefinition").path("Properties")
                .path("ContainerDefinitions").path(0).path("Image").toString());
        String url = Templates.json(files.get("base.json")).path("Outputs").path("DatabaseUrl").path("Value").toString();
        assertTrue(url.contains("?sslmode=verify-full&sslrootcert=/app/rds/global-bundle.pem"), url);
    }
}

package dev.forum.extraction.ecs;

import static dev.forum.extraction.ecs.OwnDatabaseTemplates.getAtt;
import static dev.forum.extraction.ecs.OwnDatabaseTemplates.importOf;
import static dev.forum.extraction.ecs.OwnDatabaseTemplates.postsOwn;
import static dev.forum.extraction.ecs.OwnDatabaseTemplates.resource;
import static dev.forum.extraction.ecs.OwnDatabaseTemplates.template;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The tasks around a service's own database: the service's task, which holds its URL and moved credentials from
 * before the move; the monolith's module sets, which never reach it; the move tasks both ways and the source drop;
 * and the database bootstrap on the own instance.
 */
class OwnDatabaseTasksTest {

    @Test
    void theServicesTaskHoldsTheOwnDatabasesUrlAndCredentialsFromSecretsManagerFromBeforeTheMove() {
        Map<String, String> files = Templates.render(postsOwn());
        JsonNode service = template(files, "service-posts.json");
        JsonNode container = resource(service, "TaskDefinition").path("Properties").path("ContainerDefinitions").path(0);
        assertEquals(importOf("forum-posts-db-DatabaseUrl"), Templates.environment(container).get("FORUM_DATASOURCE_POSTS_MOVED_URL"));
        Map<String, JsonNode> secrets = new HashMap<>();
        container.path("Secrets").forEach(s -> secrets.put(s.path("Name").asText(), s.path("ValueFrom")));
        JsonNode runtime = importOf("forum-base-DatabaseSecretPosts");
        assertEquals(Templates.json("{\"Fn::Join\":[\"\",[" + runtime + ",\":username::\"]]}"),
                secrets.get("FORUM_DATASOURCE_POSTS_MOVED_USERNAME"));
        assertEquals(Templates.json("{\"Fn::Join\":[\"\",[" + runtime + ",\":password::\"]]}"),
                secrets.get("FORUM_DATASOURCE_POSTS_MOVED_PASSWORD"));
        // Least privilege: the execution role reads the module's own two secrets, no admin secret of either instance.
        JsonNode statements = resource(service, "ExecutionRole").path("Properties").path("Policies").path(0)
                .path("PolicyDocument").path("Statement");
        List<JsonNode> secretArns = new ArrayList<>();
        statements.forEach(s -> {
            if (s.path("Action").asText().equals("secretsmanager:GetSecretValue")) {
                s.path("Resource").forEach(secretArns::add);
            }
        });
        assertEquals(List.of(runtime, importOf("forum-base-OwnerSecretPosts")), secretArns);
        assertFalse(resource(service, "TaskRole").path("Properties").has("Policies"), "the application calls no AWS API");

        JsonNode atRest = Templates.json(files.get("taskdefs/posts.json")).path("containerDefinitions").path(0);
        List<String> names = new ArrayList<>();
        atRest.path("secrets").forEach(s -> names.add(s.path("name").asText()));
        assertTrue(names.containsAll(List.of("FORUM_DATASOURCE_POSTS_MOVED_USERNAME", "FORUM_DATASOURCE_POSTS_MOVED_PASSWORD")), names.toString());
        assertTrue(atRest.toString().contains("{\"name\":\"FORUM_DATASOURCE_POSTS_MOVED_URL\",\"value\":\"${OWN_DATABASE_URL}\"}"),
                atRest.toString());
    }

    @Test
    void theMonolithCanWidenWithoutTheModulesOfAServiceWithItsOwnDatabaseAndThenNeverGetsTheirCredentials() {
        JsonNode monolith = template(Templates.render(postsOwn()), "service-monolith.json");
        List<String> sets = new ArrayList<>();
        monolith.path("Parameters").path("LocalModules").path("AllowedValues").forEach(v -> sets.add(v.asText()));
        // Every module (posts' service below 100 %: nothing moved yet), every module but posts (its data may have moved;
        // content takes 50 % of threads, so the narrow set is the same).
        assertEquals(List.of("posts,threads,users", "threads,users"), sets);
        JsonNode narrowed = Templates.resolve(monolith, Map.of("LocalModules", "threads,users"));
        assertFalse(narrowed.toString().contains("SecretPosts"), "no posts credentials without posts: " + narrowed);
        assertFalse(monolith.toString().contains("forum-posts-db"), "the monolith never reaches posts' own database");
        JsonNode widened = Templates.resolve(monolith, Map.of("LocalModules", "posts,threads,users"));
        assertTrue(widened.toString().contains("DatabaseSecretPosts"), "holding posts on the shared database, it has its secrets");

        // Two own databases: each may have moved independently of the other.
        JsonNode two = template(Templates.render(ForumTopologies.topology("""
                services:
                  - { name: monolith, monolith: true }
                  - { name: posts, modules: [posts], database: {} }
                  - { name: accounts, modules: [users], database: {} }
                """)), "service-monolith.json");
        List<String> twoSets = new ArrayList<>();
        two.path("Parameters").path("LocalModules").path("AllowedValues").forEach(v -> twoSets.add(v.asText()));
        assertEquals(List.of("posts,threads,users", "threads,users", "posts,threads", "threads"), twoSets);
    }

    @Test
    void theMoveTasksRunDataMoveBothWaysWithBothAdminSecretsAndTheOwnersOnly() {
        JsonNode own = template(Templates.render(postsOwn()), "database-posts.json");
        JsonNode noImage = Templates.resolve(own, Map.of());
        assertTrue(Templates.ofType(noImage, "AWS::ECS::TaskDefinition").isEmpty(), "no move task without an image");
        JsonNode resolved = Templates.resolve(own, Map.of("MoveImage", "repo@sha256:" + "0".repeat(64)));
        assertEquals(Set.of("MoveTaskPosts", "MoveBackTaskPosts", "DropSourceTaskPosts"),
                Templates.idsOfType(resolved, "AWS::ECS::TaskDefinition").keySet());

        JsonNode sharedAdmin = importOf("forum-base-DatabaseAdminSecret");
        JsonNode ownAdmin = getAtt("Database", "MasterUserSecret.SecretArn");
        JsonNode owner = importOf("forum-base-OwnerSecretPosts");
        JsonNode sharedAt = Templates.json("{\"Fn::Join\":[\"\",[\"shared@\"," + importOf("forum-base-DatabaseHost") + ",\":\","
                + importOf("forum-base-DatabasePort") + ",\"/forum\"]]}");
        JsonNode ownAt = Templates.json("{\"Fn::Join\":[\"\",[\"own@\"," + getAtt("Database", "Endpoint.Address") + ",\":\","
                + getAtt("Database", "Endpoint.Port") + ",\"/forum\"]]}");
        assertMove(resource(resolved, "MoveTaskPosts"), "move", sharedAt, sharedAdmin, ownAt, ownAdmin, owner);
        // A rollback is final: the move back ends with the own copy and its replication dropped.
        assertMove(resource(resolved, "MoveBackTaskPosts"), "move", ownAt, ownAdmin, sharedAt, sharedAdmin, owner,
                "--then-drop-source");
        // The operator's drop of the shared copy after the move: the move's arguments, run by hand (no output lists it).
        assertMove(resource(resolved, "DropSourceTaskPosts"), "drop-source", sharedAt, sharedAdmin, ownAt, ownAdmin, owner);
        assertEquals("forum-posts-move-drop-source-posts",
                resource(resolved, "DropSourceTaskPosts").path("Properties").path("Family").asText());
        assertFalse(resolved.path("Outputs").toString().contains("DropSourceTask"), "deploy.sh never runs the drop");

        JsonNode statements = resource(resolved, "MoveExecutionRole").path("Properties").path("Policies").path(0)
                .path("PolicyDocument").path("Statement");
        List<JsonNode> secretArns = new ArrayList<>();
        statements.forEach(s -> {
            if (s.path("Action").asText().equals("secretsmanager:GetSecretValue")) {
                s.path("Resource").forEach(secretArns::add);
            }
        });
        assertEquals(List.of(sharedAdmin, ownAdmin, owner), secretArns, "exactly the three secrets the move reads");
        assertEquals(2, resolved.path("Outputs").path("MoveTasks").path("Value").path("Fn::Join").size());
        assertEquals("HasMoveImage", own.path("Outputs").path("MoveTasks").path("Condition").asText());
    }

    private static void assertMove(JsonNode task, String verb, JsonNode source, JsonNode sourceSecret, JsonNode target,
            JsonNode targetSecret, JsonNode owner, String... flags) {
        JsonNode container = task.path("Properties").path("ContainerDefinitions").path(0);
        assertEquals(Templates.json("{\"Ref\":\"MoveImage\"}"), container.path("Image"));
        assertEquals(Templates.json("[\"" + verb + "\",\"--module\",\"posts\",\"--source\"," + source + ",\"--source-user\",\"forum_admin\","
                + "\"--target\"," + target + ",\"--target-user\",\"forum_admin\",\"--owner\",\"forum_posts_owner\","
                + "\"--runtime-role\",\"forum_posts\",\"--migrations\",\"classpath:db/migration/posts\","
                + "\"--ssl-root-cert\",\"/app/rds/global-bundle.pem\"" + Arrays.stream(flags).map(f -> ",\"" + f + "\"")
                .collect(Collectors.joining()) + "]"), container.path("Command"));
        Map<String, JsonNode> secrets = new HashMap<>();
        container.path("Secrets").forEach(s -> secrets.put(s.path("Name").asText(), s.path("ValueFrom").path("Fn::Join").path(1).path(0)));
        assertEquals(Map.of("FORUM_MOVE_SOURCE_PASSWORD", sourceSecret, "FORUM_MOVE_TARGET_PASSWORD", targetSecret,
                "FORUM_MOVE_OWNER_PASSWORD", owner), secrets);
        assertTrue(container.path("Environment").isMissingNode(), "no password in the environment: " + container);
        assertTrue(container.path("ReadonlyRootFilesystem").asBoolean() && "65532:65532".equals(container.path("User").asText()));
        assertFalse(task.path("Properties").has("TaskRoleArn"), "the move calls no AWS API");
    }

    @Test
    void theBootstrapMakesTheSameRolesOnTheOwnInstanceWithItsOwnAdminSecret() {
        JsonNode bootstrap = template(Templates.render(postsOwn()), "db-bootstrap.json");
        JsonNode shared = resource(bootstrap, "TaskDefinition").path("Properties").path("ContainerDefinitions").path(0);
        JsonNode own = resource(bootstrap, "TaskDefinitionPosts").path("Properties").path("ContainerDefinitions").path(0);
        Map<String, JsonNode> sharedEnv = Templates.environment(shared);
        Map<String, JsonNode> ownEnv = Templates.environment(own);
        assertEquals(importOf("forum-posts-db-DatabaseHost"), ownEnv.get("PGHOST"));
        assertEquals(importOf("forum-posts-db-DatabasePort"), ownEnv.get("PGPORT"));
        for (String module : List.of("POSTS", "THREADS", "USERS")) {
            assertEquals(sharedEnv.get(module + "_ROLE"), ownEnv.get(module + "_ROLE"), "the same role names");
            assertEquals(sharedEnv.get(module + "_OWNER"), ownEnv.get(module + "_OWNER"));
        }
        assertEquals(sharedEnv.get("POSTS_CONNECTION_LIMIT"), ownEnv.get("POSTS_CONNECTION_LIMIT"));
        assertEquals("1", ownEnv.get("USERS_CONNECTION_LIMIT").asText(), "a module the service does not hold");
        assertEquals("1", ownEnv.get("THREADS_OWNER_CONNECTION_LIMIT").asText());
        assertEquals(Templates.secretNames(shared), Templates.secretNames(own));
        JsonNode ownAdmin = importOf("forum-posts-db-DatabaseAdminSecret");
        assertTrue(own.path("Secrets").toString().contains(ownAdmin.toString()));
        assertFalse(own.path("Secrets").toString().contains(importOf("forum-base-DatabaseAdminSecret").toString()),
                "the own instance's bootstrap never gets the shared admin's password");
        assertEquals("ExecutionRolePosts", resource(bootstrap, "TaskDefinitionPosts").path("Properties").path("ExecutionRoleArn")
                .path("Fn::GetAtt").path(0).asText(), "an execution role of its own");
        assertFalse(resource(bootstrap, "ExecutionRolePosts").toString().contains(importOf("forum-base-DatabaseAdminSecret").toString()));
    }
}

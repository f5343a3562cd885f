package dev.forum.extraction.ecs;

import static dev.forum.extraction.ecs.OwnDatabaseTemplates.postsOwn;
import static dev.forum.extraction.ecs.OwnDatabaseTemplates.resource;
import static dev.forum.extraction.ecs.OwnDatabaseTemplates.template;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forum.extraction.model.ExtractionException;
import dev.forum.topology.ServiceSpec;
import dev.forum.topology.Topology;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A service's own database (issue 16) among the stacks: the shared instance's logical replication in every topology,
 * the own database's stack right after the base's, nothing of it for a topology or a service without the setting,
 * and the names it takes from services.
 */
class OwnDatabaseRenderingTest {

    static Stream<Path> topologies() {
        return ForumTopologies.files();
    }

    @ParameterizedTest
    @MethodSource("topologies")
    void theSharedInstanceHasLogicalReplicationFromItsFirstDeploymentInEveryTopology(Path file) {
        assertLogicalReplication(Templates.render(ForumTopologies.topology(file)));
    }

    @Test
    void theSharedInstanceHasLogicalReplicationWithAnOwnDatabaseToo() {
        assertLogicalReplication(Templates.render(postsOwn()));
    }

    private static void assertLogicalReplication(Map<String, String> files) {
        JsonNode base = template(files, "base.json");
        JsonNode group = resource(base, "DatabaseParameters");
        assertEquals("AWS::RDS::DBParameterGroup", group.path("Type").asText());
        assertEquals("1", group.path("Properties").path("Parameters").path("rds.logical_replication").asText(), group.toString());
        assertEquals("1", group.path("Properties").path("Parameters").path("rds.force_ssl").asText(), "TLS stays forced");
        assertEquals("DatabaseParameters", resource(base, "Database").path("Properties").path("DBParameterGroupName")
                .path("Ref").asText());
    }

    @Test
    void aServiceWithItsOwnDatabaseRendersItsStackAfterTheBaseAndEveryTemplateIsValid() {
        Map<String, String> files = Templates.render(postsOwn());
        List<String> names = List.copyOf(files.keySet());
        assertEquals(List.of("base.json", "database-posts.json", "db-bootstrap.json"), names.subList(0, 3), names.toString());
        List<String> problems = CfnSpec.validator().validate(Templates.cloudFormation(files));
        assertEquals(List.of(), problems, () -> String.join("\n", problems));

        // Two services with databases of their own, with every setting: no logical id or export collides.
        Map<String, String> two = Templates.render(ForumTopologies.topology("""
                edge: { certificate-arn: 'arn:aws:acm:eu-west-1:123456789012:certificate/0a1b2c3d-aaaa-bbbb-cccc-0123456789ab' }
                database: { multi-az: true, pool-size: 4 }
                services:
                  - { name: monolith, monolith: true }
                  - { name: posts, modules: [posts], database: { instance: db.m7g.large, storage: 100 } }
                  - { name: accounts, modules: [users, threads], database: {} }
                """));
        assertTrue(two.containsKey("database-posts.json") && two.containsKey("database-accounts.json"), two.keySet().toString());
        List<String> twoProblems = CfnSpec.validator().validate(Templates.cloudFormation(two));
        assertEquals(List.of(), twoProblems, () -> String.join("\n", twoProblems));
    }

    @ParameterizedTest
    @MethodSource("topologies")
    void aTopologyWithoutTheSettingRendersNoOtherInstanceAndNoMovedCredentials(Path file) {
        Topology topology = ForumTopologies.topology(file);
        if (topology.extracted().stream().anyMatch(ServiceSpec::ownDatabase)) {
            return; // deploy/topologies/posts-own-database.yml has the setting: aServiceWithoutTheSetting... covers it
        }
        assertOnlyTheSharedInstance(Templates.render(topology), Set.of());
    }

    @Test
    void aServiceWithoutTheSettingBesideOneWithItGetsNothingOfIt() {
        Map<String, String> files = Templates.render(postsOwn());
        assertOnlyTheSharedInstance(files, Set.of("database-posts.json", "service-posts.json", "taskdefs/posts.json", "deploy.sh"));
        for (String name : List.of("service-content.json", "service-monolith.json", "taskdefs/content.json", "taskdefs/monolith.json")) {
            assertFalse(files.get(name).contains("forum-posts-db"), name + " refers to posts' own database");
        }
    }

    /** One RDS instance (the base stack's); nothing but {@code allowed} mentions an own database or moved credentials. */
    private static void assertOnlyTheSharedInstance(Map<String, String> files, Set<String> allowed) {
        int instances = 0;
        for (Map.Entry<String, String> file : files.entrySet()) {
            if (file.getKey().endsWith(".json") && !file.getKey().startsWith("taskdefs/")) {
                instances += Templates.ofType(Templates.json(file.getValue()), "AWS::RDS::DBInstance").size();
            }
            if (!allowed.contains(file.getKey())) {
                assertFalse(file.getValue().contains("MOVED_"), file.getKey() + " has moved credentials");
                assertFalse(file.getKey().startsWith("database-"), file.getKey() + " is an own database's stack");
            }
        }
        assertEquals(allowed.isEmpty() ? 1 : 2, instances, "RDS instances rendered");
        assertEquals(!allowed.isEmpty(), files.get("base.json").contains("\"RepositoryName\":\"forum/data-move\""),
                "the data move's image repository exists exactly when a service has a database of its own");
    }

    @Test
    void aServiceCannotTakeANameTheOwnDatabaseOrTheMoveUses() {
        ExtractionException stack = assertThrows(ExtractionException.class, () -> Templates.render(ForumTopologies.topology("""
                services:
                  - { name: monolith, monolith: true }
                  - { name: posts, modules: [posts], database: {} }
                  - { name: posts-db, modules: [threads] }
                """)));
        assertTrue(stack.getMessage().startsWith("topology.yml:4: posts-db: the name 'posts-db' is taken by the stack of the own database of posts"),
                stack.getMessage());
        ExtractionException move = assertThrows(ExtractionException.class, () -> Templates.render(ForumTopologies.topology("""
                services:
                  - { name: monolith, monolith: true }
                  - { name: data-move, modules: [threads] }
                """)));
        assertTrue(move.getMessage().contains("the name 'data-move' is taken by the data move's image repository"), move.getMessage());
    }
}

package dev.forum.extraction.ecs;

import static dev.forum.extraction.ecs.Templates.json;
import static dev.forum.extraction.ecs.Templates.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forum.extraction.model.ExtractionException;
import dev.forum.topology.Topology;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The forum's topologies rendered into ECS stacks: which files, valid against AWS's CloudFormation specification (with
 * every setting too), and what ECS cannot run safely refused.
 */
class EcsRendererTest {

    static Stream<Path> topologies() {
        return ForumTopologies.files();
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

    @Test
    void whatEcsCannotRunSafelyIsRefused() {
        var single = assertThrows(ExtractionException.class, () -> render(ForumTopologies.topology("""
                services:
                  - { name: monolith, monolith: true, count: 1 }
                """)));
        assertTrue(single.getMessage().startsWith("topology.yml:2: monolith: ECS runs at least 2 tasks of a service"), single.getMessage());
        assertEquals(1, single.lines().size(), "one problem alone is its own message");
        var base = assertThrows(ExtractionException.class, () -> render(ForumTopologies.topology("""
                services:
                  - { name: monolith, monolith: true }
                  - { name: base, modules: [posts] }
                """)));
        assertTrue(base.getMessage().contains("the name 'base' is taken by the forum-base stack"), base.getMessage());
    }

    @Test
    void everyProblemOfTheDeploymentIsReportedAtOnceOneLineEach() {
        String twoTasks = "ECS runs at least 2 tasks of a service (one per availability zone, so that a deployment or a lost"
                + " zone never leaves its routes without a task): set count: 2 (and autoscaling min: 2)";
        var e = assertThrows(ExtractionException.class, () -> render(ForumTopologies.topology("""
                services:
                  - { name: monolith, monolith: true, count: 1 }
                  - { name: data-move, modules: [threads] }
                  - { name: posts, modules: [posts], database: {} }
                  - { name: posts-db, modules: [users], count: 1 }
                """)));
        assertEquals(List.of(
                "topology.yml:2: monolith: " + twoTasks,
                "topology.yml:3: data-move: the name 'data-move' is taken by the data move's image repository; rename the service",
                "topology.yml:5: posts-db: the name 'posts-db' is taken by the stack of the own database of posts"
                        + " (forum-posts-db); rename the service",
                "topology.yml:5: posts-db: " + twoTasks), e.lines());
        assertEquals("4 problems in the ECS deployment of topology.yml, one per [extract] line above: fix each before the"
                + " stacks can be rendered", e.summary());
    }

    /**
     * Tags come in one order whatever order their map iterates in (Map.of's changes from one JVM to the next): the same
     * topology renders the same bytes on every build, so a second deployment of it changes no stack.
     */
    @Test
    void tagsComeInTheOrderOfTheirKeysWhateverTheMapsOrder() {
        Map<String, String> reversed = new java.util.LinkedHashMap<>();
        reversed.put("extract:service", "posts");
        reversed.put("extract:app", "forum");
        assertEquals("[{\"Key\":\"Name\",\"Value\":\"forum-posts\"},{\"Key\":\"extract:app\",\"Value\":\"forum\"},"
                + "{\"Key\":\"extract:service\",\"Value\":\"posts\"}]\n", Json.compact(Cfn.tags("forum-posts", reversed)));
    }
}

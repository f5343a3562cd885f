package dev.forum.standin.haproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forum.extraction.ecs.EcsRenderer;
import dev.forum.extraction.ecs.EcsSettings;
import dev.forum.standin.contracts.ModuleContracts;
import dev.forum.standin.support.Checkout;
import dev.forum.topology.ModuleRoute;
import dev.forum.topology.Topology;
import dev.forum.topology.TopologyFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One numbering of rule priorities: for every example topology, the stand-in's HAProxy rules (from the modules it reads
 * by reflection) carry the same priority per module as the ALB's listener rules the {@code ecs} goal renders (from the
 * modules in another order), and HAProxy evaluates them in that order.
 */
class RulePrioritiesUnitTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern USE_BACKEND = Pattern.compile("(?m)^    use_backend rule_(\\d+)_(\\w+) if ");

    static Stream<String> topologies() throws IOException {
        try (Stream<Path> files = Files.list(Checkout.root().resolve("deploy/topologies"))) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".yml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("topologies")
    void the_stand_in_numbers_and_orders_its_rules_as_the_alb_stacks_do(String file) throws IOException {
        Path path = Checkout.root().resolve("deploy/topologies").resolve(file);
        List<ModuleRoute> standInModules = ModuleContracts.onClassPath();
        Topology standIn = Topology.resolve(TopologyFile.read(path), standInModules);
        Topology alb = Topology.resolve(TopologyFile.read(path), standInModules.reversed());

        Map<String, Integer> haproxy = new TreeMap<>();
        List<Integer> evaluated = new ArrayList<>();
        Matcher rule = USE_BACKEND.matcher(HaproxyConfigUnitTest.render(file, java.util.Set.of()));
        while (rule.find()) {
            haproxy.put(rule.group(2), Integer.valueOf(rule.group(1)));
            evaluated.add(Integer.valueOf(rule.group(1)));
        }
        Map<String, Integer> listenerRules = listenerRulePriorities(alb, standInModules);

        assertEquals(listenerRules, haproxy, file + ": priority per module, ALB listener rules vs HAProxy");
        assertEquals(evaluated.stream().sorted().toList(), evaluated, file + ": HAProxy tries the rules in priority order");
        assertEquals(standIn.routingRules().size(), haproxy.size(), file);
        if (!standIn.extracted().isEmpty()) {
            assertFalse(haproxy.isEmpty(), file + " has rules");
        }
    }

    /** Each module's listener rule priority in every service stack the ecs goal renders, by the rule's path patterns. */
    private static Map<String, Integer> listenerRulePriorities(Topology topology, List<ModuleRoute> modules) throws IOException {
        // The forum's own settings, as the plugin's tests use them (ForumTopologies).
        Map<String, String> files = EcsRenderer.render(topology, EcsSettings.defaults("forum", "deploy/images/build-db-bootstrap.sh",
                "../../..", "forum-app", "forum-app/target/services"));
        Map<String, Integer> priorities = new TreeMap<>();
        for (Map.Entry<String, String> entry : files.entrySet()) {
            if (!entry.getKey().startsWith("service-")) {
                continue;
            }
            for (JsonNode resource : JSON.readTree(entry.getValue()).path("Resources")) {
                if (!resource.path("Type").asText().equals("AWS::ElasticLoadBalancingV2::ListenerRule")) {
                    continue;
                }
                JsonNode properties = resource.path("Properties");
                List<String> patterns = new ArrayList<>();
                properties.path("Conditions").forEach(condition -> condition.path("PathPatternConfig").path("Values")
                        .forEach(value -> patterns.add(value.asText())));
                for (ModuleRoute module : modules) {
                    if (patterns.equals(module.patterns().stream().map(p -> p.pattern()).toList())) {
                        priorities.put(module.module(), properties.path("Priority").asInt());
                    }
                }
            }
        }
        return priorities;
    }
}

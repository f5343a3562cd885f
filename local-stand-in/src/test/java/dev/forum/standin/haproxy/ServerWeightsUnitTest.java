package dev.forum.standin.haproxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.forum.topology.PathPattern;
import dev.forum.topology.RoutingRule;
import dev.forum.topology.WeightedTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerWeightsUnitTest {

    private static RoutingRule rule(int monolith, int posts) {
        return new RoutingRule(30, "posts", List.of(new PathPattern("/api/posts"), new PathPattern("/api/posts/*")),
                List.of(new WeightedTarget("monolith", monolith), new WeightedTarget("posts", posts)));
    }

    private static Map<String, List<Endpoint>> instances(int monoliths, int posts) {
        Map<String, List<Endpoint>> instances = new LinkedHashMap<>();
        instances.put("monolith", endpoints("monolith", monoliths));
        instances.put("posts", endpoints("posts", posts));
        return instances;
    }

    private static List<Endpoint> endpoints(String service, int count) {
        List<Endpoint> list = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            list.add(Endpoint.loopback(service, i, 10000 + i));
        }
        return list;
    }

    @Test
    void two_instances_a_side_take_the_rules_weights_as_they_are() {
        assertEquals(Map.of("monolith-1", 90, "monolith-2", 90, "posts-1", 10, "posts-2", 10),
                ServerWeights.of(rule(90, 10), instances(2, 2)));
    }

    @Test
    void a_service_gets_its_share_whatever_its_instance_count() {
        Map<String, Integer> weights = ServerWeights.of(rule(50, 50), instances(2, 3));
        int monolith = weights.get("monolith-1") + weights.get("monolith-2");
        int posts = weights.get("posts-1") + weights.get("posts-2") + weights.get("posts-3");
        assertEquals(monolith, posts);
    }

    @Test
    void weights_stay_within_haproxys_range_and_a_share_above_zero_stays_above_zero() {
        Map<String, List<Endpoint>> instances = new LinkedHashMap<>();
        instances.put("monolith", endpoints("monolith", 5));
        instances.put("posts", endpoints("posts", 7));
        Map<String, Integer> weights = ServerWeights.of(rule(99, 1), instances);
        weights.values().forEach(w -> assertEquals(true, w >= 1 && w <= ServerWeights.MAX, "weight " + w));
    }

    @Test
    void zero_stays_zero() {
        Map<String, Integer> weights = ServerWeights.of(rule(0, 100), instances(2, 2));
        assertEquals(0, weights.get("monolith-1"));
        assertEquals(100, weights.get("posts-2"));
    }

    @Test
    void a_target_without_instances_is_an_error() {
        assertThrows(IllegalArgumentException.class, () -> ServerWeights.of(rule(50, 50), Map.of("monolith", endpoints("monolith", 2))));
    }
}

package dev.forum.standin.haproxy;

import dev.forum.topology.RoutingRule;
import dev.forum.topology.WeightedTarget;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a rule's service weights (out of 100, as an ALB's weighted target groups take them) into HAProxy server
 * weights (0-256 each), so that each service gets its share whatever its instance count: a server's weight is
 * its service's weight divided by the service's instance count (scaled by the counts' least common multiple so
 * that it stays whole). Two instances on each side give the rule's weights unchanged.
 */
public final class ServerWeights {

    static final int MAX = 256;

    private ServerWeights() {
    }

    /** Server name to weight, for every instance of every target of {@code rule}. */
    public static Map<String, Integer> of(RoutingRule rule, Map<String, List<Endpoint>> instances) {
        long lcm = 1;
        for (WeightedTarget target : rule.targets()) {
            lcm = lcm(lcm, count(target.service(), instances));
        }
        Map<String, Double> raw = new LinkedHashMap<>();
        double max = 0;
        for (WeightedTarget target : rule.targets()) {
            List<Endpoint> endpoints = instances.getOrDefault(target.service(), List.of());
            for (Endpoint endpoint : endpoints) {
                double weight = (double) target.weight() * lcm / endpoints.size();
                raw.put(endpoint.name(), weight);
                max = Math.max(max, weight);
            }
        }
        double scale = max > MAX ? MAX / max : 1;
        Map<String, Integer> weights = new LinkedHashMap<>();
        raw.forEach((name, weight) -> {
            int scaled = (int) Math.round(weight * scale);
            weights.put(name, weight > 0 && scaled == 0 ? 1 : scaled);
        });
        return weights;
    }

    private static int count(String service, Map<String, List<Endpoint>> instances) {
        List<Endpoint> endpoints = instances.get(service);
        if (endpoints == null || endpoints.isEmpty()) {
            throw new IllegalArgumentException("service " + service + " is a target of a rule but has no instance");
        }
        return endpoints.size();
    }

    private static long lcm(long a, long b) {
        return a / gcd(a, b) * b;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}

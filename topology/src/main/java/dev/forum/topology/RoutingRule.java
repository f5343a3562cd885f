package dev.forum.topology;

import java.util.List;

/**
 * A load balancer rule for one module held by an extracted service: requests matching {@code patterns} are
 * split between {@code targets} by weight (the weights sum to 100). Routes of modules the monolith holds need
 * no rule: the monolith is the default route.
 *
 * @param priority unique; lower is evaluated first. {@link Topology#priorityOf} the module: fixed by the module's
 *                 name, so a rule keeps its priority when the module moves between services.
 */
public record RoutingRule(int priority, String module, List<PathPattern> patterns, List<WeightedTarget> targets) {

    public RoutingRule {
        patterns = List.copyOf(patterns);
        targets = List.copyOf(targets);
    }

    /** The weight this rule gives to {@code service}; 0 when it is not a target. */
    public int weightOf(String service) {
        return targets.stream().filter(t -> t.service().equals(service)).mapToInt(WeightedTarget::weight).sum();
    }
}

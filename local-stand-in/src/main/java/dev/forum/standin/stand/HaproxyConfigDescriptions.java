package dev.forum.standin.stand;

import dev.forum.topology.RoutingRule;
import dev.forum.topology.WeightedTarget;
import java.util.stream.Collectors;

/** How the step log names a rule's targets: {@code monolith 90 %, posts 10 %}. */
final class HaproxyConfigDescriptions {

    private HaproxyConfigDescriptions() {
    }

    static String targets(RoutingRule rule) {
        return rule.targets().stream().map(HaproxyConfigDescriptions::target).collect(Collectors.joining(", "));
    }

    private static String target(WeightedTarget target) {
        return target.service() + " " + target.weight() + " %";
    }
}

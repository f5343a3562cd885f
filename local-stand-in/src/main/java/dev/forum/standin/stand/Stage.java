package dev.forum.standin.stand;

import dev.forum.topology.ModuleRoute;
import dev.forum.topology.RoutingRule;
import dev.forum.topology.ServiceSpec;
import dev.forum.topology.Topology;
import dev.forum.topology.WeightedTarget;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One state of a running topology: the weights the load balancer applies (those of {@code weights}' routing
 * rules) and, for every service that runs, the modules its processes hold. A topology file describes a stage
 * whose processes hold what the file says; a migration passes through stages a file cannot say, such as "posts
 * takes 100 % but the monolith still holds posts" (the moment before the monolith is reconfigured).
 *
 * <p>A stage never sends a module's traffic to a service whose processes do not hold that module: the
 * constructor refuses it.
 */
public record Stage(String label, Topology weights, Map<String, Set<String>> processes) {

    public Stage {
        processes = copy(processes);
        for (RoutingRule rule : weights.routingRules()) {
            for (WeightedTarget target : rule.targets()) {
                if (target.weight() > 0 && !processes.getOrDefault(target.service(), Set.of()).contains(rule.module())) {
                    throw new IllegalArgumentException("stage '" + label + "' would send " + target.weight() + " % of "
                            + rule.module() + "'s routes to " + target.service() + ", whose processes "
                            + (processes.containsKey(target.service()) ? "do not hold " + rule.module() : "do not run"));
                }
            }
        }
        if (weights.monolithDeployed()) {
            String monolith = weights.monolith().name();
            Set<String> ruled = weights.routingRules().stream().map(RoutingRule::module).collect(Collectors.toSet());
            for (ModuleRoute module : weights.modules()) {
                if (!ruled.contains(module.module()) && !processes.getOrDefault(monolith, Set.of()).contains(module.module())) {
                    throw new IllegalArgumentException("stage '" + label + "': the monolith is the default route for "
                            + module.module() + " but its processes do not hold it");
                }
            }
        }
    }

    /** The stage a topology file describes: every deployed service runs and holds what the file says. */
    public static Stage of(String label, Topology topology) {
        Map<String, Set<String>> processes = new LinkedHashMap<>();
        for (ServiceSpec service : topology.deployedServices()) {
            processes.put(service.name(), topology.localModules(service.name()));
        }
        return new Stage(label, topology, processes);
    }

    /** The weight (out of 100) this stage gives {@code service} on {@code module}'s rule; 0 without a rule. */
    public int weight(String module, String service) {
        return weights.routingRules().stream().filter(rule -> rule.module().equals(module)).findFirst()
                .map(rule -> rule.weightOf(service)).orElse(0);
    }

    public boolean runs(String service) {
        return processes.containsKey(service);
    }

    public Set<String> held(String service) {
        return processes.getOrDefault(service, Set.of());
    }

    private static Map<String, Set<String>> copy(Map<String, Set<String>> processes) {
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        processes.forEach((service, modules) -> copy.put(service, Set.copyOf(new LinkedHashSet<>(modules))));
        return java.util.Collections.unmodifiableMap(copy);
    }

    @Override
    public String toString() {
        return label;
    }
}

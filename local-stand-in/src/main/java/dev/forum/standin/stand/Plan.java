package dev.forum.standin.stand;

import dev.forum.topology.RoutingRule;
import dev.forum.topology.Topology;
import dev.forum.topology.WeightedTarget;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order that keeps every request served while a topology moves from one stage to another:
 *
 * <ol>
 *   <li>start the services that are new, with no weight yet;</li>
 *   <li>give running services the modules they gain (rolling), before any weight moves to them;</li>
 *   <li>shift the weights;</li>
 *   <li>take from running services the modules they lose (rolling), now that no weight goes there;</li>
 *   <li>stop the services that no longer run, now that they take no traffic.</li>
 * </ol>
 *
 * So weight never goes to a process that does not hold the module: rolling back from 100 % first makes the module
 * local in the monolith again, then moves the weights.
 */
public final class Plan {

    private Plan() {
    }

    /** The actions that move a stand-in at {@code from} to {@code to}, in order; empty when they are the same. */
    public static List<Action> between(Stage from, Stage to) {
        List<Action> actions = new ArrayList<>();
        Map<String, Set<String>> now = from.processes();
        to.processes().forEach((service, modules) -> {
            if (!now.containsKey(service)) {
                actions.add(new Action.StartService(service, modules));
            }
        });
        to.processes().forEach((service, modules) -> {
            Set<String> held = now.get(service);
            if (held != null && !held.containsAll(modules)) {
                Set<String> union = new LinkedHashSet<>(held);
                union.addAll(modules);
                actions.add(new Action.Reconfigure(service, union));
            }
        });
        if (!sameWeights(from, to)) {
            actions.add(new Action.Shift(to.weights()));
        }
        to.processes().forEach((service, modules) -> {
            Set<String> held = now.get(service);
            if (held != null && !modules.containsAll(held)) {
                actions.add(new Action.Reconfigure(service, modules));
            }
        });
        now.keySet().forEach(service -> {
            if (!to.processes().containsKey(service)) {
                actions.add(new Action.StopService(service));
            }
        });
        return actions;
    }

    private static boolean sameWeights(Stage from, Stage to) {
        return from.weights().routingRules().equals(to.weights().routingRules());
    }

    /**
     * A stage may only use what HAProxy was configured with: the same rules (priority, module, patterns), each
     * sending to the same services or fewer (a service a rule no longer names gets weight 0 there), and only services
     * it has servers for.
     *
     * @param layout   the topology HAProxy was configured from
     * @param services the services HAProxy has servers for
     * @throws IllegalArgumentException one line naming what {@code target} needs and HAProxy lacks
     */
    static void requireConfigured(Topology layout, Set<String> services, Stage target) {
        List<RoutingRule> have = layout.routingRules();
        List<RoutingRule> want = target.weights().routingRules();
        boolean same = have.size() == want.size();
        for (int i = 0; same && i < have.size(); i++) {
            RoutingRule a = have.get(i);
            RoutingRule b = want.get(i);
            same = a.priority() == b.priority() && a.module().equals(b.module()) && a.patterns().equals(b.patterns())
                    && services(a).containsAll(services(b));
        }
        if (!same) {
            throw new IllegalArgumentException("stage '" + target.label() + "' needs the rules " + describe(want)
                    + " but HAProxy was configured with " + describe(have) + ": start the stand-in from a topology with "
                    + "those services (at traffic 0)");
        }
        for (String service : target.processes().keySet()) {
            if (!services.contains(service)) {
                throw new IllegalArgumentException("stage '" + target.label() + "' runs " + service
                        + ", which the load balancer has no servers for");
            }
        }
    }

    private static List<String> services(RoutingRule rule) {
        return rule.targets().stream().map(WeightedTarget::service).toList();
    }

    private static String describe(List<RoutingRule> rules) {
        return rules.stream().map(r -> r.priority() + " " + r.module() + " -> " + services(r)).toList().toString();
    }
}

package dev.forum.standin.stand;

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
}

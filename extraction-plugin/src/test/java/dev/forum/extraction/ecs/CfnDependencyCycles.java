package dev.forum.extraction.ecs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds dependency cycles between one template's resources. In: resource to the resources it refers to (Ref,
 * Fn::GetAtt, Fn::Sub, DependsOn; {@link CfnIntrinsicChecks#dependencies}). Out: a {@code "dependency cycle: A -> B
 * -> A"} problem at {@code Resources} for each cycle met, through the template's {@link
 * CfnIntrinsicChecks#problem}.
 */
final class CfnDependencyCycles {

    private final Map<String, Set<String>> dependencies;
    private final CfnIntrinsicChecks template;
    private final Map<String, Integer> state = new HashMap<>();

    private CfnDependencyCycles(Map<String, Set<String>> dependencies, CfnIntrinsicChecks template) {
        this.dependencies = dependencies;
        this.template = template;
    }

    /** Reports every cycle in {@code dependencies} (a depth-first walk from each resource) to {@code template}. */
    static void report(Map<String, Set<String>> dependencies, CfnIntrinsicChecks template) {
        CfnDependencyCycles walk = new CfnDependencyCycles(dependencies, template);
        for (String resource : dependencies.keySet()) {
            walk.visit(resource, new ArrayList<>());
        }
    }

    private void visit(String resource, List<String> trail) {
        Integer seen = state.get(resource);
        if (seen != null && seen == 2) {
            return;
        }
        if (seen != null && seen == 1) {
            template.problem("Resources", "dependency cycle: " + String.join(" -> ", trail.subList(trail.indexOf(resource), trail.size()))
                    + " -> " + resource);
            return;
        }
        state.put(resource, 1);
        trail.add(resource);
        for (String next : dependencies.getOrDefault(resource, Set.of())) {
            visit(next, trail);
        }
        trail.remove(trail.size() - 1);
        state.put(resource, 2);
    }
}

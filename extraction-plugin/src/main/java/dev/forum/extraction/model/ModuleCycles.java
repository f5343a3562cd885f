package dev.forum.extraction.model;

import dev.forum.extraction.model.ModulithModel.Dependency;
import dev.forum.extraction.model.ModulithModel.Module;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The cycles among the application's modules, from the dependencies of Spring Modulith's model (every type: a bean, a
 * type reference, an event, an entity). Spring Modulith's {@code ApplicationModules.verify()} rejects them ("Cycle
 * detected"); extraction does not need them gone (a call through an HTTP contract crosses services in either
 * direction), so the report warns, and advises only ways out that extraction accepts ({@link #advice}).
 */
public final class ModuleCycles {

    /**
     * One cycle.
     *
     * @param modules      the modules around it, starting and ending with the first in name order, e.g.
     *                     {@code [shows, tickets, shows]}
     * @param dependencies one dependency per step, as {@code source -> target} class names
     * @param members      every module caught in the same knot of cycles (the cycle's strongly connected component),
     *                     in name order
     * @param advice       how to break it so that extraction still accepts the result ({@link #advice})
     */
    public record Cycle(List<String> modules, List<String> dependencies, List<String> members, String advice) {

        public Cycle {
            modules = List.copyOf(modules);
            dependencies = List.copyOf(dependencies);
            members = List.copyOf(members);
        }

        /** The line the report shows: the cycle with a dependency per step, what Spring Modulith says of it, the advice. */
        public String describe() {
            return "the modules " + String.join(" -> ", modules) + " depend on each other in a cycle ("
                    + String.join("; ", dependencies) + (members.size() > modules.size() - 1 ? "; the knot holds "
                    + String.join(", ", members) : "") + "), which Spring Modulith's ApplicationModules.verify() rejects"
                    + " (\"Cycle detected\"): extraction does not need it gone, but verify() passes only once one of"
                    + " these dependencies goes: " + advice;
        }
    }

    /**
     * How to break a cycle among {@code members} in a way the plugin accepts. Moving a type always works. An event in
     * place of a call also breaks it (the listener then depends on the publisher, not the other way round), but
     * {@link Boundary} refuses to split an event's publisher from its listener ({@code event-across-services}): so the
     * event is advised as such only when an extracted service of the topology file already holds every module of the
     * knot; otherwise the advice says that an event ties the two modules to one service.
     *
     * @param members  the knot's modules
     * @param services the topology file's services ({@link TopologyServices#NONE} without one)
     * @return the end of the cycle's line, after "verify() passes only once one of these dependencies goes: "
     */
    static String advice(List<String> members, TopologyServices services) {
        String move = "move the type it names into the module that uses it, or into a shared module"
                + " (@Modulithic(sharedModules), which runs in every service)";
        Optional<String> holder = services.holder(members.get(0));
        if (holder.isPresent() && members.stream().allMatch(m -> services.holder(m).equals(holder))) {
            return move + "; or let one side publish an event that the other listens to in place of the call: service '"
                    + holder.get() + "' of " + services.path() + " runs " + String.join(", ", members)
                    + " together, so the event stays in one process";
        }
        return move + ". An event in place of a call removes the dependency too, but the plugin refuses to split an"
                + " event's publisher from its listener into two services (event-across-services: this project does not"
                + " carry events across services yet), so choose an event only between modules you keep in one service of "
                + services.path();
    }

    private ModuleCycles() {
    }

    /**
     * @param model the application's modules
     * @return one cycle per knot of modules that depend on each other, in name order of their first module, advised
     *         without a topology file; empty when the modules' dependencies form no cycle
     */
    public static List<Cycle> of(ModulithModel model) {
        return of(model, TopologyServices.NONE);
    }

    /**
     * @param model    the application's modules
     * @param services the topology file's services, which the advice names ({@link TopologyServices#NONE} without one)
     * @return one cycle per knot of modules that depend on each other, in name order of their first module; empty when
     *         the modules' dependencies form no cycle
     */
    public static List<Cycle> of(ModulithModel model, TopologyServices services) {
        // Each module's dependencies on other modules, one example dependency each, all in name order.
        Map<String, Map<String, String>> edges = new TreeMap<>();
        for (Module module : model.modules()) {
            Map<String, String> targets = edges.computeIfAbsent(module.name(), m -> new TreeMap<>());
            for (Dependency dependency : module.dependencies()) {
                if (!dependency.module().equals(module.name()) && model.module(dependency.module()).isPresent()) {
                    targets.putIfAbsent(dependency.module(), dependency.source() + " -> " + dependency.target());
                }
            }
        }
        List<Cycle> cycles = new ArrayList<>();
        for (Set<String> knot : knots(edges)) {
            String first = knot.iterator().next();
            List<String> path = shortestCycle(first, knot, edges);
            List<String> dependencies = new ArrayList<>();
            for (int i = 0; i + 1 < path.size(); i++) {
                dependencies.add(edges.get(path.get(i)).get(path.get(i + 1)));
            }
            cycles.add(new Cycle(path, dependencies, new ArrayList<>(knot), advice(new ArrayList<>(knot), services)));
        }
        return cycles;
    }

    /** The strongly connected components of more than one module (Tarjan's algorithm), each sorted, in order of their first. */
    private static List<Set<String>> knots(Map<String, Map<String, String>> edges) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> knots = new ArrayList<>();
        for (String module : edges.keySet()) {
            if (!index.containsKey(module)) {
                connect(module, edges, index, low, stack, onStack, knots);
            }
        }
        knots.sort((a, b) -> a.iterator().next().compareTo(b.iterator().next()));
        return knots;
    }

    private static void connect(String module, Map<String, Map<String, String>> edges, Map<String, Integer> index,
            Map<String, Integer> low, Deque<String> stack, Set<String> onStack, List<Set<String>> knots) {
        index.put(module, index.size());
        low.put(module, index.get(module));
        stack.push(module);
        onStack.add(module);
        for (String target : edges.getOrDefault(module, Map.of()).keySet()) {
            if (!index.containsKey(target)) {
                connect(target, edges, index, low, stack, onStack, knots);
                low.put(module, Math.min(low.get(module), low.get(target)));
            } else if (onStack.contains(target)) {
                low.put(module, Math.min(low.get(module), index.get(target)));
            }
        }
        if (low.get(module).equals(index.get(module))) {
            Set<String> component = new TreeSet<>();
            String member;
            do {
                member = stack.pop();
                onStack.remove(member);
                component.add(member);
            } while (!member.equals(module));
            if (component.size() > 1) {
                knots.add(component);
            }
        }
    }

    /** The shortest way from {@code start} back to itself inside the knot (breadth first, targets in name order). */
    private static List<String> shortestCycle(String start, Set<String> knot, Map<String, Map<String, String>> edges) {
        Map<String, String> previous = new LinkedHashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            String module = queue.poll();
            for (String target : edges.get(module).keySet()) {
                if (!knot.contains(target)) {
                    continue;
                }
                if (target.equals(start)) {
                    List<String> path = new ArrayList<>(List.of(start));
                    for (String at = module; !at.equals(start); at = previous.get(at)) {
                        path.add(1, at);
                    }
                    path.add(start);
                    return path;
                }
                if (!previous.containsKey(target)) {
                    previous.put(target, module);
                    queue.add(target);
                }
            }
        }
        throw new IllegalStateException("no cycle through " + start + " in " + knot);
    }
}

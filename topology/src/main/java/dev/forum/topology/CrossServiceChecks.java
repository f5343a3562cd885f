package dev.forum.topology;

import dev.forum.closestname.ClosestName;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks of a topology file that span its services: two services with one name, two monoliths, a module listed
 * twice in one service or in two services, and (once the application's modules are known) an unknown module. They run
 * on each service's {@link ServiceOutline}, so a service with a mistake of its own (a wrong {@code memory}) is still
 * checked here and both are reported in one build. "No monolith" is one of them only when the outlines tell whether
 * the file has one (a service with another mistake does, one without a name that is not the monolith too; one with a
 * wrong {@code monolith:}, or the monolith without a name, does not).
 * {@link TopologyCheck} runs them with a file's own mistakes, with the application's modules or, in a build that has not
 * compiled the application yet, without; {@link Topology#resolve} runs them on a file read right.
 */
public final class CrossServiceChecks {

    private CrossServiceChecks() {
    }

    /**
     * Every mistake across the services of one file.
     *
     * @param source   the file's name in messages
     * @param services the file's services that have a name, in the file's order
     * @param modules  the application's modules, each once; {@code null} when not known yet (before the application
     *                 compiles): then a module is not checked to exist
     * @param complete whether {@code services} tell whether the file has a monolith (a file read right, or
     *                 {@link TopologyException#monolithKnown}): only then is a missing monolith a mistake (a service
     *                 with a wrong {@code monolith:}, or the monolith without a name, may be it)
     * @return one line per mistake ({@code <source>:<line>: <what to fix>}, the file as a whole first), sorted by line;
     *         empty when none
     */
    public static List<String> mistakes(String source, List<ServiceOutline> services, List<ModuleRoute> modules,
            boolean complete) {
        TopologyMistakes mistakes = new TopologyMistakes(source);
        check(services, modules == null ? null : modules.stream().map(ModuleRoute::module).toList(), complete, mistakes);
        try {
            mistakes.throwIfAny();
            return List.of();
        } catch (TopologyException e) {
            return e.mistakes();
        }
    }

    /** As {@link #mistakes}, recording into {@code mistakes}; {@code known} null: a module is not checked to exist. */
    static void check(List<ServiceOutline> services, List<String> known, boolean complete, TopologyMistakes mistakes) {
        Set<String> knownSet = known == null ? null : Set.copyOf(known);
        List<String> sortedKnown = known == null ? List.of() : known.stream().sorted().toList();
        String knownNames = String.join(", ", sortedKnown);
        Map<String, ServiceOutline> byName = new HashMap<>();
        Map<String, Integer> holders = new HashMap<>(); // module -> index of the service holding it
        Map<String, Integer> heldOn = new HashMap<>();
        ServiceOutline monolith = null;
        for (int s = 0; s < services.size(); s++) {
            ServiceOutline service = services.get(s);
            ServiceOutline same = byName.putIfAbsent(service.name(), service);
            if (same != null) {
                mistakes.add(service.line(), "two services are named '" + service.name() + "' (the other is on line "
                        + same.line() + "); give each a name of its own");
            }
            if (Boolean.TRUE.equals(service.monolith())) {
                if (monolith != null) {
                    mistakes.add(service.line(), "'" + service.name() + "' and '" + monolith.name() + "' are both "
                            + "marked monolith: true; there is exactly one monolith");
                } else {
                    monolith = service;
                }
                continue; // its modules list is its own mistake: it goes
            }
            for (int i = 0; i < service.modules().size(); i++) {
                // A mistake about one module points at the line where that module's name is written.
                String module = service.modules().get(i);
                int line = service.moduleLine(i);
                if (knownSet != null && !knownSet.contains(module)) {
                    mistakes.add(line, service.name() + ": unknown module '" + module + "'"
                            + ClosestName.hint(module, sortedKnown) + "; the modules are " + knownNames);
                    continue;
                }
                int first = service.modules().indexOf(module);
                if (first < i) {
                    mistakes.add(line, service.name() + ": module '" + module + "' is listed twice (also on line "
                            + service.moduleLine(first) + "); list it once");
                    continue;
                }
                Integer holder = holders.putIfAbsent(module, s);
                if (holder != null) {
                    mistakes.add(line, "module '" + module + "' is in two services, '" + services.get(holder).name()
                            + "' (line " + heldOn.get(module) + ") and '" + service.name() + "'; a module runs in one"
                            + " extracted service");
                } else {
                    heldOn.put(module, line);
                }
            }
        }
        if (monolith == null && complete) {
            mistakes.addToFile("no monolith: mark one service monolith: true (it holds every module not listed elsewhere"
                    + " and is the default route)");
        }
    }
}

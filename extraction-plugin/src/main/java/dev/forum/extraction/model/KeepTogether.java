package dev.forum.extraction.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a blocker between two modules advises keeping them in one service ({@link Boundary#together},
 * {@link Boundary#orTogether}), decided from what ties the two: the modules the blocker's two modules tie together, that
 * is both and every module the blockers tie to them, followed from module to module ({@link Planner#group} started from
 * the two). Not from every module of the request: a service of {@code a} and {@code c} whose blockers tie {@code a} to
 * {@code b} holds every module with {@code b}, but the service {@code a} and {@code b} needs holds no {@code c}, so
 * keeping them together still splits the application, without {@code c}.
 */
final class KeepTogether {

    private final ModulithModel model;
    private final ServiceRequest request;
    private final TopologyServices services;
    private final List<String> group;
    /** Per pair of modules (a set of the two), the modules they tie together, in name order. */
    private final Map<Set<String>, List<String>> tied = new HashMap<>();

    /**
     * @param services the topology file's services ({@link TopologyServices#NONE} without a file)
     * @param group    as {@link Boundary#Boundary}'s: the service's modules and every module its blockers tie them to;
     *                 empty while they are not known (then the advice keeps the two modules and nothing is whole)
     */
    KeepTogether(ModulithModel model, ServiceRequest request, TopologyServices services, List<String> group) {
        this.model = model;
        this.request = request;
        this.services = services;
        this.group = group;
    }

    /**
     * The modules, as a line names them ({@code a, b and c}), when the modules that {@code a} and {@code b} tie together
     * are every module that can be extracted (two or more): a service keeping them together is the monolith, so no
     * split of them is possible while what ties them stays. Empty otherwise, and while the group is not known.
     */
    Optional<String> wholeApplication(String a, String b) {
        return group.isEmpty() || !whole(tied(a, b)) ? Optional.empty() : Optional.of(and(tied(a, b)));
    }

    /**
     * The advice to keep {@code a} and {@code b} in one service ({@code keep a and b in one service: ...}), naming the
     * topology file's service to build or change ({@link TopologyServices#together}). Where the service's group holds every module but what
     * {@code a} and {@code b} tie together does not, the modules of the request outside that are what make it the
     * monolith: the advice names them and keeps the two without them.
     */
    String together(String a, String b) {
        if (group.isEmpty()) {
            return services.together(a, b);
        }
        Set<String> all = new TreeSet<>(group);
        all.add(a);
        all.add(b);
        List<String> tied = tied(a, b);
        if (!whole(all) || whole(tied)) {
            return services.together(a, b, group, request.modules());
        }
        List<String> without = request.modules().stream().filter(m -> !tied.contains(m)).toList();
        List<String> own = request.modules().stream().filter(tied::contains).toList();
        if (without.isEmpty()) {
            return services.together(a, b, tied, own);
        }
        List<String> modules = new ArrayList<>(own);
        tied.stream().filter(m -> !own.contains(m)).forEach(modules::add);
        String held = "[" + String.join(", ", modules) + "]";
        String place = request.topologyService() && services.present()
                ? "make service '" + request.name() + "' of " + services.path() + " hold " + held + ", " + and(without)
                        + " in another service, and build it with -Dextract=" + request.name()
                : "list " + held + " in one service of " + services.path() + ", " + and(without) + " in another, and build"
                        + " that service with -Dextract=<its name>";
        return "keep " + a + " and " + b + " in one service without " + and(without) + ": nothing ties " + and(without)
                + " to them, and a service holding " + (without.size() == 1 ? "it" : "them") + " too would hold every module"
                + " of the application (the monolith); " + place;
    }

    /** The modules {@code a} and {@code b} tie together, in name order, each pair followed once. */
    private List<String> tied(String a, String b) {
        return tied.computeIfAbsent(Set.of(a, b), pair -> List.copyOf(new TreeSet<>(
                Planner.group(model, new ServiceRequest(request.name(), List.of(a, b)), services, Set.of()))));
    }

    private boolean whole(Collection<String> modules) {
        List<String> extractable = model.extractableModules();
        return extractable.size() >= 2 && modules.containsAll(extractable);
    }

    /** {@code a}, {@code a and b}, {@code a, b and c}. */
    static String and(List<String> names) {
        return names.size() <= 1 ? String.join("", names)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}

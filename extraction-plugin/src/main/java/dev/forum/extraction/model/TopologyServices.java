package dev.forum.extraction.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The services of the topology file, as far as planning and its messages need them: which modules each extracted
 * service keeps together. A blocker between two modules then says which service already holds both (build it), or
 * which one to add a module to, instead of advising a service the file already has.
 *
 * @param file      the topology file's name as the report shows it (e.g. {@code topology.yml}); "" without a file
 * @param monolith  the name of its monolith service; "" without a file
 * @param extracted each extracted service's modules, in the file's order
 * @param path      the file to edit as blockers name it: its path, or where the goals look for it when there is none
 *                  ("the topology file" when not known)
 */
public record TopologyServices(String file, String monolith, Map<String, List<String>> extracted, String path) {

    /** No topology file, and no path known: services are named by the modules they hold. */
    public static final TopologyServices NONE = new TopologyServices("", "", Map.of());

    /** A topology file whose path messages show as its name. */
    public TopologyServices(String file, String monolith, Map<String, List<String>> extracted) {
        this(file, monolith, extracted, file.isEmpty() ? "the topology file" : file);
    }

    /** No topology file at {@code expected}, where the goals look for one: blockers say to create it there. */
    public static TopologyServices none(String expected) {
        return new TopologyServices("", "", Map.of(), "a topology file at " + expected);
    }

    public TopologyServices {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        extracted.forEach((service, modules) -> copy.put(service, List.copyOf(modules)));
        extracted = java.util.Collections.unmodifiableMap(copy);
    }

    /** Whether there is a topology file. */
    public boolean present() {
        return !file.isEmpty();
    }

    /** The extracted service that holds {@code module}, if any (a module is in one at most). */
    public Optional<String> holder(String module) {
        return extracted.entrySet().stream().filter(e -> e.getValue().contains(module)).map(Map.Entry::getKey).findFirst();
    }

    /**
     * How to keep two modules in one service, the end of a blocker's line: build the service of the file that holds
     * both; else add the one to the service that holds the other; else list both in a service of the file.
     */
    public String together(String a, String b) {
        String keep = "keep " + a + " and " + b + " in one service: ";
        Optional<String> ofA = holder(a);
        Optional<String> ofB = holder(b);
        if (ofA.isPresent() && ofA.equals(ofB)) {
            return keep + "service '" + ofA.get() + "' of " + path + " holds both; build it with -Dextract=" + ofA.get();
        }
        if (ofA.isPresent() && ofB.isPresent()) {
            return keep + path + " puts them in services '" + ofA.get() + "' and '" + ofB.get() + "': move one of them to"
                    + " the other's service and build that with -Dextract=<its name>";
        }
        if (ofA.isPresent() || ofB.isPresent()) {
            String service = ofA.orElseGet(ofB::get);
            String missing = ofA.isPresent() ? b : a;
            List<String> modules = new ArrayList<>(extracted.get(service));
            modules.add(missing);
            return keep + "add " + missing + " to service '" + service + "' of " + path + " (modules: ["
                    + String.join(", ", modules) + "]) and build it with -Dextract=" + service;
        }
        return keep + "list both in one service of " + path + " (modules: [" + String.join(", ", new TreeSet<>(List.of(a, b)))
                + "]) and build that service with -Dextract=<its name>";
    }

    /**
     * How to keep two modules in one service when the service's blockers tie its modules to more modules than
     * {@code b}: the one service that holds {@code group} (the service's modules and every module its blockers tie them
     * to), so that every blocker of the service advises the same service and one step follows it. The modules are named
     * in one order whatever module the blockers were followed from: a service of the file keeps its own order (the
     * file's), the modules it lacks follow in name order, and so do the modules of a service to list. With nothing
     * beyond {@code a} and {@code b} to hold besides the service's own modules, {@link #together(String, String)}.
     *
     * @param group the service's modules, then every module they must stay with
     * @param own   the service's own modules (part of {@code group})
     */
    public String together(String a, String b, Collection<String> group, Collection<String> own) {
        Set<String> all = new TreeSet<>(group);
        all.add(a);
        all.add(b);
        List<String> others = all.stream().filter(m -> !own.contains(m)).toList();
        if (others.size() <= 1) {
            return together(a, b);
        }
        List<String> extra = all.stream().filter(m -> !m.equals(a) && !m.equals(b) && !own.contains(m)).toList();
        String keep = "keep " + a + " and " + b + " in one service" + (extra.isEmpty() ? "" : ", with " + and(extra) + " too")
                + " (" + and(own.stream().toList()) + " must stay with " + and(others) + ", counting every blocker): ";
        List<String> unheld = all.stream().filter(m -> holder(m).isEmpty()).toList();
        List<String> holding = extracted.keySet().stream().filter(s -> all.stream().anyMatch(m -> s.equals(holder(m).orElse(null))))
                .toList();
        if (holding.size() == 1) {
            String service = holding.get(0);
            if (unheld.isEmpty()) {
                return keep + "service '" + service + "' of " + path + " holds them all; build it with -Dextract=" + service;
            }
            List<String> modules = new ArrayList<>(extracted.get(service));
            modules.addAll(unheld);
            return keep + "add " + and(unheld) + " to service '" + service + "' of " + path + " (modules: ["
                    + String.join(", ", modules) + "]) and build it with -Dextract=" + service;
        }
        if (holding.size() > 1) {
            Set<String> modules = new LinkedHashSet<>();
            holding.forEach(service -> modules.addAll(extracted.get(service)));
            modules.addAll(unheld);
            return keep + path + " puts them in services '" + String.join("', '", holding) + "': make them one"
                    + " service (modules: [" + String.join(", ", modules) + "]) and build that with -Dextract=<its name>";
        }
        return keep + "list them in one service of " + path + " (modules: [" + String.join(", ", all)
                + "]) and build that service with -Dextract=<its name>";
    }

    /** {@code a}, {@code a and b}, {@code a, b and c}. */
    private static String and(List<String> names) {
        if (names.size() <= 1) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}

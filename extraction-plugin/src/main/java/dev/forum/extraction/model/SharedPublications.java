package dev.forum.extraction.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether a plan's processes would share Spring Modulith's event publication table, and the warning lines saying so.
 *
 * <p>The rule: a plan warns when the application's registry is relational (JPA or JDBC: one {@code event_publication}
 * table in the datasource's database), the plan has two processes or more, and at least one of them writes
 * publications. A process writes publications when it runs an event listener together with a module that publishes
 * an event the listener receives ({@link ModulithModel#publishersOf(ModulithModel.Listener)}): the publication is
 * stored when the event is published, in the publisher's process. Every listener counts, as the model does not tell a
 * transactional listener (which gets publications) from a plain one (which does not). A listener in no module runs in
 * every process; so do open, shared and main modules. Every other process of the plan reads those publications too
 * (republish at start, the staleness monitor, {@code IncompleteEventPublications}), even one with no listener at all:
 * that is the process that fails, not finding the event's class. A MongoDB or Neo4j registry gets no warning: the
 * plugin renders no such store, and whether its collections are shared is the user's own deployment.
 */
public final class SharedPublications {

    /** Where the processes run, which decides the advice. */
    public enum Target {
        /** The report: the database is not known. */
        REPORT,
        /** The ecs goal's tasks: one PostgreSQL database, the same {@code SPRING_DATASOURCE_URL} in every task. */
        ECS
    }

    /**
     * @param writers the processes that write publications, in the plan's order
     * @param lines   the warning, several short lines: what is shared, what reads it, what to do
     */
    public record Finding(List<String> writers, List<String> lines) {

        public Finding {
            writers = List.copyOf(writers);
            lines = List.copyOf(lines);
        }
    }

    private SharedPublications() {
    }

    /**
     * @param model     the application's modules and listeners
     * @param registry  the registry found on the run-time class path, with the settings that are on
     * @param about     what the plan is, as the first line names it (e.g. {@code Module 'loans' alone})
     * @param processes each process of the plan (by name, in order) to the modules it holds; the modules that run
     *                  everywhere may be left out
     * @param target    where the processes run
     * @return the warning, empty when the plan does not share the table (see the class comment for the rule)
     */
    public static Optional<Finding> of(ModulithModel model, PublicationRegistry registry, String about,
            Map<String, ? extends java.util.Collection<String>> processes, Target target) {
        if (!registry.kind().relational() || processes.size() < 2) {
            return Optional.empty();
        }
        Set<String> everywhere = model.everywhereModules();
        Map<String, Set<String>> held = new LinkedHashMap<>();
        processes.forEach((name, modules) -> {
            Set<String> all = new TreeSet<>(modules);
            all.addAll(everywhere);
            held.put(name, all);
        });
        List<String> writers = new ArrayList<>();
        held.forEach((name, modules) -> {
            if (model.listeners().stream().anyMatch(listener -> writes(model, listener, modules))) {
                writers.add(name);
            }
        });
        if (writers.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Finding(writers, lines(registry, about, List.copyOf(held.keySet()), writers, target)));
    }

    /** Whether the listener runs in a process holding {@code modules} with a publisher of an event it receives. */
    private static boolean writes(ModulithModel model, ModulithModel.Listener listener, Set<String> modules) {
        Optional<String> home = model.moduleOf(listener.listener()).map(ModulithModel.Module::name);
        if (home.isPresent() && !modules.contains(home.get())) {
            return false;
        }
        return model.publishersOf(listener).values().stream().anyMatch(publishers -> publishers.stream().anyMatch(modules::contains));
    }

    private static List<String> lines(PublicationRegistry registry, String about, List<String> processes,
            List<String> writers, Target target) {
        String kind = registry.kind() == PublicationRegistry.Kind.JPA ? "JPA" : "JDBC";
        List<String> lines = new ArrayList<>();
        lines.add(about + ": " + processes.size() + " processes (" + String.join(", ", processes) + ") with Spring Modulith's "
                + kind + " event publication registry; " + String.join(", ", writers)
                + (writers.size() == 1 ? " stores" : " store") + " event publications.");
        lines.add(target == Target.ECS
                ? "Every task gets the same SPRING_DATASOURCE_URL, and a service's database: moves only its modules' tables:"
                        + " if these processes share one database, they share its event_publication table."
                : "If these processes share one database, they share its event_publication table.");
        lines.add("Each process then reads the others' incomplete publications (marking one complete touches only its own):");
        if (registry.republishes()) {
            String on = settingsOf(registry, s -> s.contains("republish-outstanding-events-on-restart="));
            lines.add("- republish at start is on (" + on + "):");
            lines.add("  a process without an event's class fails to start, one without its listener logs an ERROR at every start;");
        } else {
            lines.add("- republish at start is off: turned on, a process without an event's class would fail to start;");
        }
        if (registry.monitorsStaleness()) {
            String on = settingsOf(registry, s -> s.startsWith(PublicationRegistry.STALENESS_PREFIX));
            lines.add("- the staleness monitor is on (" + on + "):");
            lines.add("  every process marks the others' publications too;");
        } else {
            lines.add("- the staleness monitor (" + PublicationRegistry.STALENESS_PREFIX + "*) is off;");
        }
        lines.add("- IncompleteEventPublications and FailedEventPublications return every process's publications.");
        List<String> keepOff = List.of("keep off, while the table is shared, " + PublicationRegistry.REPUBLISH + ",",
                PublicationRegistry.REPUBLISH_OLD + " and every " + PublicationRegistry.STALENESS_PREFIX + "* setting.");
        if (registry.kind() == PublicationRegistry.Kind.JPA) {
            lines.add("The JPA registry has no setting for a table of its own:");
        } else {
            lines.add((target == Target.ECS ? "Give" : "On PostgreSQL, H2 or HSQLDB give") + " each process a schema of its"
                    + " own with " + PublicationRegistry.JDBC_SCHEMA + " (environment variable SPRING_MODULITH_EVENTS_JDBC_SCHEMA),");
            lines.add("set only once the process's outstanding publications are completed. Until then"
                    + (target == Target.ECS ? ":" : ", and on MySQL, MariaDB, SQL Server or Oracle (where Spring Modulith"
                            + " refuses the setting):"));
        }
        lines.addAll(keepOff);
        return lines;
    }

    /** The settings found on that {@code which} accepts, as {@code key=value, key=value}. */
    private static String settingsOf(PublicationRegistry registry, java.util.function.Predicate<String> which) {
        return String.join(", ", registry.settings().stream().filter(which).toList());
    }
}

package dev.forum.extraction.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which plans' processes would share Spring Modulith's event publication table, and the one warning naming them all
 * (a line per plan, then the explanation and advice once).
 *
 * <p>The rule: a plan warns when the application's registry is relational (JPA or JDBC: one {@code event_publication}
 * table in the datasource's database), the plan has two processes or more, and at least one of them writes
 * publications. A process writes publications when it runs an event listener together with a module that publishes
 * an event the listener receives ({@link ModuleLinks#publishersOf(ModulithModel, ModulithModel.Listener)}): the publication is
 * stored when the event is published, in the publisher's process. Every listener counts, as the model does not tell a
 * transactional listener (which gets publications) from a plain one (which does not). A listener in no module runs in
 * every process; so do open, shared and main modules. Every other process of the plan reads those publications too
 * (republish at start, the staleness monitor, {@code IncompleteEventPublications}), even one with no listener at all:
 * that is the process that, with republish on, fails to start on the JPA registry (the event's class is missing) or
 * skips them with a WARN on the JDBC one ({@link PublicationRegistry} says what Spring Modulith
 * 2.1.1 does). A MongoDB or Neo4j registry gets no warning: the
 * plugin renders no such store, and whether its collections are shared is the user's own deployment.
 */
public final class SharedPublications {

    /** Where the processes run, which decides the advice. */
    public enum Target {
        /** The report: the database is not known. */
        REPORT,
        /**
         * The ecs goal's tasks: one PostgreSQL database, the same {@code SPRING_DATASOURCE_URL} in every task; the monolith
         * counts with every module it may hold while deploy.sh moves traffic.
         */
        ECS
    }

    /**
     * A plan to check: its processes, each by name (in the plan's order) with the modules it holds; the modules that
     * run everywhere may be left out.
     *
     * @param about     what the plan is, as its line of the warning names it (e.g. {@code Module 'loans' alone})
     * @param processes each process's name to its modules
     */
    public record Plan(String about, Map<String, ? extends Collection<String>> processes) {

        public Plan {
            processes = Collections.unmodifiableMap(new LinkedHashMap<>(processes));
        }

        /**
         * The topology file's services as one plan, named {@code Services of <file>} wherever it is checked (the
         * report, the ecs goal).
         *
         * @param file      the topology file's name ({@code topology.yml})
         * @param processes each service's name to its modules, in the file's order
         */
        public static Plan services(String file, Map<String, ? extends Collection<String>> processes) {
            return new Plan("Services of " + file, processes);
        }
    }

    /**
     * A plan whose processes may share the table.
     *
     * @param about     the plan, as {@link Plan#about()}
     * @param processes the plan's processes, in its order
     * @param writers   the processes that store publications, in the plan's order
     */
    public record Sharing(String about, List<String> processes, List<String> writers) {

        public Sharing {
            processes = List.copyOf(processes);
            writers = List.copyOf(writers);
        }
    }

    /**
     * @param plans the plans that share the table, in the order given
     * @param lines the one warning for them all, several short lines: one per plan, then what is shared, what reads it,
     *              what to do (said once)
     */
    public record Finding(List<Sharing> plans, List<String> lines) {

        public Finding {
            plans = List.copyOf(plans);
            lines = List.copyOf(lines);
        }
    }

    private SharedPublications() {
    }

    /**
     * @param model    the application's modules and listeners
     * @param registry the registry found on the run-time class path, with the settings that are on
     * @param plans    the plans to check, in the order their lines are to come
     * @param target   where the processes run
     * @return one warning naming every plan that shares the table (see the class comment for the rule), empty when none
     *         does
     */
    public static Optional<Finding> of(ModulithModel model, PublicationRegistry registry, List<Plan> plans, Target target) {
        if (!registry.kind().relational()) {
            return Optional.empty();
        }
        List<Sharing> sharing = plans.stream().flatMap(plan -> sharing(model, plan).stream()).toList();
        return sharing.isEmpty() ? Optional.empty() : Optional.of(new Finding(sharing, lines(registry, sharing, target)));
    }

    /** The plan's sharing of the table: two processes or more, one of them storing publications. */
    private static Optional<Sharing> sharing(ModulithModel model, Plan plan) {
        if (plan.processes().size() < 2) {
            return Optional.empty();
        }
        Set<String> everywhere = model.everywhereModules();
        List<String> writers = new ArrayList<>();
        plan.processes().forEach((name, modules) -> {
            Set<String> all = new TreeSet<>(modules);
            all.addAll(everywhere);
            if (model.listeners().stream().anyMatch(listener -> writes(model, listener, all))) {
                writers.add(name);
            }
        });
        return writers.isEmpty() ? Optional.empty()
                : Optional.of(new Sharing(plan.about(), List.copyOf(plan.processes().keySet()), writers));
    }

    /** Whether the listener runs in a process holding {@code modules} with a publisher of an event it receives. */
    private static boolean writes(ModulithModel model, ModulithModel.Listener listener, Set<String> modules) {
        Optional<String> home = model.moduleOf(listener.listener()).map(ModulithModel.Module::name);
        if (home.isPresent() && !modules.contains(home.get())) {
            return false;
        }
        return ModuleLinks.publishersOf(model, listener).values().stream().anyMatch(publishers -> publishers.stream().anyMatch(modules::contains));
    }

    private static List<String> lines(PublicationRegistry registry, List<Sharing> plans, Target target) {
        String kind = registry.kind() == PublicationRegistry.Kind.JPA ? "JPA" : "JDBC";
        boolean ecs = target == Target.ECS;
        List<String> lines = new ArrayList<>();
        lines.add((plans.size() == 1 ? "A plan runs" : plans.size() + " plans run") + " the application in processes that"
                + (ecs ? " share" : " may share") + " Spring Modulith's " + kind + " event publication table:");
        for (Sharing plan : plans) {
            lines.add("- " + plan.about() + ": " + String.join(", ", plan.processes()) + "; " + String.join(", ", plan.writers())
                    + (plan.writers().size() == 1 ? " stores" : " store") + " event publications.");
        }
        if (ecs) {
            lines.add("Every task gets the same SPRING_DATASOURCE_URL, and a service's `database:` moves only its modules' tables:"
                    + " these processes share one database and its event_publication table");
            lines.add("(the monolith's too, holding up to every module: deploy.sh widens it while it moves traffic, or"
                    + " retires it after).");
        } else {
            lines.add("If a plan's processes share one database, they share its event_publication table.");
        }
        lines.add("Each process then reads, and marks, the others' publications:");
        // What republishing does to another process's publication (Spring Modulith 2.1.1): the JPA registry fails to
        // read a row whose event class is missing, the JDBC registry skips it with a WARN; a known event without its
        // listener here is logged as an ERROR and marked failed.
        String republishing = (registry.kind() == PublicationRegistry.Kind.JPA
                ? "a process without an event's class fails to start"
                : "a process without an event's class skips it with a WARN")
                + ", one without its listener logs an ERROR and marks it failed;";
        if (registry.republishes()) {
            boolean sure = registry.surelyRepublishes();
            lines.addAll(wrapped("- republish at start " + (sure ? "is" : "may be") + " on ("
                    + String.join(", ", registry.republishing()) + "):"));
            lines.addAll(wrapped("  " + (sure ? "" : MAY_BE_ON) + republishing));
        } else {
            lines.addAll(wrapped("- republish at start is not on in " + registry.read() + ";"));
            lines.add("  turned on, " + republishing);
        }
        if (registry.monitorsStaleness()) {
            boolean sure = registry.surelyMonitorsStaleness();
            lines.addAll(wrapped("- the staleness monitor " + (sure ? "is" : "may be") + " on ("
                    + String.join(", ", registry.staleness()) + "):"));
            lines.add("  " + (sure ? "" : MAY_BE_ON) + "every process marks the others' stale publications failed;");
        } else {
            lines.add("- no staleness monitor there (" + PublicationRegistry.STALENESS_PREFIX + "published, processing or resubmitted);");
        }
        lines.add("- IncompleteEventPublications and FailedEventPublications, when called, resubmit every process's"
                + " publications, as republish does.");
        lines.add("Completing one matches the event and the listener's id: a process completes another's only for a"
                + " listener both run.");
        List<String> keepOff = List.of("keep off, while the table is shared, " + PublicationRegistry.REPUBLISH + ",",
                PublicationRegistry.REPUBLISH_OLD + " and " + PublicationRegistry.STALENESS_PREFIX
                        + "published, processing and resubmitted.");
        if (registry.kind() == PublicationRegistry.Kind.JPA) {
            lines.add("The JPA registry has no setting for a table of its own:");
        } else if (ecs) {
            // A service's own variables are the topology file's environment: (ServiceEnvironment), which the ecs goal
            // renders into that service's task definitions.
            lines.add("Give each service a schema of its own with " + PublicationRegistry.JDBC_SCHEMA + ": in the topology"
                    + " file, under each service, environment: {SPRING_MODULITH_EVENTS_JDBC_SCHEMA: <schema>},");
            lines.add("which the ecs goal renders into that service's task definition (its stack template and"
                    + " taskdefs/<service>.json),");
            lines.add("set only once the service's outstanding publications are completed. Until then:");
        } else {
            lines.add("On PostgreSQL, H2 or HSQLDB give each process a schema of its own with " + PublicationRegistry.JDBC_SCHEMA
                    + " (environment variable SPRING_MODULITH_EVENTS_JDBC_SCHEMA),");
            lines.add("set only once the process's outstanding publications are completed. Until then, and on MySQL,"
                    + " MariaDB, SQL Server or Oracle (where Spring Modulith refuses the setting):");
        }
        lines.addAll(keepOff);
        return lines;
    }

    /**
     * What a setting that may be on ({@link PublicationRegistry#UNKNOWN}: a placeholder the environment would have to
     * set) says before what it does.
     */
    private static final String MAY_BE_ON = "check what the environment sets for it; if on, ";

    /** The longest line a finding has, in characters; a longer one is wrapped. */
    private static final int WIDTH = 160;

    /** {@code line} in lines of at most {@value #WIDTH} characters, broken at spaces, the rest indented by two. */
    private static List<String> wrapped(String line) {
        List<String> lines = new ArrayList<>();
        String rest = line;
        while (rest.length() > WIDTH) {
            int space = rest.lastIndexOf(' ', WIDTH);
            if (space <= 2) {
                break;
            }
            lines.add(rest.substring(0, space));
            rest = "  " + rest.substring(space + 1);
        }
        lines.add(rest);
        return lines;
    }
}

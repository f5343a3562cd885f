package dev.forum.topology;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One service as the topology file describes it.
 *
 * @param name      the service's name: lower-case, used in stack, image and log names
 * @param monolith  whether this is the monolith, which holds every module not held at 100 % elsewhere and
 *                  takes every route no other service takes
 * @param modules   the modules an extracted service holds (empty for the monolith)
 * @param sizing    the size of one task
 * @param count     the number of tasks to run
 * @param autoscaling bounds for the task count
 * @param traffic   for an extracted service, the share (0-100) of its modules' routes it takes; the monolith
 *                  takes the rest and keeps the modules local until this reaches 100
 * @param line      the line of the file where the service starts, for messages
 * @param database  the service's own database, or {@code null}: its modules stay in the shared database
 * @param moduleLines the line where each of {@code modules} is written, in the same order, for messages about one
 *                  module; empty when not known (a service not read from a file): those messages then give {@code line}
 * @param environment the service's own environment variables ({@code environment:}), name to value in the file's
 *                  order, which its deployed tasks get besides those the deployment sets itself; empty when none
 */
public record ServiceSpec(String name, boolean monolith, List<String> modules, Sizing sizing, int count,
        Autoscaling autoscaling, int traffic, int line, OwnDatabase database, List<Integer> moduleLines,
        Map<String, String> environment) {

    public ServiceSpec {
        modules = List.copyOf(modules);
        moduleLines = List.copyOf(moduleLines);
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        if (!moduleLines.isEmpty() && moduleLines.size() != modules.size()) {
            throw new IllegalArgumentException("service " + name + " has " + modules.size() + " modules but "
                    + moduleLines.size() + " module lines");
        }
    }

    /** A service without environment variables of its own. */
    public ServiceSpec(String name, boolean monolith, List<String> modules, Sizing sizing, int count,
            Autoscaling autoscaling, int traffic, int line, OwnDatabase database, List<Integer> moduleLines) {
        this(name, monolith, modules, sizing, count, autoscaling, traffic, line, database, moduleLines, Map.of());
    }

    /** A service whose modules' lines are not known: messages about a module give the service's line. */
    public ServiceSpec(String name, boolean monolith, List<String> modules, Sizing sizing, int count,
            Autoscaling autoscaling, int traffic, int line, OwnDatabase database) {
        this(name, monolith, modules, sizing, count, autoscaling, traffic, line, database, List.of());
    }

    /** A service whose modules stay in the shared database. */
    public ServiceSpec(String name, boolean monolith, List<String> modules, Sizing sizing, int count,
            Autoscaling autoscaling, int traffic, int line) {
        this(name, monolith, modules, sizing, count, autoscaling, traffic, line, null);
    }

    /** The line where the {@code index}-th of {@link #modules()} is written, or the service's line when not known. */
    public int moduleLine(int index) {
        return moduleLines.isEmpty() ? line : moduleLines.get(index);
    }

    /** Whether the service's modules have a database of their own. */
    public boolean ownDatabase() {
        return database != null;
    }
}

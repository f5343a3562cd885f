package dev.forum.topology;

import java.util.List;

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
 */
public record ServiceSpec(String name, boolean monolith, List<String> modules, Sizing sizing, int count,
        Autoscaling autoscaling, int traffic, int line, OwnDatabase database) {

    public ServiceSpec {
        modules = List.copyOf(modules);
    }

    /** A service whose modules stay in the shared database. */
    public ServiceSpec(String name, boolean monolith, List<String> modules, Sizing sizing, int count,
            Autoscaling autoscaling, int traffic, int line) {
        this(name, monolith, modules, sizing, count, autoscaling, traffic, line, null);
    }

    /** Whether the service's modules have a database of their own. */
    public boolean ownDatabase() {
        return database != null;
    }
}

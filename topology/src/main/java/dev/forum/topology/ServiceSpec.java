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
 */
public record ServiceSpec(String name, boolean monolith, List<String> modules, Sizing sizing, int count,
        Autoscaling autoscaling, int traffic, int line) {

    public ServiceSpec {
        modules = List.copyOf(modules);
    }
}

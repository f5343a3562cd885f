package dev.forum.topology;

import java.util.List;

/**
 * The parts of one service of a topology file that the checks across services need ({@link CrossServiceChecks}): its
 * name, whether it is the monolith and its modules, each with its line. A service with a mistake of its own (a wrong
 * {@code memory}, a misspelt key) has no {@link ServiceSpec}, but its readable parts still have an outline, so that an
 * unknown module or a module in two services is reported in the same build as that mistake.
 *
 * @param name        the service's name as written (also when it breaks the naming rule: it still names the service)
 * @param line        the line where the service starts
 * @param monolith    whether it is the monolith; {@code null} when that could not be read ({@code monolith: yes},
 *                    a misspelt key): then "no monolith" is not reported, and its modules are still checked as an
 *                    extracted service's (TopologyMistakesUnitTest: both mistakes in one round)
 * @param modules     its modules as written, each one read right (a wrong name is left out); empty when there are
 *                    none or the list could not be read
 * @param moduleLines the line of each of {@code modules}, in the same order; empty when not known (then {@code line})
 */
public record ServiceOutline(String name, int line, Boolean monolith, List<String> modules, List<Integer> moduleLines) {

    public ServiceOutline {
        modules = List.copyOf(modules);
        moduleLines = List.copyOf(moduleLines);
        if (!moduleLines.isEmpty() && moduleLines.size() != modules.size()) {
            throw new IllegalArgumentException("service " + name + " has " + modules.size() + " modules but "
                    + moduleLines.size() + " module lines");
        }
    }

    /** The outline of a service read right: all of it is known. */
    public static ServiceOutline of(ServiceSpec service) {
        return new ServiceOutline(service.name(), service.line(), service.monolith(), service.modules(),
                service.moduleLines());
    }

    /** The line where the {@code index}-th of {@link #modules()} is written, or the service's line when not known. */
    public int moduleLine(int index) {
        return moduleLines.isEmpty() ? line : moduleLines.get(index);
    }
}

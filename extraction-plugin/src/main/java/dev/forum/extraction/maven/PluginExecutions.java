package dev.forum.extraction.maven;

import dev.forum.extraction.request.ExtractRequests;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * What a build's POMs bind of this plugin: which goals its executions run, and a setting one goal gets from them. A
 * goal can then tell what another will do in the same build: the modules goal that {@code -Dextract} builds nothing
 * without an execution of the service goal, the ecs goal which files the service goal puts into the images.
 */
final class PluginExecutions {

    static final String SERVICE_GOAL = "service";

    private PluginExecutions() {
    }

    /**
     * Whether the build runs {@code goal} of the plugin: an execution of it in one of the projects' POMs, or the goal
     * on the command line ({@code extract:service}, {@code dev.forum:extraction-maven-plugin[:version]:service}).
     *
     * @param plugins  the build plugins of each project of the build
     * @param cliGoals the goals and phases on the command line
     */
    static boolean runs(String groupId, String artifactId, String prefix, String goal, Collection<List<Plugin>> plugins,
            List<String> cliGoals) {
        for (String cli : cliGoals) {
            String[] parts = cli.split(":");
            if (parts.length >= 2 && parts[parts.length - 1].equals(goal)
                    && (parts.length == 2 ? parts[0].equals(prefix) : parts[0].equals(groupId) && parts[1].equals(artifactId))) {
                return true;
            }
        }
        return plugins.stream().flatMap(List::stream).filter(p -> isThis(p, groupId, artifactId))
                .flatMap(p -> p.getExecutions().stream()).anyMatch(e -> e.getGoals().contains(goal));
    }

    /** The lifecycle phases that run {@code package}, where the service goal builds. */
    private static final Set<String> PACKAGING = Set.of("package", "pre-integration-test",
            "integration-test", "post-integration-test", "verify", "install", "deploy");

    /** Whether the command line runs the lifecycle up to {@code package} or beyond (not only, say, compile and a goal). */
    static boolean packages(List<String> cliGoals) {
        return cliGoals.stream().anyMatch(PACKAGING::contains);
    }

    /** Every goal the plugin's executions in {@code plugins} run, in name order. */
    static List<String> boundGoals(String groupId, String artifactId, List<Plugin> plugins) {
        TreeSet<String> goals = new TreeSet<>();
        plugins.stream().filter(p -> isThis(p, groupId, artifactId)).flatMap(p -> p.getExecutions().stream())
                .forEach(e -> goals.addAll(e.getGoals()));
        return new ArrayList<>(goals);
    }

    /**
     * The refusal of a build asked to extract ({@code -Dextract}, {@code -Pextract=}) in which nothing would: no
     * execution of the service goal, which builds the services at {@code package}; one line naming the goal to add.
     *
     * @param requested    the names requested; empty: nothing to refuse
     * @param serviceRuns  whether the build runs the service goal ({@link #runs})
     * @param boundGoals   the goals this project's executions of the plugin run
     * @param pom          this project's POM, as the message names it
     * @return the line, or empty when the service goal runs or nothing is requested
     */
    static Optional<String> missingServiceGoal(List<ExtractRequests.Requested> requested, boolean serviceRuns,
            List<String> boundGoals, String pom) {
        if (requested.isEmpty() || serviceRuns) {
            return Optional.empty();
        }
        return Optional.of(requested.get(0).source() + " builds nothing: the build has no execution of the extraction"
                + " plugin's service goal, which builds the services at package (the plugin's executions in " + pom
                + " run only " + String.join(", ", boundGoals) + "): add <goal>" + SERVICE_GOAL + "</goal> to its <goals>"
                + (boundGoals.isEmpty() ? "" : ", beside <goal>" + boundGoals.get(0) + "</goal>"));
    }

    /**
     * The value {@code goal}'s executions of the plugin give {@code parameter} in its POM configuration (an
     * execution's own, else the plugin's), when one sets it.
     */
    static Optional<String> configured(String groupId, String artifactId, String goal, String parameter, List<Plugin> plugins) {
        for (Plugin plugin : plugins) {
            if (!isThis(plugin, groupId, artifactId)) {
                continue;
            }
            for (PluginExecution execution : plugin.getExecutions()) {
                if (execution.getGoals().contains(goal)) {
                    Optional<String> own = value(execution.getConfiguration(), parameter);
                    if (own.isPresent()) {
                        return own;
                    }
                }
            }
            return value(plugin.getConfiguration(), parameter);
        }
        return Optional.empty();
    }

    private static Optional<String> value(Object configuration, String parameter) {
        if (configuration instanceof Xpp3Dom dom && dom.getChild(parameter) != null && dom.getChild(parameter).getValue() != null
                && !dom.getChild(parameter).getValue().isBlank()) {
            return Optional.of(dom.getChild(parameter).getValue().trim());
        }
        return Optional.empty();
    }

    private static boolean isThis(Plugin plugin, String groupId, String artifactId) {
        return groupId.equals(plugin.getGroupId()) && artifactId.equals(plugin.getArtifactId());
    }
}

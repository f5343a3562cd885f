package dev.forum.extraction.maven;

import dev.forum.extraction.ecs.DatabaseClients;
import dev.forum.extraction.ecs.EcsRenderer;
import dev.forum.topology.TopologyFile;
import dev.forum.topology.TopologySpec;
import java.util.List;
import java.util.function.Function;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.lifecycle.LifecycleExecutor;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.PluginParameterExpressionEvaluator;
import org.apache.maven.project.MavenProject;

/**
 * The ecs goal's own checks of the topology file ({@link EcsRenderer#mistakes(TopologySpec, DatabaseClients, boolean, String,
 * boolean, boolean)}: a name taken by a stack, fewer than 2 tasks, a database of its own without
 * {@code moduleDatabases}, a {@code database:} section without a database client, a service's environment variable the
 * goal sets itself), and its settings that need no class ({@link EcsParameters}), made by the goals that read the file
 * before it, so that a build running the ecs goal learns them with the file's own mistakes in one run rather than after
 * fixing those: without them, {@code package extract:ecs} stops at the modules goal ({@code process-classes}) on the
 * file's mistakes and names an ECS one only in the next run. None of these checks needs a compiled class.
 *
 * @param runs           whether this build runs the ecs goal (not skipped) after the goal asking
 * @param database       how the application reads a database ({@link TaskNeeds#clients}); null
 *                       when not known yet (before dependencies are resolved): the checks that need it are left to
 *                       the goals that know it
 * @param settingsPrefix the ecs goal's {@code settingsPrefix}, or null for its default (the topology's name)
 * @param tokens         whether its {@code tokenIssuerModule} is set: a service's own token variables are then refused
 * @param parameters     the ecs goal's settings as its execution in this build has them; null when it does not run
 */
record EcsChecksAhead(boolean runs, DatabaseClients database, String settingsPrefix, boolean tokens, EcsParameters parameters) {

    /** No ecs goal in this build: nothing to check ahead. */
    static final EcsChecksAhead NONE = new EcsChecksAhead(false, null, null, false, null);

    /**
     * The ecs goal's execution in this build's plan ({@link TopologyInUse#plan}) when it runs and is not skipped, with
     * the settings its checks of the file read, evaluated as Maven will configure that execution.
     *
     * @param self     the asking goal's run: the plugin whose ecs goal is looked for
     * @param resolved whether the asking goal has the project's dependencies resolved (else {@link #database} is unknown)
     * @throws IllegalStateException a plan Maven cannot make (it made the same to start this build)
     */
    static EcsChecksAhead of(MavenSession session, MojoExecution self, LifecycleExecutor lifecycle, MavenProject project,
            boolean resolved) {
        var plugin = self.getMojoDescriptor().getPluginDescriptor();
        Optional<MojoExecution> ecs = TopologyInUse.plan(session, lifecycle).stream()
                .filter(execution -> plugin.getGroupId().equals(execution.getGroupId())
                        && plugin.getArtifactId().equals(execution.getArtifactId()) && "ecs".equals(execution.getGoal()))
                .filter(execution -> !TopologyInUse.skipped(execution,
                        new PluginParameterExpressionEvaluator(session, execution)))
                .findFirst();
        if (ecs.isEmpty()) {
            return NONE;
        }
        var evaluator = new PluginParameterExpressionEvaluator(session, ecs.get());
        Function<String, Object> parameter = name -> TopologyInUse.parameter(ecs.get(), evaluator, name);
        Object prefix = parameter.apply("settingsPrefix");
        Object issuer = parameter.apply("tokenIssuerModule");
        return new EcsChecksAhead(true, resolved ? TaskNeeds.clients(RuntimeLibraries.packed(project)) : null,
                prefix == null || prefix.toString().isBlank() ? null : prefix.toString().trim(),
                issuer != null && !issuer.toString().isBlank(), EcsParameters.of(parameter));
    }

    /**
     * The ecs goal's mistakes of the file as written, as it will report them.
     *
     * @param spec the file's services read right, or null for a file that is no topology at all
     * @return one line per mistake, {@code <source>:<line>: <service>: <what to fix>}; empty when the ecs goal does not
     *         run in this build, or finds nothing
     */
    List<String> mistakes(TopologySpec spec) {
        if (!runs || spec == null) {
            return List.of();
        }
        String prefix = settingsPrefix == null ? spec.name() : settingsPrefix;
        // Database unknown (null): the checks that need it find nothing.
        return EcsRenderer.mistakes(spec, database, parameters.moduleDatabases(), prefix, parameters.profile() != null,
                tokens);
    }

    /**
     * The ecs goal's refusals of its settings that need no class ({@link EcsParameters#refusals}), as it will report
     * them after the file's.
     *
     * @param spec the file's services read right (its name is the settings' prefix by default), or null
     * @return one line per wrong setting; empty when the ecs goal does not run in this build, or all are right
     */
    List<String> settings(TopologySpec spec) {
        if (!runs) {
            return List.of();
        }
        String prefix = settingsPrefix != null ? settingsPrefix : spec != null ? spec.name() : TopologyFile.DEFAULT_NAME;
        return parameters.refusals(prefix, database);
    }
}

package dev.forum.extraction.maven;

import dev.forum.extraction.model.ExtractionException;
import dev.forum.topology.ServiceOutline;
import dev.forum.topology.TopologyCheck;
import dev.forum.topology.TopologyException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.lifecycle.LifecycleExecutor;
import org.apache.maven.lifecycle.MavenExecutionPlan;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.PluginParameterExpressionEvaluator;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluationException;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluator;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * The topology file as the {@code check-request} goal sees it at {@code validate}, before anything compiles: whether
 * this build uses it ({@link #inUse}), and its own mistakes, those that need no module of the application
 * ({@link #written}). One rule for every build: a file in use is refused for them there, not by a later goal after
 * compiling; a file no goal of the build reads is left alone.
 */
final class TopologyInUse {

    private TopologyInUse() {
    }

    /**
     * A topology file read before the application's modules are known, every mistake of its own kept.
     *
     * @param source   the file as its messages name it
     * @param services every named service's readable parts, also of a service with a mistake of its own
     * @param mistakes the file's own mistakes, one line each in the file's order: what it says wrong in itself, and
     *                 the checks across its services that need no module of the application (a module in two
     *                 services, two monoliths, no monolith, two services with one name)
     * @param read     whether the file was read as a topology at all; false for a file that is empty, not YAML or not
     *                 a mapping, whose services are then unknown (not none)
     */
    record Written(String source, List<ServiceOutline> services, List<String> mistakes, boolean read) {

        /** The mistakes as one refusal, as {@link TopologyLocation#read} gives them: a line alone, or a line counting several. */
        ExtractionException refusal() {
            return new ExtractionException(new TopologyException(source, mistakes).getMessage());
        }
    }

    /**
     * The topology file as written, checked on its own before the application's modules are known (at
     * {@code validate}), when it is there; else null. Whatever of it needs the modules (an unknown module, one that
     * runs in every service) is checked later, by {@link TopologyLocation#check}.
     *
     * @param ecs the ecs goal's checks of the file when this build runs it ({@link EcsChecksAhead#NONE} when not),
     *            asked only when the file is there
     * @throws ExtractionException as {@link TopologyLocation#optional}: a file named in the settings that is not there
     */
    static Written written(String setting, MavenProject project, MavenSession session, Log log,
            Supplier<EcsChecksAhead> ecs) {
        Path file = TopologyLocation.existing(setting, project, session, log);
        return file == null ? null : written(file, TopologyLocation.defaultName(project), ecs.get());
    }

    /**
     * As {@link #written(String, MavenProject, MavenSession, Log, Supplier)}, for a file that is there.
     *
     * @param defaultName the topology's name when the file has no {@code name:}
     * @param ecs         the ecs goal's checks of the file when this build runs it ({@link EcsChecksAhead#NONE} when
     *                    not): its mistakes are the file's, in the file's order, and when there is any, its settings'
     *                    refusals follow them, so that one run names them all
     */
    static Written written(Path file, String defaultName, EcsChecksAhead ecs) {
        TopologyCheck check = TopologyCheck.of(file, defaultName);
        List<String> mistakes = new ArrayList<>(check.mistakes(null));
        mistakes.addAll(ecs.mistakes(check.spec()));
        List<String> all = new ArrayList<>(TopologyCheck.byLine(check.source(), mistakes));
        if (!all.isEmpty()) {
            all.addAll(ecs.settings(check.spec())); // after the file's, as the ecs goal gives them
        }
        return new Written(check.source(), check.services(), all, check.read());
    }

    /** The goals that read the topology file whenever it is there, whatever is requested. */
    static final List<String> READING_GOALS = List.of("modules", "report", "ecs");

    /**
     * Whether this build uses the topology file, so that the {@code check-request} goal refuses its own mistakes at
     * {@code validate} rather than a later goal after compiling. It does when a service is requested
     * ({@code -Dextract}, {@code -Pextract=}: the service goal reads it), or when a goal that reads it whatever is
     * requested ({@link #READING_GOALS}) will run in this project's build and is not skipped: Maven's execution plan for
     * the build's goals and phases ({@link #tasks}: the command line's, else the POM's default goal) holds it (named
     * there, or bound in the POM to a phase at or before their last, as {@code mvn test} runs the {@code modules} goal
     * bound at {@code process-classes}), and its {@code skip} parameter, if it has one, is not true ({@link #skipped}). Else a
     * file at the default location is not this build's business: plain {@code mvn compile} of an application binding
     * the ecs goal, or {@code mvn package} of one binding only the service goal, ignores it.
     *
     * @param requested whether a service is requested
     * @param self      this goal's run: the plugin whose goals are looked for
     * @throws IllegalStateException a plan Maven cannot make ({@link LifecycleExecutor#calculateExecutionPlan}; it
     *                               made the same to start this build)
     */
    static boolean inUse(boolean requested, MavenSession session, MojoExecution self, LifecycleExecutor lifecycle) {
        if (requested) {
            return true;
        }
        PluginDescriptor plugin = self.getMojoDescriptor().getPluginDescriptor();
        return reads(plan(session, lifecycle), plugin.getGroupId(), plugin.getArtifactId(),
                execution -> new PluginParameterExpressionEvaluator(session, execution));
    }

    /**
     * The executions this project's build runs, as Maven plans them for the build's goals and phases ({@link #tasks}),
     * each configured as Maven will run it.
     *
     * @throws IllegalStateException a plan Maven cannot make ({@link LifecycleExecutor#calculateExecutionPlan}; it
     *                               made the same to start this build)
     */
    static List<MojoExecution> plan(MavenSession session, LifecycleExecutor lifecycle) {
        List<String> tasks = tasks(session);
        MavenExecutionPlan plan;
        try {
            // Setup on: only a set-up plan holds each execution's finalized configuration, the goal's default
            // <skip>${extract.report.skip}</skip> included, which skipped() evaluates.
            plan = lifecycle.calculateExecutionPlan(session, tasks.toArray(String[]::new));
        } catch (Exception e) {
            throw new IllegalStateException("no execution plan for " + String.join(" ", tasks) + ": "
                    + e.getMessage(), e);
        }
        return plan.getMojoExecutions();
    }

    /**
     * The goals and phases this build runs, as Maven plans them ({@code DefaultLifecycleTaskSegmentCalculator}): the
     * command line's, else, for a plain {@code mvn}, the top-level project's {@code <defaultGoal>} split on white space.
     *
     * @return the tasks in order; empty when the command line names none and the POM has no default goal
     */
    static List<String> tasks(MavenSession session) {
        if (!session.getGoals().isEmpty()) {
            return session.getGoals();
        }
        MavenProject top = session.getTopLevelProject();
        String defaultGoal = top == null ? null : top.getDefaultGoal();
        return defaultGoal == null || defaultGoal.isBlank() ? List.of() : List.of(defaultGoal.trim().split("\\s+"));
    }

    /**
     * Whether {@code plan} runs a goal of the plugin that reads the topology file ({@link #READING_GOALS}) and does not
     * skip it ({@link #skipped}).
     *
     * @param plan       the executions this project's build runs, configured as Maven runs them
     * @param evaluators the expression evaluator of each execution, as Maven evaluates its parameters
     */
    static boolean reads(List<MojoExecution> plan, String groupId, String artifactId,
            Function<MojoExecution, ExpressionEvaluator> evaluators) {
        return plan.stream().filter(execution -> groupId.equals(execution.getGroupId())
                        && artifactId.equals(execution.getArtifactId()) && READING_GOALS.contains(execution.getGoal()))
                .anyMatch(execution -> !skipped(execution, evaluators.apply(execution)));
    }

    /**
     * Whether an execution's {@code skip} parameter is true, evaluated as Maven configures the goal: the value its
     * configuration gives (the execution's, else the plugin's, else the goal's default, such as
     * {@code ${extract.report.skip}}), its expression evaluated (a {@code -D} property, then the project's), and when
     * that gives nothing, its {@code default-value}. False for a goal without that parameter (the modules goal).
     *
     * @throws ExtractionException a {@code skip} expression Maven cannot evaluate either, one line naming it
     */
    static boolean skipped(MojoExecution execution, ExpressionEvaluator evaluator) {
        Object value = parameter(execution, evaluator, "skip");
        return value instanceof Boolean bool ? bool : value != null && Boolean.parseBoolean(value.toString().trim());
    }

    /**
     * A parameter of an execution as Maven configures the goal: the value its configuration gives (the execution's,
     * else the plugin's, else the goal's default expression, such as {@code ${extract.report.skip}}), evaluated (a
     * {@code -D} property, then the project's), and when that gives nothing, its {@code default-value} evaluated.
     *
     * @param name the parameter's name ({@code skip}, {@code moduleDatabases})
     * @return the value, unconverted (a String, or what the expression names); null when the goal has no such
     *         parameter or nothing gives it a value
     * @throws ExtractionException an expression Maven cannot evaluate either, one line naming it
     */
    static Object parameter(MojoExecution execution, ExpressionEvaluator evaluator, String name) {
        Xpp3Dom parameter = execution.getConfiguration() == null ? null : execution.getConfiguration().getChild(name);
        if (parameter == null) {
            return null;
        }
        try {
            Object value = blank(parameter.getValue()) ? null : evaluator.evaluate(parameter.getValue());
            if (value == null && !blank(parameter.getAttribute("default-value"))) {
                value = evaluator.evaluate(parameter.getAttribute("default-value"));
            }
            return value;
        } catch (ExpressionEvaluationException e) {
            throw new ExtractionException("The " + name + " of " + execution.getGoal() + " (" + execution.getExecutionId()
                    + ") cannot be evaluated: " + e.getMessage() + "; fix its <" + name + "> or the property it names");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

package dev.forum.extraction.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.extraction.ecs.DatabaseClients;
import dev.forum.extraction.ecs.EcsSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.StringReader;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.lifecycle.LifecycleExecutor;
import org.apache.maven.lifecycle.MavenExecutionPlan;
import org.apache.maven.lifecycle.internal.ExecutionPlanItem;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.PluginParameterExpressionEvaluator;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.codehaus.plexus.util.xml.pull.XmlPullParserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The topology file at {@code validate}: refused for its own mistakes (those that need no module of the application)
 * whenever the build uses it, left alone when no goal of the build reads it: not in its plan, or skipped.
 */
class TopologyInUseTest {

    private static final String GROUP = "dev.forum";
    private static final String ARTIFACT = "extraction-maven-plugin";

    /**
     * Two services listing one module is the file's own mistake, known before anything compiles; so is a service's
     * wrong size, and both are named at once with a module listed twice. An unknown module needs the application's
     * modules: not here.
     */
    @Test
    void theFilesOwnMistakesAreKnownBeforeCompiling(@TempDir Path folder) throws IOException {
        Path file = Files.writeString(folder.resolve("topology.yml"), """
                services:
                  - { name: monolith, monolith: true }
                  - { name: catalogue, memory: 300, modules: [books, bokks] }
                  - { name: shelves, modules: [books, books] }
                """);
        TopologyInUse.Written written = TopologyInUse.written(file, "library", EcsChecksAhead.NONE);
        assertEquals(List.of(
                file + ":3: catalogue: cpu 256 takes memory 512, 1024, 2048 MiB on Fargate, not 300",
                file + ":4: module 'books' is in two services, 'catalogue' (line 3) and 'shelves'; a module runs in one"
                        + " extracted service",
                file + ":4: shelves: module 'books' is listed twice (also on line 4); list it once"), written.mistakes());
        assertEquals(List.of("monolith", "catalogue", "shelves"),
                written.services().stream().map(dev.forum.topology.ServiceOutline::name).toList());

        Files.writeString(file, """
                services:
                  - { name: monolith, monolith: true }
                  - { name: catalogue, modules: [books] }
                  - { name: shelves, modules: [books] }
                """);
        assertEquals(file + ":4: module 'books' is in two services, 'catalogue' (line 3) and 'shelves'; a module runs in"
                + " one extracted service", TopologyInUse.written(file, "library", EcsChecksAhead.NONE).refusal().getMessage(),
                "read right on its own, the file is still refused for what its services share");

        Files.writeString(file, "services:\n  - { name: catalogue, modules: [bokks] }\n");
        assertEquals(List.of(file + ": no monolith: mark one service monolith: true (it holds every module not listed"
                + " elsewhere and is the default route)"), TopologyInUse.written(file, "library", EcsChecksAhead.NONE).mistakes(),
                "no unknown module before the modules are known");
    }

    /**
     * With the ecs goal later in the build, its own checks of the file (fewer than 2 tasks, a name taken by a stack) come
     * with the file's own mistakes, in the file's order, so that the build that stops on the file names them too; those
     * that need to know whether the application reads a database only once that is known.
     */
    @Test
    void theEcsGoalsChecksComeWithTheFilesMistakesWhenItRunsLater(@TempDir Path folder) throws IOException {
        Path file = Files.writeString(folder.resolve("topology.yml"), """
                database:
                  multi-az: false
                services:
                  - { name: monolith, monolith: true, count: 1 }
                  - { name: Shelves, modules: [books] }
                  - { name: base, modules: [loans] }
                """);
        String nameMistake = file + ":5: service name 'Shelves' must be 1-20 lower-case letters, digits or '-', starting"
                + " with a letter (did you mean shelves?)";
        assertEquals(List.of(nameMistake), TopologyInUse.written(file, "library", EcsChecksAhead.NONE).mistakes(),
                "no ecs goal in the build: the file's own mistakes only");

        List<String> unknownDatabase = TopologyInUse.written(file, "library",
                ahead(null, EcsParametersTest.DEFAULTS)).mistakes();
        assertEquals(3, unknownDatabase.size(), unknownDatabase.toString());
        assertTrue(unknownDatabase.get(0).startsWith(file + ":4: monolith: ECS runs at least 2 tasks of a service"),
                unknownDatabase.toString());
        assertEquals(nameMistake, unknownDatabase.get(1));
        assertTrue(unknownDatabase.get(2).startsWith(file + ":6: base: the name 'base' is taken by the library-base stack"),
                unknownDatabase.toString());

        List<String> noDatabase = TopologyInUse.written(file, "library", ahead(DatabaseClients.NONE, EcsParametersTest.DEFAULTS))
                .mistakes();
        assertEquals(4, noDatabase.size(), noDatabase.toString());
        assertTrue(noDatabase.get(0).startsWith(file + ":2: database: the section sizes the deployment's PostgreSQL"
                + " database, but the application " + EcsSettings.NO_JDBC), noDatabase.toString());
        assertEquals(unknownDatabase, noDatabase.subList(1, 4));
    }

    /** The ecs goal runs later in the build, with these settings and whether the application has Spring's JDBC. */
    private static EcsChecksAhead ahead(DatabaseClients database, EcsParameters parameters) {
        return new EcsChecksAhead(true, database, null, false, parameters);
    }

    /**
     * A wrong ecs setting comes in the same run as the file's mistakes, after them, as the ecs goal gives them; with a
     * file without mistakes nothing is refused ahead: the ecs goal itself names the settings, in the same build.
     */
    @Test
    void theEcsGoalsWrongSettingsComeAfterTheFilesMistakesWhenItRunsLater(@TempDir Path folder) throws IOException {
        Path file = Files.writeString(folder.resolve("topology.yml"), """
                services:
                  - { name: monolith, monolith: true, colour: red }
                """);
        EcsParameters wrong = new EcsParameters("http", null, "20", "120", "300", "actuator/health", null, "/app/rds/b.pem",
                null, "about:blank", false);
        List<String> mistakes = TopologyInUse.written(file, "library", ahead(null, wrong)).mistakes();
        assertEquals(4, mistakes.size(), mistakes.toString());
        assertTrue(mistakes.get(0).startsWith(file + ":2: monolith: unknown key 'colour'"), mistakes.toString());
        assertEquals(List.of("-Dextract.ecs.containerPort=http is not a TCP port (1 to 65535): set"
                        + " -Dextract.ecs.containerPort=<port>",
                "-Dextract.ecs.stopTimeout=300 is not a number of seconds from 2 to 120: set -Dextract.ecs.stopTimeout=<seconds>",
                "The ecs goal's settings do not fit together: healthCheckPath must start with '/': actuator/health"
                        + " (extract.ecs.*, see extract:help -Ddetail)"), mistakes.subList(1, 4));

        Path right = Files.writeString(folder.resolve("right.yml"), """
                services:
                  - { name: monolith, monolith: true }
                """);
        assertEquals(List.of(), TopologyInUse.written(right, "library", ahead(null, wrong)).mistakes(),
                "the file is right: the ecs goal refuses its settings itself");
    }

    /**
     * The file is in use when a service is requested, or when this build's plan runs a goal of the plugin that reads it
     * whatever is requested and does not skip it. A plan holding only the check-request and service goals, or another
     * plugin's goal named {@code report}, does not read it.
     */
    @Test
    void theFileIsInUseWhenAGoalOfThePlanReadsIt(@TempDir Path folder) {
        MavenSession session = session(folder, new Properties(), new Properties());
        assertTrue(TopologyInUse.inUse(true, session, execution("check-request", null), null),
                "-Dextract: the service goal reads it");
        assertFalse(reads(session, execution("check-request", null), execution("service", null)));
        assertTrue(reads(session, execution("check-request", null), execution("modules", null)),
                "the modules goal has no skip");
        assertTrue(reads(session, execution("report", REPORT_DEFAULT)));
        assertTrue(reads(session, execution("ecs", ECS_DEFAULT)));
        MojoExecution otherReport = execution("report", null);
        otherReport.getMojoDescriptor().getPluginDescriptor().setArtifactId("maven-surefire-report-plugin");
        assertFalse(reads(session, otherReport), "another plugin's report goal");
    }

    /**
     * A reading goal that skips does not count, its {@code skip} evaluated as Maven configures the goal: the POM's
     * {@code <skip>} (the execution's or the plugin's, merged into the execution's configuration by Maven), else the
     * goal's property ({@code -D} before the project's), else {@code false}.
     */
    @Test
    void aSkippedGoalDoesNotReadTheFile(@TempDir Path folder) {
        Properties on = new Properties();
        on.setProperty("extract.report.skip", "true");
        on.setProperty("extract.ecs.skip", "true");
        Properties off = new Properties();
        off.setProperty("extract.report.skip", "false");
        MavenSession none = session(folder, new Properties(), new Properties());

        assertFalse(reads(none, execution("report", "<skip>true</skip>")), "<skip>true</skip> in the POM");
        assertTrue(reads(none, execution("report", "<skip>false</skip>")));
        assertFalse(reads(session(folder, on, new Properties()), execution("report", REPORT_DEFAULT)), "-Dextract.report.skip");
        assertFalse(reads(session(folder, new Properties(), on), execution("report", REPORT_DEFAULT)),
                "a project property");
        assertTrue(reads(session(folder, off, on), execution("report", REPORT_DEFAULT)), "-D wins over the project");
        assertFalse(reads(session(folder, on, new Properties()), execution("ecs", ECS_DEFAULT)), "-Dextract.ecs.skip");
        assertTrue(reads(session(folder, on, new Properties()), execution("modules", null)), "no skip: it runs");
        assertTrue(reads(session(folder, on, new Properties()), execution("report", REPORT_DEFAULT),
                execution("modules", null)), "one goal that runs is enough");
        assertFalse(reads(session(folder, on, new Properties()), execution("report", "<skip>${extract.report.skip}</skip>")),
                "a <skip> naming the property");
    }

    /**
     * The plan asked for is the build's: the command line's goals and phases, else, for a plain {@code mvn}, the
     * top-level POM's {@code <defaultGoal>} split on white space, as Maven plans it; asked with setup, so that each
     * execution carries its configuration.
     */
    @Test
    void thePlanIsOfTheCommandLineElseTheDefaultGoal(@TempDir Path folder) {
        MavenSession session = session(folder, new Properties(), new Properties());
        List<List<String>> asked = new ArrayList<>();
        LifecycleExecutor lifecycle = lifecycle(asked, execution("report", REPORT_DEFAULT));
        session.getTopLevelProject().getBuild().setDefaultGoal(" clean\tpackage  ");

        session.getRequest().setGoals(List.of("verify"));
        assertTrue(TopologyInUse.inUse(false, session, execution("check-request", null), lifecycle));
        session.getRequest().setGoals(List.of());
        assertTrue(TopologyInUse.inUse(false, session, execution("check-request", null), lifecycle));
        assertEquals(List.of(List.of("verify"), List.of("clean", "package")), asked);

        session.getTopLevelProject().getBuild().setDefaultGoal(null);
        assertEquals(List.of(), TopologyInUse.tasks(session), "no goal and no default goal: nothing to plan");
    }

    /**
     * What the plan holds decides: the plugin's report goal unskipped uses the file, skipped does not, and neither does a
     * goal named report of a plugin with another groupId or artifactId.
     */
    @Test
    void thePlansGoalsOfThisPluginDecide(@TempDir Path folder) {
        MavenSession session = session(folder, new Properties(), new Properties());
        session.getRequest().setGoals(List.of("package"));
        MojoExecution self = execution("check-request", null);
        List<List<String>> asked = new ArrayList<>();

        assertTrue(TopologyInUse.inUse(false, session, self, lifecycle(asked, execution("report", REPORT_DEFAULT))));
        assertFalse(TopologyInUse.inUse(false, session, self,
                lifecycle(asked, execution("report", "<skip>true</skip>"))), "skipped");
        MojoExecution otherGroup = execution("report", REPORT_DEFAULT);
        otherGroup.getMojoDescriptor().getPluginDescriptor().setGroupId("org.example");
        MojoExecution otherArtifact = execution("report", REPORT_DEFAULT);
        otherArtifact.getMojoDescriptor().getPluginDescriptor().setArtifactId("other-maven-plugin");
        assertFalse(TopologyInUse.inUse(false, session, self, lifecycle(asked, otherGroup, otherArtifact)),
                "another plugin's report goal");
        assertFalse(TopologyInUse.inUse(false, session, self, lifecycle(asked)), "an empty plan");
    }

    /**
     * A LifecycleExecutor whose plan is {@code plan} whatever it is asked, recording the tasks of each plan asked with
     * setup ({@code calculateExecutionPlan(session, tasks)}); any other call fails.
     */
    private static LifecycleExecutor lifecycle(List<List<String>> asked, MojoExecution... plan) {
        return (LifecycleExecutor) Proxy.newProxyInstance(TopologyInUseTest.class.getClassLoader(),
                new Class<?>[] {LifecycleExecutor.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("calculateExecutionPlan") || args.length != 2) {
                        throw new UnsupportedOperationException(method.toString());
                    }
                    asked.add(List.of((String[]) args[1]));
                    return new MavenExecutionPlan(Arrays.stream(plan).map(ExecutionPlanItem::new).toList(), null);
                });
    }

    /** The report goal's skip as Maven configures it when the POM does not set it. */
    static final String REPORT_DEFAULT = "<skip default-value=\"false\">${extract.report.skip}</skip>";
    private static final String ECS_DEFAULT = "<skip default-value=\"false\">${extract.ecs.skip}</skip>";

    private static boolean reads(MavenSession session, MojoExecution... plan) {
        return TopologyInUse.reads(List.of(plan), GROUP, ARTIFACT,
                execution -> new PluginParameterExpressionEvaluator(session, execution));
    }

    private static MavenSession session(Path folder, Properties user, Properties project) {
        MavenProject app = new MavenProject();
        app.setFile(folder.resolve("pom.xml").toFile());
        app.getProperties().putAll(project);
        DefaultMavenExecutionRequest request = new DefaultMavenExecutionRequest();
        request.setUserProperties(user);
        @SuppressWarnings("deprecation")
        MavenSession session = new MavenSession(null, request, new DefaultMavenExecutionResult(), app);
        return session;
    }

    /** An execution of the plugin's {@code goal}, its configuration as Maven finalizes it ({@code null}: none). */
    static MojoExecution execution(String goal, String configuration) {
        PluginDescriptor plugin = new PluginDescriptor();
        plugin.setGroupId(GROUP);
        plugin.setArtifactId(ARTIFACT);
        MojoDescriptor mojo = new MojoDescriptor();
        mojo.setGoal(goal);
        mojo.setPluginDescriptor(plugin);
        MojoExecution execution = new MojoExecution(mojo, "default-" + goal);
        try {
            execution.setConfiguration(Xpp3DomBuilder.build(new StringReader("<configuration>"
                    + (configuration == null ? "" : configuration) + "</configuration>")));
        } catch (IOException | XmlPullParserException e) {
            throw new IllegalArgumentException(e);
        }
        return execution;
    }
}

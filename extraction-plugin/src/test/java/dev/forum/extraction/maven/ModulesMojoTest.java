package dev.forum.extraction.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.forum.extraction.model.ExtractionException;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The modules goal's refusal of a build asked to extract that runs {@code package} with no service goal, for a plain
 * {@code mvn}: the build's goals are then the top-level POM's {@code <defaultGoal>} (split on white space, as Maven
 * plans them), so a default goal that packages is refused as the same goal on the command line is, and one that does
 * not package, or names the service goal itself, is not. A goal on the command line wins over the default goal.
 */
class ModulesMojoTest {

    private static final String REFUSAL = "-Dextract=posts builds nothing: the build has no execution of the extraction"
            + " plugin's service goal, which builds the services at package (the plugin's executions in pom.xml run only"
            + " modules): add <goal>service</goal> to its <goals>, beside <goal>modules</goal>";

    @TempDir
    Path folder;

    @Test
    void aDefaultGoalThatPackagesWithoutTheServiceGoalIsRefused() {
        assertEquals(REFUSAL, assertThrows(ExtractionException.class,
                () -> mojo("posts", "package", List.of()).refuseWithoutServiceGoal()).getMessage());
        assertEquals(REFUSAL, assertThrows(ExtractionException.class,
                () -> mojo("posts", "  clean\tverify ", List.of()).refuseWithoutServiceGoal()).getMessage(),
                "split on white space");
    }

    @Test
    void aDefaultGoalThatDoesNotPackageOrRunsTheServiceGoalIsNotRefused() {
        mojo("posts", "compile", List.of()).refuseWithoutServiceGoal();
        mojo("posts", "package extract:service", List.of()).refuseWithoutServiceGoal();
        mojo("posts", "package dev.forum:extraction-maven-plugin:service", List.of()).refuseWithoutServiceGoal();
        mojo("posts", null, List.of()).refuseWithoutServiceGoal();
        mojo(null, "package", List.of()).refuseWithoutServiceGoal();
    }

    @Test
    void theCommandLinesGoalsWinOverTheDefaultGoal() {
        mojo("posts", "package", List.of("compile")).refuseWithoutServiceGoal();
        assertEquals(REFUSAL, assertThrows(ExtractionException.class,
                () -> mojo("posts", "compile", List.of("package")).refuseWithoutServiceGoal()).getMessage());
    }

    /**
     * The modules goal of a project whose POM binds only it, with {@code -Dextract=<extract>} (null: none), the POM's
     * {@code <defaultGoal>} (null: none) and the command line's {@code goals}.
     */
    private ModulesMojo mojo(String extract, String defaultGoal, List<String> goals) {
        MavenProject app = new MavenProject();
        app.setFile(folder.resolve("pom.xml").toFile());
        app.getBuild().addPlugin(PluginExecutionsTest.plugin("modules"));
        app.getBuild().setDefaultGoal(defaultGoal);

        Properties user = new Properties();
        if (extract != null) {
            user.setProperty("extract", extract);
        }
        DefaultMavenExecutionRequest request = new DefaultMavenExecutionRequest();
        request.setUserProperties(user);
        request.setGoals(goals);
        @SuppressWarnings("deprecation")
        MavenSession session = new MavenSession(null, request, new DefaultMavenExecutionResult(), app);

        MojoExecution goal = TopologyInUseTest.execution("modules", null);
        goal.getMojoDescriptor().getPluginDescriptor().setGoalPrefix("extract");

        ModulesMojo mojo = new ModulesMojo();
        mojo.project = app;
        mojo.session = session;
        mojo.mojoExecution = goal;
        mojo.extract = extract;
        return mojo;
    }
}

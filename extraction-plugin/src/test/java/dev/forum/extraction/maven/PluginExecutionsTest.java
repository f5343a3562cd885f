package dev.forum.extraction.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.extraction.request.ExtractRequests;
import java.util.List;
import java.util.Optional;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;

/**
 * A build asked to extract in which no service goal runs would pass having built nothing: the modules goal refuses it
 * in one line naming the goal to add. And the ecs goal reads what the service goal's executions are configured with.
 */
class PluginExecutionsTest {

    private static final String GROUP = "dev.forum";
    private static final String ARTIFACT = "extraction-maven-plugin";

    /** The extraction plugin with one execution of {@code goals}. */
    static Plugin plugin(String... goals) {
        Plugin plugin = new Plugin();
        plugin.setGroupId(GROUP);
        plugin.setArtifactId(ARTIFACT);
        PluginExecution execution = new PluginExecution();
        List.of(goals).forEach(execution::addGoal);
        plugin.addExecution(execution);
        return plugin;
    }

    private static Plugin other(String goal) {
        Plugin plugin = new Plugin();
        plugin.setGroupId("org.example");
        plugin.setArtifactId("other-plugin");
        PluginExecution execution = new PluginExecution();
        execution.addGoal(goal);
        plugin.addExecution(execution);
        return plugin;
    }

    private static boolean runs(List<String> cli, Plugin... plugins) {
        return PluginExecutions.runs(GROUP, ARTIFACT, "extract", "service", List.of(List.of(plugins)), cli);
    }

    @Test
    void theServiceGoalRunsWhenAnExecutionOrTheCommandLineNamesIt() {
        assertFalse(runs(List.of("package"), plugin("modules")), "only modules: nothing builds the services");
        assertFalse(runs(List.of("package"), plugin("modules"), other("service")), "another plugin's service goal");
        assertTrue(runs(List.of("package"), plugin("modules", "service")));
        assertTrue(runs(List.of("package"), plugin("modules"), plugin("service")));
        assertTrue(runs(List.of("package", "extract:service"), plugin("modules")));
        assertTrue(runs(List.of("dev.forum:extraction-maven-plugin:0.1.0-SNAPSHOT:service"), plugin("modules")));
        assertFalse(runs(List.of("other:service"), plugin("modules")));
    }

    @Test
    void extractingWithoutTheServiceGoalIsRefusedInOneLineNamingTheGoalToAdd() {
        List<ExtractRequests.Requested> catalog = List.of(new ExtractRequests.Requested("catalog", "-Dextract=catalog"));
        Optional<String> refusal = PluginExecutions.missingServiceGoal(catalog, false,
                PluginExecutions.boundGoals(GROUP, ARTIFACT, List.of(plugin("modules"))), "pom.xml");
        assertEquals(Optional.of("-Dextract=catalog builds nothing: the build has no execution of the extraction plugin's"
                + " service goal, which builds the services at package (the plugin's executions in pom.xml run only modules):"
                + " add <goal>service</goal> to its <goals>, beside <goal>modules</goal>"), refusal);
        assertEquals(Optional.empty(), PluginExecutions.missingServiceGoal(catalog, true, List.of("modules", "service"), "pom.xml"));
        assertEquals(Optional.empty(), PluginExecutions.missingServiceGoal(List.of(), false, List.of("modules"), "pom.xml"),
                "nothing requested: nothing to build");
    }

    @Test
    void onlyABuildThatPackagesIsExpectedToBuildServices() {
        assertTrue(PluginExecutions.packages(List.of("package")));
        assertTrue(PluginExecutions.packages(List.of("clean", "install")));
        assertFalse(PluginExecutions.packages(List.of("compile", "extract:report")), "the report checks the names only");
        assertFalse(PluginExecutions.packages(List.of("test")));
    }

    @Test
    void aServiceSettingComesFromItsExecutionElseFromThePlugin() {
        Plugin plugin = plugin("modules", "service");
        assertEquals(Optional.empty(), PluginExecutions.configured(GROUP, ARTIFACT, "service", "imageFiles", List.of(plugin)));
        Xpp3Dom shared = new Xpp3Dom("configuration");
        Xpp3Dom files = new Xpp3Dom("imageFiles");
        files.setValue("/app/deploy/image");
        shared.addChild(files);
        plugin.setConfiguration(shared);
        assertEquals(Optional.of("/app/deploy/image"), PluginExecutions.configured(GROUP, ARTIFACT, "service", "imageFiles",
                List.of(plugin)));
        Xpp3Dom own = new Xpp3Dom("configuration");
        Xpp3Dom ownFiles = new Xpp3Dom("imageFiles");
        ownFiles.setValue("image-files");
        own.addChild(ownFiles);
        plugin.getExecutions().get(0).setConfiguration(own);
        assertEquals(Optional.of("image-files"), PluginExecutions.configured(GROUP, ARTIFACT, "service", "imageFiles",
                List.of(plugin)));
    }
}

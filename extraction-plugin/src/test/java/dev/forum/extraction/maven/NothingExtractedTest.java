package dev.forum.extraction.maven;

import static dev.forum.extraction.maven.ReactorProjects.PLUGIN;
import static dev.forum.extraction.maven.ReactorProjects.bind;
import static dev.forum.extraction.maven.ReactorProjects.bootPlugin;
import static dev.forum.extraction.maven.ReactorProjects.uses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.forum.extraction.model.ExtractionException;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service goal with no service named: harmless where the POM binds it, said once per build in the application's
 * project (not in every project that inherits a parent POM's binding), a refusal where it was asked for by name.
 */
class NothingExtractedTest {

    @TempDir
    Path dir;

    @Test
    void boundInThePomItSaysInOneLineThatNothingIsExtractedAndHowToAsk() {
        assertEquals("[extract] service: nothing extracted (no -Dextract); to build a service: -Dextract=MODULE[,MODULE]"
                + " (a module, or a service of the topology file; extract:report lists the modules)",
                NothingExtracted.line(false));
    }

    @Test
    void runFromTheCommandLineItRefusesSayingWhatToSet() {
        ExtractionException e = assertThrows(ExtractionException.class, () -> NothingExtracted.line(true));
        assertEquals("extract:service was run with no service to build: name one with -Dextract=MODULE[,MODULE] (a module, or"
                + " a service of the topology file; extract:report lists the modules)", e.getMessage());
    }

    /** user8's shop: the plugin bound in the parent's {@code <plugins>}, so every project of a clean build runs the goal. */
    @Test
    void boundInTheParentItIsSaidOnlyInTheApplicationsProject() {
        List<MavenProject> shop = shop();
        WholeBuild build = new WholeBuild(shop, shop);
        assertEquals(List.of("shop-app"), saying(build));
    }

    @Test
    void aBuildOfTheLibrariesAloneSaysNothing() {
        List<MavenProject> shop = shop();
        // mvn -pl shop-inventory -am package: shop-app is not built in this run.
        assertEquals(List.of(), saying(new WholeBuild(shop, shop.subList(0, 3))));
    }

    @Test
    void ofSeveralApplicationsTheLastBuiltThatRunsTheGoalSaysIt() {
        List<MavenProject> shop = new java.util.ArrayList<>(shop());
        MavenProject admin = project("shop-admin");
        bootPlugin(admin);
        uses(admin, shop.get(1), "compile");
        shop.add(admin);
        assertEquals(List.of("shop-app"), saying(new WholeBuild(shop, shop)), "shop-admin does not run the goal");
        bind(admin, "service");
        assertEquals(List.of("shop-admin"), saying(new WholeBuild(shop, shop)), "once per build");
    }

    @Test
    void aProjectOfItsOwnSaysIt() {
        MavenProject app = project("clinic");
        bind(app, "service");
        assertEquals(List.of("clinic"), saying(new WholeBuild(List.of(app), List.of(app))),
                "not compiled, no spring-boot-maven-plugin: still the application, the only project");
    }

    /** The projects of {@code build} that run the goal (an execution in their POM) and say the line, in build order. */
    private static List<String> saying(WholeBuild build) {
        return build.getSortedProjects().stream()
                .filter(p -> PluginExecutions.runs(PLUGIN.groupId(), PLUGIN.artifactId(), PLUGIN.prefix(), "service",
                        List.of(p.getBuildPlugins()), List.of()))
                .filter(p -> NothingExtracted.saidIn(p, build, PLUGIN, null)).map(MavenProject::getArtifactId).toList();
    }

    /** shop-parent (pom), shop-shared, shop-inventory (uses shared), shop-app (uses both): each runs the service goal. */
    private List<MavenProject> shop() {
        MavenProject parent = project("shop-parent");
        parent.getModel().setPackaging("pom");
        MavenProject shared = project("shop-shared");
        MavenProject inventory = project("shop-inventory");
        MavenProject app = project("shop-app");
        uses(inventory, shared, "compile");
        uses(app, shared, "compile");
        uses(app, inventory, "compile");
        bootPlugin(app);
        List<MavenProject> all = List.of(parent, shared, inventory, app);
        all.forEach(p -> bind(p, "modules", "service"));
        return all;
    }

    private MavenProject project(String artifactId) {
        return ReactorProjects.project(dir, artifactId, "jar");
    }
}

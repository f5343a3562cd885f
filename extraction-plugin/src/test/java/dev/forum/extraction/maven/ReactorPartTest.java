package dev.forum.extraction.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.extraction.model.ExtractionException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.execution.ProjectDependencyGraph;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * A goal run from a multi-project build's root ({@code mvn compile extract:report}) skips the parent pom and the
 * application's libraries, one line each naming the application that runs it, and still runs (and refuses) in the
 * application's project and in a project of its own; a goal bound only in a library, which would do nothing, is
 * refused in one line saying where to bind it.
 */
class ReactorPartTest {

    @TempDir
    Path dir;

    private static final ReactorPart.PluginId PLUGIN = new ReactorPart.PluginId("dev.forum", "extraction-maven-plugin",
            "extract");

    @Test
    void aPomProjectIsSkippedWithOneLineNamingTheApplicationThatRunsTheGoal() {
        MavenProject parent = project("lending-parent", "pom");
        MavenProject api = project("books-api", "jar");
        MavenProject app = project("lending-app", "jar");
        Graph graph = new Graph(List.of(parent, api, app)).dependsOn(app, api);
        assertEquals(Optional.of("[extract] report: skipped in lending-parent, a pom project (no classes); the goal runs in"
                + " lending-app"), ReactorPart.skipped("report", PLUGIN, parent, graph, List.of("compile", "extract:report"),
                        null), "the goal on the command line runs in every project");
    }

    @Test
    void aLibrarySkipsNamingTheApplicationThatBindsTheGoal() {
        MavenProject orders = project("shop-orders", "jar");
        MavenProject billing = project("shop-billing", "jar");
        MavenProject app = project("shop-app", "jar");
        bind(orders, "modules", "service");
        bind(app, "modules", "service");
        Graph graph = new Graph(List.of(orders, billing, app)).dependsOn(billing, orders).dependsOn(app, orders, billing);
        assertEquals(Optional.of("[extract] service: skipped in shop-orders, a library of shop-billing, shop-app in this"
                + " build (no @SpringBootApplication class with a main method in it, and no mainClass set); the goal runs"
                + " in shop-app"), ReactorPart.skipped("service", PLUGIN, orders, graph, List.of("package"), null),
                "shop-billing, a library itself, is not where it runs");
    }

    @Test
    void aGoalBoundOnlyInALibraryIsRefusedNamingWhereToBindIt() {
        MavenProject orders = project("shop-orders", "jar");
        MavenProject billing = project("shop-billing", "jar");
        MavenProject app = project("shop-app", "jar");
        bind(orders, "modules", "service");
        bind(app, "modules"); // the application runs another goal of the plugin, not this one
        Graph graph = new Graph(List.of(orders, billing, app)).dependsOn(billing, orders).dependsOn(app, orders, billing);
        ExtractionException refused = assertThrows(ExtractionException.class,
                () -> ReactorPart.skipped("service", PLUGIN, orders, graph, List.of("package"), null));
        assertEquals(List.of("The extraction plugin's service goal is bound in shop-orders, a library of shop-billing,"
                + " shop-app in this build (no @SpringBootApplication class with a main method in it, and no mainClass"
                + " set), so it does nothing there, and the application's project shop-app has no execution of it: the"
                + " build would pass having done nothing; bind the plugin (<goal>service</goal> in its <executions>) in"
                + " shop-app's pom or in the parent's <plugins>, rather than in the pom of shop-orders alone"),
                refused.lines());

        assertEquals(Optional.of("[extract] service: skipped in shop-orders, a library of shop-billing, shop-app in this"
                + " build (no @SpringBootApplication class with a main method in it, and no mainClass set); the goal runs"
                + " in shop-app"), ReactorPart.skipped("service", PLUGIN, orders, graph, List.of("package", "extract:service"),
                        null), "named on the command line, it runs in shop-app too");
        assertEquals(Optional.of("[extract] modules: skipped in shop-orders, a library of shop-billing, shop-app in this"
                + " build (no @SpringBootApplication class with a main method in it, and no mainClass set); the goal runs"
                + " in shop-app"), ReactorPart.skipped("modules", PLUGIN, orders, graph, List.of("package"), null));
    }

    @Test
    void aParentPomBuiltAloneSkipsTheGoalItBinds() {
        // mvn -N install of a parent whose <plugins> bind the goal for its application: nothing to do, nothing lost.
        MavenProject parent = project("lending-parent", "pom");
        bind(parent, "modules");
        assertEquals(Optional.of("[extract] modules: skipped in lending-parent, a pom project (no classes); no project of"
                + " this build is an application to run it in"), ReactorPart.skipped("modules", PLUGIN, parent,
                        new Graph(List.of(parent)), List.of("install"), null));
    }

    @Test
    void theApplicationsOfALibraryAreItsDependentsThatNoOtherProjectNeeds() {
        MavenProject parent = project("lending-parent", "pom");
        MavenProject api = project("books-api", "jar");
        MavenProject app = project("lending-app", "jar");
        MavenProject tool = project("lending-tool", "jar");
        MavenProject other = project("other-app", "jar");
        Graph graph = new Graph(List.of(parent, api, app, tool, other)).dependsOn(app, api).dependsOn(tool, app);
        assertEquals(List.of(tool), ReactorPart.applications(api, graph, PLUGIN, "modules"),
                "lending-app is a library of lending-tool");
        assertEquals(List.of(tool, other), ReactorPart.applications(parent, graph, PLUGIN, "modules"),
                "a pom project: every one");
        bind(app, "modules").setConfiguration(mainClass("org.acme.LendingApplication"));
        assertEquals(List.of(app), ReactorPart.applications(api, graph, PLUGIN, "modules"),
                "the plugin's mainClass in its POM makes lending-app an application, and lending-tool, with no main"
                + " class and used by no project, no longer one");
    }

    @Test
    void aLibraryOfAnotherProjectWithoutMainClassIsSkippedNamingItsDependents() throws Exception {
        MavenProject api = project("books-api", "jar");
        MavenProject app = project("lending-app", "jar");
        MavenProject tools = project("lending-tools", "jar");
        Graph graph = new Graph(List.of(api, app, tools)).dependsOn(app, api).dependsOn(tools, api);
        String why = "a library of lending-app, lending-tools in this build (no @SpringBootApplication class with a main"
                + " method in it, and no mainClass set)";
        assertEquals(Optional.of(why), ReactorPart.reason(api, graph, PLUGIN, "report", null), "not compiled");
        Files.createDirectories(dir.resolve("books-api/target/classes/org/acme"));
        Files.write(dir.resolve("books-api/target/classes/org/acme/BookDto.class"), classFile("org/acme/BookDto", false));
        assertEquals(Optional.of(why), ReactorPart.reason(api, graph, PLUGIN, "report", null), "compiled, no main class");
        assertEquals(Optional.of(why), ReactorPart.reason(api, graph, PLUGIN, "report", "${start-class}"),
                "an unresolved property is unset");
    }

    @Test
    void theApplicationIsNeverSkipped() throws Exception {
        MavenProject app = project("lending-app", "jar");
        MavenProject tests = project("lending-system-tests", "jar");
        assertEquals(Optional.empty(), ReactorPart.reason(app, new Graph(List.of(app)), PLUGIN, "report", null),
                "no project depends on it");
        Graph graph = new Graph(List.of(app, tests)).dependsOn(tests, app);
        assertEquals(Optional.empty(), ReactorPart.reason(app, graph, PLUGIN, "report", "org.acme.LendingApplication"),
                "this plugin's mainClass");

        MavenProject booted = project("lending-app", "jar");
        bootPlugin(booted).setConfiguration(mainClass("org.acme.LendingApplication"));
        assertEquals(Optional.empty(), ReactorPart.reason(booted, new Graph(List.of(booted, tests)).dependsOn(tests, booted),
                PLUGIN, "report", null), "spring-boot-maven-plugin's mainClass");

        Files.createDirectories(dir.resolve("lending-app/target/classes/org/acme"));
        Files.write(dir.resolve("lending-app/target/classes/org/acme/LendingApplication.class"),
                classFile("org/acme/LendingApplication", true));
        assertEquals(Optional.empty(), ReactorPart.reason(app, graph, PLUGIN, "report", null),
                "a @SpringBootApplication class with main");
    }

    @Test
    void anApplicationNotCompiledYetIsKnownByTheSpringBootPluginInItsPom() throws Exception {
        // A clean build from the root: books-api's goal runs before lending-app is compiled, and lending-dist, a pom
        // project packing the application, depends on it, so lending-app is not the build's last project.
        MavenProject api = project("books-api", "jar");
        MavenProject app = project("lending-app", "jar");
        MavenProject dist = project("lending-dist", "pom");
        Graph graph = new Graph(List.of(api, app, dist)).dependsOn(app, api).dependsOn(dist, app);
        assertEquals(List.of(app), ReactorPart.applications(api, graph, PLUGIN, "modules"),
                "nothing in its POM tells, but only a pom project, which packs it, depends on it");
        assertEquals(Optional.empty(), ReactorPart.reason(app, graph, PLUGIN, "modules", null));

        bootPlugin(app);
        bind(app, "modules");
        assertEquals(List.of(app), ReactorPart.applications(api, graph, PLUGIN, "modules"));
        assertEquals(Optional.of("[extract] modules: skipped in books-api, a library of lending-app in this build (no"
                + " @SpringBootApplication class with a main method in it, and no mainClass set); the goal runs in"
                + " lending-app"), ReactorPart.skipped("modules", PLUGIN, api, graph, List.of("install"), null));

        Files.createDirectories(dir.resolve("lending-app/target/classes/org/acme"));
        Files.write(dir.resolve("lending-app/target/classes/org/acme/LoanDto.class"), classFile("org/acme/LoanDto", false));
        assertEquals(List.of(app), ReactorPart.applications(api, graph, PLUGIN, "modules"),
                "compiled without a main class, but no other project is an application: it gets the refusal");
        MavenProject other = project("other-app", "jar");
        bootPlugin(other);
        Graph withOther = new Graph(List.of(api, app, dist, other)).dependsOn(app, api).dependsOn(dist, app);
        assertEquals(List.of(), ReactorPart.applications(api, withOther, PLUGIN, "modules"),
                "compiled, no main class, and another project is an application: its classes tell");
    }

    @Test
    void aLibraryBuiltWithDashPlIsSkippedForTheApplicationLeftOutOfTheRun() {
        // The plugin bound in the parent's <plugins>: every project inherits the execution. mvn -pl shop-inventory
        // install builds the library alone; Maven's own graph then says nothing depends on it.
        MavenProject parent = project("shop-parent", "pom");
        MavenProject inventory = project("shop-inventory", "jar");
        MavenProject app = project("shop-app", "jar");
        for (MavenProject each : List.of(parent, inventory, app)) {
            bind(each, "modules");
        }
        bootPlugin(app);
        uses(app, inventory, "compile");
        WholeBuild run = new WholeBuild(List.of(parent, inventory, app), List.of(inventory));
        assertEquals(Optional.of("[extract] modules: skipped in shop-inventory, a library of shop-app in this build (no"
                + " @SpringBootApplication class with a main method in it, and no mainClass set); the goal runs in shop-app"
                + " (shop-app not built in this run)"), ReactorPart.skipped("modules", PLUGIN, inventory, run,
                        List.of("install"), null));

        MavenProject wrong = project("shop-app", "jar");
        bootPlugin(wrong);
        uses(wrong, inventory, "compile");
        ExtractionException refused = assertThrows(ExtractionException.class, () -> ReactorPart.skipped("modules", PLUGIN,
                inventory, new WholeBuild(List.of(inventory, wrong), List.of(inventory)), List.of("install",
                        "extract:modules"), null), "the goal named on the command line does not run in a project left out");
        assertTrue(refused.lines().get(0).contains("the application's project shop-app has no execution of it"),
                refused.lines().get(0));
    }

    @Test
    void aProjectNoneUsesWithoutMainClassIsSkippedWhenAnotherIsTheApplication() throws Exception {
        // Bound in the parent's <plugins>: an integration-test module and a tool nothing depends on inherit it too.
        MavenProject parent = project("shop-parent", "pom");
        MavenProject app = project("shop-app", "jar");
        MavenProject it = project("shop-it", "jar");
        MavenProject tool = project("shop-tool", "jar");
        for (MavenProject each : List.of(parent, app, it, tool)) {
            bind(each, "report");
        }
        uses(it, app, "test");
        Files.createDirectories(dir.resolve("shop-tool/target/classes/org/acme"));
        Files.write(dir.resolve("shop-tool/target/classes/org/acme/Tool.class"), classFile("org/acme/Tool", false));
        WholeBuild run = new WholeBuild(List.of(parent, app, it, tool), List.of(parent, app, it, tool));
        assertEquals(Optional.empty(), ReactorPart.skipped("report", PLUGIN, tool, run, List.of("verify"), null),
                "nothing shows another project is the application: shop-tool gets the goal's refusal");

        Files.createDirectories(dir.resolve("shop-app/target/classes/org/acme"));
        Files.write(dir.resolve("shop-app/target/classes/org/acme/ShopApplication.class"),
                classFile("org/acme/ShopApplication", true));
        String notApp = "not an application (no @SpringBootApplication class with a main method in it, and no mainClass"
                + " set) and no project of this build uses it; the goal runs in shop-app";
        assertEquals(Optional.of("[extract] report: skipped in shop-tool, " + notApp), ReactorPart.skipped("report",
                PLUGIN, tool, run, List.of("verify"), null));
        assertEquals(Optional.of("[extract] report: skipped in shop-it, " + notApp), ReactorPart.skipped("report", PLUGIN,
                it, run, List.of("verify"), null), "a test-scoped dependency does not make shop-app a library");
        assertEquals(Optional.empty(), ReactorPart.skipped("report", PLUGIN, app, run, List.of("verify"), null));
    }

    @Test
    void aDistributionProjectPackingTheApplicationDoesNotMakeItALibrary() {
        // Not compiled yet, no spring-boot-maven-plugin: a pom project and a zip-typed dependency downstream.
        MavenProject lib = project("shop-orders", "jar");
        MavenProject app = project("shop-app", "jar");
        MavenProject dist = project("shop-dist", "pom");
        MavenProject bundle = project("shop-bundle", "jar");
        bind(app, "modules");
        uses(app, lib, "compile");
        uses(dist, app, "compile");
        uses(bundle, app, "runtime").setType("zip");
        WholeBuild run = new WholeBuild(List.of(lib, app, dist, bundle), List.of(lib, app, dist, bundle));
        assertEquals(List.of(), run.getDownstreamProjects(app, true));
        assertEquals(Optional.empty(), ReactorPart.reason(app, run, PLUGIN, "modules", null));
        assertEquals(Optional.of("[extract] modules: skipped in shop-orders, a library of shop-app in this build (no"
                + " @SpringBootApplication class with a main method in it, and no mainClass set); the goal runs in"
                + " shop-app"), ReactorPart.skipped("modules", PLUGIN, lib, run, List.of("package"), null));
    }

    /** Declares in {@code user}'s POM a dependency on {@code used} in {@code scope}; returns it to change. */
    private static org.apache.maven.model.Dependency uses(MavenProject user, MavenProject used, String scope) {
        org.apache.maven.model.Dependency dependency = new org.apache.maven.model.Dependency();
        dependency.setGroupId(used.getGroupId());
        dependency.setArtifactId(used.getArtifactId());
        dependency.setVersion(used.getVersion());
        dependency.setScope(scope);
        user.getModel().addDependency(dependency);
        return dependency;
    }

    /** Declares spring-boot-maven-plugin in {@code project}'s POM; returns the plugin to configure. */
    private static Plugin bootPlugin(MavenProject project) {
        Plugin boot = new Plugin();
        boot.setGroupId("org.springframework.boot");
        boot.setArtifactId("spring-boot-maven-plugin");
        project.getBuild().addPlugin(boot);
        project.getBuild().flushPluginMap(); // getPluginsAsMap() caches
        return boot;
    }

    /** Binds {@code goals} of the plugin in {@code project}'s POM, one execution; returns the plugin to configure. */
    private static Plugin bind(MavenProject project, String... goals) {
        Plugin plugin = new Plugin();
        plugin.setGroupId("dev.forum");
        plugin.setArtifactId("extraction-maven-plugin");
        PluginExecution execution = new PluginExecution();
        execution.setId("default");
        execution.setGoals(List.of(goals));
        plugin.addExecution(execution);
        project.getBuild().addPlugin(plugin);
        project.getBuild().flushPluginMap();
        return plugin;
    }

    private static Xpp3Dom mainClass(String name) {
        Xpp3Dom configuration = new Xpp3Dom("configuration");
        Xpp3Dom main = new Xpp3Dom("mainClass");
        main.setValue(name);
        configuration.addChild(main);
        return configuration;
    }

    /** A build's projects in their order, and which depends on which. */
    private static final class Graph implements ProjectDependencyGraph {
        private final List<MavenProject> projects;
        private final Map<MavenProject, List<MavenProject>> dependencies = new HashMap<>();

        Graph(List<MavenProject> projects) {
            this.projects = projects;
        }

        Graph dependsOn(MavenProject dependent, MavenProject... dependencies) {
            this.dependencies.put(dependent, List.of(dependencies));
            return this;
        }

        @Override
        public List<MavenProject> getAllProjects() {
            return projects;
        }

        @Override
        public List<MavenProject> getSortedProjects() {
            return projects;
        }

        @Override
        public List<MavenProject> getDownstreamProjects(MavenProject project, boolean transitive) {
            return projects.stream().filter(p -> dependencies.getOrDefault(p, List.of()).contains(project)
                    || transitive && getUpstreamProjects(p, true).contains(project)).toList();
        }

        @Override
        public List<MavenProject> getUpstreamProjects(MavenProject project, boolean transitive) {
            List<MavenProject> direct = dependencies.getOrDefault(project, List.of());
            if (!transitive) {
                return direct;
            }
            Set<MavenProject> all = new LinkedHashSet<>(direct);
            direct.forEach(d -> all.addAll(getUpstreamProjects(d, true)));
            return List.copyOf(all);
        }
    }

    private MavenProject project(String artifactId, String packaging) {
        Model model = new Model();
        model.setGroupId("org.acme");
        model.setArtifactId(artifactId);
        model.setVersion("1.0");
        model.setPackaging(packaging);
        Build build = new Build();
        build.setOutputDirectory(dir.resolve(artifactId + "/target/classes").toString());
        model.setBuild(build);
        return new MavenProject(model);
    }

    /** A class, annotated {@code @SpringBootApplication} with {@code public static void main(String[])} when asked. */
    private static byte[] classFile(String name, boolean application) {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, name, null, "java/lang/Object", null);
        if (application) {
            writer.visitAnnotation("Lorg/springframework/boot/autoconfigure/SpringBootApplication;", true).visitEnd();
            MethodVisitor main = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "main", "([Ljava/lang/String;)V",
                    null, null);
            main.visitCode();
            main.visitInsn(Opcodes.RETURN);
            main.visitMaxs(0, 1);
            main.visitEnd();
        }
        writer.visitEnd();
        return writer.toByteArray();
    }
}

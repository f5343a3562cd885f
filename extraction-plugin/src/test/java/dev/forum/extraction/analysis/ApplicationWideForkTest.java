package dev.forum.extraction.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.extraction.model.ApplicationWide.Effect;
import dev.forum.extraction.model.ApplicationWide.Setting;
import dev.forum.extraction.model.ApplicationWideModules;
import dev.forum.extraction.model.Blocker;
import dev.forum.extraction.model.ExtractionException;
import dev.forum.extraction.model.ModulithModel;
import dev.forum.extraction.model.Planner;
import dev.forum.extraction.model.PublicationRegistry;
import dev.forum.extraction.model.ScannedArtifact;
import dev.forum.extraction.model.ServicePlan;
import dev.forum.extraction.model.ServiceRequest;
import dev.forum.extraction.model.TopologyServices;
import dev.forum.extraction.report.ExtractionReport;
import dev.forum.extraction.report.ReportJson;
import dev.forum.extraction.report.ReportText;
import dev.forum.extraction.scan.BytecodeScanner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A module that configures the whole application, read by the analyzer in its own JVM from compiled applications: the
 * common layout, a {@code config} module with a {@code SecurityFilterChain} bean, {@code @EnableMethodSecurity}, an
 * unscoped {@code @RestControllerAdvice} and the run time's {@code RemoteCallHeaders} hook, refuses every service but
 * the monolith: one that does not run it (one whose module depends on config for a type included: it holds the type,
 * not config's beans) and one that holds it (it would take config out of the monolith), but one that holds every
 * module (a second monolith); the same module shared ({@code @Modulithic(sharedModules = "config")}) or the same
 * classes in the application's root package build.
 * What a module scopes to itself (an advice with {@code basePackages} inside it, {@code @EnableConfigurationProperties})
 * is no such configuration. (Feature switches and warnings: {@link ApplicationWideFeaturesForkTest}.)
 */
class ApplicationWideForkTest {

    private static final String CONFIGURATION = "@org.springframework.context.annotation.Configuration ";
    private static final String BEAN = "@org.springframework.context.annotation.Bean ";
    private static final String CONTROLLER = "@org.springframework.web.bind.annotation.RestController ";
    private static final String GET = "@org.springframework.web.bind.annotation.GetMapping";

    @TempDir
    Path dir;

    /** The cross-cutting classes, in package {@code pkg}. */
    private static Map<String, String> crossCutting(String pkg) {
        String folder = pkg.replace('.', '/');
        return Map.of(
                folder + "/SecurityConfig.java", "package " + pkg + "; " + CONFIGURATION
                        + "@org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity"
                        + " class SecurityConfig { " + BEAN + "org.springframework.security.web.SecurityFilterChain api("
                        + "org.springframework.security.config.annotation.web.builders.HttpSecurity http) throws Exception {"
                        + " return http.build(); } }",
                folder + "/ProblemAdvice.java", "package " + pkg + "; "
                        + "@org.springframework.web.bind.annotation.RestControllerAdvice class ProblemAdvice {}",
                folder + "/RelayCredentials.java", "package " + pkg + "; @org.springframework.stereotype.Component class"
                        + " RelayCredentials implements dev.forum.extraction.runtime.remote.RemoteCallHeaders {"
                        + " public void contribute(String module, org.springframework.http.HttpHeaders headers) {} }");
    }

    /** hr with modules people and leave, each a controller; people scopes an advice and its properties to itself. */
    private static Map<String, String> application(String annotation, String crossCuttingPackage) {
        Map<String, String> sources = new HashMap<>(crossCutting(crossCuttingPackage));
        sources.put("hr/HrApplication.java", "package hr; " + annotation + " public class HrApplication {}");
        sources.put("hr/people/PeopleController.java", "package hr.people; " + CONTROLLER + "public class PeopleController {"
                + " " + GET + "(\"/api/people\") String all() { return \"\"; } }");
        sources.put("hr/people/internal/PeopleAdvice.java", "package hr.people.internal;"
                + " @org.springframework.web.bind.annotation.RestControllerAdvice(basePackages = \"hr.people\") class PeopleAdvice {}");
        sources.put("hr/people/internal/PeopleSettings.java", "package hr.people.internal; " + CONFIGURATION
                + "@org.springframework.boot.context.properties.EnableConfigurationProperties(PeopleSettings.Limits.class)"
                + " class PeopleSettings { @org.springframework.boot.context.properties.ConfigurationProperties(\"people\")"
                + " record Limits(int max) {} }");
        sources.put("hr/leave/LeaveController.java", "package hr.leave; " + CONTROLLER + "public class LeaveController {"
                + " " + GET + "(\"/api/leave\") String all() { return \"\"; } }");
        return sources;
    }

    private record Analysed(ModulithModel model, List<ScannedArtifact> artifacts) {
    }

    private Analysed analyse(Map<String, String> sources) throws IOException, InterruptedException {
        Path classes = AnalyzedApplication.compile(dir, sources);
        ModulithModel model = AnalysisFork.run(AnalyzedApplication.request(dir, classes, "hr.HrApplication"));
        return new Analysed(model, List.of(new BytecodeScanner().scan("hr (classes)", classes)));
    }

    private static List<Blocker> applicationWide(ServicePlan plan) {
        return plan.blockers().stream().filter(b -> b.kind() == Blocker.Kind.APPLICATION_WIDE_MODULE).toList();
    }

    /**
     * The analyzer names each class of config with what it configures, each a blocker; nothing of people; a service of
     * people is refused in one line naming config, its classes and both fixes; the monolith runs config and builds;
     * the report shows the refusal.
     */
    @Test
    void aConfigModuleThatNoModuleUsesIsRefusedInEveryServiceWithoutIt() throws Exception {
        Analysed hr = analyse(application("@org.springframework.modulith.Modulithic", "hr.config"));

        assertEquals(Map.of(
                "hr.config.ProblemAdvice", List.of(new Setting("@RestControllerAdvice for every controller", Effect.BLOCKS)),
                "hr.config.RelayCredentials", List.of(new Setting("a RemoteCallHeaders bean", Effect.BLOCKS)),
                "hr.config.SecurityConfig", List.of(new Setting("@EnableMethodSecurity", Effect.BLOCKS),
                        new Setting("a SecurityFilterChain bean from api()", Effect.BLOCKS))),
                ApplicationWideModules.classesOf(hr.model(), "config"));
        assertEquals(Map.of(), ApplicationWideModules.classesOf(hr.model(), "people"), "an advice and properties scoped to people");

        ServicePlan people = Planner.plan(hr.model(), hr.artifacts(), new ServiceRequest("people", List.of("people")));
        List<Blocker> blockers = applicationWide(people);
        assertEquals(1, blockers.size(), people.blockers().toString());
        assertEquals("Module 'people' alone would run without module config, whose classes configure the whole application:"
                + " hr.config.ProblemAdvice (@RestControllerAdvice for every controller); hr.config.RelayCredentials"
                + " (a RemoteCallHeaders bean); hr.config.SecurityConfig (@EnableMethodSecurity, a SecurityFilterChain bean"
                + " from api()): Spring applies them to every module, so the service would run without them, on Spring"
                + " Boot's defaults: make config a module every service runs, @Modulithic(sharedModules = \"config\") on"
                + " hr.HrApplication, or move these classes into hr, outside every module", blockers.get(0).message());
        assertEquals("config", blockers.get(0).sourceModule());
        assertEquals("hr/config/ProblemAdvice.java", blockers.get(0).file());
        ExtractionException refused = assertThrows(ExtractionException.class, () -> Planner.refuseBlocked(List.of(people)));
        assertEquals(List.of(blockers.get(0).message()), refused.lines());

        assertEquals(List.of(), applicationWide(Planner.plan(hr.model(), hr.artifacts(),
                new ServiceRequest("hr", List.of("config", "leave", "people"), true))), "the monolith runs every module");

        ExtractionReport report = ExtractionReport.of(hr.model(), hr.artifacts(), Optional.empty(), TopologyServices.NONE,
                Map.of(), PublicationRegistry.NONE, List.of());
        assertEquals(List.of(), report.extractable(), "config alone takes it out of the monolith, every other module leaves it out");
        List<String> text = ReportText.lines(report);
        assertTrue(text.stream().anyMatch(line -> line.strip().equals("- application-wide-module: "
                + blockers.get(0).message())), String.join("\n", text));
        assertTrue(ReportJson.write(report).contains("\"kind\" : \"application-wide-module\""), ReportJson.write(report));
    }

    /**
     * people calls a published method of config: a service of people holds that type but not config's beans, so it
     * is refused, naming config, as leave is.
     */
    @Test
    void aModuleThatAServiceDependsOnForATypeDoesNotRunWithItAndIsRefused() throws Exception {
        Map<String, String> sources = application("@org.springframework.modulith.Modulithic", "hr.config");
        sources.put("hr/config/Roles.java", "package hr.config; public class Roles { public static String admin() {"
                + " return \"ADMIN\"; } }");
        sources.put("hr/people/internal/PeopleRoles.java", "package hr.people.internal; class PeopleRoles {"
                + " String admin() { return hr.config.Roles.admin(); } }");
        Analysed hr = analyse(sources);

        assertTrue(hr.model().module("people").orElseThrow().dependencies().stream()
                .anyMatch(d -> d.module().equals("config")), "people depends on config");
        ServicePlan people = Planner.plan(hr.model(), hr.artifacts(), new ServiceRequest("people", List.of("people")));
        assertTrue(people.classes().contains("hr.config.Roles"), "people holds the type it uses");
        assertFalse(people.classes().contains("hr.config.SecurityConfig"), "but not config's beans");
        List<Blocker> refused = applicationWide(people);
        assertEquals(List.of("config"), refused.stream().map(Blocker::sourceModule).toList());
        assertTrue(refused.get(0).message().startsWith("Module 'people' alone would run without module config,"),
                refused.get(0).message());
        List<Blocker> leave = applicationWide(Planner.plan(hr.model(), hr.artifacts(),
                new ServiceRequest("leave", List.of("leave"))));
        assertEquals(List.of("config"), leave.stream().map(Blocker::sourceModule).toList());
    }

    /**
     * A service that holds config, alone or with people, is refused in one line: the monolith, which no longer runs
     * config once the service takes its traffic, would run without it; the monolith itself builds, and so does a
     * service of every module, config, leave and people, which leaves the monolith no ordinary module to run.
     */
    @Test
    void aServiceThatHoldsTheModuleIsRefusedButOneOfEveryModuleAndTheMonolithBuild() throws Exception {
        Analysed hr = analyse(application("@org.springframework.modulith.Modulithic", "hr.config"));

        ServicePlan admin = Planner.plan(hr.model(), hr.artifacts(), new ServiceRequest("admin", List.of("config", "people")));
        List<Blocker> blockers = applicationWide(admin);
        assertEquals(1, blockers.size(), admin.blockers().toString());
        assertEquals("Service 'admin' would take module config out of the monolith and every other service, and its"
                + " classes configure the whole application: hr.config.ProblemAdvice (@RestControllerAdvice for every"
                + " controller); hr.config.RelayCredentials (a RemoteCallHeaders bean); hr.config.SecurityConfig"
                + " (@EnableMethodSecurity, a SecurityFilterChain bean from api()): Spring applies them to every module,"
                + " so those processes would run without them, on Spring Boot's defaults: make config a module every"
                + " service runs, @Modulithic(sharedModules = \"config\") on hr.HrApplication, or move these classes into"
                + " hr, outside every module", blockers.get(0).message());
        assertThrows(ExtractionException.class, () -> Planner.refuseBlocked(List.of(admin)));
        assertEquals(List.of("config"), applicationWide(Planner.plan(hr.model(), hr.artifacts(),
                new ServiceRequest("config", List.of("config")))).stream().map(Blocker::sourceModule).toList());

        ServicePlan monolith = Planner.plan(hr.model(), hr.artifacts(),
                new ServiceRequest("hr", List.of("config", "leave", "people"), true));
        assertEquals(List.of(), applicationWide(monolith));

        ServicePlan every = Planner.plan(hr.model(), hr.artifacts(), new ServiceRequest("all", List.of("config", "leave", "people")));
        assertEquals(List.of(), every.blockers());
        Planner.refuseBlocked(List.of(every));
    }

    /** {@code @Modulithic(sharedModules = "config")}: config runs in every service, which holds its classes and builds. */
    @Test
    void theSameModuleSharedIsInEveryServiceAndBuilds() throws Exception {
        Analysed hr = analyse(application("@org.springframework.modulith.Modulithic(sharedModules = \"config\")", "hr.config"));

        ServicePlan people = Planner.plan(hr.model(), hr.artifacts(), new ServiceRequest("people", List.of("people")));
        assertEquals(List.of(), people.blockers());
        assertTrue(people.modules().contains("config"), people.modules().toString());
        assertTrue(people.classes().containsAll(List.of("hr.config.SecurityConfig", "hr.config.ProblemAdvice",
                "hr.config.RelayCredentials")), people.classes().toString());
        Planner.refuseBlocked(List.of(people));
    }

    /** The same classes in hr, outside every module: every service holds them, and builds. */
    @Test
    void theSameClassesInTheRootPackageAreInEveryServiceAndBuild() throws Exception {
        Analysed hr = analyse(application("@org.springframework.modulith.Modulithic", "hr"));

        assertTrue(hr.model().module("config").isEmpty());
        ServicePlan people = Planner.plan(hr.model(), hr.artifacts(), new ServiceRequest("people", List.of("people")));
        assertEquals(List.of(), people.blockers());
        assertTrue(people.classes().containsAll(List.of("hr.SecurityConfig", "hr.ProblemAdvice", "hr.RelayCredentials")),
                people.classes().toString());
    }
}

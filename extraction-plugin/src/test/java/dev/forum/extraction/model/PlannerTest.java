package dev.forum.extraction.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.extraction.FakeApp;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cutting the fake application (API and implementation jars per module, like the forum) into services. */
class PlannerTest {

    @TempDir
    Path dir;

    @Test
    void aServiceHoldsTheSharedModuleItsOwnAndOnlyTheApiOfWhatItCalls() throws IOException {
        ServicePlan plan = plan(FakeApp.scanned(dir, false), new ServiceRequest("beta", List.of("beta")));

        assertEquals(List.of("alpha"), plan.publishedTypesOf());
        assertEquals(Map.of("fake.alpha.AlphaApi", "alpha"), plan.remoteContracts());
        assertEquals(List.of("alpha"), plan.callsOverHttp());
        assertEquals(List.of(), plan.typesOnly());
        assertEquals(Map.of("shared", "shared module platform", "beta", "implementation of beta", "beta-api", "API of beta",
                "alpha-api", "API of alpha (used)"), names(plan.included()));
        assertEquals(Map.of("alpha", "implementation of alpha", "gamma", "implementation of gamma",
                "gamma-api", "API of gamma (not used)"), names(plan.excluded()));
        assertEquals(List.of(), plan.blockers());
        assertTrue(plan.filtered().isEmpty(), "API jars come whole");
        assertEquals(Map.of("fake.alpha.internal.AlphaService", "alpha", "fake.alpha.internal.Secret", "alpha",
                "fake.gamma.GammaApi", "gamma", "fake.gamma.internal.GammaService", "gamma"), plan.leftOut());
        assertEquals(List.of("fake.alpha.internal.AlphaService", "fake.alpha.internal.Secret", "fake.gamma.GammaApi",
                "fake.gamma.internal.GammaService"), List.copyOf(plan.leftOut().keySet()), "in name order");
    }

    @Test
    void publishedTypesReferencedByCalledTypesComeTooAndTheirModulesCount() throws IOException {
        // gamma's code uses beta's API; gamma's API names alpha's AlphaId.
        ServicePlan plan = plan(FakeApp.scanned(dir, false), new ServiceRequest("gamma", List.of("gamma")));

        assertEquals(List.of("alpha", "beta"), plan.publishedTypesOf());
        assertEquals(List.of("beta"), plan.callsOverHttp(), "through beta's HTTP contract");
        assertEquals(List.of("alpha"), plan.typesOnly(), "alpha's AlphaId only, named by gamma's API");
        assertEquals(List.of("shared", "alpha-api", "beta-api", "gamma-api", "gamma"), List.copyOf(names(plan.included()).keySet()));
        assertEquals(List.of("alpha", "beta"), List.copyOf(names(plan.excluded()).keySet()));
    }

    @Test
    void aServiceOfSeveralModulesHoldsThemAll() throws IOException {
        ServicePlan plan = plan(FakeApp.scanned(dir, false), new ServiceRequest("core", List.of("alpha", "beta")));

        assertEquals(List.of(), plan.publishedTypesOf());
        assertEquals(Map.of(), plan.remoteContracts(), "beta calls alpha in process");
        assertTrue(names(plan.included()).keySet().containsAll(List.of("alpha", "alpha-api", "beta", "beta-api")));
        assertEquals(List.of("gamma-api", "gamma"), List.copyOf(names(plan.excluded()).keySet()));
    }

    @Test
    void aReferenceToAnotherModulesInternalsBlocksOneLineEachWithFileAndModules() throws IOException {
        List<ScannedArtifact> sneaky = FakeApp.scanned(dir, true);

        ServicePlan plan = plan(sneaky, new ServiceRequest("beta", List.of("beta")));
        assertEquals(1, plan.blockers().size());
        Blocker blocker = plan.blockers().get(0);
        assertEquals(Blocker.Kind.INTERNAL_REFERENCE, blocker.kind());
        assertEquals("Module 'beta' alone needs other modules' internals: fake.beta.internal.Sneaky -> fake.alpha.internal.Secret"
                + " (fake/beta/internal/Sneaky.java, module beta; module alpha does not publish Secret): call them through their"
                + " module API instead", blocker.message());
        var e = assertThrows(ExtractionException.class, () -> Planner.refuseBlocked(List.of(plan)));
        assertEquals(List.of(blocker.message()), e.lines());
        // With alpha in the same service the reference stays inside it.
        assertEquals(List.of(), plan(sneaky, new ServiceRequest("core", List.of("alpha", "beta"))).blockers());
    }

    @Test
    void theMonolithHoldsEveryModuleAndMayShareOneWithAService() throws IOException {
        List<ServicePlan> plans = Planner.plan(FakeApp.model(), FakeApp.scanned(dir, false), List.of(
                new ServiceRequest("monolith", List.of("alpha", "beta", "gamma"), true), new ServiceRequest("beta", List.of("beta"))));
        assertEquals(List.of(), plans.get(0).publishedTypesOf());
        assertEquals(List.of(), plans.get(0).blockers());
        assertEquals(List.of(), List.copyOf(plans.get(0).excluded().keySet()));
        assertEquals(List.of("alpha"), plans.get(1).publishedTypesOf());
    }

    @Test
    void refusesAnUnknownModuleListingTheValidOnes() throws IOException {
        var e = assertThrows(ExtractionException.class, () -> Planner.plan(FakeApp.model(), FakeApp.scanned(dir, false),
                List.of(new ServiceRequest("delta", List.of("delta")))));
        assertEquals("Unknown module 'delta' in service 'delta': valid are modules alpha, beta, gamma", e.getMessage());
        e = assertThrows(ExtractionException.class, () -> Planner.plan(FakeApp.model(), FakeApp.scanned(dir, false),
                List.of(new ServiceRequest("greek", List.of("alpha", "gama")))));
        assertEquals("Unknown module 'gama' in service 'greek' (did you mean gamma?): valid are modules alpha, beta, gamma",
                e.getMessage());
    }

    @Test
    void refusesAModuleThatRunsEverywhereSayingWhy() throws IOException {
        var e = assertThrows(ExtractionException.class, () -> Planner.plan(FakeApp.model(), FakeApp.scanned(dir, false),
                List.of(new ServiceRequest("platform", List.of("platform")))));
        assertEquals("Module 'platform' in service 'platform' is a shared module, which runs in every service already:"
                + " remove it from the request (the modules a service can hold are alpha, beta, gamma)", e.getMessage());
    }

    @Test
    void refusesAModuleInTwoServices() throws IOException {
        var e = assertThrows(ExtractionException.class, () -> Planner.plan(FakeApp.model(), FakeApp.scanned(dir, false), List.of(
                new ServiceRequest("core", List.of("alpha", "beta")), new ServiceRequest("beta", List.of("beta")))));
        // The request is taken as typed with -Dextract: the goals' line (ModuleChecks.requireOneService).
        assertEquals("-Dextract=core,beta names service 'core' and its module 'beta': name the service or its modules,"
                + " not both, e.g. -Dextract=core", e.getMessage());
        e = assertThrows(ExtractionException.class, () -> Planner.plan(FakeApp.model(), FakeApp.scanned(dir, false), List.of(
                new ServiceRequest("core", List.of("alpha", "beta")), new ServiceRequest("edge", List.of("beta", "gamma")))));
        assertEquals("-Dextract=core,edge names services 'core' and 'edge', which both hold module 'beta': a module runs in"
                + " one service, so name one of them, e.g. -Dextract=core", e.getMessage());
    }

    @Test
    void aPackageBasedApplicationIsCutInsideItsClassesFolder() throws IOException {
        FakeApp.jars(dir, false);
        ScannedArtifact classes = new dev.forum.extraction.scan.BytecodeScanner().scan("app (classes)", dir.resolve("classes"));
        ServicePlan plan = plan(List.of(classes), new ServiceRequest("beta", List.of("beta")));

        assertEquals(java.util.Set.of(classes), plan.filtered());
        assertTrue(plan.classes().containsAll(List.of("fake.beta.BetaApi", "fake.beta.internal.BetaService", "fake.alpha.AlphaApi",
                "fake.alpha.AlphaId", "fake.platform.Paging")));
        assertTrue(plan.classes().stream().noneMatch(c -> c.startsWith("fake.alpha.internal.") || c.startsWith("fake.gamma.")));
        // Spring Modulith's migration convention: only the service's own modules' folders.
        List<String> all = List.of("platform", "alpha", "beta", "gamma");
        assertTrue(plan.keepsResource("db/migration/beta/V1__b.sql", all));
        assertTrue(plan.keepsResource("db/migration/platform/V1__p.sql", all));
        assertTrue(!plan.keepsResource("db/migration/alpha/V1__a.sql", all));
        assertTrue(plan.keepsResource("db/migration/__root/V1__r.sql", all));
        assertTrue(plan.keepsResource("application.properties", all));
    }

    @Test
    void anApplicationWithoutModulesIsRefusedSayingHowModulesAreFound() {
        ModulithModel none = ModulithModel.builder("com.example.Application", List.of("com.example"), List.of()).build();
        var e = assertThrows(ExtractionException.class, () -> ModuleChecks.requireModules(none));
        assertEquals("No module found: Spring Modulith takes each direct sub-package of the main class's package as a module,"
                + " and com.example.Application has none below com.example holding classes: move each module's classes into"
                + " a package of its own below it (e.g. com.example.orders)", e.getMessage());

        ModulithModel.Module kernel = new ModulithModel.Module("kernel", "com.example.kernel", true, false,
                java.util.Set.of("com.example.kernel.K"), java.util.Set.of(), Map.of(), List.of());
        ModulithModel onlyShared = ModulithModel.builder("com.example.Application", List.of("com.example"), List.of(kernel))
                .build();
        var shared = assertThrows(ExtractionException.class, () -> ModuleChecks.requireModules(onlyShared));
        assertEquals("No module can be a service of its own: Spring Modulith found kernel (open) below com.example, and open or"
                + " shared modules and the main class's module run in every service: give the application a module of its own"
                + " for each part to extract", shared.getMessage());
    }

    private static ServicePlan plan(List<ScannedArtifact> scanned, ServiceRequest request) {
        return Planner.plan(FakeApp.model(), scanned, List.of(request)).get(0);
    }

    private static Map<String, String> names(Map<ScannedArtifact, String> artifacts) {
        return artifacts.entrySet().stream().collect(Collectors.toMap(e -> e.getKey().name(), Map.Entry::getValue,
                (a, b) -> a, LinkedHashMap::new));
    }
}

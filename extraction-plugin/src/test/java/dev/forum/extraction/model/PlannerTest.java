package dev.forum.extraction.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.extraction.FakeApp;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlannerTest {

    @TempDir
    Path dir;

    @Test
    void findsEachModuleWithItsApiPackageAndImplementation() throws IOException {
        ApplicationModules app = ApplicationModules.of(FakeApp.scanned(dir, false));

        assertEquals(List.of("alpha", "beta", "gamma"), app.implementedModules());
        AppModule beta = app.module("beta").orElseThrow();
        assertEquals("fake.beta", beta.apiPackage());
        assertEquals("beta-api", beta.api().name());
        assertEquals("beta", beta.implementation().name());
    }

    @Test
    void eachModuleRouteComesFromItsContractAndAModuleWithoutOneIsRefused() throws IOException {
        ApplicationModules app = ApplicationModules.of(FakeApp.scanned(dir, false));
        assertEquals("/api/alpha", app.module("alpha").orElseThrow().routePrefix());
        assertEquals("/api/beta", app.module("beta").orElseThrow().routePrefix());
        var e = assertThrows(ExtractionException.class, app::moduleRoutes);
        assertEquals("Module 'gamma' declares no route prefix: annotate fake.gamma.GammaApi with its HTTP contract's"
                + " prefix, e.g. @HttpExchange(\"/api/gamma\") (the load balancer's path rules come from it)", e.getMessage());
    }

    @Test
    void theMonolithMayShareItsModulesWithAnotherService() throws IOException {
        ApplicationModules app = ApplicationModules.of(FakeApp.scanned(dir, false));
        List<ServicePlan> plans = Planner.plan(app, List.of(
                new ServiceRequest("monolith", List.of("alpha", "beta", "gamma"), true), new ServiceRequest("beta", List.of("beta"))));
        assertEquals(List.of(), plans.get(0).calls());
        assertEquals(List.of("alpha"), plans.get(1).calls());
    }

    @Test
    void aServiceHoldsSharedItsModuleAndOnlyTheApiOfWhatItCalls() throws IOException {
        ServicePlan plan = planOne(FakeApp.scanned(dir, false), new ServiceRequest("beta", List.of("beta")));

        assertEquals(List.of("alpha"), plan.calls());
        assertEquals(Map.of("shared", "shared", "beta", "implementation of beta", "beta-api", "API of beta",
                "alpha-api", "API of alpha (called)"), names(plan.included()));
        assertEquals(Map.of("alpha", "implementation of alpha", "gamma", "implementation of gamma",
                "gamma-api", "API of gamma (not called)"), names(plan.excluded()));
    }

    @Test
    void apisReferencedByCalledOrOwnApisAreIncludedToo() throws IOException {
        ServicePlan plan = planOne(FakeApp.scanned(dir, false), new ServiceRequest("gamma", List.of("gamma")));

        // gamma's code calls beta; gamma's API names alpha's AlphaId.
        assertEquals(List.of("alpha", "beta"), plan.calls());
        assertEquals(List.of("shared", "gamma", "gamma-api", "beta-api", "alpha-api"),
                List.copyOf(names(plan.included()).keySet()));
        assertEquals(List.of("alpha", "beta"), List.copyOf(names(plan.excluded()).keySet()));
    }

    @Test
    void aGroupHoldsEveryModuleItNames() throws IOException {
        ServicePlan plan = planOne(FakeApp.scanned(dir, false), new ServiceRequest("core", List.of("alpha", "beta")));

        assertEquals(List.of(), plan.calls());
        assertTrue(names(plan.included()).keySet().containsAll(List.of("alpha", "alpha-api", "beta", "beta-api")));
        assertEquals(List.of("gamma", "gamma-api"), List.copyOf(names(plan.excluded()).keySet()));
    }

    @Test
    void refusesCodeThatNeedsAnotherModulesInternalsAndNamesTheClasses() throws IOException {
        ApplicationModules app = ApplicationModules.of(FakeApp.scanned(dir, true));

        var e = assertThrows(ExtractionException.class,
                () -> Planner.plan(app, List.of(new ServiceRequest("beta", List.of("beta")))));
        assertEquals("Service 'beta' needs other modules' internals: fake.beta.internal.Sneaky -> fake.alpha.internal.Secret:"
                + " call them through their module API instead", e.getMessage());
        // Even with alpha in the same service: an implementation stays out of other modules' internals.
        assertThrows(ExtractionException.class,
                () -> Planner.plan(app, List.of(new ServiceRequest("core", List.of("alpha", "beta")))));
        assertEquals(1, Planner.plan(app, List.of(new ServiceRequest("alpha", List.of("alpha")))).size());
    }

    @Test
    void refusesAnUnknownModuleListingTheValidOnes() throws IOException {
        ApplicationModules app = ApplicationModules.of(FakeApp.scanned(dir, false));

        var e = assertThrows(ExtractionException.class,
                () -> Planner.plan(app, List.of(new ServiceRequest("delta", List.of("delta")))));
        assertEquals("Unknown module 'delta' in service 'delta': valid modules are alpha, beta, gamma", e.getMessage());
    }

    @Test
    void refusesAModuleInTwoServices() throws IOException {
        ApplicationModules app = ApplicationModules.of(FakeApp.scanned(dir, false));

        var e = assertThrows(ExtractionException.class, () -> Planner.plan(app, List.of(
                new ServiceRequest("core", List.of("alpha", "beta")), new ServiceRequest("beta", List.of("beta")))));
        assertEquals("Module 'beta' is requested in two services ('core' and 'beta'): put it in one", e.getMessage());
    }

    @Test
    void plansEachRequestedService() throws IOException {
        ApplicationModules app = ApplicationModules.of(FakeApp.scanned(dir, false));

        List<ServicePlan> plans = Planner.plan(app, List.of(new ServiceRequest("alpha", List.of("alpha")),
                new ServiceRequest("beta", List.of("beta"))));
        assertEquals(List.of("alpha", "beta"), plans.stream().map(ServicePlan::service).toList());
        assertEquals(List.of(), plans.get(0).calls());
    }

    private static ServicePlan planOne(List<ScannedArtifact> scanned, ServiceRequest request) {
        return Planner.plan(ApplicationModules.of(scanned), List.of(request)).get(0);
    }

    private static Map<String, String> names(Map<ScannedArtifact, String> artifacts) {
        return artifacts.entrySet().stream().collect(Collectors.toMap(e -> e.getKey().name(), Map.Entry::getValue,
                (a, b) -> a, java.util.LinkedHashMap::new));
    }
}

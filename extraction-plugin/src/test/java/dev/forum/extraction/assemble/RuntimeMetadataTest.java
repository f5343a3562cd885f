package dev.forum.extraction.assemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.extraction.FakeApp;
import dev.forum.extraction.model.HttpContract;
import dev.forum.extraction.model.ModulithModel;
import dev.forum.extraction.runtime.topology.ModuleMetadata;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The module metadata the run-time library reads: what it says, and the same bytes for the same model. */
class RuntimeMetadataTest {

    @Test
    void namesEachModulesPackagesContractsCallsAndWhatMayNotCross() throws IOException {
        ModulithModel base = FakeApp.model();
        // gamma also uses a plain bean of alpha and listens to an event alpha publishes.
        List<ModulithModel.Module> modules = base.modules().stream().map(m -> !m.name().equals("gamma") ? m
                : new ModulithModel.Module(m.name(), m.basePackage(), false, false, m.types(), m.publishedTypes(), Map.of(),
                        List.of(m.dependencies().get(0), new ModulithModel.Dependency("USES_COMPONENT", "fake.gamma.internal.GammaService",
                                "fake.alpha.AlphaId", "alpha")))).toList();
        ModulithModel model = ModulithModel.builder(base.mainClass(), base.rootPackages(), modules)
                .httpContracts(base.httpContracts())
                .controllers(FakeApp.CONTROLLERS)
                .listeners(List.of(new ModulithModel.Listener("fake.alpha.AlphaId", "fake.gamma.internal.GammaService",
                        "on")))
                .build();

        Properties metadata = load(RuntimeMetadata.of(model, List.of()));
        assertEquals("1", metadata.getProperty("format"));
        assertEquals("alpha,beta,gamma,platform", metadata.getProperty("modules"), "a module after those it depends on");
        assertEquals(null, metadata.getProperty("service"));
        assertEquals("true", metadata.getProperty("module.platform.everywhere"));
        assertEquals("fake.beta", metadata.getProperty("module.beta.packages"));
        assertEquals("fake.alpha.AlphaApi", metadata.getProperty("module.alpha.contracts"));
        assertEquals("/api/alpha", metadata.getProperty("module.alpha.prefix"));
        assertEquals("alpha", metadata.getProperty("module.beta.calls"));
        assertEquals("beta", metadata.getProperty("module.gamma.calls"));
        assertEquals("fake.alpha.AlphaId@alpha", metadata.getProperty("module.gamma.beanCalls"));
        assertEquals("fake.alpha.AlphaId@alpha", metadata.getProperty("module.gamma.listens"));

        byte[] service = RuntimeMetadata.of(model, List.of("beta"));
        assertEquals("beta", load(service).getProperty("service"));
        assertArrayEquals(service, RuntimeMetadata.of(model, List.of("beta")));
        assertTrue(!new String(service, StandardCharsets.ISO_8859_1).contains("20"), "no date in the file");
    }

    /**
     * A module without an HTTP contract whose controller declares a class-level {@code @RequestMapping} has that prefix
     * in the metadata too: the run time answers the routes of a module held elsewhere by the same prefix the load
     * balancer routes by.
     */
    @Test
    void aModuleWithoutContractHasItsControllersClassLevelMappingAsPrefix() throws IOException {
        ModulithModel base = FakeApp.model();
        Map<String, List<String>> controllers = new java.util.LinkedHashMap<>(FakeApp.CONTROLLERS);
        controllers.put("fake.gamma.internal.GammaService", List.of("/api/gamma"));
        ModulithModel model = ModulithModel.builder(base.mainClass(), base.rootPackages(), base.modules())
                .httpContracts(base.httpContracts())
                .controllers(controllers)
                .build();

        Properties metadata = load(RuntimeMetadata.of(model, List.of()));
        assertEquals("/api/gamma", metadata.getProperty("module.gamma.prefix"));
        assertEquals("", metadata.getProperty("module.gamma.contracts"));
        assertEquals("/api/alpha", metadata.getProperty("module.alpha.prefix"), "a contract's prefix as before");
    }

    /**
     * A prefix the load balancer cannot route (here a controller's class-level mapping with a path variable) is not
     * written: the run time would otherwise claim, for a module held elsewhere, paths no rule sends there.
     */
    @Test
    void aPrefixTheLoadBalancerCannotRouteIsNotWritten() throws IOException {
        ModulithModel base = FakeApp.model();
        Map<String, List<String>> controllers = new java.util.LinkedHashMap<>(FakeApp.CONTROLLERS);
        controllers.put("fake.gamma.internal.GammaService", List.of("/api/{tenant}/gamma"));
        ModulithModel model = ModulithModel.builder(base.mainClass(), base.rootPackages(), base.modules())
                .httpContracts(base.httpContracts())
                .controllers(controllers)
                .build();

        Properties metadata = load(RuntimeMetadata.of(model, List.of()));
        assertEquals("", metadata.getProperty("module.gamma.prefix"));
        assertEquals("/api/alpha", metadata.getProperty("module.alpha.prefix"), "a routable prefix as before");
    }

    /**
     * A contract prefix written without a leading '/' ({@code @HttpExchange("api/alpha")}) is the prefix Spring MVC
     * serves, {@code /api/alpha}: the run time claims the paths the load balancer's rule sends.
     */
    @Test
    void aContractPrefixWithoutALeadingSlashIsWrittenWithOne() throws IOException {
        ModulithModel base = FakeApp.model();
        Map<String, HttpContract> contracts = new java.util.LinkedHashMap<>(base.httpContracts());
        contracts.put("fake.alpha.AlphaApi", new HttpContract("fake.alpha.AlphaApi", "api/alpha",
                base.httpContracts().get("fake.alpha.AlphaApi").controllers()));
        ModulithModel model = ModulithModel.builder(base.mainClass(), base.rootPackages(), base.modules())
                .httpContracts(contracts)
                .controllers(FakeApp.CONTROLLERS)
                .build();

        assertEquals("/api/alpha", load(RuntimeMetadata.of(model, List.of())).getProperty("module.alpha.prefix"));
    }

    /**
     * A class-level path with a trailing '/' ({@code @RequestMapping("/api/gamma/")}, {@code @HttpExchange("/api/alpha/")})
     * is written as the prefix the load balancer's rule has, {@code /api/gamma}: the run time reads that one
     * ({@code ModuleMetadata}), so it claims for a module held elsewhere the paths the rule sends it, the exact
     * {@code /api/gamma/} Spring MVC serves for a method without a path included.
     */
    @Test
    void aClassLevelPathWithATrailingSlashIsWrittenAsThePrefixTheLoadBalancerRoutes() throws IOException {
        ModulithModel base = FakeApp.model();
        Map<String, HttpContract> contracts = new java.util.LinkedHashMap<>(base.httpContracts());
        contracts.put("fake.alpha.AlphaApi", new HttpContract("fake.alpha.AlphaApi", "/api/alpha/",
                base.httpContracts().get("fake.alpha.AlphaApi").controllers()));
        Map<String, List<String>> controllers = new java.util.LinkedHashMap<>(FakeApp.CONTROLLERS);
        controllers.put("fake.gamma.internal.GammaService", List.of("/api/gamma/"));
        ModulithModel model = ModulithModel.builder(base.mainClass(), base.rootPackages(), base.modules())
                .httpContracts(contracts)
                .controllers(controllers)
                .build();

        ModuleMetadata metadata = ModuleMetadata.parse(load(RuntimeMetadata.of(model, List.of())), "test");
        assertEquals("/api/gamma", metadata.module("gamma").orElseThrow().routePrefix());
        assertEquals("/api/alpha", metadata.module("alpha").orElseThrow().routePrefix());
    }

    /**
     * Spring Modulith names a nested module by its package's path below the root ({@code alpha.beta}, nested in
     * {@code alpha}) and a deep one alike ({@code ops.gamma}): such names are written and read back as any other, in the
     * module list, their own keys and the modules that call them.
     */
    @Test
    void dottedModuleNamesAreWrittenAndReadBack() throws IOException {
        ModulithModel base = FakeApp.model();
        Map<String, String> renamed = Map.of("beta", "alpha.beta", "gamma", "ops.gamma");
        List<ModulithModel.Module> modules = base.modules().stream().map(m -> new ModulithModel.Module(
                renamed.getOrDefault(m.name(), m.name()), m.basePackage(), m.open(), m.shared(), m.types(), m.publishedTypes(),
                m.publishedEvents(), m.dependencies().stream().map(d -> new ModulithModel.Dependency(d.type(), d.source(),
                        d.target(), renamed.getOrDefault(d.module(), d.module()))).toList())).toList();
        ModulithModel model = ModulithModel.builder(base.mainClass(), base.rootPackages(), modules)
                .httpContracts(base.httpContracts())
                .controllers(FakeApp.CONTROLLERS)
                .build();

        byte[] bytes = RuntimeMetadata.of(model, List.of());
        Properties written = load(bytes);
        assertEquals("alpha,alpha.beta,ops.gamma,platform", written.getProperty("modules"));
        assertEquals("fake.beta", written.getProperty("module.alpha.beta.packages"));
        assertEquals("alpha.beta", written.getProperty("module.ops.gamma.calls"));
        ModuleMetadata metadata = ModuleMetadata.parse(written, "test");
        assertEquals(List.of("alpha", "alpha.beta", "ops.gamma"), metadata.runnableModules());
        assertEquals(List.of("fake.beta"), metadata.module("alpha.beta").orElseThrow().packages());
        assertEquals(java.util.Set.of("alpha.beta"), metadata.module("ops.gamma").orElseThrow().calls());
        // A name no route can carry gets no prefix, as a camelCase one: its module runs where the monolith does.
        assertEquals(null, metadata.module("alpha.beta").orElseThrow().routePrefix());
        assertEquals("/api/alpha", metadata.module("alpha").orElseThrow().routePrefix());
        byte[] service = RuntimeMetadata.of(model, List.of("alpha.beta"));
        assertEquals(java.util.Set.of("alpha.beta"), ModuleMetadata.parse(load(service), "test").service());
    }

    private static Properties load(byte[] bytes) throws IOException {
        Properties properties = new Properties();
        properties.load(new ByteArrayInputStream(bytes));
        return properties;
    }
}

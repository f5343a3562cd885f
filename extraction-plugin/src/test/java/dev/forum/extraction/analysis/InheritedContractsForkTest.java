package dev.forum.extraction.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.extraction.assemble.RuntimeMetadata;
import dev.forum.extraction.model.HttpContract;
import dev.forum.extraction.runtime.topology.ModuleMetadata;
import dev.forum.extraction.runtime.topology.Topology;
import dev.forum.extraction.runtime.topology.TopologySettings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * user12's faults 1 and 5, read by the analyzer in its own JVM from a compiled application: catalog's
 * {@code CatalogApi extends CatalogReadApi} (both with a class-level {@code @HttpExchange}, one controller), checkout
 * injecting the super-interface, and a tenants contract taking a {@code @RequestAttribute}. The plugin records both
 * catalog contracts (both are types the module answers: a service may carry only the one its modules call) and the
 * run time gives the most specific one the only client; the request attribute is refused at build time.
 */
class InheritedContractsForkTest {

    private static final String EXCHANGE = "@org.springframework.web.service.annotation.HttpExchange(\"/api/catalog\") ";
    private static final String GET = "@org.springframework.web.service.annotation.GetExchange";
    private static final String PATH = "@org.springframework.web.bind.annotation.PathVariable(\"sku\") String sku";
    private static final Map<String, String> SOURCES = Map.ofEntries(
            Map.entry("store/StoreApplication.java", "package store; @org.springframework.modulith.Modulithic public class StoreApplication {}"),
            Map.entry("store/catalog/CatalogReadApi.java", "package store.catalog; " + EXCHANGE
                    + "public interface CatalogReadApi { " + GET + "(\"/{sku}\") String find(" + PATH + "); }"),
            Map.entry("store/catalog/CatalogApi.java", "package store.catalog; " + EXCHANGE + "public interface CatalogApi"
                    + " extends CatalogReadApi { @org.springframework.web.service.annotation.PostExchange(\"/{sku}\") String add(" + PATH + "); }"),
            Map.entry("store/catalog/internal/CatalogController.java", "package store.catalog.internal;"
                    + " @org.springframework.web.bind.annotation.RestController public class CatalogController implements"
                    + " store.catalog.CatalogApi { public String find(String sku) { return sku; } public String add(String sku) { return sku; } }"),
            Map.entry("store/checkout/internal/Checkout.java", "package store.checkout.internal;"
                    + " @org.springframework.stereotype.Component class Checkout { final store.catalog.CatalogReadApi catalog;"
                    + " Checkout(store.catalog.CatalogReadApi catalog) { this.catalog = catalog; } }"),
            Map.entry("store/tenants/TenantApi.java", "package store.tenants;"
                    + " @org.springframework.web.service.annotation.HttpExchange(\"/api/tenants\") public interface TenantApi { "
                    + GET + "(\"/current\") String current(@org.springframework.web.bind.annotation.RequestAttribute(\"tenant\") String tenant); }"),
            Map.entry("store/tenants/internal/TenantController.java", "package store.tenants.internal;"
                    + " @org.springframework.web.bind.annotation.RestController public class TenantController implements"
                    + " store.tenants.TenantApi { public String current(String tenant) { return tenant; } }"));

    @RegisterExtension
    static final AnalyzedApplication APPLICATION = new AnalyzedApplication(SOURCES, "store.StoreApplication");

    @Test
    void bothContractsAreTheModulesServedByItsOneControllerAndNeitherIsRefused() {
        Map<String, HttpContract> contracts = APPLICATION.model().httpContracts();
        for (String contract : List.of("store.catalog.CatalogApi", "store.catalog.CatalogReadApi")) {
            assertEquals(List.of("store.catalog.internal.CatalogController"), contracts.get(contract).controllers(), contract);
            assertEquals("/api/catalog", contracts.get(contract).prefix(), contract);
            assertEquals(List.of(), contracts.get(contract).unsendable(), contract);
        }
    }

    @Test
    void theMetadataListsBothAndTheRunTimeGivesTheMostSpecificTheOnlyClient() throws IOException {
        Properties properties = new Properties();
        properties.load(new ByteArrayInputStream(RuntimeMetadata.of(APPLICATION.model(), List.of())));
        assertEquals("store.catalog.CatalogApi,store.catalog.CatalogReadApi", properties.getProperty("module.catalog.contracts"));
        assertEquals("catalog", properties.getProperty("module.checkout.calls"));
        Topology topology = Topology.resolve(new TopologySettings(Set.of("checkout"), URI.create("http://lb"), Map.of(),
                Duration.ofMillis(250), Duration.ofMillis(800)), ModuleMetadata.parse(properties, "test"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {APPLICATION.classes().toUri().toURL()}, getClass().getClassLoader())) {
            Map<String, List<Class<?>>> clients = topology.remoteContracts(loader);
            assertEquals(List.of("store.catalog.CatalogApi"), clients.get("catalog").stream().map(Class::getName).toList());
        }
    }

    @Test
    void aRequestAttributeIsRefusedAtBuildTimeInOneLine() {
        HttpContract tenants = APPLICATION.model().httpContracts().get("store.tenants.TenantApi");
        assertEquals(1, tenants.unsendable().size(), tenants.unsendable().toString());
        String problem = tenants.unsendable().get(0).toString();
        assertTrue(problem.contains("current") && problem.contains("@RequestAttribute does not reach the module as its"
                + " controller takes it") && !problem.contains("\n"), problem);
    }
}

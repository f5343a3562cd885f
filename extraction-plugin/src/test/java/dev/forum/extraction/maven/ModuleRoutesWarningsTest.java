package dev.forum.extraction.maven;

import static dev.forum.extraction.maven.ModuleRoutesTest.contract;
import static dev.forum.extraction.maven.ModuleRoutesTest.module;
import static dev.forum.extraction.maven.ModuleRoutesTest.shop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.extraction.model.HttpContract;
import dev.forum.extraction.model.ModulithModel;
import dev.forum.topology.ModuleRoute;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The warnings of a service that is built all the same: a controller of a routed module that may serve routes outside
 * the prefix the load balancer sends the service, and a service that gets no request at all.
 */
class ModuleRoutesWarningsTest {

    /**
     * A routed module's controller that implements none of its contracts may serve routes outside the prefix the load
     * balancer sends the service: one warning line per such controller.
     */
    @Test
    void aControllerOutsideTheContractsOfARoutedModuleIsNamedInOneWarningLine() {
        List<ModulithModel.Module> modules = new ArrayList<>();
        Map<String, HttpContract> contracts = new LinkedHashMap<>();
        module(modules, "customers", "CustomerApi", "internal.CustomerController", "internal.AdminController");
        module(modules, "catalog", "CatalogApi", "internal.CatalogController");
        contract(contracts, "shop.customers.CustomerApi", "/api/customers", "shop.customers.internal.CustomerController");
        contract(contracts, "shop.catalog.CatalogApi", "/api/catalog", "shop.catalog.internal.CatalogController");
        ModulithModel model = ModulithModel.builder("shop.ShopApplication", List.of("shop"), modules)
                .httpContracts(contracts)
                .controllers(Map.of("shop.customers.internal.CustomerController", List.of(),
                        "shop.customers.internal.AdminController", List.of(), "shop.catalog.internal.CatalogController",
                        List.of()))
                .build();

        assertEquals(List.of("crm: controller shop.customers.internal.AdminController of module customers implements none of"
                + " its HTTP contracts and has no class-level @RequestMapping, so its routes are not checked against the"
                + " load balancer's rule for customers, which sends crm only /api/customers and /api/customers/*: a route of"
                + " it outside them reaches the monolith, where customers does not run; map it below /api/customers"
                + " (@RequestMapping(\"/api/customers\") on the class) or serve its routes through the contract"),
                ModuleRoutes.outsideTheirPrefix(model, "crm", List.of("customers", "catalog")));
        assertEquals(List.of(), ModuleRoutes.outsideTheirPrefix(model, "catalog", List.of("catalog")),
                "every controller implements the contract");
        assertEquals(List.of(), ModuleRoutes.outsideTheirPrefix(shop(), "orders", List.of("orders")),
                "no prefix: the service is blocked elsewhere, not warned here");
    }

    /** A module serving functional endpoints gets requests: FunctionalRoutes warns of their paths instead. */
    @Test
    void aServiceWithRouterFunctionsIsNotUnreachable() {
        ModulithModel tickets = dev.forum.extraction.model.FunctionalRoutesTest.tickets();
        assertEquals(Optional.empty(), ModuleRoutes.unreachable(tickets, "events", List.of("events")));
    }

    /** A service none of whose modules has a controller gets no request: one warning line naming them and why. */
    @Test
    void aServiceWithoutAControllerIsNamedInOneWarningLine() {
        assertEquals(Optional.of("ratings: module ratings will get no requests as a service: it has no @Controller or"
                + " @RestController"), ModuleRoutes.unreachable(shop(), "ratings", List.of("ratings"))
                .map(line -> line.substring(0, line.indexOf(" (so no web route"))));
        String line = ModuleRoutes.unreachable(shop(), "ratings", List.of("ratings")).orElseThrow();
        assertFalse(line.contains("\n"), line);
        assertTrue(line.contains("and no HTTP contract another module could call), and events do not cross services"), line);
        assertTrue(line.endsWith("built all the same. If it should serve requests, give it a controller, or leave it in the"
                + " monolith"), line);
        assertEquals(Optional.empty(), ModuleRoutes.unreachable(shop(), "orders", List.of("orders")),
                "a controller without a contract: the load balancer routes to it");
        assertEquals(Optional.empty(), ModuleRoutes.unreachable(shop(), "feedback", List.of("ratings", "reviews")),
                "reviews's controller serves the service");
    }

    /**
     * With a contract, the contract's prefix is the module's route; a controller of it mapped elsewhere is named with
     * its actual mapping, one mapped below the prefix is not named.
     */
    @Test
    void aControllerMappedOutsideTheContractsPrefixIsNamedWithItsMapping() {
        List<ModulithModel.Module> modules = new ArrayList<>();
        module(modules, "customers", "CustomerApi", "internal.CustomerController", "internal.AdminController",
                "internal.ExportController");
        Map<String, HttpContract> contracts = new LinkedHashMap<>();
        contract(contracts, "shop.customers.CustomerApi", "/api/customers", "shop.customers.internal.CustomerController");
        Map<String, List<String>> controllers = new LinkedHashMap<>();
        controllers.put("shop.customers.internal.CustomerController", List.of());
        controllers.put("shop.customers.internal.AdminController", List.of("/admin/customers"));
        controllers.put("shop.customers.internal.ExportController", List.of("/api/customers/export"));
        ModulithModel model = ModulithModel.builder("shop.ShopApplication", List.of("shop"), modules)
                .httpContracts(contracts)
                .controllers(controllers)
                .build();

        assertEquals(List.of(new ModuleRoute("customers", "/api/customers")), ModuleRoutes.of(model));
        assertEquals(List.of("crm: controller shop.customers.internal.AdminController of module customers serves its routes"
                + " below /admin/customers (its class-level @RequestMapping), outside /api/customers, the prefix of"
                + " customers's HTTP contract shop.customers.CustomerApi: the load balancer sends crm only /api/customers and"
                + " /api/customers/*, so those requests reach the monolith, where customers does not run; map it below"
                + " /api/customers or serve its routes through the contract"),
                ModuleRoutes.outsideTheirPrefix(model, "crm", List.of("customers")));
    }
}

package dev.forum.extraction.maven;

import static dev.forum.extraction.maven.ModuleRoutesTest.contract;
import static dev.forum.extraction.maven.ModuleRoutesTest.module;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.forum.extraction.model.HttpContract;
import dev.forum.extraction.model.ModulithModel;
import dev.forum.topology.ModuleRoute;
import dev.forum.topology.Topology;
import dev.forum.topology.TopologyFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A class-level path ending in '/' routes the service by the prefix Spring MVC serves below it. */
class ModuleRoutesTrailingSlashTest {

    /**
     * The user's case: {@code @RequestMapping("/api/orders/")} on the controller, a contract with
     * {@code @HttpExchange("/api/customers/")}. Spring MVC serves their routes below {@code /api/orders} and
     * {@code /api/customers}, so those are the prefixes; the service is not blocked, and a controller of the contract's
     * module mapped at {@code /api/customers/export/} is no route outside it.
     */
    @Test
    void aClassLevelPathWithATrailingSlashIsRoutedByThePrefixSpringMvcServesBelow() {
        List<ModulithModel.Module> modules = new ArrayList<>();
        module(modules, "orders", "internal.OrderController");
        module(modules, "customers", "CustomerApi", "internal.CustomerController", "internal.ExportController");
        Map<String, HttpContract> contracts = new LinkedHashMap<>();
        contract(contracts, "shop.customers.CustomerApi", "/api/customers/", "shop.customers.internal.CustomerController");
        Map<String, List<String>> controllers = new LinkedHashMap<>();
        controllers.put("shop.orders.internal.OrderController", List.of("/api/orders/"));
        controllers.put("shop.customers.internal.CustomerController", List.of());
        controllers.put("shop.customers.internal.ExportController", List.of("/api/customers/export/"));
        ModulithModel model = ModulithModel.builder("shop.ShopApplication", List.of("shop"), modules)
                .httpContracts(contracts)
                .controllers(controllers)
                .build();

        assertEquals(List.of(new ModuleRoute("customers", "/api/customers"), new ModuleRoute("orders", "/api/orders")),
                ModuleRoutes.of(model));
        Topology topology = Topology.resolve(TopologyFile.parse("services:\n  - { name: monolith, monolith: true }\n"
                + "  - { name: fulfil, modules: [orders, customers] }\n", "/app/topology.yml"), ModuleRoutes.of(model));
        assertEquals(Map.of(), ModuleRoutes.blockedServices(topology, model));
        assertEquals(List.of(), ModuleRoutes.outsideTheirPrefix(model, "fulfil", List.of("orders", "customers")));
    }
}

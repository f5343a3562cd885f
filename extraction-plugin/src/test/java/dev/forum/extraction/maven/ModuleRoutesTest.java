package dev.forum.extraction.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.forum.extraction.model.ExtractionException;
import dev.forum.extraction.model.ModulithModel;
import dev.forum.topology.ModuleRoute;
import dev.forum.topology.Topology;
import dev.forum.topology.TopologyFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Route prefixes are needed only for the modules an extracted service holds and that serve HTTP: a module that stays
 * in the monolith (the default route) or serves nothing needs none, and every module that lacks one is named at once.
 */
class ModuleRoutesTest {

    /**
     * A shop: catalog serves its contract under /api/catalog; orders has a controller but no contract; reviews a
     * contract without a class-level prefix; stock two contracts with two prefixes; ratings serves no HTTP at all.
     */
    private static ModulithModel shop() {
        List<ModulithModel.Module> modules = new ArrayList<>();
        Map<String, ModulithModel.HttpContract> contracts = new LinkedHashMap<>();
        module(modules, "catalog", "CatalogApi", "internal.CatalogController");
        module(modules, "orders", "Order", "internal.OrderController");
        module(modules, "ratings", "RatingService");
        module(modules, "reviews", "ReviewsApi", "internal.ReviewController");
        module(modules, "stock", "StockApi", "StockAdminApi", "internal.StockController");
        contract(contracts, "shop.catalog.CatalogApi", "/api/catalog", "shop.catalog.internal.CatalogController");
        contract(contracts, "shop.reviews.ReviewsApi", null, "shop.reviews.internal.ReviewController");
        contract(contracts, "shop.stock.StockApi", "/api/stock", "shop.stock.internal.StockController");
        contract(contracts, "shop.stock.StockAdminApi", "/admin/stock", "shop.stock.internal.StockController");
        Set<String> controllers = Set.of("shop.catalog.internal.CatalogController", "shop.orders.internal.OrderController",
                "shop.reviews.internal.ReviewController", "shop.stock.internal.StockController");
        return new ModulithModel("shop.ShopApplication", List.of("shop"), modules, contracts, controllers, List.of(), List.of(),
                Map.of(), Map.of(), "2.1.1", "17");
    }

    private static void module(List<ModulithModel.Module> modules, String name, String... types) {
        Set<String> all = new TreeSet<>();
        Set<String> published = new TreeSet<>();
        for (String type : types) {
            all.add("shop." + name + "." + type);
            if (!type.startsWith("internal.")) {
                published.add("shop." + name + "." + type);
            }
        }
        modules.add(new ModulithModel.Module(name, "shop." + name, false, false, all, published, Map.of(), List.of()));
    }

    private static void contract(Map<String, ModulithModel.HttpContract> contracts, String type, String prefix, String controller) {
        contracts.put(type, new ModulithModel.HttpContract(type, prefix, List.of(controller)));
    }

    private static Topology read(String services) {
        ModulithModel model = shop();
        Topology topology = Topology.resolve(TopologyFile.parse("services:\n  - { name: monolith, monolith: true }\n" + services,
                "topology.yml"), ModuleRoutes.of(model));
        ModuleRoutes.requireRoutes(topology, model);
        return topology;
    }

    @Test
    void eachModuleHasItsPrefixWhenItDeclaresExactlyOne() {
        assertEquals(List.of(new ModuleRoute("catalog", "/api/catalog"), ModuleRoute.unrouted("orders"), ModuleRoute.unrouted("ratings"),
                ModuleRoute.unrouted("reviews"), ModuleRoute.unrouted("stock")), ModuleRoutes.of(shop()));
    }

    @Test
    void modulesThatStayInTheMonolithNeedNoPrefix() {
        Topology topology = read("  - { name: catalog, modules: [catalog] }\n");
        assertEquals(List.of("10 catalog"), topology.routingRules().stream().map(r -> r.priority() + " " + r.module()).toList());
        assertEquals(Set.of("orders", "ratings", "reviews", "stock"), topology.localModules("monolith"));
    }

    @Test
    void aModuleThatServesNoHttpNeedsNoPrefixInAServiceWithOneThatDoes() {
        Topology topology = read("  - { name: sales, modules: [catalog, ratings] }\n");
        assertEquals(List.of("catalog"), topology.routingRules().stream().map(r -> r.module()).toList());
        assertEquals(Set.of("catalog", "ratings"), topology.localModules("sales"));
    }

    @Test
    void everyExtractedModuleWithoutAUsablePrefixIsNamedInOneLine() {
        var e = assertThrows(ExtractionException.class, () -> read("""
                  - { name: orders, modules: [orders] }
                  - { name: feedback, modules: [reviews, ratings] }
                  - { name: stock, modules: [stock], traffic: 0 }
                """));
        assertEquals(1, e.lines().size());
        assertEquals("topology.yml: the load balancer sends each module of an extracted service the requests below the module's"
                + " route prefix (the class-level @HttpExchange of its HTTP contract), and 3 modules of extracted services have"
                + " none they can use: orders (service 'orders', line 3: controller shop.orders.internal.OrderController, no HTTP"
                + " contract); reviews (service 'feedback', line 4: HTTP contract shop.reviews.ReviewsApi without a class-level"
                + " prefix); stock (service 'stock', line 5: several prefixes /admin/stock, /api/stock on shop.stock.StockAdminApi,"
                + " shop.stock.StockApi, where the load balancer routes one per module). Give each one prefix on an interface of"
                + " its published API that its controller implements, e.g. @HttpExchange(\"/api/orders\"), or leave the module in"
                + " the monolith (take it out of its service in topology.yml)", e.getMessage());
    }

    @Test
    void aServiceWithNothingToRouteIsRefused() {
        var e = assertThrows(ExtractionException.class, () -> read("  - { name: ratings, modules: [ratings] }\n"));
        assertEquals("topology.yml:3: service 'ratings' holds only modules that serve no HTTP route (ratings), so the load"
                + " balancer has nothing to send it: put them in a service with a module that serves routes, or leave them in"
                + " the monolith", e.getMessage());
    }

    @Test
    void aMistakeInTheFileItselfComesFirst() {
        var e = assertThrows(dev.forum.topology.TopologyException.class, () -> read("  - { name: orders, modules: [ordrs] }\n"));
        assertEquals("topology.yml:3: orders: unknown module 'ordrs' (did you mean orders?); the modules are catalog, orders,"
                + " ratings, reviews, stock", e.getMessage());
    }
}

package dev.forum.extraction.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;


import dev.forum.extraction.model.HttpContract;
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
    static ModulithModel shop() {
        List<ModulithModel.Module> modules = new ArrayList<>();
        Map<String, HttpContract> contracts = new LinkedHashMap<>();
        module(modules, "catalog", "CatalogApi", "internal.CatalogController");
        module(modules, "orders", "Order", "internal.OrderController");
        module(modules, "ratings", "RatingService");
        module(modules, "reviews", "ReviewsApi", "internal.ReviewController");
        module(modules, "stock", "StockApi", "StockAdminApi", "internal.StockController");
        contract(contracts, "shop.catalog.CatalogApi", "/api/catalog", "shop.catalog.internal.CatalogController");
        contract(contracts, "shop.reviews.ReviewsApi", null, "shop.reviews.internal.ReviewController");
        contract(contracts, "shop.stock.StockApi", "/api/stock", "shop.stock.internal.StockController");
        contract(contracts, "shop.stock.StockAdminApi", "/admin/stock", "shop.stock.internal.StockController");
        Map<String, List<String>> controllers = Map.of("shop.catalog.internal.CatalogController", List.of(),
                "shop.orders.internal.OrderController", List.of(), "shop.reviews.internal.ReviewController", List.of(),
                "shop.stock.internal.StockController", List.of());
        return ModulithModel.builder("shop.ShopApplication", List.of("shop"), modules)
                .httpContracts(contracts)
                .controllers(controllers)
                .build();
    }

    static void module(List<ModulithModel.Module> modules, String name, String... types) {
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

    static void contract(Map<String, HttpContract> contracts, String type, String prefix, String controller) {
        contracts.put(type, new HttpContract(type, prefix, List.of(controller)));
    }

    private static Topology read(String services) {
        Topology topology = resolve(services);
        assertEquals(Map.of(), ModuleRoutes.blockedServices(topology, shop()));
        return topology;
    }

    private static Topology resolve(String services) {
        return Topology.resolve(TopologyFile.parse("services:\n  - { name: monolith, monolith: true }\n" + services,
                "/app/topology.yml"), ModuleRoutes.of(shop()));
    }

    @Test
    void aCamelCaseModuleIsListedUnroutedAndStaysInTheMonolith() {
        List<ModulithModel.Module> modules = new ArrayList<>();
        Map<String, HttpContract> contracts = new LinkedHashMap<>();
        module(modules, "catalog", "CatalogApi", "internal.CatalogController");
        module(modules, "readingClub", "ClubApi", "internal.ClubController");
        contract(contracts, "shop.catalog.CatalogApi", "/api/catalog", "shop.catalog.internal.CatalogController");
        contract(contracts, "shop.readingClub.ClubApi", "/api/club", "shop.readingClub.internal.ClubController");
        ModulithModel model = ModulithModel.builder("shop.ShopApplication", List.of("shop"), modules)
                .httpContracts(contracts)
                .controllers(Map.of("shop.catalog.internal.CatalogController", List.of(),
                        "shop.readingClub.internal.ClubController", List.of()))
                .build();
        // No route of its own (a rule would be named after it), and no refusal: it runs in the monolith.
        assertEquals(List.of(new ModuleRoute("catalog", "/api/catalog"), ModuleRoute.unrouted("readingClub")),
                ModuleRoutes.of(model));
        Topology topology = Topology.resolve(TopologyFile.parse("services:\n  - { name: monolith, monolith: true }\n"
                + "  - { name: catalog, modules: [catalog] }\n", "/app/topology.yml"), ModuleRoutes.of(model));
        assertEquals(Map.of(), ModuleRoutes.blockedServices(topology, model));
        assertEquals(Set.of("readingClub"), topology.localModules("monolith"));
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
    void aModuleWithoutAUsablePrefixBlocksOnlyItsOwnServiceInOneLineEach() {
        Topology topology = resolve("""
                  - { name: orders, modules: [orders] }
                  - { name: sales, modules: [catalog] }
                  - { name: feedback, modules: [reviews, ratings] }
                  - { name: stock, modules: [stock], traffic: 0 }
                """);
        Map<String, String> blocked = ModuleRoutes.blockedServices(topology, shop());
        assertEquals(List.of("orders", "feedback", "stock"), List.copyOf(blocked.keySet()), "sales has its route: not blocked");
        assertEquals("/app/topology.yml:3: service 'orders' is blocked: module 'orders' has no route prefix the load balancer"
                + " can use (controller shop.orders.internal.OrderController without a class-level @RequestMapping, so its"
                + " routes are unknown, no HTTP contract): give each such module one prefix, @HttpExchange(\"/api/orders\")"
                + " on an interface of its published API that its controllers implement or the same class-level"
                + " @RequestMapping(\"/api/orders\") on each of its controllers, or take it out of service 'orders' in"
                + " /app/topology.yml (it stays in the monolith)", blocked.get("orders"));
        assertTrue(blocked.get("feedback").startsWith("/app/topology.yml:5: service 'feedback' is blocked: module 'reviews'"
                + " has no route prefix the load balancer can use (HTTP contract shop.reviews.ReviewsApi without a class-level"
                + " prefix, controller shop.reviews.internal.ReviewController without a class-level @RequestMapping, so its"
                + " routes are unknown)"), blocked.get("feedback"));
        assertTrue(blocked.get("stock").contains("module 'stock' has no route prefix the load balancer can use (several"
                + " prefixes on its HTTP contracts, '/admin/stock' on shop.stock.StockAdminApi, '/api/stock' on"
                + " shop.stock.StockApi, where the load balancer routes one per module)"), blocked.get("stock"));
        blocked.values().forEach(line -> assertFalse(line.contains("\n"), line));
    }

    @Test
    void aServiceWithNothingToRouteIsBlocked() {
        assertEquals(Map.of("ratings", "/app/topology.yml:3: service 'ratings' is blocked: it holds only modules that serve"
                + " no HTTP route (ratings), so the load balancer has nothing to send it: in /app/topology.yml, put them in a"
                + " service with a module that serves routes, or leave them in the monolith"),
                ModuleRoutes.blockedServices(resolve("  - { name: ratings, modules: [ratings] }\n"), shop()));
    }

    @Test
    void aMistakeInTheFileItselfComesFirst() {
        var e = assertThrows(dev.forum.topology.TopologyException.class, () -> read("  - { name: orders, modules: [ordrs] }\n"));
        assertEquals("/app/topology.yml:3: orders: unknown module 'ordrs' (did you mean orders?); the modules are catalog, orders,"
                + " ratings, reviews, stock", e.getMessage());
    }
}

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
    private static ModulithModel shop() {
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
        Set<String> controllers = Set.of("shop.catalog.internal.CatalogController", "shop.orders.internal.OrderController",
                "shop.reviews.internal.ReviewController", "shop.stock.internal.StockController");
        return new ModulithModel("shop.ShopApplication", List.of("shop"), modules, contracts, controllers, List.of(), List.of(),
                Map.of(), Map.of(), "2.1.1", "17");
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
        ModulithModel model = new ModulithModel("shop.ShopApplication", List.of("shop"), modules, contracts,
                Set.of("shop.catalog.internal.CatalogController", "shop.readingClub.internal.ClubController"), List.of(),
                List.of(), Map.of(), Map.of(), "2.1.1", "17");
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
                + " prefixes /admin/stock, /api/stock on shop.stock.StockAdminApi, shop.stock.StockApi, where the load"
                + " balancer routes one per module)"), blocked.get("stock"));
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
        ModulithModel model = new ModulithModel("shop.ShopApplication", List.of("shop"), modules, contracts,
                Set.of("shop.customers.internal.CustomerController", "shop.customers.internal.AdminController",
                        "shop.catalog.internal.CatalogController"), List.of(), List.of(), Map.of(), Map.of(), "2.1.1", "17");

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

    /** A service none of whose modules has a controller gets no request: one warning line naming them and why. */
    @Test
    void aServiceWithoutAControllerIsNamedInOneWarningLine() {
        assertEquals(java.util.Optional.of("ratings: module ratings will get no requests as a service: it has no @Controller or"
                + " @RestController"), ModuleRoutes.unreachable(shop(), "ratings", List.of("ratings"))
                .map(line -> line.substring(0, line.indexOf(" (so no web route"))));
        String line = ModuleRoutes.unreachable(shop(), "ratings", List.of("ratings")).orElseThrow();
        assertFalse(line.contains("\n"), line);
        assertTrue(line.contains("and no HTTP contract another module could call), and events do not cross services"), line);
        assertTrue(line.endsWith("built all the same. If it should serve requests, give it a controller, or leave it in the"
                + " monolith"), line);
        assertEquals(java.util.Optional.empty(), ModuleRoutes.unreachable(shop(), "orders", List.of("orders")),
                "a controller without a contract: the load balancer routes to it");
        assertEquals(java.util.Optional.empty(), ModuleRoutes.unreachable(shop(), "feedback", List.of("ratings", "reviews")),
                "reviews's controller serves the service");
    }

    /**
     * A library with no HTTP contract at all: members' two controllers share the class-level mapping /api/members; loans'
     * disagree (/api/loans, /api/renewals); fines has one mapped controller beside one without a class-level mapping.
     */
    private static ModulithModel mappedLibrary() {
        List<ModulithModel.Module> modules = new ArrayList<>();
        module(modules, "members", "internal.MembersController", "internal.CardsController");
        module(modules, "loans", "internal.LoansController", "internal.RenewalsController");
        module(modules, "fines", "internal.FinesController", "internal.PaymentsController");
        Map<String, List<String>> controllers = new LinkedHashMap<>();
        controllers.put("shop.members.internal.MembersController", List.of("/api/members"));
        controllers.put("shop.members.internal.CardsController", List.of("/api/members"));
        controllers.put("shop.loans.internal.LoansController", List.of("/api/loans"));
        controllers.put("shop.loans.internal.RenewalsController", List.of("/api/renewals"));
        controllers.put("shop.fines.internal.FinesController", List.of("/api/fines"));
        controllers.put("shop.fines.internal.PaymentsController", List.of());
        return new ModulithModel("shop.ShopApplication", List.of("shop"), modules, Map.of(), controllers, List.of(),
                List.of(), Map.of(), Map.of(), "2.1.1", "17");
    }

    /** Without an HTTP contract, the class-level @RequestMapping every controller of the module declares is its route. */
    @Test
    void theClassLevelRequestMappingAllItsControllersShareIsTheRouteOfAModuleWithoutContract() {
        ModulithModel model = mappedLibrary();
        assertEquals(List.of(ModuleRoute.unrouted("fines"), ModuleRoute.unrouted("loans"),
                new ModuleRoute("members", "/api/members")), ModuleRoutes.of(model));
        Topology topology = Topology.resolve(TopologyFile.parse("services:\n  - { name: monolith, monolith: true }\n"
                + "  - { name: people, modules: [members] }\n", "/app/topology.yml"), ModuleRoutes.of(model));
        assertEquals(Map.of(), ModuleRoutes.blockedServices(topology, model));
        assertEquals(List.of("30 members [/api/members, /api/members/*]"), topology.routingRules().stream()
                .map(r -> r.priority() + " " + r.module() + " " + r.patterns()).toList());
        assertEquals(List.of(), ModuleRoutes.outsideTheirPrefix(model, "people", List.of("members")),
                "every controller is below the prefix");
    }

    /**
     * Paths below another of the module's paths add nothing the load balancer's rule does not route: a sub-resource
     * controller beside the resource's, one controller mapped to a path and a version below it, a path written without
     * its leading '/' (as Spring MVC reads it). A path that only starts with the same letters is another prefix.
     */
    @Test
    void pathsBelowAnotherOfTheModulesPathsLeaveItOnePrefix() {
        List<ModulithModel.Module> modules = new ArrayList<>();
        module(modules, "orders", "internal.OrdersController", "internal.LinesController");
        module(modules, "carts", "internal.CartsController");
        module(modules, "items", "internal.ItemsController", "internal.ItemsxController");
        Map<String, List<String>> controllers = new LinkedHashMap<>();
        controllers.put("shop.orders.internal.OrdersController", List.of("api/orders"));
        controllers.put("shop.orders.internal.LinesController", List.of("/api/orders/{id}/lines"));
        controllers.put("shop.carts.internal.CartsController", List.of("/api/carts", "/api/carts/v2"));
        controllers.put("shop.items.internal.ItemsController", List.of("/api/items"));
        controllers.put("shop.items.internal.ItemsxController", List.of("/api/itemsx"));
        ModulithModel model = new ModulithModel("shop.ShopApplication", List.of("shop"), modules, Map.of(), controllers,
                List.of(), List.of(), Map.of(), Map.of(), "2.1.1", "17");

        assertEquals(List.of(new ModuleRoute("carts", "/api/carts"), ModuleRoute.unrouted("items"),
                new ModuleRoute("orders", "/api/orders")), ModuleRoutes.of(model));
        assertEquals(List.of(), ModuleRoutes.outsideTheirPrefix(model, "sales", List.of("orders", "carts")));
    }

    /**
     * Controllers that disagree block the service, naming each prefix with its controller; a controller without a
     * class-level mapping beside a mapped one blocks it too (its routes are unknown), naming both.
     */
    @Test
    void controllersThatDisagreeOrLackAClassLevelMappingBlockTheServiceInOneLineNamingThem() {
        ModulithModel model = mappedLibrary();
        Topology topology = Topology.resolve(TopologyFile.parse("services:\n  - { name: monolith, monolith: true }\n"
                + "  - { name: lending, modules: [loans] }\n  - { name: billing, modules: [fines] }\n",
                "/app/topology.yml"), ModuleRoutes.of(model));
        Map<String, String> blocked = ModuleRoutes.blockedServices(topology, model);
        assertEquals(List.of("lending", "billing"), List.copyOf(blocked.keySet()));
        assertEquals("/app/topology.yml:3: service 'lending' is blocked: module 'loans' has no route prefix the load balancer"
                + " can use (several prefixes on the class-level @RequestMapping of its controllers, /api/loans on"
                + " shop.loans.internal.LoansController, /api/renewals on shop.loans.internal.RenewalsController, where the"
                + " load balancer routes one per module): give each such module one prefix, @HttpExchange(\"/api/loans\") on"
                + " an interface of its published API that its controllers implement or the same class-level"
                + " @RequestMapping(\"/api/loans\") on each of its controllers, or take it out of service 'lending' in"
                + " /app/topology.yml (it stays in the monolith)", blocked.get("lending"));
        assertTrue(blocked.get("billing").startsWith("/app/topology.yml:4: service 'billing' is blocked: module 'fines' has"
                + " no route prefix the load balancer can use (controller shop.fines.internal.PaymentsController without a"
                + " class-level @RequestMapping, so its routes are unknown (beside /api/fines on"
                + " shop.fines.internal.FinesController), no HTTP contract): "), blocked.get("billing"));
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
        ModulithModel model = new ModulithModel("shop.ShopApplication", List.of("shop"), modules, contracts, controllers,
                List.of(), List.of(), Map.of(), Map.of(), "2.1.1", "17");

        assertEquals(List.of(new ModuleRoute("customers", "/api/customers")), ModuleRoutes.of(model));
        assertEquals(List.of("crm: controller shop.customers.internal.AdminController of module customers serves its routes"
                + " below /admin/customers (its class-level @RequestMapping), outside /api/customers, the prefix of"
                + " customers's HTTP contract shop.customers.CustomerApi: the load balancer sends crm only /api/customers and"
                + " /api/customers/*, so those requests reach the monolith, where customers does not run; map it below"
                + " /api/customers or serve its routes through the contract"),
                ModuleRoutes.outsideTheirPrefix(model, "crm", List.of("customers")));
    }
}

package dev.forum.extraction.maven;

import static dev.forum.extraction.maven.ModuleRoutesTest.module;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.extraction.model.ModulithModel;
import dev.forum.topology.ModuleRoute;
import dev.forum.topology.Topology;
import dev.forum.topology.TopologyFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A module without an HTTP contract is routed by the class-level {@code @RequestMapping} its controllers declare: one
 * outermost path is its prefix, several or a controller without one leave it unrouted and block its service.
 */
class ModuleRoutesMappingTest {

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
        return ModulithModel.builder("shop.ShopApplication", List.of("shop"), modules)
                .controllers(controllers)
                .build();
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
        ModulithModel model = ModulithModel.builder("shop.ShopApplication", List.of("shop"), modules)
                .controllers(controllers)
                .build();

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
                + " can use (several prefixes on the class-level @RequestMapping of its controllers, '/api/loans' on"
                + " shop.loans.internal.LoansController, '/api/renewals' on shop.loans.internal.RenewalsController, where the"
                + " load balancer routes one per module): give each such module one prefix, @HttpExchange(\"/api/loans\") on"
                + " an interface of its published API that its controllers implement or the same class-level"
                + " @RequestMapping(\"/api/loans\") on each of its controllers, or take it out of service 'lending' in"
                + " /app/topology.yml (it stays in the monolith)", blocked.get("lending"));
        assertTrue(blocked.get("billing").startsWith("/app/topology.yml:4: service 'billing' is blocked: module 'fines' has"
                + " no route prefix the load balancer can use (controller shop.fines.internal.PaymentsController without a"
                + " class-level @RequestMapping, so its routes are unknown (beside '/api/fines' on"
                + " shop.fines.internal.FinesController), no HTTP contract): "), blocked.get("billing"));
    }
}

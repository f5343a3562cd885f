package dev.forum.extraction.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.forum.topology.ModuleRoute;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A module's route prefix is read as Spring MVC maps its class-level paths: a contract's {@code @HttpExchange} prefix and
 * a controller's {@code @RequestMapping} alike get a leading '/' when written without one, and any prefix of
 * {@link ModuleRoute#PREFIX_SHAPE}'s shape is the module's route.
 */
class HttpDeclarationsTest {

    /**
     * A shop whose module orders has the controller OrderController, mapped at {@code controllerPaths} (null: no
     * class-level mapping), and the contract OrdersApi with the class-level prefix {@code prefix}, unless that is null
     * while the controller is mapped (then no contract at all).
     */
    private static ModulithModel orders(String prefix, List<String> controllerPaths) {
        Set<String> types = new TreeSet<>(List.of("shop.orders.OrdersApi", "shop.orders.internal.OrderController"));
        ModulithModel.Module module = new ModulithModel.Module("orders", "shop.orders", false, false, types,
                Set.of("shop.orders.OrdersApi"), Map.of(), List.of());
        Map<String, HttpContract> contracts = prefix == null && controllerPaths != null ? Map.of()
                : Map.of("shop.orders.OrdersApi", new HttpContract("shop.orders.OrdersApi", prefix,
                        List.of("shop.orders.internal.OrderController")));
        Map<String, List<String>> controllers = Map.of("shop.orders.internal.OrderController",
                controllerPaths == null ? List.of() : controllerPaths);
        return ModulithModel.builder("shop.ShopApplication", List.of("shop"), List.of(module))
                .httpContracts(contracts)
                .controllers(controllers)
                .build();
    }

    @Test
    void aContractPrefixWithoutALeadingSlashIsTheSameRouteAsWithOne() {
        HttpDeclarations declared = HttpDeclarations.of(orders("api/orders", null), "orders");
        assertEquals(new ModuleRoute("orders", "/api/orders"), declared.route());
        assertEquals(HttpDeclarations.of(orders("/api/orders", null), "orders").route(), declared.route());
    }

    @Test
    void aContractAndAControllerWrittenWithoutTheSlashAgreeAsInSpringMvc() {
        HttpDeclarations declared = HttpDeclarations.of(orders("api/orders", List.of("api/orders")), "orders");
        assertEquals(Set.of("/api/orders"), declared.prefixes());
        assertEquals(List.of("/api/orders"), declared.controllers().get("shop.orders.internal.OrderController"));
        assertEquals(new ModuleRoute("orders", "/api/orders"), declared.route());
    }

    @Test
    void aContractWithAndWithoutTheSlashIsOnePrefixNotTwo() {
        ModulithModel base = orders("/api/orders", null);
        Map<String, HttpContract> contracts = Map.of(
                "shop.orders.OrdersApi", base.httpContracts().get("shop.orders.OrdersApi"),
                "shop.orders.OrderLinesApi", new HttpContract("shop.orders.OrderLinesApi", "api/orders", List.of()));
        ModulithModel.Module module = base.modules().get(0);
        Set<String> types = new TreeSet<>(module.types());
        types.add("shop.orders.OrderLinesApi");
        ModulithModel.Module withLines = new ModulithModel.Module("orders", "shop.orders", false, false, types,
                Set.of("shop.orders.OrdersApi", "shop.orders.OrderLinesApi"), Map.of(), List.of());
        ModulithModel model = ModulithModel.builder(base.mainClass(), base.rootPackages(), List.of(withLines))
                .httpContracts(contracts)
                .build();
        assertEquals(new ModuleRoute("orders", "/api/orders"), HttpDeclarations.of(model, "orders").route());
    }

    /**
     * Spring MVC joins a method's path to a class-level path ending in '/' over that '/' ({@code /api/orders/} and
     * {@code /{id}} map {@code /api/orders/{id}}): contract and controller alike, the prefix is the path without it, and
     * the two agree on one prefix.
     */
    @Test
    void oneTrailingSlashOfAClassLevelPathIsDroppedAsSpringMvcServesBelowTheRest() {
        assertEquals(new ModuleRoute("orders", "/api/orders"),
                HttpDeclarations.of(orders(null, List.of("/api/orders/")), "orders").route());
        assertEquals(new ModuleRoute("orders", "/api/orders"),
                HttpDeclarations.of(orders("api/orders/", null), "orders").route());
        HttpDeclarations both = HttpDeclarations.of(orders("/api/orders", List.of("/api/orders/")), "orders");
        assertEquals(Set.of("/api/orders"), both.prefixes());
        assertEquals(List.of("/api/orders"), both.controllers().get("shop.orders.internal.OrderController"));
    }

    /** Only one '/' goes: {@code /api/orders//} serves {@code /api/orders//{id}}, whose empty segment no rule can hold. */
    @Test
    void aSecondTrailingSlashIsAnEmptySegmentAndLeavesTheModuleUnrouted() {
        HttpDeclarations controller = HttpDeclarations.of(orders(null, List.of("/api/orders//")), "orders");
        assertEquals(ModuleRoute.unrouted("orders"), controller.route());
        assertEquals("prefix '/api/orders//' (read as '/api/orders/', as Spring MVC maps a class-level path: with a"
                + " leading '/', without one trailing '/') on the class-level @RequestMapping of"
                + " shop.orders.internal.OrderController, where a route prefix is " + ModuleRoute.PREFIX_SHAPE,
                controller.found());
        HttpDeclarations contract = HttpDeclarations.of(orders("api/orders//", null), "orders");
        assertEquals("prefix 'api/orders//' (read as '/api/orders/', as Spring MVC maps a class-level path: with a"
                + " leading '/', without one trailing '/') on shop.orders.OrdersApi, where a route prefix is "
                + ModuleRoute.PREFIX_SHAPE, contract.found());
    }

    @Test
    void aPrefixWithoutApiIsARoute() {
        assertEquals(new ModuleRoute("orders", "/orders"), HttpDeclarations.of(orders("orders", null), "orders").route());
        assertEquals(new ModuleRoute("orders", "/api/v1/orders"),
                HttpDeclarations.of(orders(null, List.of("/api/v1/orders")), "orders").route());
    }

    @Test
    void aPrefixOfAnotherShapeLeavesTheModuleUnroutedSayingTheShape() {
        HttpDeclarations contract = HttpDeclarations.of(orders("api//orders", null), "orders");
        assertEquals(ModuleRoute.unrouted("orders"), contract.route());
        assertEquals("prefix 'api//orders' (read as '/api//orders', as Spring MVC maps a class-level path: with a"
                + " leading '/', without one trailing '/') on shop.orders.OrdersApi, where a route prefix is one or more"
                + " segments, each a '/' then ASCII letters, digits or - . _ ~ (such as /orders or /api/v1/orders), none of"
                + " them . or .., with no wildcard, {variable}, empty segment or trailing '/', at most 126 characters",
                contract.found());
        HttpDeclarations asRead = HttpDeclarations.of(orders("/api//orders", null), "orders");
        assertEquals("prefix '/api//orders' on shop.orders.OrdersApi, where a route prefix is " + ModuleRoute.PREFIX_SHAPE,
                asRead.found(), "a path written as read is quoted once");
        HttpDeclarations controller = HttpDeclarations.of(orders(null, List.of("api/{tenant}/orders")), "orders");
        assertEquals(ModuleRoute.unrouted("orders"), controller.route());
        assertEquals("prefix 'api/{tenant}/orders' (read as '/api/{tenant}/orders', as Spring MVC maps a class-level"
                + " path: with a leading '/', without one trailing '/') on the class-level @RequestMapping of"
                + " shop.orders.internal.OrderController, where a route prefix is " + ModuleRoute.PREFIX_SHAPE,
                controller.found());
    }

    /**
     * Spring maps a blank {@code @HttpExchange} url to no path, so such a contract declares no prefix: the module is
     * unrouted with the no-prefix line, or routed by its controllers' mapping, never refused for the prefix "/ ".
     */
    @Test
    void aBlankContractPrefixIsNoPrefix() {
        for (String blank : List.of("", " ", "\t")) {
            HttpDeclarations alone = HttpDeclarations.of(orders(blank, null), "orders");
            assertEquals(Set.of(), alone.prefixes());
            assertEquals(ModuleRoute.unrouted("orders"), alone.route());
            assertEquals("HTTP contract shop.orders.OrdersApi without a class-level prefix, controller"
                    + " shop.orders.internal.OrderController without a class-level @RequestMapping, so its routes are"
                    + " unknown", alone.found());
            HttpDeclarations mapped = HttpDeclarations.of(orders(blank, List.of("/api/orders")), "orders");
            assertEquals(new ModuleRoute("orders", "/api/orders"), mapped.route(), "the controllers' mapping, rule 2");
        }
    }

    /**
     * As Spring MVC maps a class-level {@code @RequestMapping}: its one path blank is no class-level path (the
     * controller's routes are its methods' own, unknown), while a blank path beside another is mapped as "/ ", which no
     * prefix can be: not dropped to leave the other as the module's route.
     */
    @Test
    void aBlankControllerPathIsNoPathAloneButAPathBesideAnother() {
        HttpDeclarations alone = HttpDeclarations.of(orders(null, List.of(" ")), "orders");
        assertEquals(List.of("shop.orders.internal.OrderController"), alone.unmapped());
        assertEquals(ModuleRoute.unrouted("orders"), alone.route());
        HttpDeclarations beside = HttpDeclarations.of(orders(null, List.of("/api/orders", " ")), "orders");
        assertEquals(Set.of("/ ", "/api/orders"), beside.prefixes());
        assertEquals(ModuleRoute.unrouted("orders"), beside.route());
        assertEquals("several prefixes on the class-level @RequestMapping of its controllers, '/api/orders', ' '"
                + " (read as '/ ', " + ModuleRoute.READING + ") on shop.orders.internal.OrderController, where the load"
                + " balancer routes one per module", beside.found(), "the blank path is the \"/ \" Spring serves");
    }

    /**
     * Several prefixes are quoted as written, each with how it was read where that differs, as one prefix is: a
     * contract's and a controller's path written with a trailing '/' alike; and each is named with the contract or
     * controller that declares it, so the line says which one to change.
     */
    @Test
    void severalPrefixesAreQuotedAsWritten() {
        ModulithModel base = orders("/api/orders/", null);
        Map<String, HttpContract> contracts = Map.of(
                "shop.orders.OrdersApi", base.httpContracts().get("shop.orders.OrdersApi"),
                "shop.orders.OrderLinesApi", new HttpContract("shop.orders.OrderLinesApi", "api/lines/", List.of()));
        Set<String> types = new TreeSet<>(base.modules().get(0).types());
        types.add("shop.orders.OrderLinesApi");
        ModulithModel.Module withLines = new ModulithModel.Module("orders", "shop.orders", false, false, types,
                Set.of("shop.orders.OrdersApi", "shop.orders.OrderLinesApi"), Map.of(), List.of());
        ModulithModel model = ModulithModel.builder(base.mainClass(), base.rootPackages(), List.of(withLines))
                .httpContracts(contracts)
                .build();
        assertEquals("several prefixes on its HTTP contracts, 'api/lines/' (read as '/api/lines', " + ModuleRoute.READING
                + ") on shop.orders.OrderLinesApi, '/api/orders/' (read as '/api/orders', " + ModuleRoute.READING
                + ") on shop.orders.OrdersApi, where the load balancer routes one per module",
                HttpDeclarations.of(model, "orders").found());
        HttpDeclarations controller = HttpDeclarations.of(orders(null, List.of("/api/orders/", "/api/lines")), "orders");
        assertEquals("several prefixes on the class-level @RequestMapping of its controllers, '/api/orders/' (read as"
                + " '/api/orders', " + ModuleRoute.READING + "), '/api/lines' on shop.orders.internal.OrderController,"
                + " where the load balancer routes one per module", controller.found());
    }
}

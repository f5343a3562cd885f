package dev.forum.extraction.model;

import static dev.forum.extraction.model.BoundaryTest.bean;
import static dev.forum.extraction.model.BoundaryTest.blockers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A module that runs everywhere (here the open module {@code reporting}) runs in every process, so its own bean calls
 * and listeners of an ordinary module count in every service that splits that module from the rest, as the run time
 * ({@code Topology.refuseWhatCannotCross}) refuses them; nothing into it ever crosses.
 */
class EverywhereModuleBoundaryTest {

    private static final String CONTROLLER = "shop.reporting.internal.ReportController";

    /** reporting (open), orders (with {@code OrderStats} and a controller) and catalog. */
    private static BoundaryTest.Shop shop(ModulithModel.Dependency... reportingDependencies) {
        return new BoundaryTest.Shop().module("reporting", true, List.of("internal.ReportController"), reportingDependencies)
                .module("orders", false, List.of("OrderStats", "OrderPlaced", "internal.StatsController", "internal.OrderRepository"))
                .module("catalog", false, List.of("Catalog"));
    }

    @Test
    void anOpenModuleCallingABeanOfAModuleThatIsNoContractBlocksEveryServiceThatSplitsThatModuleOff() {
        ModulithModel model = shop(bean(CONTROLLER, "shop.orders.OrderStats", "orders")).model();

        List<Blocker> catalog = blockers(model, "catalog");
        assertEquals(List.of(Blocker.Kind.BEAN_CALL), catalog.stream().map(Blocker::kind).toList());
        assertEquals("Module 'catalog' alone: " + CONTROLLER + " calls shop.orders.OrderStats of module orders (bean reference in"
                + " shop/reporting/internal/ReportController.java, module reporting), which cannot go over HTTP, and reporting is"
                + " an open module that runs in every service, so this service, which runs without orders, would refuse to start:"
                + " make OrderStats an interface in the published API of orders annotated with @HttpExchange and implemented by a"
                + " @RestController in orders (where orders runs in another service, reporting then calls it through its remote"
                + " client), or move the call out of reporting into a module that is neither open nor shared",
                catalog.get(0).message());
        List<Blocker> orders = blockers(model, "orders");
        assertEquals(List.of(Blocker.Kind.BEAN_CALL), orders.stream().map(Blocker::kind).toList());
        assertTrue(orders.get(0).message().contains(", so every other service (the rest of the application, which runs without"
                + " orders) would refuse to start: make OrderStats"), orders.get(0).message());
        assertEquals(List.of(), blockers(model, "catalog", "orders"), "no module split off, nothing runs reporting without orders");
        // No advice to keep reporting with anything: it runs everywhere already.
        assertEquals(List.of("catalog"), Planner.group(model, new ServiceRequest("catalog", List.of("catalog")),
                TopologyServices.NONE, Set.of()));
    }

    @Test
    void anOpenModuleCallingAServedContractGetsTheRemoteClientWhereTheModuleIsRemote() {
        BoundaryTest.Shop shop = shop(bean(CONTROLLER, "shop.orders.OrderStats", "orders"));
        shop.contracts.put("shop.orders.OrderStats", new HttpContract("shop.orders.OrderStats", "/api/orders",
                List.of("shop.orders.internal.StatsController")));
        ModulithModel model = shop.model();

        ServicePlan catalog = Planner.plan(model, List.of(), new ServiceRequest("catalog", List.of("catalog")));
        assertEquals(List.of(), catalog.blockers());
        assertEquals(Map.of("shop.orders.OrderStats", "orders"), catalog.remoteContracts(), "reporting calls orders over HTTP here");
        ServicePlan orders = Planner.plan(model, List.of(), new ServiceRequest("orders", List.of("orders")));
        assertEquals(List.of(), orders.blockers());
        assertEquals(Map.of(), orders.remoteContracts(), "orders runs here: reporting calls it in process");

        shop.contracts.put("shop.orders.OrderStats", new HttpContract("shop.orders.OrderStats", "/api/orders", List.of()));
        assertEquals(List.of(Blocker.Kind.CONTRACT_NOT_SERVED), blockers(shop.model(), "catalog").stream().map(Blocker::kind).toList(),
                "a contract no controller serves has no route for reporting's client");
    }

    /**
     * A call or a listener of an ordinary module INTO the open module never crosses, nor does an event the open module
     * publishes (it runs where every listener runs); the open module's own call still gets its client.
     */
    @Test
    void callsAndListenersIntoAnOpenModuleNeverCrossWhileItsOwnContractCallsGetTheirClient() {
        BoundaryTest.Shop shop = new BoundaryTest.Shop()
                .module("reporting", true, List.of("Reports", "ReportReady", "internal.ReportController"),
                        bean(CONTROLLER, "shop.orders.OrderStats", "orders"))
                .module("orders", false, List.of("OrderStats", "internal.StatsController", "internal.OrderService"),
                        bean("shop.orders.internal.OrderService", "shop.reporting.Reports", "reporting"))
                .module("catalog", false, List.of("Catalog"));
        shop.contracts.put("shop.orders.OrderStats", new HttpContract("shop.orders.OrderStats", "/api/orders",
                List.of("shop.orders.internal.StatsController")));
        shop.listeners.add(new ModulithModel.Listener("shop.reporting.ReportReady", "shop.orders.internal.OrderService", "on"));
        ModulithModel model = shop.model();

        assertEquals(List.of(), blockers(model, "orders"));
        ServicePlan catalog = Planner.plan(model, List.of(), new ServiceRequest("catalog", List.of("catalog")));
        assertEquals(List.of(), catalog.blockers());
        assertEquals(Map.of("shop.orders.OrderStats", "orders"), catalog.remoteContracts());
    }

    @Test
    void aListenerInAnOpenModuleOfAnotherModulesEventBlocksEveryServiceThatSplitsThatModuleOff() {
        BoundaryTest.Shop shop = shop();
        shop.listeners.add(new ModulithModel.Listener("shop.orders.OrderPlaced", CONTROLLER, "on"));
        ModulithModel model = shop.model();

        List<Blocker> catalog = blockers(model, "catalog");
        assertEquals(List.of(Blocker.Kind.EVENT), catalog.stream().map(Blocker::kind).toList());
        assertEquals("Module 'catalog' alone: event shop.orders.OrderPlaced, published by module orders, is listened to by "
                + CONTROLLER + ".on (shop/reporting/internal/ReportController.java, module reporting), and reporting is an open"
                + " module that runs in every service, so this service, which runs without orders, would refuse to start: this"
                + " project does not carry events across services yet (it has no message broker support); move the listener out"
                + " of reporting into a module that is neither open nor shared", catalog.get(0).message());
        assertEquals(List.of(Blocker.Kind.EVENT), blockers(model, "orders").stream().map(Blocker::kind).toList());
        assertEquals(List.of(), blockers(model, "catalog", "orders"));
    }

    @Test
    void anOpenModuleUsingAnotherModulesInternalsSaysEveryServiceHoldsIt() {
        ModulithModel model = shop().model();
        Blocker blocker = Boundary.internalReference(model, new ServiceRequest("catalog", List.of("catalog")), CONTROLLER,
                "shop.orders.internal.OrderRepository");
        assertEquals("Module 'catalog' alone needs other modules' internals: " + CONTROLLER + " -> shop.orders.internal.OrderRepository"
                + " (shop/reporting/internal/ReportController.java, module reporting, an open module, which every service holds;"
                + " module orders does not publish OrderRepository): call them through their module API instead", blocker.message());
    }
}

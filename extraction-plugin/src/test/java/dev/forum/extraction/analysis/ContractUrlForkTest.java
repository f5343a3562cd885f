package dev.forum.extraction.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.extraction.model.Blocker;
import dev.forum.extraction.model.HttpContract;
import dev.forum.extraction.model.HttpDeclarations;
import dev.forum.extraction.model.Planner;
import dev.forum.extraction.model.ServiceRequest;
import dev.forum.topology.ModuleRoute;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A contract's class-level {@code @HttpExchange} url, read by the analyzer in its own JVM from a compiled application
 * and brought back through the model JSON ({@link ModelJson}): one inherited from a super-interface is the contract's
 * route prefix, as Spring MVC and Spring's HTTP client find it; one ending in '/' above a method path starting with
 * '/' travels as the contract's {@code emptySegments} into a {@code contract-path} blocker.
 */
class ContractUrlForkTest {

    private static final String EXCHANGE = "@org.springframework.web.service.annotation.HttpExchange";
    private static final String GET = "@org.springframework.web.service.annotation.GetExchange";
    private static final String ID = "@org.springframework.web.bind.annotation.PathVariable(\"id\") String id";
    private static final String CONTROLLER = "@org.springframework.web.bind.annotation.RestController class ";
    private static final Map<String, String> SOURCES = Map.of(
            "shop/ShopApplication.java", "package shop; @org.springframework.modulith.Modulithic public class ShopApplication {}",
            "lib/OrderRoutes.java", "package lib; " + EXCHANGE + "(\"/api/orders\") public interface OrderRoutes {}",
            "shop/orders/OrdersApi.java", "package shop.orders; public interface OrdersApi extends lib.OrderRoutes {"
                    + " " + GET + "(\"/{id}\") String one(" + ID + "); }",
            "shop/orders/internal/OrdersController.java", "package shop.orders.internal; " + CONTROLLER
                    + "OrdersController implements shop.orders.OrdersApi { public String one(String id) { return id; } }",
            "shop/catalog/Catalog.java", "package shop.catalog; " + EXCHANGE + "(\"/api/catalog/\") public interface Catalog {"
                    + " " + GET + "(\"/{id}\") String item(" + ID + "); }",
            "shop/catalog/internal/CatalogController.java", "package shop.catalog.internal; " + CONTROLLER
                    + "CatalogController implements shop.catalog.Catalog { public String item(String id) { return id; } }",
            "shop/billing/internal/Billing.java", "package shop.billing.internal; @org.springframework.stereotype.Service"
                    + " class Billing { private final shop.catalog.Catalog catalog; private final shop.orders.OrdersApi orders;"
                    + " Billing(shop.catalog.Catalog catalog, shop.orders.OrdersApi orders) { this.catalog = catalog;"
                    + " this.orders = orders; } String bill(String id) { return catalog.item(id) + orders.one(id); } }");

    @RegisterExtension
    static final AnalyzedApplication APPLICATION = new AnalyzedApplication(SOURCES, "shop.ShopApplication");

    /** OrdersApi declares no class-level url of its own: the one of OrderRoutes, which it extends, is its prefix. */
    @Test
    void aClassLevelUrlInheritedFromASuperInterfaceIsTheContractsRoutePrefix() {
        assertEquals("/api/orders", APPLICATION.model().httpContracts().get("shop.orders.OrdersApi").prefix());
        assertEquals(new ModuleRoute("orders", "/api/orders"), HttpDeclarations.of(APPLICATION.model(), "orders").route());
        assertEquals(List.of(), APPLICATION.model().httpContracts().get("shop.orders.OrdersApi").emptySegments(),
                "/api/orders and /{id} join whole");
    }

    /**
     * {@code @HttpExchange("/api/catalog/")} and {@code "/{id}"}: the analyzer writes the join as an empty segment of the
     * contract, the model JSON brings it back, and billing alone is blocked by one contract-path line for it, while the
     * module's route prefix is /api/catalog, as Spring MVC serves it.
     */
    @Test
    void anEmptySegmentTheAnalyzerWritesIsReadBackIntoAContractPathBlocker() {
        HttpContract catalog = APPLICATION.model().httpContracts().get("shop.catalog.Catalog");
        assertEquals(List.of(new HttpContract.EmptySegment("item", "/api/catalog/", "/{id}")), catalog.emptySegments());
        assertEquals(new ModuleRoute("catalog", "/api/catalog"), HttpDeclarations.of(APPLICATION.model(), "catalog").route());

        List<Blocker> billing = Planner.plan(APPLICATION.model(), List.of(), new ServiceRequest("billing", List.of("billing")))
                .blockers();
        List<Blocker> paths = billing.stream().filter(b -> b.kind() == Blocker.Kind.CONTRACT_PATH).toList();
        assertEquals(1, paths.size(), billing.toString());
        assertEquals("shop.catalog.Catalog", paths.get(0).target());
        String line = paths.get(0).message();
        assertTrue(line.contains("whose method Catalog.item Spring's HTTP client sends to /api/catalog//{id} (the"
                + " class-level @HttpExchange(\"/api/catalog/\") and \"/{id}\" joined as written)"), line);
        assertTrue(line.contains("drop the trailing '/' of the class-level @HttpExchange(\"/api/catalog/\") of Catalog"),
                line);
    }
}

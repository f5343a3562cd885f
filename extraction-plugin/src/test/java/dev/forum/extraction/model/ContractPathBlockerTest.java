package dev.forum.extraction.model;

import static dev.forum.extraction.model.BoundaryTest.bean;
import static dev.forum.extraction.model.BoundaryTest.blockers;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A contract method whose client path holds an empty segment is its own blocker kind, {@code contract-path}, saying
 * both paths as written, what the client sends and what to change.
 */
class ContractPathBlockerTest {

    @Test
    void aServedContractWhoseClientPathHoldsAnEmptySegmentBlocksOneContractPathLinePerMethod() {
        BoundaryTest.Shop shop = new BoundaryTest.Shop()
                .module("a", false, List.of("internal.OrderService"),
                        bean("shop.a.internal.OrderService", "shop.b.InventoryApi", "b"))
                .module("b", false, List.of("InventoryApi", "internal.InventoryController"));
        shop.contracts.put("shop.b.InventoryApi", new HttpContract("shop.b.InventoryApi", "/api/inventory/",
                List.of("shop.b.internal.InventoryController"), List.of(), List.of(
                        new HttpContract.EmptySegment("cancel", "/api/inventory/", "/{id}/cancel"),
                        new HttpContract.EmptySegment("one", "/api/inventory/", "/{id}"))));
        ModulithModel model = shop.model();

        List<Blocker> a = blockers(model, "a");
        assertEquals(List.of(Blocker.Kind.CONTRACT_PATH, Blocker.Kind.CONTRACT_PATH),
                a.stream().map(Blocker::kind).toList(), "one line per method: " + a);
        assertEquals("contract-path", a.get(0).kind().id());
        assertEquals("Module 'a' alone: shop.a.internal.OrderService calls the HTTP contract shop.b.InventoryApi of"
                + " module b (bean reference in shop/a/internal/OrderService.java, module a), whose method"
                + " InventoryApi.cancel Spring's HTTP client sends to /api/inventory//{id}/cancel (the class-level"
                + " @HttpExchange(\"/api/inventory/\") and \"/{id}/cancel\" joined as written), whose empty segment ('//')"
                + " the load balancer refuses as a non-canonical path, so every remote call of it would fail at run time;"
                + " drop the trailing '/' of the class-level @HttpExchange(\"/api/inventory/\") of InventoryApi (Spring"
                + " MVC serves the same routes without it)", a.get(0).message());
        assertEquals(List.of(), blockers(model, "a", "b"), "in one service the contract is called in process");
    }
}

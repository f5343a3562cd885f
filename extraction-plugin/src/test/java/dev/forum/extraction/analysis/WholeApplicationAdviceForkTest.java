package dev.forum.extraction.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.extraction.model.Blocker;
import dev.forum.extraction.model.Planner;
import dev.forum.extraction.model.ServicePlan;
import dev.forum.extraction.model.ServiceRequest;
import dev.forum.extraction.scan.BytecodeScanner;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An application whose every module is tied to the others, read by the analyzer in its own JVM from compiled classes:
 * order publishes {@code OrderCompleted}, which inventory listens to, and inventory calls shipping's plain bean
 * {@code Shipper}, which uses order's published {@code OrderView}, whose own code needs order's internal {@code Labels}.
 * The one service that keeping them together needs holds every module: the monolith. So the lines do not advise it;
 * they say that no split of these modules is possible while the event (or call, or use) stays, and what to change.
 */
class WholeApplicationAdviceForkTest {

    private static final String COMPONENT = "@org.springframework.stereotype.Component ";
    private static final Map<String, String> SOURCES = Map.ofEntries(
            Map.entry("ex/ExampleApplication.java", "package ex; @org.springframework.modulith.Modulithic public class ExampleApplication {}"),
            Map.entry("ex/order/OrderCompleted.java", "package ex.order; public record OrderCompleted(String sku) {}"),
            Map.entry("ex/order/internal/Orders.java", "package ex.order.internal; " + COMPONENT + "class Orders {"
                    + " private final org.springframework.context.ApplicationEventPublisher events;"
                    + " Orders(org.springframework.context.ApplicationEventPublisher events) { this.events = events; }"
                    + " void complete(String sku) { events.publishEvent(new ex.order.OrderCompleted(sku)); } }"),
            Map.entry("ex/inventory/internal/Stock.java", "package ex.inventory.internal; " + COMPONENT + "class Stock {"
                    + " private final ex.shipping.Shipper shipper; Stock(ex.shipping.Shipper shipper) { this.shipper = shipper; }"
                    + " @org.springframework.context.event.EventListener void on(ex.order.OrderCompleted event) { shipper.ship(); } }"),
            Map.entry("ex/order/OrderView.java", "package ex.order; public record OrderView(String sku) {"
                    + " public String label() { return ex.order.internal.Labels.of(sku); } }"),
            Map.entry("ex/order/internal/Labels.java", "package ex.order.internal; public final class Labels {"
                    + " private Labels() { } public static String of(String sku) { return \"#\" + sku; } }"),
            Map.entry("ex/shipping/Shipper.java", "package ex.shipping; " + COMPONENT + "public class Shipper {"
                    + " public String ship() { return new ex.order.OrderView(\"a\").label(); } }"));

    @RegisterExtension
    static final AnalyzedApplication APPLICATION = new AnalyzedApplication(SOURCES, "ex.ExampleApplication");

    private static ServicePlan plan(String module) throws IOException {
        return Planner.plan(APPLICATION.model(), List.of(new BytecodeScanner().scan("ex (classes)", APPLICATION.classes())),
                new ServiceRequest(module, List.of(module)));
    }

    private static Blocker only(ServicePlan plan, Blocker.Kind kind) {
        List<Blocker> found = plan.blockers().stream().filter(b -> b.kind() == kind).toList();
        assertEquals(1, found.size(), plan.blockers().toString());
        return found.get(0);
    }

    @Test
    void theEventLineSaysNoSplitIsPossibleWhileTheEventStays() throws IOException {
        String event = only(plan("inventory"), Blocker.Kind.EVENT).message();
        assertTrue(event.contains("no split of inventory, order and shipping is possible while the event stays, as a service"
                + " holding order and inventory together would hold every module of the application (the monolith); to split"
                + " them, replace the event with a call of an HTTP contract of inventory"), event);
        assertFalse(event.contains("keep "), event);
    }

    @Test
    void theBeanCallLineSaysKeepingThemTogetherSplitsNothing() throws IOException {
        String call = only(plan("shipping"), Blocker.Kind.BEAN_CALL).message();
        assertTrue(call.contains("implemented by a @RestController in shipping; keeping inventory and shipping in one service"
                + " splits nothing, as that service would hold every module of the application (the monolith): no split of"
                + " inventory, order and shipping is possible while the call stays"), call);
        assertFalse(call.contains("keep "), call);
    }

    @Test
    void thePublishedTypeLineSaysKeepingThemTogetherSplitsNothing() throws IOException {
        String use = only(plan("shipping"), Blocker.Kind.INTERNAL_REFERENCE).message();
        assertTrue(use.startsWith("Module 'shipping' alone: ex.shipping.Shipper uses ex.order.OrderView, published by module"
                + " order, whose own code needs ex.order.internal.Labels"), use);
        assertTrue(use.endsWith("(in an internal type of order, behind its published API); keeping shipping and order in"
                + " one service splits nothing, as that service would hold every module of the application (the monolith):"
                + " no split of inventory, order and shipping is possible while the use of OrderView stays"), use);
        assertFalse(use.contains("keep shipping"), use);
    }
}

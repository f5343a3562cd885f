package dev.forum.extraction.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.extraction.model.Blocker;
import dev.forum.extraction.model.Planner;
import dev.forum.extraction.model.ServicePlan;
import dev.forum.extraction.model.ServiceRequest;
import dev.forum.extraction.model.TopologyServices;
import dev.forum.extraction.scan.BytecodeScanner;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A service of two modules whose blockers tie it to every module, while what each blocker ties together does not:
 * order publishes {@code OrderCompleted}, which inventory listens to, and mailer calls billing's plain bean
 * {@code Invoices}. The topology file's service {@code ordermail} holds order and mailer, so the one service all its
 * blockers advise holds every module (the monolith); but order and inventory split from mailer and billing. So no line
 * says that no split is possible: each keeps its own two modules together without the module of the request that
 * nothing ties to them, and names it.
 */
class WholeRequestAdviceForkTest {

    private static final String COMPONENT = "@org.springframework.stereotype.Component ";
    private static final Map<String, String> SOURCES = Map.ofEntries(
            Map.entry("ex/ExampleApplication.java", "package ex; @org.springframework.modulith.Modulithic public class ExampleApplication {}"),
            Map.entry("ex/order/OrderCompleted.java", "package ex.order; public record OrderCompleted(String sku) {}"),
            Map.entry("ex/order/internal/Orders.java", "package ex.order.internal; " + COMPONENT + "class Orders {"
                    + " private final org.springframework.context.ApplicationEventPublisher events;"
                    + " Orders(org.springframework.context.ApplicationEventPublisher events) { this.events = events; }"
                    + " void complete(String sku) { events.publishEvent(new ex.order.OrderCompleted(sku)); } }"),
            Map.entry("ex/inventory/internal/Stock.java", "package ex.inventory.internal; " + COMPONENT + "class Stock {"
                    + " @org.springframework.context.event.EventListener void on(ex.order.OrderCompleted event) { } }"),
            Map.entry("ex/mailer/internal/Mails.java", "package ex.mailer.internal; " + COMPONENT + "class Mails {"
                    + " private final ex.billing.Invoices invoices; Mails(ex.billing.Invoices invoices) { this.invoices = invoices; }"
                    + " void send() { invoices.mail(); } }"),
            Map.entry("ex/billing/Invoices.java", "package ex.billing; " + COMPONENT + "public class Invoices { public void mail() { } }"));

    @RegisterExtension
    static final AnalyzedApplication APPLICATION = new AnalyzedApplication(SOURCES, "ex.ExampleApplication");

    private static final TopologyServices TOPOLOGY = new TopologyServices("topology.yml", "monolith",
            Map.of("ordermail", List.of("order", "mailer")));

    private static ServicePlan orderMail() throws IOException {
        return Planner.plan(APPLICATION.model(), List.of(new BytecodeScanner().scan("ex (classes)", APPLICATION.classes())),
                new ServiceRequest("ordermail", List.of("order", "mailer"), false, true), TOPOLOGY);
    }

    private static String only(ServicePlan plan, Blocker.Kind kind) {
        List<Blocker> found = plan.blockers().stream().filter(b -> b.kind() == kind).toList();
        assertEquals(1, found.size(), plan.blockers().toString());
        return found.get(0).message();
    }

    @Test
    void theEventLineKeepsPublisherAndListenerTogetherWithoutTheModuleNothingTiesToThem() throws IOException {
        String event = only(orderMail(), Blocker.Kind.EVENT);
        assertTrue(event.endsWith("support): keep order and inventory in one service without mailer: nothing ties mailer"
                + " to them, and a service holding it too would hold every module of the application (the monolith); make"
                + " service 'ordermail' of topology.yml hold [order, inventory], mailer in another service, and build it"
                + " with -Dextract=ordermail"), event);
        assertFalse(event.contains("no split"), event);
    }

    @Test
    void theBeanCallLineKeepsCallerAndCalleeTogetherWithoutTheModuleNothingTiesToThem() throws IOException {
        String call = only(orderMail(), Blocker.Kind.BEAN_CALL);
        assertTrue(call.endsWith("implemented by a @RestController in billing, or keep mailer and billing in one service"
                + " without order: nothing ties order to them, and a service holding it too would hold every module of the"
                + " application (the monolith); make service 'ordermail' of topology.yml hold [mailer, billing], order in"
                + " another service, and build it with -Dextract=ordermail"), call);
        assertFalse(call.contains("no split") || call.contains("splits nothing"), call);
    }

    @Test
    void aModuleAloneStillGetsTheTwoModuleAdvice() throws IOException {
        ServicePlan order = Planner.plan(APPLICATION.model(),
                List.of(new BytecodeScanner().scan("ex (classes)", APPLICATION.classes())),
                new ServiceRequest("order", List.of("order")));
        String event = only(order, Blocker.Kind.EVENT);
        assertTrue(event.endsWith("support): keep order and inventory in one service: list both in one service of the"
                + " topology file (modules: [inventory, order]) and build that service with -Dextract=<its name>"), event);
    }
}

package dev.forum.extraction.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.extraction.model.Blocker;
import dev.forum.extraction.model.ModulithModel;
import dev.forum.extraction.model.Planner;
import dev.forum.extraction.model.ScannedArtifact;
import dev.forum.extraction.model.ServicePlan;
import dev.forum.extraction.model.ServiceRequest;
import dev.forum.extraction.scan.BytecodeScanner;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The main class and another class outside every module, which every service holds, using beans of ordinary modules,
 * read by the analyzer in its own JVM from a compiled application shaped as Spring Modulith's own example: its
 * {@code main} does {@code run(...).getBean(OrderManagement.class).complete()} ({@code OrderManagement} published,
 * its code using orders' internal {@code OrderInternal}); a {@code @Bean CommandLineRunner} method of the main class
 * takes billing's {@code Invoicer}; a component of the root package has billing's {@code Ledger} injected; {@code main}
 * also looks up catalog's HTTP contract and makes an orders value ({@code Order}, no bean); another component of the
 * root package takes those beans only through holders that may be empty ({@code ObjectProvider}, {@code Optional},
 * {@code List}, {@code Map}) and counts them with {@code getBeansOfType} and {@code getBeanProvider(...).getIfAvailable()},
 * which fail nowhere: no use. Each bean is a
 * {@code bean-call} wherever the service splits its module from the rest, the contract gets its remote client, and the
 * published type's internals are no {@code internal-reference} of their own.
 */
class OutsideBeanCallsForkTest {

    private static final String SERVICE = "@org.springframework.stereotype.Service ";
    private static final Map<String, String> SOURCES = Map.ofEntries(
            Map.entry("shop/ShopApplication.java", "package shop; @org.springframework.boot.autoconfigure.SpringBootApplication"
                    + " public class ShopApplication { public static void main(String[] args) {"
                    + " var context = org.springframework.boot.SpringApplication.run(ShopApplication.class, args);"
                    + " context.getBean(shop.orders.OrderManagement.class).complete(new shop.orders.Order(\"mug\").sku());"
                    + " context.getBean(shop.catalog.CatalogApi.class).name(); }"
                    + " @org.springframework.context.annotation.Bean org.springframework.boot.CommandLineRunner invoices("
                    + "shop.billing.Invoicer invoicer) { return args -> invoicer.run(); } }"),
            Map.entry("shop/Starter.java", "package shop; @org.springframework.stereotype.Component class Starter {"
                    + " Starter(shop.billing.Ledger ledger) { } }"),
            Map.entry("shop/Extras.java", "package shop; @org.springframework.stereotype.Component class Extras {"
                    + " Extras(org.springframework.beans.factory.ObjectProvider<shop.orders.OrderManagement> orders,"
                    + " java.util.Optional<shop.billing.Invoicer> invoicer, java.util.List<shop.billing.Ledger> ledgers,"
                    + " java.util.Map<String, shop.billing.Ledger> byName) { }"
                    + " int count(org.springframework.beans.factory.ListableBeanFactory beans) {"
                    + " return beans.getBeansOfType(shop.billing.Invoicer.class).size()"
                    + " + (beans.getBeanProvider(shop.orders.OrderManagement.class).getIfAvailable() == null ? 0 : 1); } }"),
            Map.entry("shop/orders/Order.java", "package shop.orders; public record Order(String sku) { }"),
            Map.entry("shop/orders/OrderManagement.java", "package shop.orders; " + SERVICE + "public class OrderManagement {"
                    + " private final shop.orders.internal.OrderInternal internal = new shop.orders.internal.OrderInternal();"
                    + " public void complete(String sku) { internal.record(sku); } }"),
            Map.entry("shop/orders/internal/OrderInternal.java", "package shop.orders.internal;"
                    + " public class OrderInternal { public void record(String sku) { } }"),
            Map.entry("shop/billing/Invoicer.java", "package shop.billing; " + SERVICE + "public class Invoicer { public void run() { } }"),
            Map.entry("shop/billing/Ledger.java", "package shop.billing; " + SERVICE + "public class Ledger { }"),
            Map.entry("shop/catalog/CatalogApi.java", "package shop.catalog;"
                    + " @org.springframework.web.service.annotation.HttpExchange(\"/api/catalog\") public interface CatalogApi {"
                    + " @org.springframework.web.service.annotation.GetExchange String name(); }"),
            Map.entry("shop/catalog/CatalogController.java", "package shop.catalog;"
                    + " @org.springframework.web.bind.annotation.RestController class CatalogController implements CatalogApi {"
                    + " public String name() { return \"\"; } }"),
            Map.entry("shop/inventory/InventoryController.java", "package shop.inventory;"
                    + " @org.springframework.web.bind.annotation.RestController class InventoryController {"
                    + " @org.springframework.web.bind.annotation.GetMapping(\"/api/inventory\") String all() { return \"\"; } }"));

    @RegisterExtension
    static final AnalyzedApplication APPLICATION = new AnalyzedApplication(SOURCES, "shop.ShopApplication");

    private static ServicePlan plan(String... modules) throws IOException {
        List<ScannedArtifact> artifacts = List.of(new BytecodeScanner().scan("shop (classes)", APPLICATION.classes()));
        return Planner.plan(APPLICATION.model(), artifacts, new ServiceRequest(String.join("-", modules), List.of(modules)));
    }

    private static Set<String> beanCalls(ServicePlan plan) {
        return plan.blockers().stream().filter(b -> b.kind() == Blocker.Kind.BEAN_CALL)
                .map(b -> b.source() + " -> " + b.target()).collect(Collectors.toSet());
    }

    /**
     * The lookups, the call, the @Bean parameter and the injection (those in main as the launch class's: the request's
     * launch class is the main class); not the value type, nor the class literal of run,
     * nor a holder's injection or a lookup that finds nothing without failing (shop.Extras).
     */
    @Test
    void theAnalyzerFindsTheBeansUsedOutsideEveryModule() {
        Set<String> found = APPLICATION.model().outsideBeanReferences().stream()
                .map(d -> d.source() + " -> " + d.target() + " @" + d.module() + " " + d.type()).collect(Collectors.toSet());
        assertEquals(Set.of("shop.ShopApplication -> shop.orders.OrderManagement @orders MAIN_USES_COMPONENT",
                "shop.ShopApplication -> shop.catalog.CatalogApi @catalog MAIN_USES_COMPONENT",
                "shop.ShopApplication -> shop.billing.Invoicer @billing USES_COMPONENT",
                "shop.Starter -> shop.billing.Ledger @billing USES_COMPONENT"), found);
        for (ModulithModel.Module module : APPLICATION.model().modules()) {
            assertTrue(module.dependencies().stream().noneMatch(d -> d.source().startsWith("shop.ShopApplication")),
                    module.name() + " holds no dependency of the main class");
        }
    }

    /**
     * A service without orders and billing: each of their beans is a bean-call naming the main class (or the root
     * package's class) with advice that fits it, OrderManagement's internals no internal-reference; the contract is
     * called remotely.
     */
    @Test
    void aServiceWithoutTheBeansModulesIsRefusedAsBeanCalls() throws IOException {
        ServicePlan inventory = plan("inventory");
        assertEquals(Set.of("shop.ShopApplication -> shop.orders.OrderManagement", "shop.ShopApplication -> shop.billing.Invoicer",
                "shop.Starter -> shop.billing.Ledger"), beanCalls(inventory));
        assertEquals(3, inventory.blockers().size(), inventory.blockers().toString());
        Blocker main = inventory.blockers().stream().filter(b -> b.target().equals("shop.orders.OrderManagement")).findFirst()
                .orElseThrow();
        assertEquals("(no module)", main.sourceModule());
        assertEquals("orders", main.targetModule());
        assertTrue(main.message().startsWith("Module 'inventory' alone: the application's main class shop.ShopApplication uses"
                + " the bean shop.orders.OrderManagement of module orders (bean reference in shop/ShopApplication.java,"
                + " outside every module), which cannot go over HTTP, and every service holds the main class, so this"
                + " service, which runs without orders, would find no such bean"), main.message());
        assertTrue(main.message().contains("move the call out of the main class into module orders, into an ApplicationRunner"
                + " bean or an @EventListener(ApplicationReadyEvent.class) method there"), main.message());
        assertTrue(main.message().contains("wherever orders runs, at every start of its service: there a call of a module"
                + " in another process fails the start while that process is down (the orchestrator then restarts the"
                + " service); or make OrderManagement"), main.message());
        assertTrue(main.message().contains("make OrderManagement an interface in the published API of orders annotated with"
                + " @HttpExchange"), main.message());
        Blocker starter = inventory.blockers().stream().filter(b -> b.source().equals("shop.Starter")).findFirst().orElseThrow();
        assertTrue(starter.message().contains("the class shop.Starter of the root package uses the bean shop.billing.Ledger"
                + " of module billing") && starter.message().contains("move Starter into module billing"), starter.message());
        assertEquals(Map.of("shop.catalog.CatalogApi", "catalog"), inventory.remoteContracts());
    }

    /** orders' own service still runs the main class's runner without billing, and the rest runs main without orders. */
    @Test
    void theServiceHoldingTheBeanIsRefusedTooWhileTheRestRunsElsewhere() throws IOException {
        ServicePlan orders = plan("orders");
        assertEquals(Set.of("shop.ShopApplication -> shop.orders.OrderManagement", "shop.ShopApplication -> shop.billing.Invoicer",
                "shop.Starter -> shop.billing.Ledger"), beanCalls(orders));
        Blocker own = orders.blockers().stream().filter(b -> b.target().equals("shop.orders.OrderManagement")).findFirst()
                .orElseThrow();
        assertTrue(own.message().contains("so every other service (the rest of the application, which runs without orders)"
                + " would find no such bean"), own.message());
    }

    /** A service of every module splits nothing from the main class: nothing blocks it. */
    @Test
    void aServiceOfEveryModuleIsNotBlocked() throws IOException {
        assertEquals(List.of(), plan("billing", "catalog", "inventory", "orders").blockers());
    }
}

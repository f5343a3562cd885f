package dev.forum.extraction.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.extraction.model.ApplicationWide.Effect;
import dev.forum.extraction.model.ApplicationWide.Setting;
import dev.forum.extraction.model.ApplicationWideModules;
import dev.forum.extraction.model.Blocker;
import dev.forum.extraction.model.ModulithModel;
import dev.forum.extraction.model.Planner;
import dev.forum.extraction.model.PublicationRegistry;
import dev.forum.extraction.model.ServicePlan;
import dev.forum.extraction.model.ServiceRequest;
import dev.forum.extraction.model.TopologyServices;
import dev.forum.extraction.report.ExtractionReport;
import dev.forum.extraction.report.ReportJson;
import dev.forum.extraction.report.ReportText;
import dev.forum.extraction.scan.BytecodeScanner;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ordinary modules (an entity, a controller) with what Spring applies to the whole application, read by the analyzer
 * in its own JVM from one compiled application, {@code shop}: {@code orders} turns on {@code @EnableAsync} for its own
 * {@code @Async} method and declares a {@code RestClientCustomizer} bean and a {@code BeanPostProcessor}; {@code ops}
 * turns on {@code @EnableScheduling}, which {@code billing}'s {@code @Scheduled} method needs; {@code catalog} has a
 * controller only. A feature switch blocks only the services that use it without it, or that hold it while a module
 * they do not hold uses it; the customizer and the post processor are a warning, never a refusal, for a service
 * without orders and for one that takes orders out of the monolith. A service of every module (a second monolith)
 * gets neither.
 */
class ApplicationWideFeaturesForkTest {

    private static final String CONFIGURATION = "@org.springframework.context.annotation.Configuration ";
    private static final String COMPONENT = "@org.springframework.stereotype.Component ";
    private static final String SCHEDULING = "org.springframework.scheduling.annotation.";

    @TempDir
    static Path dir;

    private static ModulithModel model;
    private static List<dev.forum.extraction.model.ScannedArtifact> artifacts;

    private static String controller(String module, String type) {
        return "package shop." + module + "; @org.springframework.web.bind.annotation.RestController public class " + type
                + " { @org.springframework.web.bind.annotation.GetMapping(\"/api/" + module + "\") String all() { return \"\"; } }";
    }

    @BeforeAll
    static void analyse() throws Exception {
        Map<String, String> sources = new java.util.HashMap<>();
        sources.put("shop/ShopApplication.java", "package shop; @org.springframework.modulith.Modulithic public class ShopApplication {}");
        sources.put("shop/orders/OrderController.java", controller("orders", "OrderController"));
        sources.put("shop/orders/internal/Order.java", "package shop.orders.internal; @jakarta.persistence.Entity"
                + " class Order { @jakarta.persistence.Id Long id; }");
        sources.put("shop/orders/internal/OrdersConfig.java", "package shop.orders.internal; " + CONFIGURATION + "@"
                + SCHEDULING + "EnableAsync class OrdersConfig { @org.springframework.context.annotation.Bean"
                + " org.springframework.boot.restclient.RestClientCustomizer ordersClient() { return builder -> {}; } }");
        sources.put("shop/orders/internal/OrderMailer.java", "package shop.orders.internal; " + COMPONENT
                + "class OrderMailer { @" + SCHEDULING + "Async public void send(Long order) {} }");
        sources.put("shop/orders/internal/OrderAudit.java", "package shop.orders.internal; " + COMPONENT
                + "class OrderAudit implements org.springframework.beans.factory.config.BeanPostProcessor {}");
        sources.put("shop/ops/OpsController.java", controller("ops", "OpsController"));
        sources.put("shop/ops/internal/OpsConfig.java", "package shop.ops.internal; " + CONFIGURATION + "@" + SCHEDULING
                + "EnableScheduling class OpsConfig {}");
        sources.put("shop/billing/BillingController.java", controller("billing", "BillingController"));
        sources.put("shop/billing/internal/InvoiceRun.java", "package shop.billing.internal; " + COMPONENT
                + "class InvoiceRun { @" + SCHEDULING + "Scheduled(fixedDelay = 60000) void run() {} }");
        sources.put("shop/catalog/CatalogController.java", controller("catalog", "CatalogController"));
        Path classes = AnalyzedApplication.compile(dir, sources);
        model = AnalysisFork.run(AnalyzedApplication.request(dir, classes, "shop.ShopApplication"));
        artifacts = List.of(new BytecodeScanner().scan("shop (classes)", classes));
    }

    private static ServicePlan plan(String name, String... modules) {
        return Planner.plan(model, artifacts, new ServiceRequest(name, List.of(modules)));
    }

    /** The analyzer's findings: each with its effect, the feature switch with the annotations that need it; the uses. */
    @Test
    void theAnalyzerTellsBlockersFeatureSwitchesAndWarningsApart() {
        assertEquals(Map.of(
                "shop.orders.internal.OrderAudit", List.of(new Setting("a BeanPostProcessor bean", Effect.WARNS)),
                "shop.orders.internal.OrdersConfig", List.of(
                        new Setting("@EnableAsync", Effect.ENABLES, List.of(SCHEDULING + "Async")),
                        new Setting("a RestClientCustomizer bean from ordersClient()", Effect.WARNS))),
                ApplicationWideModules.classesOf(model, "orders"));
        assertEquals(Map.of("shop.ops.internal.OpsConfig", List.of(new Setting("@EnableScheduling", Effect.ENABLES,
                List.of(SCHEDULING + "Scheduled", SCHEDULING + "Schedules")))), ApplicationWideModules.classesOf(model, "ops"));
        assertEquals(Set.of(SCHEDULING + "Async"), ApplicationWideModules.featureUsesOf(model, "orders"));
        assertEquals(Set.of(SCHEDULING + "Scheduled"), ApplicationWideModules.featureUsesOf(model, "billing"));
        assertEquals(Set.of(), ApplicationWideModules.featureUsesOf(model, "catalog"));
        assertEquals(Set.of(), ApplicationWideModules.featureUsesOf(model, ""), "no class outside every module uses one");
    }

    /** orders, with its entity and controller, switches on @EnableAsync for itself alone: every service of it builds. */
    @Test
    void aFeatureSwitchUsedOnlyByItsOwnModuleBlocksNothing() {
        ServicePlan orders = plan("orders", "orders");
        assertEquals(List.of(), orders.blockers());
        Planner.refuseBlocked(List.of(orders));
        assertEquals(List.of(), plan("catalog", "catalog").blockers(), "catalog uses no switched feature");
    }

    /**
     * billing's @Scheduled needs ops' @EnableScheduling: billing alone is refused, naming both; ops alone too, since the
     * monolith would run billing without it; billing with ops builds.
     */
    @Test
    void aFeatureSwitchOfAnotherModuleBlocksTheServiceThatUsesItWithoutIt() {
        List<Blocker> billing = plan("billing", "billing").blockers();
        assertEquals(1, billing.size(), billing.toString());
        assertEquals(Blocker.Kind.APPLICATION_WIDE_MODULE, billing.get(0).kind());
        assertEquals("ops", billing.get(0).sourceModule());
        assertEquals("Module 'billing' alone would run without module ops, whose classes configure the whole application:"
                + " shop.ops.internal.OpsConfig (@EnableScheduling, which @Scheduled in module billing needs): Spring applies"
                + " them to every module, so the service would run without them, on Spring Boot's defaults: make ops a"
                + " module every service runs, @Modulithic(sharedModules = \"ops\") on shop.ShopApplication, or move these"
                + " classes into shop, outside every module", billing.get(0).message());

        List<Blocker> ops = plan("ops", "ops").blockers();
        assertEquals(List.of("Module 'ops' alone would take module ops out of the monolith and every other service, and"
                + " its classes configure the whole application: shop.ops.internal.OpsConfig (@EnableScheduling, which"
                + " @Scheduled in module billing needs): Spring applies them to every module, so those processes would run"
                + " without them, on Spring Boot's defaults: make ops a module every service runs,"
                + " @Modulithic(sharedModules = \"ops\") on shop.ShopApplication, or move these classes into shop, outside"
                + " every module"), ops.stream().map(Blocker::message).toList());

        ServicePlan both = plan("backoffice", "billing", "ops");
        assertEquals(List.of(), both.blockers());
        Planner.refuseBlocked(List.of(both));
    }

    /**
     * orders' customizer and post processor: a service without orders builds, with one warning line naming them and the
     * fixes, which the report shows as a warning (text and JSON); so does a service of orders, whose line says it takes
     * them out of the monolith and every other service; the monolith and a service of every module have none.
     */
    @Test
    void filtersCustomizersAndPostProcessorsLeftOutOrTakenAwayAreAWarning() {
        ServicePlan catalog = plan("catalog", "catalog");
        assertEquals(List.of(), catalog.blockers());
        String classes = "shop.orders.internal.OrderAudit (a BeanPostProcessor bean); shop.orders.internal.OrdersConfig"
                + " (a RestClientCustomizer bean from ordersClient())";
        String fixes = "if they are meant for every module, make orders a module every service runs,"
                + " @Modulithic(sharedModules = \"orders\") on shop.ShopApplication, or move them into shop, outside every"
                + " module";
        String line = "Module 'catalog' alone runs without module orders, whose classes Spring applies to every module, not"
                + " to their own alone: " + classes + ": the service's requests, clients and beans go without them; " + fixes;
        assertEquals(List.of(line), ApplicationWideModules.warnings(model, catalog.request()));
        String takes = "Module 'orders' alone would take the classes of module orders that Spring applies to every module,"
                + " not to their own alone, out of the monolith and every other service: " + classes + ": those processes'"
                + " requests, clients and beans go without them; " + fixes;
        assertEquals(List.of(takes), ApplicationWideModules.warnings(model, new ServiceRequest("orders", List.of("orders"))));
        assertEquals(List.of(takes.replace("Module 'orders' alone", "Service 'front'")),
                ApplicationWideModules.warnings(model, new ServiceRequest("front", List.of("catalog", "orders"))));
        assertEquals(List.of(), ApplicationWideModules.warnings(model, new ServiceRequest("shop",
                List.of("billing", "catalog", "ops"), true)), "the monolith runs every module");
        ServicePlan every = plan("all", "billing", "catalog", "ops", "orders");
        assertEquals(List.of(), every.blockers());
        assertEquals(List.of(), ApplicationWideModules.warnings(model, every.request()), "no process runs without orders");

        ExtractionReport report = ExtractionReport.of(model, artifacts, Optional.empty(), TopologyServices.NONE, Map.of(),
                PublicationRegistry.NONE, List.of());
        assertEquals(List.of("catalog", "orders"), report.extractable(), "billing alone needs ops, ops alone leaves billing without it");
        for (String warning : List.of(line, takes)) {
            assertTrue(report.warnings().stream().anyMatch(w -> w.kind().equals(ExtractionReport.Warning.APPLICATION_WIDE_LEFT_OUT)
                    && w.lines().equals(List.of(warning))), report.warnings().toString());
            assertTrue(ReportText.lines(report).contains(ReportText.WARNING + warning), String.join("\n", ReportText.lines(report)));
        }
        String json = ReportJson.write(report);
        assertTrue(json.contains("\"kind\" : \"application-wide-left-out\""), json);
        assertFalse(json.contains("application-wide-module\", \"source\" : \"shop.orders"), json);
    }
}

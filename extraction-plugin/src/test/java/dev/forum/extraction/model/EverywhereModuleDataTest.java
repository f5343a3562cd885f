package dev.forum.extraction.model;

import static dev.forum.extraction.model.BoundaryTest.blockers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forum.extraction.report.ExtractionReport;
import dev.forum.extraction.report.ReportJson;
import dev.forum.extraction.report.ReportText;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A module that runs everywhere (open, shared, or the main class's) and uses an ordinary module's entity, or maps a
 * table that module maps, does so in every process: where the service splits that module from the rest, it maps the
 * data in a database that does not hold it. So it blocks every such service, as its bean calls do
 * ({@link EverywhereModuleBoundaryTest}); modules that run everywhere among themselves never cross.
 */
class EverywhereModuleDataTest {

    private static final String REPOSITORY = "shop.reporting.internal.OrderReadRepository";
    private static final String ORDER = "shop.orders.Order";

    /** reporting (open, with {@code dependencies}), orders (its entity {@code Order} on table orders) and catalog. */
    private static BoundaryTest.Shop shop(ModulithModel.Dependency... dependencies) {
        BoundaryTest.Shop shop = new BoundaryTest.Shop()
                .module("reporting", true, List.of("Report", "internal.OrderReadRepository", "internal.OrderRow"), dependencies)
                .module("orders", false, List.of("Order", "internal.OrderService"))
                .module("catalog", false, List.of("Catalog"));
        shop.entities.add(new ModulithModel.Entity(ORDER, "orders", "relational"));
        return shop;
    }

    /** {@code source} references {@code target} of {@code module}, e.g. as a repository's domain type. */
    private static ModulithModel.Dependency uses(String source, String target, String module) {
        return new ModulithModel.Dependency("DEFAULT", source, target, module);
    }

    private static List<Blocker.Kind> kinds(List<Blocker> blockers) {
        return blockers.stream().map(Blocker::kind).toList();
    }

    @Test
    void anOpenModulesRepositoryOverAnotherModulesEntityBlocksAServiceWithoutThatModule() {
        ModulithModel model = shop(uses(REPOSITORY, ORDER, "orders")).model();

        List<Blocker> catalog = blockers(model, "catalog");
        assertEquals(List.of(Blocker.Kind.SHARED_ENTITY), kinds(catalog));
        assertEquals("Module 'catalog' alone: " + REPOSITORY + " uses the entity " + ORDER + " of module orders"
                + " (shop/reporting/internal/OrderReadRepository.java, module reporting), and reporting is an open module that"
                + " runs in every service, so this service, which runs without orders, would map Order onto a database that does"
                + " not hold the data of orders: a service owns its entities and tables; refer to Order by its id and read it"
                + " through an HTTP contract of orders, or move the use of Order out of reporting into a module that is neither"
                + " open nor shared", catalog.get(0).message());
        assertEquals(List.of(REPOSITORY, "reporting", "orders"),
                List.of(catalog.get(0).source(), catalog.get(0).sourceModule(), catalog.get(0).targetModule()));
        // No advice to keep reporting with anything: it runs everywhere already.
        assertEquals(List.of("catalog"), Planner.group(model, new ServiceRequest("catalog", List.of("catalog")),
                TopologyServices.NONE, Set.of()));
    }

    @Test
    void aSharedModulesEntityFieldOfAnotherModulesEntityBlocks() {
        BoundaryTest.Shop shop = shop().shared("platform", List.of("AuditEntry"), uses("shop.platform.AuditEntry", ORDER, "orders"));
        List<Blocker> catalog = blockers(shop.model(), "catalog");
        assertEquals(List.of(Blocker.Kind.SHARED_ENTITY), kinds(catalog));
        assertTrue(catalog.get(0).message().startsWith("Module 'catalog' alone: shop.platform.AuditEntry uses the entity " + ORDER
                + " of module orders (shop/platform/AuditEntry.java, module platform), and platform is a shared module that runs"
                + " in every service, so this service, which runs without orders, would map Order"), catalog.get(0).message());
    }

    @Test
    void theMainClassModulesEntityRelationToAnotherModulesEntityBlocks() {
        BoundaryTest.Shop shop = shop().module("web", false, List.of("WebApplication", "internal.Visit"),
                new ModulithModel.Dependency("ENTITY", "shop.web.internal.Visit", ORDER, "orders"));
        shop.mainClass = "shop.web.WebApplication";
        List<Blocker> catalog = blockers(shop.model(), "catalog");
        assertEquals(List.of(Blocker.Kind.SHARED_ENTITY), kinds(catalog));
        assertTrue(catalog.get(0).message().contains("(shop/web/internal/Visit.java, module web), and web is the main class's"
                + " module that runs in every service, so this service, which runs without orders, would map Order"),
                catalog.get(0).message());
        assertTrue(catalog.get(0).message().endsWith("or move the use of Order out of web into a module that is neither open nor"
                + " shared"), catalog.get(0).message());
    }

    @Test
    void anOpenModuleMappingAnotherModulesTableBlocksAServiceWithoutThatModule() {
        BoundaryTest.Shop shop = shop();
        shop.entities.add(new ModulithModel.Entity("shop.reporting.internal.OrderRow", "orders", "jpa"));
        List<Blocker> catalog = blockers(shop.model(), "catalog");
        assertEquals(List.of(Blocker.Kind.SHARED_TABLE), kinds(catalog));
        assertEquals("Module 'catalog' alone: table 'orders' is mapped by shop.reporting.internal.OrderRow"
                + " (shop/reporting/internal/OrderRow.java, module reporting) and by " + ORDER + " (module orders), and reporting"
                + " is an open module that runs in every service, so this service, which runs without orders, would map 'orders'"
                + " apart from the data of orders: each table belongs to one module; map it in one of the two only: in orders"
                + " (reporting then reads it through an HTTP contract of orders) or in reporting (orders then reads it through"
                + " the beans of reporting, which run in every service)", catalog.get(0).message());
        assertEquals(List.of("shop.reporting.internal.OrderRow", "table orders", "reporting", "orders"), List.of(
                catalog.get(0).source(), catalog.get(0).target(), catalog.get(0).sourceModule(), catalog.get(0).targetModule()));
    }

    /**
     * The other way round: an ordinary module mapping a table of a shared module maps it, in its own service, apart from
     * the shared module's rows in every other process. Blocked too, and the line does not take either side as the owner.
     */
    @Test
    void anOrdinaryModuleMappingASharedModulesTableBlocksToo() {
        BoundaryTest.Shop shop = shop().shared("platform", List.of("AuditEntry"));
        shop.entities.add(new ModulithModel.Entity("shop.platform.AuditEntry", "audit", "jpa"));
        shop.entities.add(new ModulithModel.Entity(ORDER, "audit", "jpa"));
        List<Blocker> orders = blockers(shop.model(), "orders");
        assertEquals(List.of(Blocker.Kind.SHARED_TABLE), kinds(orders));
        assertTrue(orders.get(0).message().contains("platform is a shared module that runs in every service, so every other"
                + " service (the rest of the application, which runs without orders) would map 'audit' apart from the data of"
                + " orders: each table belongs to one module; map it in one of the two only: in orders (platform then reads it"
                + " through an HTTP contract of orders) or in platform (orders then reads it through the beans of platform,"
                + " which run in every service)"), orders.get(0).message());
    }

    /**
     * In the service holding orders, the rest of the application runs reporting without it, on the monolith's database;
     * a service holding every extractable module splits none off.
     */
    @Test
    void theServiceHoldingTheOtherModuleIsBlockedTooButOneHoldingEveryExtractableModuleIsNot() {
        BoundaryTest.Shop shop = shop(uses(REPOSITORY, ORDER, "orders"));
        shop.entities.add(new ModulithModel.Entity("shop.reporting.internal.OrderRow", "orders", "jpa"));
        ModulithModel model = shop.model();
        List<Blocker> orders = blockers(model, "orders");
        assertEquals(List.of(Blocker.Kind.SHARED_ENTITY, Blocker.Kind.SHARED_TABLE), kinds(orders));
        orders.forEach(blocker -> assertTrue(blocker.message().contains(" is an open module that runs in every service, so every"
                + " other service (the rest of the application, which runs without orders) would map "), blocker.message()));
        assertEquals(List.of(), blockers(model, "catalog", "orders"), "no module split off from reporting");
    }

    /**
     * Two modules that run everywhere run in the same processes, so their entities and tables never cross; nor does an
     * ordinary module's use of an open module's entity (the open module runs where it runs, as calls into it do). Only
     * reporting's use of orders' entity blocks.
     */
    @Test
    void modulesThatRunEverywhereAmongThemselvesAndUsesOfAnOpenModulesEntityNeverCross() {
        BoundaryTest.Shop shop = shop(uses(REPOSITORY, "shop.platform.AuditEntry", "platform"), uses(REPOSITORY, ORDER, "orders"))
                .shared("platform", List.of("AuditEntry"))
                .module("billing", false, List.of("internal.Invoice"), uses("shop.billing.internal.Invoice", "shop.reporting.Report",
                        "reporting"));
        shop.entities.add(new ModulithModel.Entity("shop.platform.AuditEntry", "audit", "jpa"));
        shop.entities.add(new ModulithModel.Entity("shop.reporting.internal.OrderRow", "audit", "jpa"));
        shop.entities.add(new ModulithModel.Entity("shop.reporting.Report", "report", "jpa"));
        ModulithModel model = shop.model();
        for (String service : List.of("catalog", "billing", "orders")) {
            assertEquals(List.of(ORDER), blockers(model, service).stream().map(Blocker::target).toList(), service);
        }
        assertEquals(List.of(), blockers(model, "catalog", "billing", "orders"));
    }

    /** The report lists the blocker under each module it blocks alone, and nothing under the open module. */
    @Test
    void theReportListsTheBlockerUnderEachModuleItBlocksAlone() throws Exception {
        ExtractionReport report = ExtractionReport.of(shop(uses(REPOSITORY, ORDER, "orders")).model(), List.of(), Optional.empty(),
                TopologyServices.NONE, Map.of(), PublicationRegistry.NONE, List.of());
        List<String> text = ReportText.lines(report);
        assertEquals("3 modules: 0 can be extracted alone now, 2 blocked alone (catalog, orders), 1 runs in every service"
                + " (reporting)", text.get(1));
        assertTrue(text.contains("  catalog    blocked alone (1)"), String.join("\n", text));
        assertTrue(text.contains("             - shared-entity: Module 'catalog' alone: " + REPOSITORY + " uses the entity " + ORDER
                + " of module orders (shop/reporting/internal/OrderReadRepository.java, module reporting), and reporting is an"
                + " open module that runs in every service, so this service, which runs without orders, would map Order onto a"
                + " database that does not hold the data of orders: a service owns its entities and tables; refer to Order by its"
                + " id and read it through an HTTP contract of orders, or move the use of Order out of reporting into a module"
                + " that is neither open nor shared"), String.join("\n", text));
        assertTrue(text.contains("  reporting  open module: runs in every service"), String.join("\n", text));
        JsonNode orders = new ObjectMapper().readTree(ReportJson.write(report)).at("/modules/1");
        assertEquals("orders", orders.get("name").asText());
        assertEquals(List.of("shared-entity", REPOSITORY, ORDER, "shop/reporting/internal/OrderReadRepository.java", "reporting",
                "orders"), List.of(orders.at("/blockers/0/kind").asText(), orders.at("/blockers/0/source").asText(),
                orders.at("/blockers/0/target").asText(), orders.at("/blockers/0/file").asText(),
                orders.at("/blockers/0/sourceModule").asText(), orders.at("/blockers/0/targetModule").asText()));
    }
}

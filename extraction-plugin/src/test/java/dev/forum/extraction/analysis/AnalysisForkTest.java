package dev.forum.extraction.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.extraction.model.ExtractionException;
import dev.forum.extraction.model.HttpContract;
import dev.forum.extraction.model.ModuleLinks;
import dev.forum.extraction.model.ModulithModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analyzer in a JVM of its own, on a small Spring application compiled here: what Spring Modulith's model says
 * reaches the plugin (modules, published types, dependency types, HTTP contracts and their controllers, listeners).
 */
class AnalysisForkTest {

    private static final Map<String, String> APPLICATION = Map.of(
            "shop/ShopApplication.java", "package shop; @org.springframework.modulith.Modulithic public class ShopApplication {}",
            "shop/kernel/package-info.java", "@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN) package shop.kernel;",
            "shop/kernel/Money.java", "package shop.kernel; public record Money(int cents) {}",
            "shop/catalog/Catalog.java", "package shop.catalog; @org.springframework.web.service.annotation.HttpExchange(\"/api/catalog\")"
                    + " public interface Catalog { @org.springframework.web.service.annotation.GetExchange(\"/{sku}\") Item item(@org.springframework.web.bind.annotation.PathVariable(\"sku\") String sku); }",
            "shop/catalog/Item.java", "package shop.catalog; public record Item(String sku, shop.kernel.Money price) {}",
            "shop/catalog/internal/CatalogController.java", "package shop.catalog.internal; @org.springframework.web.bind.annotation.RestController"
                    + " class CatalogController implements shop.catalog.Catalog { public shop.catalog.Item item(String sku) { return null; } }",
            "shop/orders/OrderPlaced.java", "package shop.orders; public record OrderPlaced(String sku) {}",
            "shop/orders/internal/OrderService.java", "package shop.orders.internal; @org.springframework.stereotype.Service class OrderService {"
                    + " private final shop.catalog.Catalog catalog; private final org.springframework.context.ApplicationEventPublisher events;"
                    + " OrderService(shop.catalog.Catalog catalog, org.springframework.context.ApplicationEventPublisher events) { this.catalog = catalog; this.events = events; }"
                    + " void place(String sku) { catalog.item(sku); events.publishEvent(new shop.orders.OrderPlaced(sku)); } }",
            "shop/shipping/internal/Planner.java", "package shop.shipping.internal; @org.springframework.stereotype.Component class Planner {"
                    + " @org.springframework.context.event.EventListener void on(shop.orders.OrderPlaced placed) { } }");

    /**
     * Controllers with class-level mappings: shipping's written with @RequestMapping's path, orders' through a composed
     * annotation of the open kernel module whose value is an alias of the mapping's path, and through one whose path is
     * the short-form alias (no attribute named: the attribute of the same name, as Spring's @GetMapping writes it); a
     * subclass inherits one.
     */
    private static final Map<String, String> MAPPED = Map.of(
            "shop/kernel/ApiRoute.java", "package shop.kernel; import org.springframework.core.annotation.AliasFor;"
                    + " import org.springframework.web.bind.annotation.RequestMapping;"
                    + " @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)"
                    + " @java.lang.annotation.Target(java.lang.annotation.ElementType.TYPE)"
                    + " @org.springframework.web.bind.annotation.RestController @RequestMapping"
                    + " public @interface ApiRoute { @AliasFor(annotation = RequestMapping.class, attribute = \"path\") String[] value(); }",
            "shop/orders/internal/OrdersController.java", "package shop.orders.internal; @shop.kernel.ApiRoute(\"/api/orders\")"
                    + " class OrdersController { }",
            "shop/shipping/internal/ShippingController.java", "package shop.shipping.internal;"
                    + " @org.springframework.web.bind.annotation.RestController"
                    + " @org.springframework.web.bind.annotation.RequestMapping(path = \"/api/shipping\") class ShippingController { }",
            "shop/shipping/internal/ParcelsController.java", "package shop.shipping.internal;"
                    + " @org.springframework.web.bind.annotation.RestController class ParcelsController extends ShippingController { }",
            "shop/kernel/PathRoute.java", "package shop.kernel; import org.springframework.core.annotation.AliasFor;"
                    + " import org.springframework.web.bind.annotation.RequestMapping;"
                    + " @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)"
                    + " @java.lang.annotation.Target(java.lang.annotation.ElementType.TYPE)"
                    + " @org.springframework.web.bind.annotation.RestController @RequestMapping(\"/default\")"
                    + " public @interface PathRoute { @AliasFor(annotation = RequestMapping.class) String[] path() default {}; }",
            "shop/orders/internal/LinesController.java", "package shop.orders.internal;"
                    + " @shop.kernel.PathRoute(path = \"/api/orders/{id}/lines\") class LinesController { }");

    private static final Map<String, String> SOURCES = new java.util.HashMap<>(APPLICATION);

    static {
        SOURCES.putAll(MAPPED);
    }

    @TempDir
    Path dir;

    private Path classes;

    @BeforeEach
    void compile() throws IOException {
        classes = AnalyzedApplication.compile(dir, SOURCES);
    }

    @Test
    void readsSpringModulithsModelInItsOwnJvm() throws Exception {
        ModulithModel model = AnalysisFork.run(request("shop.ShopApplication"));

        assertEquals(List.of("shop"), model.rootPackages());
        assertEquals(List.of("catalog", "kernel", "orders", "shipping"), model.modules().stream().map(ModulithModel.Module::name).toList());
        assertTrue(model.module("kernel").orElseThrow().open());
        assertEquals(List.of("catalog", "orders", "shipping"), model.extractableModules());
        ModulithModel.Module catalog = model.module("catalog").orElseThrow();
        assertTrue(catalog.publishedTypes().containsAll(List.of("shop.catalog.Catalog", "shop.catalog.Item")));
        assertTrue(!catalog.publishedTypes().contains("shop.catalog.internal.CatalogController"));
        assertTrue(model.module("orders").orElseThrow().dependencies().contains(new ModulithModel.Dependency(
                "USES_COMPONENT", "shop.orders.internal.OrderService", "shop.catalog.Catalog", "catalog")));
        assertEquals(new HttpContract("shop.catalog.Catalog", "/api/catalog", List.of("shop.catalog.internal.CatalogController")),
                model.httpContracts().get("shop.catalog.Catalog"));
        assertEquals(java.util.Set.of("shop.catalog.internal.CatalogController", "shop.orders.internal.OrdersController",
                "shop.shipping.internal.ShippingController", "shop.shipping.internal.ParcelsController",
                "shop.orders.internal.LinesController"), model.controllers());
        assertEquals(java.util.Set.of("shop.catalog.internal.CatalogController"), model.controllersOf("catalog"));
        assertEquals(java.util.Set.of(), model.controllersOf("kernel"));
        assertTrue(model.listeners().contains(new ModulithModel.Listener("shop.orders.OrderPlaced", "shop.shipping.internal.Planner", "on")));
        assertEquals(java.util.Set.of("orders"), ModuleLinks.publishersOf(model, "shop.orders.OrderPlaced"));
        assertEquals("shop/orders/internal/OrderService.java", model.sourcePath("shop.orders.internal.OrderService"));
        assertEquals(Runtime.version().feature(), SupportedVersions.feature(model.java()));
    }

    /**
     * Each controller's class-level @RequestMapping paths, as Spring finds them: written directly, through a composed
     * annotation's aliased attribute, inherited from a superclass; none for a controller that declares none.
     */
    @Test
    void readsEachControllersClassLevelRequestMapping() throws Exception {
        ModulithModel model = AnalysisFork.run(request("shop.ShopApplication"));

        assertEquals(List.of(), model.controllerPaths("shop.catalog.internal.CatalogController"));
        assertEquals(List.of("/api/shipping"), model.controllerPaths("shop.shipping.internal.ShippingController"));
        assertEquals(List.of("/api/orders"), model.controllerPaths("shop.orders.internal.OrdersController"));
        assertEquals(List.of("/api/shipping"), model.controllerPaths("shop.shipping.internal.ParcelsController"));
        assertEquals(List.of("/api/orders/{id}/lines"), model.controllerPaths("shop.orders.internal.LinesController"),
                "the short-form alias overrides the meta-annotation's /default");
    }

    @Test
    void aMainClassSpringModulithCannotReadIsRefusedInOneLine() {
        var e = assertThrows(ExtractionException.class, () -> AnalysisFork.run(request("shop.kernel.Money")));
        assertEquals(1, e.lines().size());
        assertTrue(e.getMessage().startsWith("Spring Modulith cannot read modules from shop.kernel.Money ("), e.getMessage());
        assertTrue(e.getMessage().endsWith("annotated @SpringBootApplication or @Modulithic; annotate it, or name the class that is"
                + " with the plugin's applicationClass (-Dextract.applicationClass)"), e.getMessage());
        var missing = assertThrows(ExtractionException.class, () -> AnalysisFork.run(request("shop.Nowhere")));
        assertEquals("the application class shop.Nowhere cannot be loaded (java.lang.ClassNotFoundException: shop.Nowhere)", missing.getMessage());
    }

    private AnalysisFork.Request request(String mainClass) throws IOException {
        return AnalyzedApplication.request(dir, classes, mainClass);
    }
}

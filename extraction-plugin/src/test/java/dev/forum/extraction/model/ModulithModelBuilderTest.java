package dev.forum.extraction.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one way to make a model: what a part left unset is, and that the model keeps copies of what it was given. */
class ModulithModelBuilderTest {

    private static ModulithModel.Module module(String name) {
        return new ModulithModel.Module(name, "shop." + name, false, false, Set.of("shop." + name + ".Api"), Set.of(),
                Map.of(), List.of());
    }

    @Test
    void aPartLeftUnsetIsEmptyAndTheVersionsAreBlank() {
        ModulithModel model = ModulithModel.builder("shop.ShopApplication", List.of("shop"), List.of(module("orders")))
                .build();

        assertEquals("shop.ShopApplication", model.mainClass());
        assertEquals(List.of("shop"), model.rootPackages());
        assertEquals(Map.of(), model.httpContracts());
        assertEquals(Set.of(), model.controllers());
        assertEquals(List.of(), model.listeners());
        assertEquals(List.of(), model.entities());
        assertEquals(Map.of(), model.externalizedEvents());
        assertEquals("shop/orders/Api.java", model.sourcePath("shop.orders.Api"), "no source file names: Class.java");
        assertEquals("", model.springModulith());
        assertEquals("", model.java());
        assertEquals(List.of(), model.violations());
        assertEquals(Map.of(), model.routerFunctionsOf("orders"));
        assertSame(ApplicationWide.NONE, model.applicationWide());
        assertEquals(List.of(), model.outsideBeanReferences());
    }

    @Test
    void theModelKeepsWhatWasSetSortedAndUntouchedByLaterChangesOfTheArguments() {
        List<ModulithModel.Module> modules = new ArrayList<>(List.of(module("shipping"), module("orders")));
        Map<String, List<String>> controllers = new LinkedHashMap<>();
        controllers.put("shop.orders.internal.OrderController", List.of("/api/orders"));
        List<ModulithModel.Dependency> outside = new ArrayList<>(List.of(new ModulithModel.Dependency(
                "MAIN_USES_COMPONENT", "shop.AppKt", "shop.orders.Api", "orders")));
        ModulithModelBuilder builder = ModulithModel.builder("shop.ShopApplication", List.of("shop"), modules)
                .controllers(controllers).sourceFiles(Map.of("shop.AppKt", "App.kt")).versions("2.1.1", "25")
                .outsideBeanReferences(outside);
        modules.clear();
        controllers.put("shop.shipping.internal.ShippingController", List.of());
        outside.clear();
        ModulithModel model = builder.build();

        assertEquals(List.of("orders", "shipping"), model.modules().stream().map(ModulithModel.Module::name).toList());
        assertEquals(Set.of("shop.orders.internal.OrderController"), model.controllers());
        assertEquals(List.of("/api/orders"), model.controllerPaths("shop.orders.internal.OrderController"));
        assertEquals("shop/App.kt", model.sourcePath("shop.AppKt"));
        assertEquals("2.1.1", model.springModulith());
        assertEquals("25", model.java());
        assertEquals("shop.AppKt", model.outsideBeanReferences().get(0).source());
        assertThrows(UnsupportedOperationException.class, () -> model.outsideBeanReferences().clear());
    }

    @Test
    void aNullPartIsRefusedNamingIt() {
        ModulithModelBuilder builder = ModulithModel.builder("shop.ShopApplication", List.of("shop"), List.of());
        assertEquals("applicationWide", assertThrows(NullPointerException.class, () -> builder.applicationWide(null))
                .getMessage());
        assertThrows(NullPointerException.class, () -> builder.listeners(null));
    }
}

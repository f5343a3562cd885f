package dev.forum.extraction.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.forum.extraction.model.ModulithModel;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The analysis line names the modules Spring Modulith found, and says so plainly when it found none. */
class ProgressTest {

    @Test
    void aFlatApplicationsLineSaysNoModulesNotAnEmptyList() {
        assertEquals("no modules", Progress.modules(model()));
        assertEquals("orders, platform (open)", Progress.modules(model(
                new ModulithModel.Module("orders", "shop.orders", false, false, Set.of(), Set.of(), Map.of(), List.of()),
                new ModulithModel.Module("platform", "shop.platform", true, false, Set.of(), Set.of(), Map.of(), List.of()))));
    }

    private static ModulithModel model(ModulithModel.Module... modules) {
        return new ModulithModel("shop.ShopApplication", List.of("shop"), List.of(modules), Map.of(), Set.of(), List.of(),
                List.of(), Map.of(), Map.of(), "2.1.1", "17");
    }
}

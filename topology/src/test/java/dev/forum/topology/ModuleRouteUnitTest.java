package dev.forum.topology;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A module is any package's simple name; only a name of {@link ModuleRoute#NAME}'s shape gets a route. */
class ModuleRouteUnitTest {

    @Test
    void aCamelCaseModuleIsAModuleWithoutARoute() {
        ModuleRoute.unrouted("readingClub");
        assertFalse(ModuleRoute.resourceName("readingClub"));
        assertTrue(ModuleRoute.resourceName("reading-club"));
        assertThrows(IllegalArgumentException.class, () -> new ModuleRoute("readingClub", "/api/club"));
    }

    @Test
    void aNameThatIsNoPackageIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ModuleRoute.unrouted("reading.club"));
        assertThrows(IllegalArgumentException.class, () -> ModuleRoute.unrouted("1club"));
        assertThrows(IllegalArgumentException.class, () -> ModuleRoute.unrouted(null));
    }
}

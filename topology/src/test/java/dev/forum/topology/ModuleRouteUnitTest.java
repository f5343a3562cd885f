package dev.forum.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A module is named as Spring Modulith names it: a package's simple name, or a nested or deep module's package path
 * ({@code catalog.covers}); only a name of {@link ModuleRoute#NAME}'s shape gets a route, and a route
 * prefix is any run of '/'-led segments the load balancer can route ({@link ModuleRoute#PREFIX_SHAPE}), not only
 * {@code /api/name}.
 */
class ModuleRouteUnitTest {

    @Test
    void aCamelCaseModuleIsAModuleWithoutARoute() {
        ModuleRoute.unrouted("readingClub");
        assertFalse(ModuleRoute.resourceName("readingClub"));
        assertTrue(ModuleRoute.resourceName("reading-club"));
        assertThrows(IllegalArgumentException.class, () -> new ModuleRoute("readingClub", "/api/club"));
    }

    /** Spring Modulith names a nested module (and an annotated one deeper below a root) by its path below the root. */
    @ParameterizedTest
    @ValueSource(strings = {"library.shelves", "admin.audit.exports", "store.readingClub", "shop.order-lines"})
    void aDottedModuleIsAModuleWithoutARoute(String module) {
        assertEquals(module, ModuleRoute.unrouted(module).module());
        assertTrue(ModuleRoute.moduleName(module));
        assertFalse(ModuleRoute.resourceName(module));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new ModuleRoute(module, "/api/shelves"));
        assertEquals("module " + module + ": a module with a route prefix is named with lower-case letters, digits and"
                + " '-'", refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1club", "reading club", ".club", "club.", "library..shelves", "library.2nd", "a,b", "a@b", ""})
    void aNameThatIsNoPackagePathIsRefusedSayingWhatToGiveIt(String module) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> ModuleRoute.unrouted(module));
        assertEquals("module name '" + module + "' is not a package path (Java identifiers, which may hold '-', joined"
                + " by '.'): give the module an @ApplicationModule(id = ...) of lower-case letters, digits and '-' on"
                + " its package-info.java", refused.getMessage());
        assertFalse(ModuleRoute.moduleName(module));
    }

    @Test
    void noNameIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ModuleRoute.unrouted(null));
        assertFalse(ModuleRoute.moduleName(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/orders", "/api/orders", "/api/v1/orders", "/api/v1.2/order-lines", "/API/Orders_~",
            "/.well-known/orders"})
    void anyRunOfSegmentsOfUnreservedCharactersIsAPrefix(String prefix) {
        ModuleRoute route = new ModuleRoute("orders", prefix);
        assertEquals(prefix, route.prefix());
        assertEquals(List.of(new PathPattern(prefix), new PathPattern(prefix + "/*")), route.patterns());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api//x", "/api/", "/", "", "api/x", "/api/{id}", "/api/*", "/api/orders?", "/api/or ders",
            "/api/%6F", "/api/caf\u00e9", "/api/.", "/api/../x", "/api;v=1"})
    void anythingElseIsRefusedInOneLineSayingTheShape(String prefix) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new ModuleRoute("orders", prefix));
        assertEquals("module orders: a route prefix is one or more segments, each a '/' then ASCII letters, digits or - . _"
                + " ~ (such as /orders or /api/v1/orders), none of them . or .., with no wildcard, {variable}, empty segment"
                + " or trailing '/', at most 126 characters, not '" + prefix + "': give it one such as /api/orders",
                refused.getMessage());
    }

    /** An ALB path pattern holds at most 128 characters: the prefix and its "/*" fit, one more does not. */
    @Test
    void aPrefixIsAtMostWhatAnAlbPathPatternHoldsWithItsWildcard() {
        String longest = "/" + "a".repeat(125);
        assertEquals(128, new ModuleRoute("orders", longest).patterns().get(1).pattern().length());
        assertThrows(IllegalArgumentException.class, () -> new ModuleRoute("orders", longest + "a"));
    }

    /** As Spring MVC's PathPatternParser completes a mapping path: a leading '/' is added when missing. */
    @Test
    void aFullPathHasTheLeadingSlashSpringMvcAdds() {
        assertEquals("/api/orders", ModuleRoute.fullPath("api/orders"));
        assertEquals("/api/orders", ModuleRoute.fullPath("/api/orders"));
        assertEquals("/orders", ModuleRoute.fullPath("orders"));
        assertEquals("/api//x", ModuleRoute.fullPath("api//x"), "the shape is the constructor's to check");
        assertEquals("/ /api", ModuleRoute.fullPath(" /api"), "text around white space is a path, as in Spring");
    }

    /**
     * Spring MVC joins a method's path to a class-level {@code /api/orders/} over one '/' ({@code /{id}} and {@code {id}}
     * map {@code /api/orders/{id}}, no path maps {@code /api/orders/}): the prefix is {@code /api/orders}, whose load
     * balancer rule takes all of them.
     */
    @Test
    void oneTrailingSlashIsDroppedAsSpringMvcServesTheRoutesBelowTheRest() {
        assertEquals("/api/orders", ModuleRoute.fullPath("/api/orders/"));
        assertEquals("/api/orders", ModuleRoute.fullPath("api/orders/"));
        assertEquals("/o", ModuleRoute.fullPath("/o/"));
        ModuleRoute route = new ModuleRoute("orders", ModuleRoute.fullPath("/api/orders/"));
        for (String served : List.of("/api/orders/", "/api/orders/1", "/api/orders/x1")) {
            assertTrue(route.patterns().stream().anyMatch(p -> p.matches(served)), served);
        }
        assertEquals(List.of("/api/orders", "/api/lines"), ModuleRoute.fullPaths(List.of("/api/orders/", "api/lines/")));
    }

    /**
     * Only one trailing '/' goes, as Spring's join eats one: {@code /api/orders//} serves {@code /api/orders//{id}}, an
     * empty segment no prefix can hold; a path with no segment before its '/' serves the root, no prefix either.
     */
    @ParameterizedTest
    @ValueSource(strings = {"/api/orders//", "/api//orders/", "/", "//", "///"})
    void aPathThatStaysUnroutableAfterItsOneTrailingSlashIsStillRefused(String path) {
        String prefix = ModuleRoute.fullPath(path);
        assertThrows(IllegalArgumentException.class, () -> new ModuleRoute("orders", prefix), prefix);
    }

    /** Spring maps an @HttpExchange url without text to no path: no prefix, not the refused prefix "/ ". */
    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t", " \n "})
    void aBlankPathIsNoPath(String path) {
        assertNull(ModuleRoute.fullPath(path));
    }

    /** An annotation read without a path (none declared) is no path either. */
    @Test
    void noPathIsNoPath() {
        assertNull(ModuleRoute.fullPath(null));
    }

    /** As Spring MVC maps a mapping's paths: one blank path is none; beside others, a blank one is "/ " and "" stays. */
    @Test
    void aMappingsPathsAreMappedAsSpringMvcDoes() {
        assertEquals(List.of(), ModuleRoute.fullPaths(List.of(" ")));
        assertEquals(List.of(), ModuleRoute.fullPaths(List.of()));
        assertEquals(List.of("/api/orders"), ModuleRoute.fullPaths(List.of("api/orders")));
        assertEquals(List.of("/api/orders", "/ ", ""), ModuleRoute.fullPaths(List.of("api/orders", " ", "")));
    }

    /**
     * A refusal quotes the prefix as the user wrote it, with how it was read when that differs, so that it names what
     * is in the code; the constructor's check is the same {@link ModuleRoute#routable}.
     */
    @Test
    void aPrefixIsQuotedAsWrittenAndAsReadWhenTheyDiffer() {
        assertEquals("'/api/{id}'", ModuleRoute.quoted("/api/{id}", List.of("/api/{id}")));
        assertEquals("'/api/{id}'", ModuleRoute.quoted("/api/{id}", List.of()));
        assertEquals("'api/posts//' (read as '/api/posts/', as Spring MVC maps a class-level path: with a leading '/',"
                + " without one trailing '/')", ModuleRoute.quoted(ModuleRoute.fullPath("api/posts//"),
                List.of("api/posts//")));
        assertFalse(ModuleRoute.routable(ModuleRoute.fullPath("api/posts//")));
        assertTrue(ModuleRoute.routable(ModuleRoute.fullPath("api/posts/")));
    }
}

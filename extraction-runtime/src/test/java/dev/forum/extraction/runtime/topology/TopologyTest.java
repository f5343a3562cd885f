package dev.forum.extraction.runtime.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which modules run here, from the settings and the module metadata, and every setting that cannot work refused in one line. */
class TopologyTest {

    static final String SHOP = """
            format=1
            modules=kernel,catalog,orders,stock,shipping
            module.kernel.packages=shop.kernel
            module.kernel.everywhere=true
            module.catalog.packages=shop.catalog
            module.catalog.contracts=shop.catalog.CatalogApi
            module.catalog.prefix=/api/catalog
            module.orders.packages=shop.orders
            module.orders.calls=catalog
            module.orders.beanCalls=shop.stock.Stock@stock
            module.stock.packages=shop.stock
            module.shipping.packages=shop.shipping
            module.shipping.listens=shop.orders.OrderPlaced@orders
            """;

    static ModuleMetadata metadata(String text) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        return ModuleMetadata.parse(properties, "test");
    }

    private static TopologySettings settings(Set<String> local, String baseUrl, Map<String, URI> urls) {
        return new TopologySettings(local, baseUrl == null ? null : URI.create(baseUrl), urls, Duration.ofMillis(250), Duration.ofMillis(800));
    }

    @Test
    void everyModuleIsLocalInTheApplicationsJarAndOnlyItsOwnInAServiceJar() throws IOException {
        Topology all = Topology.resolve(settings(Set.of(), null, Map.of()), metadata(SHOP));
        assertThat(all.localModules()).containsExactlyInAnyOrder("kernel", "catalog", "orders", "stock", "shipping");
        assertThat(all.remoteModules()).isEmpty();

        Topology catalog = Topology.resolve(settings(Set.of(), "http://lb", Map.of()), metadata(SHOP + "service=catalog\n"));
        assertThat(catalog.localModules()).containsExactlyInAnyOrder("kernel", "catalog");
        assertThat(catalog.remoteModules()).containsOnlyKeys("orders", "shipping", "stock");
        assertThat(catalog.isRemoteClass("shop.orders.internal.OrderService")).isTrue();
        assertThat(catalog.isRemoteClass("shop.kernel.Money")).isFalse();
        assertThat(catalog.isRemoteClass("shop.ShopApplication")).isFalse();
        assertThat(catalog.moduleOwning("/api/catalog/tea").map(ModuleMetadata.ModuleInfo::name)).contains("catalog");
        assertThat(catalog.moduleOwning("/api/catalogue")).isEmpty();
    }

    @Test
    void aRemoteModuleNeedsAUrlOnlyWhenALocalModuleCallsIt() throws IOException {
        Topology catalogOnly = Topology.resolve(settings(Set.of(), null, Map.of()), metadata(SHOP + "service=catalog\n"));
        assertThat(catalogOnly.remoteModules()).isEmpty();

        assertThatThrownBy(() -> Topology.resolve(settings(Set.of("orders", "stock", "shipping"), null, Map.of()), metadata(SHOP)))
                .isInstanceOf(InvalidTopologyException.class)
                .hasMessage("Module 'catalog' is remote but has no URL (orders calls it): set extraction.topology.remote-base-url"
                        + " (EXTRACTION_TOPOLOGY_REMOTE_BASE_URL) or extraction.topology.remote-urls.catalog (EXTRACTION_TOPOLOGY_REMOTEURLS_CATALOG)");
        Topology withUrl = Topology.resolve(settings(Set.of("orders", "stock", "shipping"), null,
                Map.of("catalog", URI.create("http://catalog:3000"))), metadata(SHOP));
        assertThat(withUrl.remoteModules()).containsExactly(Map.entry("catalog", URI.create("http://catalog:3000")));
    }

    /** Spring Modulith's names of nested and deep modules ({@code library.shelves}, {@code admin.audit.exports}). */
    static final String LIBRARY = """
            format=1
            modules=library,library.shelves,admin.audit.exports
            module.library.packages=org.acme.library
            module.library.calls=library.shelves
            module.library.shelves.packages=org.acme.library.shelves
            module.admin.audit.exports.packages=org.acme.admin.audit.exports
            module.admin.audit.exports.listens=org.acme.library.Lent@library
            """;

    @Test
    void dottedModulesRunLocallyAndAreNamedRightWhenRemote() throws IOException {
        Topology all = Topology.resolve(settings(Set.of(), null, Map.of()), metadata(LIBRARY));
        assertThat(all.localModules()).containsExactlyInAnyOrder("library", "library.shelves", "admin.audit.exports");
        assertThat(all.isRemoteClass("org.acme.library.shelves.Shelf")).isFalse();
        // The nested module's classes are its own, not its parent's: the longest package wins.
        assertThat(metadata(LIBRARY).moduleOf("org.acme.library.shelves.Shelf").map(ModuleMetadata.ModuleInfo::name))
                .contains("library.shelves");

        assertThatThrownBy(() -> Topology.resolve(settings(Set.of("library", "admin.audit.exports"), null, Map.of()),
                metadata(LIBRARY))).hasMessage("Module 'library.shelves' is remote but has no URL (library calls it): set"
                        + " extraction.topology.remote-base-url (EXTRACTION_TOPOLOGY_REMOTE_BASE_URL) or"
                        + " extraction.topology.remote-urls[library.shelves] (from the environment: SPRING_APPLICATION_JSON="
                        + "{\"extraction.topology.remote-urls[library.shelves]\":\"<url>\"}; a variable"
                        + " EXTRACTION_TOPOLOGY_REMOTEURLS_<MODULE> in letters, digits and '_' names only a module of"
                        + " lower-case letters and digits)");
        Topology withUrl = Topology.resolve(settings(Set.of("library", "admin.audit.exports"), null,
                Map.of("library.shelves", URI.create("http://shelves:3000"))), metadata(LIBRARY));
        assertThat(withUrl.remoteModules()).containsExactly(Map.entry("library.shelves", URI.create("http://shelves:3000")));
        assertThatThrownBy(() -> Topology.resolve(settings(Set.of("library", "admin.audit.exports"), null,
                Map.of("library.shelves", URI.create("shelves:3000"))), metadata(LIBRARY)))
                .hasMessageStartingWith("extraction.topology.remote-urls[library.shelves] (from the environment:"
                        + " SPRING_APPLICATION_JSON={\"extraction.topology.remote-urls[library.shelves]\":\"<url>\"}; a variable"
                        + " EXTRACTION_TOPOLOGY_REMOTEURLS_<MODULE> in letters, digits and '_' names only a module of"
                        + " lower-case letters and digits), the URL of remote module 'library.shelves', must be");
    }

    @Test
    void refusesWhatCannotWorkInOneLine() throws IOException {
        ModuleMetadata shop = metadata(SHOP);
        assertThatThrownBy(() -> Topology.resolve(settings(Set.of("warehouse"), "http://lb", Map.of()), shop))
                .isInstanceOf(InvalidTopologyException.class)
                .hasMessage("extraction.topology.local-modules names unknown module 'warehouse'; the modules are: catalog, orders, shipping, stock");
        assertThatThrownBy(() -> Topology.resolve(settings(Set.of("orders"), "http://lb", Map.of()), metadata(SHOP + "service=catalog\n")))
                .hasMessageStartingWith("Module 'orders' is set to run here (extraction.topology.local-modules) but its implementation is not on the class path");
        assertThatThrownBy(() -> Topology.resolve(settings(Set.of("orders", "shipping"), "http://lb", Map.of()), shop))
                .hasMessage("Module 'orders' runs here and uses shop.stock.Stock of module 'stock', which is remote, but that bean"
                        + " cannot be called over HTTP: run stock here too (extraction.topology.local-modules), or make shop.stock.Stock an HTTP contract");
        assertThatThrownBy(() -> Topology.resolve(settings(Set.of("shipping"), "http://lb", Map.of()), shop))
                .hasMessage("Module 'shipping' runs here and listens to shop.orders.OrderPlaced, which module 'orders' publishes in"
                        + " another process, so it would never arrive: events across processes need a message broker, which this"
                        + " library does not support yet; run orders and shipping in the same process");
        assertThatThrownBy(() -> Topology.resolve(settings(Set.of("orders", "stock", "shipping"), "lb.example.com", Map.of()), shop))
                .hasMessage("extraction.topology.remote-base-url (EXTRACTION_TOPOLOGY_REMOTE_BASE_URL), the base URL of every"
                        + " remote module, must be an absolute http(s) URL, not 'lb.example.com': write http://lb.example.com");
        // One line for the base URL, however many remote modules use it: catalog gets its own URL, orders and shipping the base URL.
        assertThatThrownBy(() -> Topology.resolve(settings(Set.of("stock"), "localhost:8080",
                Map.of("catalog", URI.create("http://catalog:3000"))), shop))
                .hasMessage("extraction.topology.remote-base-url (EXTRACTION_TOPOLOGY_REMOTE_BASE_URL), the base URL of every"
                        + " remote module, must be an absolute http(s) URL, not 'localhost:8080': write http://localhost:8080");
        assertThatThrownBy(() -> Topology.resolve(settings(Set.of("orders", "stock", "shipping"), "http://lb",
                Map.of("catalog", URI.create("catalog:8080"))), shop))
                .hasMessage("extraction.topology.remote-urls.catalog (EXTRACTION_TOPOLOGY_REMOTEURLS_CATALOG), the URL of remote"
                        + " module 'catalog', must be an absolute http(s) URL, not 'catalog:8080': write http://catalog:8080");
        assertThatThrownBy(() -> Topology.resolve(settings(Set.of(), "http://lb", Map.of("kernel", URI.create("http://k"))), shop))
                .hasMessage("extraction.topology.remote-urls names unknown module 'kernel'; the modules are: catalog, orders, shipping, stock");
        assertThatThrownBy(() -> ModuleMetadata.parse(new Properties(), "jar:x!/META-INF/extraction/modules.properties"))
                .hasMessageContaining("this library reads format 1");
    }

    @Test
    void namingOnlyAModuleThatRunsEverywhereSaysSoAndListsTheModulesToName() throws IOException {
        ModuleMetadata shop = metadata(SHOP);
        assertThatThrownBy(() -> Topology.resolve(settings(Set.of("kernel"), "http://lb", Map.of()), shop))
                .isInstanceOf(InvalidTopologyException.class)
                .hasMessage("extraction.topology.local-modules names only 'kernel', which runs in every process (an open or shared"
                        + " module, or the main class's), so no module of its own runs here: add one or more of: catalog, orders,"
                        + " shipping, stock");
        // Named with a module of its own, it is accepted, as every module that runs everywhere is local anyway.
        assertThat(Topology.resolve(settings(new LinkedHashSet<>(List.of("kernel", "catalog")), "http://lb", Map.of()), shop)
                .localModules()).containsExactlyInAnyOrder("kernel", "catalog");
        assertThat(Topology.resolve(settings(Set.of("kernel", "catalog"), "http://lb", Map.of()), metadata(SHOP + "service=catalog\n"))
                .localModules()).containsExactlyInAnyOrder("kernel", "catalog");
    }

    @Test
    void everyRefusalIsGivenAtOnceCountedOnTheFirstLine() throws IOException {
        // orders alone: catalog, which it calls, has no URL; it uses stock's bean; shipping listens to its event elsewhere.
        assertThatThrownBy(() -> Topology.resolve(settings(Set.of("orders"), null, Map.of()), metadata(SHOP)))
                .isInstanceOf(InvalidTopologyException.class)
                .hasMessage("3 mistakes in the extraction.topology settings:\n"
                        + "Module 'catalog' is remote but has no URL (orders calls it): set extraction.topology.remote-base-url"
                        + " (EXTRACTION_TOPOLOGY_REMOTE_BASE_URL) or extraction.topology.remote-urls.catalog (EXTRACTION_TOPOLOGY_REMOTEURLS_CATALOG)\n"
                        + "Module 'orders' runs here and uses shop.stock.Stock of module 'stock', which is remote, but that bean"
                        + " cannot be called over HTTP: run stock here too (extraction.topology.local-modules), or make shop.stock.Stock an HTTP contract\n"
                        + "Module 'orders' runs here and publishes shop.orders.OrderPlaced, which module 'shipping' listens to in"
                        + " another process, so it would never arrive there: events across processes need a message broker, which"
                        + " this library does not support yet; run orders and shipping in the same process")
                .extracting(e -> ((InvalidTopologyException) e).refusals()).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .hasSize(3);
        // Every refused name at once; a refused module name stops the checks that need to know which modules run here.
        assertThatThrownBy(() -> Topology.resolve(settings(new LinkedHashSet<>(List.of("ordrs", "stok")), null,
                Map.of("shiping", URI.create("http://s"))), metadata(SHOP)))
                .hasMessage("3 mistakes in the extraction.topology settings:\n"
                        + "extraction.topology.local-modules names unknown module 'ordrs' (did you mean orders?); the modules are: catalog, orders, shipping, stock\n"
                        + "extraction.topology.local-modules names unknown module 'stok' (did you mean stock?); the modules are: catalog, orders, shipping, stock\n"
                        + "extraction.topology.remote-urls names unknown module 'shiping' (did you mean shipping?); the modules are: catalog, orders, shipping, stock");
        // A Spring Boot start prints the same lines as the failure's description.
        InvalidTopologyException refused = new InvalidTopologyException(List.of("first", "second"));
        assertThat(new InvalidTopologyFailureAnalyzer().analyze(refused).getDescription())
                .isEqualTo("2 mistakes in the extraction.topology settings:\nfirst\nsecond");
    }

    @Test
    void anUnknownModuleCloseToAModuleIsRefusedWithThatModuleAsTheHint() throws IOException {
        ModuleMetadata shop = metadata(SHOP);
        assertThatThrownBy(() -> Topology.resolve(settings(Set.of("ordrs", "stock"), "http://lb", Map.of()), shop))
                .isInstanceOf(InvalidTopologyException.class)
                .hasMessage("extraction.topology.local-modules names unknown module 'ordrs' (did you mean orders?); the modules are:"
                        + " catalog, orders, shipping, stock");
        assertThatThrownBy(() -> Topology.resolve(settings(Set.of("ordres"), "http://lb", Map.of()), shop))
                .hasMessage("extraction.topology.local-modules names unknown module 'ordres' (did you mean orders?); the modules are:"
                        + " catalog, orders, shipping, stock");
        assertThatThrownBy(() -> Topology.resolve(settings(Set.of(), "http://lb", Map.of("shiping", URI.create("http://s"))), shop))
                .isInstanceOf(InvalidTopologyException.class)
                .hasMessage("extraction.topology.remote-urls names unknown module 'shiping' (did you mean shipping?); the modules are:"
                        + " catalog, orders, shipping, stock");
        // Far from every module: no hint. Nor is a module that runs everywhere offered (kernel is not in the list).
        assertThatThrownBy(() -> Topology.resolve(settings(Set.of(), "http://lb", Map.of("billing", URI.create("http://b"))), shop))
                .hasMessage("extraction.topology.remote-urls names unknown module 'billing'; the modules are: catalog, orders, shipping, stock");
        assertThatThrownBy(() -> Topology.resolve(settings(Set.of("kernal"), "http://lb", Map.of()), shop))
                .hasMessage("extraction.topology.local-modules names unknown module 'kernal'; the modules are: catalog, orders, shipping, stock");
    }

    @Test
    void anEventIsRefusedAtBothEndsAsTheBuildRefusesBothDirections() throws IOException {
        // orders publishes OrderPlaced, shipping listens to it: orders here and shipping elsewhere loses every event.
        assertThatThrownBy(() -> Topology.resolve(settings(Set.of("orders", "stock"), "http://lb", Map.of()), metadata(SHOP)))
                .isInstanceOf(InvalidTopologyException.class)
                .hasMessage("Module 'orders' runs here and publishes shop.orders.OrderPlaced, which module 'shipping' listens to in"
                        + " another process, so it would never arrive there: events across processes need a message broker, which"
                        + " this library does not support yet; run orders and shipping in the same process");
        // The same from a service jar built for orders alone (every other module remote).
        assertThatThrownBy(() -> Topology.resolve(settings(Set.of(), "http://lb", Map.of()),
                metadata(SHOP.replace("module.orders.beanCalls=shop.stock.Stock@stock\n", "") + "service=orders\n")))
                .hasMessageStartingWith("Module 'orders' runs here and publishes shop.orders.OrderPlaced, which module 'shipping'");
        // Both ends in one process, or neither here: nothing is lost.
        assertThat(Topology.resolve(settings(Set.of("orders", "stock", "shipping"), "http://lb", Map.of()), metadata(SHOP))
                .localModules()).contains("orders", "shipping");
        assertThat(Topology.resolve(settings(Set.of("catalog"), "http://lb", Map.of()), metadata(SHOP)).localModules())
                .containsExactlyInAnyOrder("kernel", "catalog");
        // An event of a module that runs everywhere is published in every process, the listener's too.
        ModuleMetadata kernelEvents = metadata(SHOP + "module.catalog.listens=shop.kernel.Tick@kernel\n");
        assertThat(Topology.resolve(settings(Set.of("orders", "stock", "shipping"), "http://lb", Map.of()), kernelEvents)
                .isLocal("catalog")).isFalse();
    }

    @Test
    void anEventTwoModulesPublishIsCheckedAgainstEachPublisher() throws IOException {
        // catalog listens to shop.kernel.Audited (its listener declares a supertype), which orders and stock both publish:
        // the first publisher must not hide the second.
        ModuleMetadata twice = metadata(SHOP + "module.catalog.listens=shop.kernel.Audited@orders,shop.kernel.Audited@stock\n");
        assertThat(twice.module("catalog").orElseThrow().listens()).containsExactly(Map.entry("shop.kernel.Audited", Set.of("orders", "stock")));
        assertThatThrownBy(() -> Topology.resolve(settings(Set.of("catalog", "stock"), "http://lb", Map.of()), twice))
                .hasMessageStartingWith("Module 'catalog' runs here and listens to shop.kernel.Audited, which module 'orders' publishes");
        assertThatThrownBy(() -> Topology.resolve(settings(Set.of("orders", "stock", "shipping"), "http://lb", Map.of()), twice))
                .hasMessageStartingWith("2 mistakes in the extraction.topology settings:\nModule 'orders' runs here and publishes"
                        + " shop.kernel.Audited, which module 'catalog'")
                .hasMessageContaining("\nModule 'stock' runs here and publishes shop.kernel.Audited, which module 'catalog'");
    }

    @Test
    void onlyTheRemoteContractsOnTheClassPathGetAClientAndACalledOneMustBeThere() throws IOException {
        ClassLoader loader = getClass().getClassLoader();
        // A service jar of stock holds no contract of catalog, which no module of it calls: no client, no failure.
        Topology stock = Topology.resolve(settings(Set.of(), "http://lb", Map.of()), metadata(SHOP + "service=stock\n"));
        assertThat(stock.remoteModules()).containsKey("catalog");
        assertThat(stock.remoteContracts(loader)).isEmpty();
        // orders calls catalog: its contract must be here.
        Topology orders = Topology.resolve(settings(Set.of("orders", "stock", "shipping"), "http://lb", Map.of()), metadata(SHOP));
        assertThatThrownBy(() -> orders.remoteContracts(loader)).isInstanceOf(InvalidTopologyException.class)
                .hasMessage("orders calls module 'catalog' over HTTP, but its contract shop.catalog.CatalogApi is not on the class"
                        + " path: build the service with the extraction plugin (it packs the contracts its modules call)");
        Topology present = Topology.resolve(settings(Set.of("orders", "stock", "shipping"), "http://lb", Map.of()),
                metadata(SHOP.replace("shop.catalog.CatalogApi", "java.lang.Runnable")));
        assertThat(present.remoteContracts(loader)).containsExactly(Map.entry("catalog", java.util.List.of(Runnable.class)));
        // A service whose modules call only a super-interface carries that one, not the contract extending it: served.
        Topology superOnly = Topology.resolve(settings(Set.of("orders", "stock", "shipping"), "http://lb", Map.of()),
                metadata(SHOP.replace("shop.catalog.CatalogApi", "shop.catalog.CatalogApi,java.lang.Runnable")));
        assertThat(superOnly.remoteContracts(loader)).containsExactly(Map.entry("catalog", java.util.List.of(Runnable.class)));
    }

    @Test
    void aClassBelongsToTheModuleWithTheLongestPackage() throws IOException {
        ModuleMetadata nested = metadata("format=1\nmodules=a,ab\nmodule.a.packages=shop.a\nmodule.ab.packages=shop.a.b\n");
        assertThat(nested.moduleOf("shop.a.b.X").map(ModuleMetadata.ModuleInfo::name)).contains("ab");
        assertThat(nested.moduleOf("shop.a.X").map(ModuleMetadata.ModuleInfo::name)).contains("a");
        assertThat(nested.moduleOf("shop.ab.X")).isEmpty();
    }
}

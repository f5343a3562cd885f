package dev.forum.extraction.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every dependency across a service's boundary is decided, in both directions, from the model alone. */
class BoundaryTest {

    /** A model of the shop: a, b and c are modules under {@code shop}; k is open. */
    static final class Shop {
        final List<ModulithModel.Module> modules = new ArrayList<>();
        final Map<String, HttpContract> contracts = new java.util.HashMap<>();
        final List<ModulithModel.Listener> listeners = new ArrayList<>();
        final List<ModulithModel.Entity> entities = new ArrayList<>();
        final Map<String, String> externalized = new java.util.HashMap<>();

        /** The main class: in no module unless a module's types hold it. */
        String mainClass = "shop.ShopApplication";

        Shop module(String name, boolean open, List<String> types, ModulithModel.Dependency... dependencies) {
            return module(name, open, false, types, dependencies);
        }

        /** A module listed in {@code @Modulithic(sharedModules)}. */
        Shop shared(String name, List<String> types, ModulithModel.Dependency... dependencies) {
            return module(name, false, true, types, dependencies);
        }

        private Shop module(String name, boolean open, boolean shared, List<String> types, ModulithModel.Dependency... dependencies) {
            List<String> qualified = types.stream().map(t -> "shop." + name + "." + t).toList();
            Set<String> published = Set.copyOf(qualified.stream().filter(t -> !t.contains(".internal.")).toList());
            modules.add(new ModulithModel.Module(name, "shop." + name, open, shared, Set.copyOf(qualified), published,
                    Map.of(), List.of(dependencies)));
            return this;
        }

        ModulithModel model() {
            List<ModulithModel.Module> all = new ArrayList<>(modules);
            return ModulithModel.builder(mainClass, List.of("shop"), all)
                    .httpContracts(contracts)
                    .listeners(listeners)
                    .entities(entities)
                    .externalizedEvents(externalized)
                    .build();
        }
    }

    static ModulithModel.Dependency bean(String source, String target, String module) {
        return new ModulithModel.Dependency("USES_COMPONENT", source, target, module);
    }

    static List<Blocker> blockers(ModulithModel model, String... modules) {
        return Planner.plan(model, List.of(), new ServiceRequest(String.join("-", modules), List.of(modules))).blockers();
    }

    @Test
    void aBeanCallThroughAServedHttpContractBecomesARemoteClientEitherWay() {
        Shop shop = new Shop().module("a", false, List.of("internal.OrderService"), bean("shop.a.internal.OrderService", "shop.b.Catalog", "b"))
                .module("b", false, List.of("Catalog", "internal.CatalogController"));
        shop.contracts.put("shop.b.Catalog", new HttpContract("shop.b.Catalog", "/api/b", List.of("shop.b.internal.CatalogController")));
        ModulithModel model = shop.model();

        ServicePlan a = Planner.plan(model, List.of(), new ServiceRequest("a", List.of("a")));
        assertEquals(List.of(), a.blockers());
        assertEquals(Map.of("shop.b.Catalog", "b"), a.remoteContracts());
        ServicePlan b = Planner.plan(model, List.of(), new ServiceRequest("b", List.of("b")));
        assertEquals(List.of(), b.blockers());
        assertEquals(Map.of(), b.remoteContracts(), "b calls nothing; the monolith gets the client");
    }

    @Test
    void aBeanCallThroughAnythingElseBlocksBothEndsAndAContractNoControllerServesBlocksToo() {
        Shop shop = new Shop().module("a", false, List.of("internal.OrderService"),
                        bean("shop.a.internal.OrderService", "shop.b.Stock", "b"), bean("shop.a.internal.OrderService", "shop.c.Prices", "c"))
                .module("b", false, List.of("Stock")).module("c", false, List.of("Prices"));
        shop.contracts.put("shop.c.Prices", new HttpContract("shop.c.Prices", "/api/c", List.of()));
        ModulithModel model = shop.model();

        List<Blocker> a = blockers(model, "a");
        assertEquals(List.of(Blocker.Kind.BEAN_CALL, Blocker.Kind.CONTRACT_NOT_SERVED), a.stream().map(Blocker::kind).toList());
        assertEquals("Module 'a' alone: shop.a.internal.OrderService calls shop.b.Stock of module b (bean reference in"
                + " shop/a/internal/OrderService.java, module a), which cannot go over HTTP once a and b run in different services:"
                + " call it through an interface in the published API of b annotated with @HttpExchange (its remote client is made"
                + " from it) and implemented by a @RestController in b, or keep a and b in one service: list both in one service"
                + " of the topology file (modules: [a, b]) and build that service with -Dextract=<its name>", a.get(0).message());
        assertEquals("Module 'a' alone: shop.a.internal.OrderService calls the HTTP contract shop.c.Prices of module c (bean reference"
                + " in shop/a/internal/OrderService.java, module a), but no @RestController of c implements it, so its remote client"
                + " would find no route: implement Prices in a controller of c", a.get(1).message());
        assertEquals(List.of(Blocker.Kind.BEAN_CALL), blockers(model, "b").stream().map(Blocker::kind).toList());
        assertEquals(List.of(), blockers(model, "a", "b", "c"), "nothing crosses when all three are one service");
        assertEquals(List.of(Blocker.Kind.CONTRACT_NOT_SERVED), blockers(model, "a", "b").stream().map(Blocker::kind).toList());
    }

    @Test
    void aBlockerNamesTheTopologyServiceThatAlreadyHoldsBothModulesOrSaysWhatToChangeInIt() {
        Shop shop = new Shop().module("a", false, List.of("internal.OrderService"), bean("shop.a.internal.OrderService", "shop.b.Stock", "b"))
                .module("b", false, List.of("Stock")).module("c", false, List.of("Other"));
        ModulithModel model = shop.model();
        ServiceRequest alone = new ServiceRequest("a", List.of("a"));

        String both = Planner.plan(model, List.of(), alone, services(Map.of("boxoffice", List.of("a", "b")))).blockers().get(0).message();
        assertTrue(both.startsWith("Module 'a' alone: shop.a.internal.OrderService calls shop.b.Stock"), both);
        assertTrue(both.endsWith(", or keep a and b in one service: service 'boxoffice' of topology.yml holds both; build it with"
                + " -Dextract=boxoffice"), both);
        String one = Planner.plan(model, List.of(), alone, services(Map.of("sales", List.of("c", "a")))).blockers().get(0).message();
        assertTrue(one.endsWith(", or keep a and b in one service: add b to service 'sales' of topology.yml (modules: [c, a, b]) and"
                + " build it with -Dextract=sales"), one);
        String apart = Planner.plan(model, List.of(), alone, services(Map.of("sales", List.of("a"), "stock", List.of("b"))))
                .blockers().get(0).message();
        assertTrue(apart.endsWith(", or keep a and b in one service: topology.yml puts them in services 'sales' and 'stock': move one"
                + " of them to the other's service and build that with -Dextract=<its name>"), apart);
        // A service of the file is a service; a module built alone is not one.
        String service = Planner.plan(model, List.of(), new ServiceRequest("sales", List.of("a"), false, true),
                services(Map.of("sales", List.of("a")))).blockers().get(0).message();
        assertTrue(service.startsWith("Service 'sales': shop.a.internal.OrderService calls shop.b.Stock"), service);
    }

    /**
     * A module with two blockers to two modules (no topology file yet): both lines advise the same one service, the
     * module and every module it must stay with, and a service of exactly those builds; a module its blockers reach only
     * through another is in it too.
     */
    @Test
    void aModuleWithBlockersToSeveralModulesIsAdvisedOneServiceHoldingThemAll() {
        Shop shop = new Shop().module("a", false, List.of("internal.OrderService"),
                        bean("shop.a.internal.OrderService", "shop.b.Stock", "b"), bean("shop.a.internal.OrderService", "shop.c.Prices", "c"))
                .module("b", false, List.of("Stock")).module("c", false, List.of("Prices"))
                .module("d", false, List.of("Other")).module("e", false, List.of("Idle"));
        ModulithModel model = shop.model(); // e, tied to none: no advised service holds every module

        List<Blocker> a = blockers(model, "a");
        assertEquals(List.of(Blocker.Kind.BEAN_CALL, Blocker.Kind.BEAN_CALL), a.stream().map(Blocker::kind).toList());
        assertTrue(a.get(0).message().endsWith(", or keep a and b in one service, with c too (a must stay with b and c, counting every"
                + " blocker): list them in one service of the topology file (modules: [a, b, c]) and build that service with"
                + " -Dextract=<its name>"), a.get(0).message());
        assertTrue(a.get(1).message().endsWith(", or keep a and c in one service, with b too (a must stay with b and c, counting every"
                + " blocker): list them in one service of the topology file (modules: [a, b, c]) and build that service with"
                + " -Dextract=<its name>"), a.get(1).message());
        assertEquals(List.of(), blockers(model, "a", "b", "c"), "the advised service builds");

        // b alone is tied to a only by its own blocker, and to c through a: the advice is the same three modules.
        List<Blocker> b = blockers(model, "b");
        assertEquals(1, b.size());
        assertTrue(b.get(0).message().endsWith(", or keep a and b in one service, with c too (b must stay with a and c, counting every"
                + " blocker): list them in one service of the topology file (modules: [a, b, c]) and build that service with"
                + " -Dextract=<its name>"), b.get(0).message());

        // With a topology file: one service to add the others to, the same in every line.
        TopologyServices file = services(Map.of("sales", List.of("d", "a")));
        List<Blocker> inFile = Planner.plan(model, List.of(), new ServiceRequest("sales", List.of("d", "a"), false, true), file).blockers();
        assertEquals(2, inFile.size());
        inFile.forEach(blocker -> assertTrue(blocker.message().endsWith("(d and a must stay with b and c, counting every blocker):"
                + " add b and c to service 'sales' of topology.yml (modules: [d, a, b, c]) and build it with -Dextract=sales"),
                blocker.message()));
        // Split over two services of the file: make them one.
        List<Blocker> apart = Planner.plan(model, List.of(), new ServiceRequest("a", List.of("a")),
                services(Map.of("stock", List.of("b"), "prices", List.of("c", "d")))).blockers();
        apart.forEach(blocker -> assertTrue(blocker.message().endsWith("topology.yml puts them in services 'prices', 'stock': make"
                + " them one service (modules: [c, d, b, a]) and build that with -Dextract=<its name>"), blocker.message()));
    }

    private static TopologyServices services(Map<String, List<String>> extracted) {
        return new TopologyServices("topology.yml", "monolith", new java.util.TreeMap<>(extracted));
    }

    @Test
    void anEventListenedToOnTheOtherSideBlocksAndAnExternalizedOneSaysSo() {
        Shop shop = new Shop().module("a", false, List.of("OrderPlaced", "Shipped"))
                .module("b", false, List.of("internal.Planner")).module("c", false, List.of("internal.Mailer"))
                .module("d", false, List.of("Idle")); // tied to none: no advised service holds every module
        shop.listeners.add(new ModulithModel.Listener("shop.a.OrderPlaced", "shop.b.internal.Planner", "on"));
        shop.listeners.add(new ModulithModel.Listener("shop.a.Shipped", "shop.c.internal.Mailer", "on"));
        shop.externalized.put("shop.a.Shipped", "shipments");
        ModulithModel model = shop.model();

        List<Blocker> a = blockers(model, "a");
        assertEquals(2, a.size());
        assertEquals("Module 'a' alone: event shop.a.OrderPlaced, published by module a, is listened to by shop.b.internal.Planner.on"
                + " (shop/b/internal/Planner.java, module b), which would run in another service. This project does not carry"
                + " events across services yet (it has no message broker support): keep a and b in one service, with c too (a must"
                + " stay with b and c, counting every blocker): list them in one service of the topology file (modules: [a, b, c])"
                + " and build that service with -Dextract=<its name>", a.get(0).message());
        assertTrue(a.get(1).message().endsWith("keep a and c in one service, with b too (a must stay with b and c, counting every"
                + " blocker): list them in one service of the topology file (modules: [a, b, c]) and build that service with"
                + " -Dextract=<its name>"), "both lines advise the same service: " + a.get(1).message());
        assertTrue(a.get(1).message().contains("It is @Externalized to 'shipments', but Mailer listens in process, not to the broker."));
        assertEquals(List.of("shop.a.OrderPlaced"), blockers(model, "b").stream().map(Blocker::target).toList());
        assertEquals(List.of("shop.a.Shipped"), blockers(model, "a", "b").stream().map(Blocker::target).toList());
        // A framework event (no module publishes it) or a listener in an open module never crosses.
        shop.listeners.add(new ModulithModel.Listener("org.springframework.boot.context.event.ApplicationReadyEvent", "shop.b.internal.Planner", "ready"));
        assertEquals(1, blockers(shop.model(), "b").size());
    }

    @Test
    void anotherModulesEntityOrATableOnBothSidesBlocks() {
        Shop shop = new Shop().module("a", false, List.of("Customer"))
                .module("b", false, List.of("internal.Invoice"), new ModulithModel.Dependency("DEFAULT", "shop.b.internal.Invoice", "shop.a.Customer", "a"))
                .module("c", false, List.of("internal.Summary"))
                .module("d", false, List.of("Idle")); // tied to none: no advised service holds every module
        shop.entities.add(new ModulithModel.Entity("shop.a.Customer", "customer", "jpa"));
        shop.entities.add(new ModulithModel.Entity("shop.b.internal.Invoice", "invoice", "jpa"));
        shop.entities.add(new ModulithModel.Entity("shop.c.internal.Summary", "invoice", "jpa"));
        ModulithModel model = shop.model();

        assertEquals(List.of(Blocker.Kind.SHARED_ENTITY), blockers(model, "a").stream().map(Blocker::kind).toList());
        assertEquals(List.of(Blocker.Kind.SHARED_ENTITY, Blocker.Kind.SHARED_TABLE), blockers(model, "b").stream().map(Blocker::kind).toList());
        Blocker table = blockers(model, "c").get(0);
        assertEquals("table invoice", table.target());
        assertTrue(table.message().startsWith("Module 'c' alone: table 'invoice' is mapped by shop.b.internal.Invoice"));
        // b, which c must stay with, must stay with a (b uses a's entity): the advice holds all three.
        assertTrue(table.message().endsWith("or keep b and c in one service, with a too (c must stay with a and b, counting every"
                + " blocker): list them in one service of the topology file (modules: [a, b, c]) and build that service with"
                + " -Dextract=<its name>"), table.message());
        assertEquals(List.of(), blockers(model, "b", "c").stream().filter(x -> x.kind() == Blocker.Kind.SHARED_TABLE).toList());
    }

    @Test
    void nothingCrossesIntoAnOpenModule() {
        Shop shop = new Shop().module("k", true, List.of("Kernel"))
                .module("a", false, List.of("internal.Service"), bean("shop.a.internal.Service", "shop.k.Kernel", "k"));
        shop.listeners.add(new ModulithModel.Listener("shop.k.Kernel", "shop.a.internal.Service", "on"));
        assertEquals(List.of(), blockers(shop.model(), "a"));
    }

    @Test
    void aServedContractWhoseMethodTakesWhatJsonCannotCarryBlocksOneLinePerParameterOrReturnType() {
        String why = "java.util.function.Predicate is an interface, a function rather than data, that Jackson cannot build from"
                + " JSON (it cannot know which implementation to make)";
        String fix = "send a record or class of data instead (or annotate the type for Jackson's polymorphism with @JsonTypeInfo and"
                + " @JsonSubTypes)";
        Shop shop = new Shop().module("a", false, List.of("internal.OrderService", "internal.Restock"),
                        bean("shop.a.internal.OrderService", "shop.b.InventoryApi", "b"), bean("shop.a.internal.Restock", "shop.b.InventoryApi", "b"))
                .module("b", false, List.of("InventoryApi", "Stock", "internal.InventoryController"));
        shop.contracts.put("shop.b.InventoryApi", new HttpContract("shop.b.InventoryApi", "/api/inventory",
                List.of("shop.b.internal.InventoryController"), List.of(
                        new HttpContract.Unsendable("check", "parameter 'rule'", "java.util.function.Predicate<shop.b.Stock>", why, fix),
                        new HttpContract.Unsendable("rules", "return type", "java.util.List<java.util.function.Predicate<shop.b.Stock>>",
                                why, fix))));
        ModulithModel model = shop.model();

        List<Blocker> a = blockers(model, "a");
        assertEquals(List.of(Blocker.Kind.CONTRACT_TYPE, Blocker.Kind.CONTRACT_TYPE), a.stream().map(Blocker::kind).toList(),
                "one line per parameter or return type, not per caller: " + a);
        assertEquals("Module 'a' alone: shop.a.internal.OrderService calls the HTTP contract shop.b.InventoryApi of module b (bean"
                + " reference in shop/a/internal/OrderService.java, module a), whose method InventoryApi.check cannot carry its"
                + " parameter 'rule' (java.util.function.Predicate<shop.b.Stock>) over HTTP: java.util.function.Predicate is an"
                + " interface, a function rather than data, that Jackson cannot build from JSON (it cannot know which"
                + " implementation to make), so every remote call of it would fail at run time; send a record or class of data"
                + " instead (or annotate the type for Jackson's polymorphism with @JsonTypeInfo and @JsonSubTypes)", a.get(0).message());
        assertTrue(a.get(1).message().contains("whose method InventoryApi.rules cannot carry its return type"
                + " (java.util.List<java.util.function.Predicate<shop.b.Stock>>) over HTTP"), a.get(1).message());
        assertEquals("contract-type", a.get(0).kind().id());
        assertEquals(List.of(Blocker.Kind.CONTRACT_TYPE, Blocker.Kind.CONTRACT_TYPE),
                blockers(model, "b").stream().map(Blocker::kind).toList(), "the callee's side is refused too");
        assertEquals(List.of(), blockers(model, "a", "b"), "in one service the contract is called in process");

        shop.contracts.put("shop.b.InventoryApi", new HttpContract("shop.b.InventoryApi", "/api/inventory",
                List.of("shop.b.internal.InventoryController")));
        assertEquals(List.of(), blockers(shop.model(), "a"), "a contract of data only passes");
    }
}

package dev.forum.extraction.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.extraction.model.Blocker;
import dev.forum.extraction.model.LaunchClassPlace;
import dev.forum.extraction.model.ModulithModel;
import dev.forum.extraction.model.Planner;
import dev.forum.extraction.model.ScannedArtifact;
import dev.forum.extraction.model.ServicePlan;
import dev.forum.extraction.model.ServiceRequest;
import dev.forum.extraction.scan.BytecodeScanner;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jetbrains.kotlin.cli.common.ExitCode;
import org.jetbrains.kotlin.cli.jvm.K2JVMCompiler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launch class's bean uses, read by the analyzer in its own JVM from an application compiled here:
 * {@code @SpringBootApplication class ShopApplication} without a main method; Kotlin's {@code fun main} in
 * {@code App.kt} (class {@code shop.AppKt}), whose reified {@code getBean<OrderManagement>()} compiles, with Kotlin 2 and
 * Spring Framework 7, to {@code getBeanProvider} of a {@code ParameterizedTypeReference<OrderManagement>} and
 * {@code getObject()}, beside a tolerant {@code getBeanProvider<Ledger>().ifAvailable { }}, and whose other function
 * looks up billing's {@code Invoicer}; a Java {@code shop.Launcher} whose {@code main} looks up billing's
 * {@code Invoicer}; a class inside module inventory, {@code shop.inventory.InventoryLauncher}, whose {@code main} looks
 * up billing's {@code Ledger} and whose other method looks up orders' {@code OrderManagement}; and a developer's
 * {@code shop.billing.Seed} whose {@code main} looks up its own module's {@code Ledger}. The service jars start one
 * class, the launch class the plugin resolves: analysed once with {@code AppKt}, once with {@code InventoryLauncher}.
 */
class LaunchClassBeanCallsForkTest {

    private static final String SERVICE = "@org.springframework.stereotype.Service ";
    private static final Map<String, String> SOURCES = Map.ofEntries(
            Map.entry("shop/ShopApplication.java", "package shop;"
                    + " @org.springframework.boot.autoconfigure.SpringBootApplication public class ShopApplication { }"),
            Map.entry("shop/Launcher.java", "package shop; public class Launcher { public static void main(String[] args) {"
                    + " org.springframework.boot.SpringApplication.run(ShopApplication.class, args)"
                    + ".getBean(shop.billing.Invoicer.class).run(); } }"),
            Map.entry("shop/inventory/InventoryLauncher.java", "package shop.inventory; public class InventoryLauncher {"
                    + " public static void main(String[] args) {"
                    + " org.springframework.boot.SpringApplication.run(InventoryLauncher.class, args)"
                    + ".getBean(shop.billing.Ledger.class); }"
                    + " static Object later(org.springframework.beans.factory.BeanFactory beans) {"
                    + " return beans.getBean(shop.orders.OrderManagement.class); } }"),
            Map.entry("shop/inventory/InventoryController.java", "package shop.inventory;"
                    + " @org.springframework.web.bind.annotation.RestController class InventoryController {"
                    + " @org.springframework.web.bind.annotation.GetMapping(\"/api/inventory\") String all() { return \"\"; } }"),
            Map.entry("shop/orders/OrderManagement.java", "package shop.orders; " + SERVICE + "public class OrderManagement {"
                    + " public void complete() { } }"),
            Map.entry("shop/billing/Invoicer.java", "package shop.billing; " + SERVICE + "public class Invoicer { public void run() { } }"),
            Map.entry("shop/billing/Ledger.java", "package shop.billing; " + SERVICE + "public class Ledger { }"),
            Map.entry("shop/billing/Seed.java", "package shop.billing; public class Seed {"
                    + " public static void main(String[] args) {"
                    + " org.springframework.boot.SpringApplication.run(shop.ShopApplication.class, args)"
                    + ".getBean(Ledger.class); new Invoicer().run(); } }"),
            Map.entry("shop/catalog/CatalogController.java", "package shop.catalog;"
                    + " @org.springframework.web.bind.annotation.RestController class CatalogController {"
                    + " @org.springframework.web.bind.annotation.GetMapping(\"/api/catalog\") String all() { return \"\"; } }"));

    private static final String KOTLIN_MAIN = """
            package shop

            import org.springframework.beans.factory.BeanFactory
            import org.springframework.beans.factory.getBean
            import org.springframework.beans.factory.getBeanProvider
            import org.springframework.boot.runApplication

            fun main(args: Array<String>) {
                val context = runApplication<ShopApplication>(*args)
                context.getBeanProvider<shop.billing.Ledger>().ifAvailable { }
                context.getBean<shop.orders.OrderManagement>()
            }

            fun invoicer(beans: BeanFactory): Any = beans.getBean<shop.billing.Invoicer>()
            """;

    @TempDir
    static Path dir;
    private static Path classes;
    /** Analysed with the launch class shop.AppKt. */
    private static ModulithModel kotlin;
    /** Analysed with the launch class shop.inventory.InventoryLauncher. */
    private static ModulithModel inventory;

    @BeforeAll
    static void analyse() throws IOException, InterruptedException {
        classes = AnalyzedApplication.compile(dir, SOURCES);
        Path source = Files.writeString(dir.resolve("App.kt"), KOTLIN_MAIN);
        List<String> classpath = new ArrayList<>(List.of(classes.toString()));
        AnalyzedApplication.testClasspath().forEach(entry -> classpath.add(entry.toString()));
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        ExitCode compiled = new K2JVMCompiler().exec(new PrintStream(messages, true, StandardCharsets.UTF_8),
                "-d", classes.toString(), "-classpath", String.join(File.pathSeparator, classpath), "-no-stdlib",
                "-no-reflect", "-jvm-target", "17", source.toString());
        assertEquals(ExitCode.OK, compiled, messages.toString(StandardCharsets.UTF_8));
        assertTrue(Files.exists(classes.resolve("shop/AppKt.class")), "Kotlin compiles fun main into shop.AppKt");
        AnalysisFork.Request request = AnalyzedApplication.request(dir, classes, "shop.ShopApplication");
        kotlin = AnalysisFork.run(new AnalysisFork.Request(request.java(), request.classpath(), request.mainClass(),
                "shop.AppKt", request.routeAnnotation(), dir.resolve("work-kotlin"), request.timeout()));
        inventory = AnalysisFork.run(new AnalysisFork.Request(request.java(), request.classpath(), request.mainClass(),
                "shop.inventory.InventoryLauncher", request.routeAnnotation(), dir.resolve("work-inventory"),
                request.timeout()));
    }

    private static ServicePlan plan(ModulithModel model, String... modules) throws IOException {
        List<ScannedArtifact> artifacts = List.of(new BytecodeScanner().scan("shop (classes)", classes));
        return Planner.plan(model, artifacts, new ServiceRequest(String.join("-", modules), List.of(modules)));
    }

    private static Blocker beanCall(ServicePlan plan, String source, String target) {
        return plan.blockers().stream().filter(b -> b.kind() == Blocker.Kind.BEAN_CALL && b.source().equals(source)
                && b.target().equals(target)).findFirst().orElseThrow(() -> new AssertionError("no bean-call from "
                        + source + " to " + target + ": " + plan.blockers()));
    }

    private static Set<String> references(ModulithModel model) {
        return model.outsideBeanReferences().stream()
                .map(d -> d.source() + " -> " + d.target() + " @" + d.module() + " " + d.type()).collect(Collectors.toSet());
    }

    /**
     * Kotlin 2 regenerates the {@code ParameterizedTypeReference} of {@code getBean<X>()} as
     * {@code AppKt$main$$inlined$getBean$1} and that of {@code getBeanProvider<X>()} as
     * {@code AppKt$main$$inlined$getBeanProvider$1}: the analyzer tells the two apart by these names.
     */
    @Test
    void kotlinNamesEachInlinedTypeReferenceAfterTheFunctionItInlined() {
        assertTrue(Files.exists(classes.resolve("shop/AppKt$main$$inlined$getBean$1.class")));
        assertTrue(Files.exists(classes.resolve("shop/AppKt$main$$inlined$getBeanProvider$1.class")));
        assertTrue(Files.exists(classes.resolve("shop/AppKt$invoicer$$inlined$getBean$1.class")));
    }

    /**
     * Only the launch class AppKt's main is launch code; not the tolerant getBeanProvider<Ledger>() beside its
     * getBean; AppKt's other function and the Java Launcher (not started by any service) are root-package classes;
     * the main methods inside modules (InventoryLauncher's, the developer's Seed) count for nothing.
     */
    @Test
    void theAnalyzerFindsOnlyTheLaunchClassesMainUses() {
        assertEquals(Set.of("shop.AppKt -> shop.orders.OrderManagement @orders MAIN_USES_COMPONENT",
                "shop.AppKt -> shop.billing.Invoicer @billing USES_COMPONENT",
                "shop.Launcher -> shop.billing.Invoicer @billing USES_COMPONENT"), references(kotlin));
    }

    /** The launch class inside inventory: its main's lookup only, not its other method's; AppKt is a root class now. */
    @Test
    void theAnalyzerFindsTheMainUsesOfALaunchClassInsideAModule() {
        assertEquals(Set.of("shop.inventory.InventoryLauncher -> shop.billing.Ledger @billing MAIN_USES_COMPONENT",
                "shop.AppKt -> shop.orders.OrderManagement @orders USES_COMPONENT",
                "shop.AppKt -> shop.billing.Invoicer @billing USES_COMPONENT",
                "shop.Launcher -> shop.billing.Invoicer @billing USES_COMPONENT"), references(inventory));
    }

    /**
     * The launch class AppKt keeps its place: its main's call moves into the bean's module; its other function and
     * the Java Launcher get the root-package class's advice.
     */
    @Test
    void theLaunchClassIsAdvisedToMoveTheCallAndOtherRootClassesToMove() throws IOException {
        ServicePlan catalog = plan(kotlin, "catalog");
        Blocker main = beanCall(catalog, "shop.AppKt", "shop.orders.OrderManagement");
        assertEquals("(no module)", main.sourceModule());
        assertTrue(main.message().startsWith("Module 'catalog' alone: the launch class shop.AppKt (it declares main, which"
                + " starts the application) uses the bean shop.orders.OrderManagement of module orders (bean reference in"
                + " shop/App.kt, outside every module)"), main.message());
        assertEquals("shop/App.kt", main.file(), "the Kotlin file that declares fun main, not shop/AppKt.java");
        assertTrue(main.message().contains("move the call out of the main method of AppKt into module orders, into an"
                + " ApplicationRunner bean or an @EventListener(ApplicationReadyEvent.class) method there"), main.message());
        Blocker other = beanCall(catalog, "shop.AppKt", "shop.billing.Invoicer");
        assertTrue(other.message().contains("the class shop.AppKt of the root package uses the bean shop.billing.Invoicer")
                && other.message().contains("move AppKt into module billing"), other.message());
        Blocker java = beanCall(catalog, "shop.Launcher", "shop.billing.Invoicer");
        assertTrue(java.message().contains("move Launcher into module billing"), java.message());
    }

    /**
     * A main method inside a module that no service starts is no bean-call: the developer's Seed does not keep a service
     * of billing alone from building, and neither Seed nor InventoryLauncher gets a bean-call anywhere.
     */
    @Test
    void aDevelopersMainInsideAModuleIsNotRefused() throws IOException {
        assertTrue(plan(kotlin, "billing").blockers().stream().noneMatch(b -> b.source().startsWith("shop.billing.Seed")),
                plan(kotlin, "billing").blockers().toString());
        for (ServicePlan plan : List.of(plan(kotlin, "billing"), plan(kotlin, "inventory"), plan(kotlin, "catalog"))) {
            assertTrue(plan.blockers().stream().noneMatch(b -> b.kind() == Blocker.Kind.BEAN_CALL
                    && (b.source().startsWith("shop.billing.") || b.source().startsWith("shop.inventory."))),
                    plan.blockers().toString());
        }
    }

    /**
     * The launch class inside inventory: a service of inventory without billing is refused for its main's lookup; a
     * service without inventory would not even hold it, which the service goal refuses in one line.
     */
    @Test
    void aLaunchClassInsideAModuleIsABeanCallAndMissingFromServicesWithoutItsModule() throws IOException {
        Blocker lookup = beanCall(plan(inventory, "inventory"), "shop.inventory.InventoryLauncher", "shop.billing.Ledger");
        assertEquals("inventory", lookup.sourceModule());
        assertTrue(lookup.message().contains("move the call out of the main method of InventoryLauncher into module"
                + " billing"), lookup.message());
        assertTrue(plan(inventory, "inventory").blockers().stream().noneMatch(b -> b.target().equals("shop.orders.OrderManagement")
                && b.source().startsWith("shop.inventory.")), plan(inventory, "inventory").blockers().toString());
        assertEquals(Optional.of("Service 'catalog' would not start: its jar starts the launch class"
                + " shop.inventory.InventoryLauncher (the Start-Class), which is in module inventory, and the service does not"
                + " hold inventory, so the jar lacks it: move InventoryLauncher out of module inventory into the package shop,"
                + " outside every module (every service holds those classes)"),
                LaunchClassPlace.refusal(inventory, plan(inventory, "catalog"), "shop.inventory.InventoryLauncher"));
        assertEquals(Optional.empty(), LaunchClassPlace.refusal(inventory, plan(inventory, "catalog", "inventory"),
                "shop.inventory.InventoryLauncher"));
        assertEquals(Optional.empty(), LaunchClassPlace.refusal(kotlin, plan(kotlin, "catalog"), "shop.AppKt"));
    }

    /** A service of every module splits nothing from the launch classes: nothing blocks it. */
    @Test
    void aServiceOfEveryModuleIsNotBlocked() throws IOException {
        assertEquals(List.of(), plan(kotlin, "billing", "catalog", "inventory", "orders").blockers());
        assertEquals(List.of(), plan(inventory, "billing", "catalog", "inventory", "orders").blockers());
    }
}

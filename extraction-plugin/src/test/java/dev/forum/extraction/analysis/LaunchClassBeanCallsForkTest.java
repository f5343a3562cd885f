package dev.forum.extraction.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.extraction.model.Blocker;
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
import java.util.Set;
import java.util.stream.Collectors;
import org.jetbrains.kotlin.cli.common.ExitCode;
import org.jetbrains.kotlin.cli.jvm.K2JVMCompiler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Launch classes other than the application class using beans of modules, read by the analyzer in its own JVM from an
 * application compiled here: {@code @SpringBootApplication class ShopApplication} without a main method; Kotlin's
 * {@code fun main} in {@code App.kt} (class {@code shop.AppKt}), whose reified
 * {@code runApplication<ShopApplication>(*args).getBean<OrderManagement>()} compiles, with Spring Framework 7, to
 * {@code getBeanProvider} of a {@code ParameterizedTypeReference<OrderManagement>} and {@code getObject()}; a Java {@code shop.Launcher} whose {@code main} looks up billing's
 * {@code Invoicer}; and a launch class inside module inventory, {@code shop.inventory.InventoryLauncher}, whose
 * {@code main} looks up billing's {@code Ledger} and whose other method looks up orders' {@code OrderManagement}. Every
 * service jar starts a launch class, so each such {@code main} runs in every service, wherever its class is: a
 * {@code bean-call} wherever the service splits the bean's module from the rest, advising to move the call (not the
 * class) into the bean's module.
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
            Map.entry("shop/catalog/CatalogController.java", "package shop.catalog;"
                    + " @org.springframework.web.bind.annotation.RestController class CatalogController {"
                    + " @org.springframework.web.bind.annotation.GetMapping(\"/api/catalog\") String all() { return \"\"; } }"));

    private static final String KOTLIN_MAIN = """
            package shop

            import org.springframework.beans.factory.getBean
            import org.springframework.boot.runApplication

            fun main(args: Array<String>) {
                runApplication<ShopApplication>(*args).getBean<shop.orders.OrderManagement>()
            }
            """;

    @TempDir
    static Path dir;
    private static Path classes;
    private static ModulithModel model;

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
        model = AnalysisFork.run(AnalyzedApplication.request(dir, classes, "shop.ShopApplication"));
    }

    private static ServicePlan plan(String... modules) throws IOException {
        List<ScannedArtifact> artifacts = List.of(new BytecodeScanner().scan("shop (classes)", classes));
        return Planner.plan(model, artifacts, new ServiceRequest(String.join("-", modules), List.of(modules)));
    }

    private static Blocker beanCall(ServicePlan plan, String source) {
        return plan.blockers().stream().filter(b -> b.kind() == Blocker.Kind.BEAN_CALL && b.source().equals(source))
                .findFirst().orElseThrow(() -> new AssertionError("no bean-call from " + source + ": " + plan.blockers()));
    }

    /**
     * Each launch class's main method's lookup, as a use by a launch class; not the class literals handed to run, nor
     * the in-module launch class's other method (it runs only where inventory runs).
     */
    @Test
    void theAnalyzerFindsTheLaunchClassesLookups() {
        Set<String> found = model.outsideBeanReferences().stream()
                .map(d -> d.source() + " -> " + d.target() + " @" + d.module() + " " + d.type()).collect(Collectors.toSet());
        assertEquals(Set.of("shop.AppKt -> shop.orders.OrderManagement @orders MAIN_USES_COMPONENT",
                "shop.Launcher -> shop.billing.Invoicer @billing MAIN_USES_COMPONENT",
                "shop.inventory.InventoryLauncher -> shop.billing.Ledger @billing MAIN_USES_COMPONENT"), found);
    }

    /** Kotlin's AppKt and the Java Launcher keep their place: the call moves into the bean's module. */
    @Test
    void aLaunchClassOutsideEveryModuleIsAdvisedToMoveTheCallNotTheClass() throws IOException {
        ServicePlan catalog = plan("catalog");
        Blocker kotlin = beanCall(catalog, "shop.AppKt");
        assertEquals("(no module)", kotlin.sourceModule());
        assertEquals("shop.orders.OrderManagement", kotlin.target());
        assertTrue(kotlin.message().startsWith("Module 'catalog' alone: the launch class shop.AppKt (it declares main, which"
                + " starts the application) uses the bean shop.orders.OrderManagement of module orders (bean reference in"
                + " shop/App.kt, outside every module), which cannot go over HTTP, and every service holds its launch class"
                + " and starts it, so this service, which runs without orders, would find no such bean"), kotlin.message());
        assertEquals("shop/App.kt", kotlin.file(), "the Kotlin file that declares fun main, not shop/AppKt.java");
        assertTrue(kotlin.message().contains("move the call out of the main method of AppKt into module orders, into an"
                + " ApplicationRunner bean or an @EventListener(ApplicationReadyEvent.class) method there"), kotlin.message());
        assertTrue(!kotlin.message().contains("move AppKt into module"), kotlin.message());
        Blocker java = beanCall(catalog, "shop.Launcher");
        assertTrue(java.message().contains("move the call out of the main method of Launcher into module billing"),
                java.message());
    }

    /**
     * The launch class inside inventory runs its main in every service too: a service of neither inventory nor billing
     * is refused for its lookup, naming its module; a service of inventory and billing as well (the rest runs it
     * without billing); its other method's lookup is no such use.
     */
    @Test
    void aLaunchClassInsideAModuleIsABeanCallWhereverItsLookupsModuleIsSplitOff() throws IOException {
        Blocker neither = beanCall(plan("catalog"), "shop.inventory.InventoryLauncher");
        assertEquals("inventory", neither.sourceModule());
        assertEquals("billing", neither.targetModule());
        assertTrue(neither.message().contains("the launch class shop.inventory.InventoryLauncher (it declares main, which starts"
                + " the application) uses the bean shop.billing.Ledger of module billing (bean reference in"
                + " shop/inventory/InventoryLauncher.java, module inventory)"), neither.message());
        assertTrue(neither.message().contains("move the call out of the main method of InventoryLauncher into module billing"),
                neither.message());
        ServicePlan both = plan("billing", "inventory");
        assertTrue(beanCall(both, "shop.inventory.InventoryLauncher").message().contains("so every other service (the rest of"
                + " the application, which runs without billing) would find no such bean"));
        assertTrue(both.blockers().stream().noneMatch(b -> b.target().equals("shop.orders.OrderManagement")
                && b.source().startsWith("shop.inventory.")), both.blockers().toString());
    }

    /** A service of every module splits nothing from the launch classes: nothing blocks it. */
    @Test
    void aServiceOfEveryModuleIsNotBlocked() throws IOException {
        assertEquals(List.of(), plan("billing", "catalog", "inventory", "orders").blockers());
    }
}

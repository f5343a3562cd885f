package dev.forum.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file's every mistake at once ({@link TopologyCheck}): its own and those across its services in one run, on every
 * part that reads right and none that does not; each in the one form of a service's mistakes; and a wrong name told no
 * name in place that is not one.
 */
class TopologyCheckUnitTest {

    private static final String NO_MONOLITH = "no monolith: mark one service monolith: true (it holds every module not"
            + " listed elsewhere and is the default route)";

    @TempDir
    Path dir;

    @Test
    void aServicesOwnMistakeNoMonolithAndAnUnknownModuleAreReportedInOneRun() throws IOException {
        Path file = Files.writeString(dir.resolve("t.yml"), """
                services:
                  - { name: main, monolith: false, modules: [users] }
                  - { name: posts, modules: [postz], cpu: 300 }
                """);
        TopologyCheck check = TopologyCheck.of(file, "app");
        assertEquals(List.of(file + ": " + NO_MONOLITH,
                file + ":3: posts: cpu 300 is not a Fargate size (use 256, 512, 1024, 2048 or 4096)",
                file + ":3: posts: unknown module 'postz' (did you mean posts?); the modules are posts, threads, users"),
                check.mistakes(TopologyUnitTest.MODULES));
        assertEquals(List.of(file + ": " + NO_MONOLITH,
                file + ":3: posts: cpu 300 is not a Fargate size (use 256, 512, 1024, 2048 or 4096)"),
                check.mistakes(null), "before the modules are known: no unknown module, the rest");
        assertEquals(check.mistakes(TopologyUnitTest.MODULES), assertThrows(TopologyException.class,
                () -> check.topology(TopologyUnitTest.MODULES)).mistakes());
    }

    /**
     * A wrong service name, an unknown key, a wrong module name, a wrong cpu and the checks across services in one run:
     * the module list with a wrong name still has its other modules checked ('posts' in two services).
     */
    @Test
    void aWrongNameAnUnknownKeyAWrongCpuAndAnUnknownModuleComeInOneRun() throws IOException {
        Path file = Files.writeString(dir.resolve("t.yml"), """
                services:
                  - { name: monolith, monolith: true }
                  - { name: Posts_Svc, modules: [posts, Users], colour: blue }
                  - { name: threads, modules: [thread, posts], cpu: 300 }
                """);
        String rule = "1-20 lower-case letters, digits or '-', starting with a letter";
        assertEquals(List.of(
                file + ":3: service name 'Posts_Svc' must be " + rule + " (did you mean posts-svc?)",
                file + ":3: Posts_Svc: unknown key 'colour' (known keys: autoscaling, count, cpu, database, environment, memory,"
                        + " modules, monolith, name, traffic)",
                file + ":3: Posts_Svc: module 'Users' must be " + rule,
                file + ":4: threads: cpu 300 is not a Fargate size (use 256, 512, 1024, 2048 or 4096)",
                file + ":4: threads: unknown module 'thread' (did you mean threads?); the modules are posts, threads,"
                        + " users",
                file + ":4: module 'posts' is in two services, 'Posts_Svc' (line 3) and 'threads'; a module runs in one"
                        + " extracted service"), TopologyCheck.of(file, "app").mistakes(TopologyUnitTest.MODULES));
    }

    /** A service without a name that is no monolith leaves the file without one: "no monolith" in the same run. */
    @Test
    void aServiceWithoutANameThatIsNoMonolithDoesNotHoldBackNoMonolith() throws IOException {
        Path file = Files.writeString(dir.resolve("t.yml"), """
                services:
                  - { name: [main], modules: [users] }
                  - { name: posts, monolith: false, modules: [postz] }
                """);
        assertEquals(List.of(file + ": " + NO_MONOLITH, file + ":2: service name must be a single value",
                file + ":3: posts: unknown module 'postz' (did you mean posts?); the modules are posts, threads, users"),
                TopologyCheck.of(file, "app").mistakes(TopologyUnitTest.MODULES));
    }

    /**
     * What is skipped says nothing: a monolith without a readable name, or a wrong {@code monolith:}, gives no "no
     * monolith"; a wrong module name is neither an unknown module nor the one it resembles listed twice.
     */
    @Test
    void aSkippedPartGivesNoMistakeOfItsOwn() throws IOException {
        Path nameless = Files.writeString(dir.resolve("nameless.yml"), """
                services:
                  - { name: '', monolith: true }
                  - { name: posts, modules: [posts] }
                """);
        assertEquals(List.of(nameless + ":2: service name '' must be 1-20 lower-case letters, digits or '-', starting"
                + " with a letter"), TopologyCheck.of(nameless, "app").mistakes(TopologyUnitTest.MODULES));
        Path flag = Files.writeString(dir.resolve("flag.yml"), """
                services:
                  - { name: main, monolith: yes }
                  - { name: posts, modules: [Posts, posts] }
                """);
        assertEquals(List.of(flag + ":2: main: monolith must be true or false, not 'yes'",
                flag + ":3: posts: module 'Posts' must be 1-20 lower-case letters, digits or '-', starting with a letter"),
                TopologyCheck.of(flag, "app").mistakes(TopologyUnitTest.MODULES));
    }

    /**
     * Every value's mistake names the service, then the key as written in it, as the service's other mistakes do: the
     * monolith's {@code monolith:} reads {@code monolith: monolith must be ...}, not {@code monolith.monolith}.
     */
    @Test
    void aValuesMistakeNamesTheServiceThenTheKey() {
        TopologyException error = assertThrows(TopologyException.class, () -> TopologyFile.parse("""
                services:
                  - name: monolith
                    monolith: yes
                    count: lots
                    autoscaling: { min: x }
                  - { name: posts, modules: [posts], database: { storage: lots, size: 1 } }
                """, "t.yml"));
        assertEquals(List.of("t.yml:3: monolith: monolith must be true or false, not 'yes'",
                "t.yml:4: monolith: count must be a whole number, not 'lots'",
                "t.yml:5: monolith: autoscaling.min must be a whole number, not 'x'",
                "t.yml:6: posts: unknown key 'size' in database (known keys: instance, storage)",
                "t.yml:6: posts: database.storage must be a whole number, not 'lots'"), error.mistakes());
    }

    /**
     * A service's own unknown or repeated key names the service, as its values' mistakes do, the did-you-mean kept; a
     * service without a name has no name to give and says whose key it is: {@code in a service}.
     */
    @Test
    void aServicesOwnKeyMistakeNamesTheServiceAndANamelessOneSaysInAService() {
        TopologyException error = assertThrows(TopologyException.class, () -> TopologyFile.parse("""
                services:
                  - { name: main, monolith: true, colour: blue }
                  - { name: posts, modles: [posts], modules: [posts], modules: [users] }
                  - { monolith: false, colour: red }
                """, "t.yml"));
        String keys = " (known keys: autoscaling, count, cpu, database, environment, memory, modules, monolith, name, traffic)";
        assertEquals(List.of("t.yml:2: main: unknown key 'colour'" + keys,
                "t.yml:3: posts: unknown key 'modles': did you mean modules?" + keys,
                "t.yml:3: posts: key 'modules' appears twice",
                "t.yml:4: unknown key 'colour' in a service" + keys,
                "t.yml:4: a service without a name: add name: <service>"), error.mistakes());
    }

    /**
     * A nested or deep module's dotted name (Spring Modulith's {@code library.shelves}) can name no service's resources:
     * the line says how to give the module a name a service can list; a camelCase name is told the rule alone.
     */
    @Test
    void aDottedModuleNameInAServiceIsToldToGiveTheModuleAnId() {
        TopologyException error = assertThrows(TopologyException.class, () -> TopologyFile.parse(
                "services:\n  - { name: main, monolith: true }\n  - { name: shelves, modules: [library.shelves, admin.audit.x,"
                        + " readingClub] }\n", "t.yml"));
        String rule = " must be 1-20 lower-case letters, digits or '-', starting with a letter";
        String advice = ": Spring Modulith names a nested or deep module by its package path, which no service's resources"
                + " can carry; give it such a name with @ApplicationModule(id = ...) on its package-info.java and list that"
                + " (unlisted, it stays in the monolith)";
        assertEquals(List.of("t.yml:3: shelves: module 'library.shelves'" + rule + advice,
                "t.yml:3: shelves: module 'admin.audit.x'" + rule + advice,
                "t.yml:3: shelves: module 'readingClub'" + rule), error.mistakes());
    }

    /**
     * The monolith lists no modules: a list of wrong names is still a list, told in the same run as the wrong name,
     * not one run later.
     */
    @Test
    void aMonolithListingAWrongModuleNameIsToldToRemoveTheListAtOnce() {
        TopologyException error = assertThrows(TopologyException.class, () -> TopologyFile.parse(
                "services:\n  - { name: main, monolith: true, modules: [Posts] }\n", "t.yml"));
        assertEquals(List.of("t.yml:2: main: module 'Posts' must be 1-20 lower-case letters, digits or '-', starting"
                + " with a letter", "t.yml:2: main: the monolith holds every module not listed elsewhere; remove its"
                + " modules list"), error.mistakes());
    }

    @Test
    void aFileReadRightGivesItsTopologyAndNoTopologyAtAllItsOneLine() throws IOException {
        Path right = Files.writeString(dir.resolve("right.yml"), "services:\n  - { name: monolith, monolith: true }\n");
        assertEquals(List.of(), TopologyCheck.of(right, "app").mistakes(TopologyUnitTest.MODULES));
        assertEquals("monolith", TopologyCheck.of(right, "app").topology(TopologyUnitTest.MODULES).monolith().name());
        TopologyCheck empty = TopologyCheck.of(Files.writeString(dir.resolve("empty.yml"), ""), "app");
        assertFalse(empty.read());
        assertEquals(1, empty.mistakes(TopologyUnitTest.MODULES).size());
    }

    /**
     * A module's name is the application's: {@code order_items} is a Spring Modulith package, and {@code order-items}
     * no module, so no name is told in place; a name whose closest valid name would be cut short is told none either.
     */
    @Test
    void aWrongNameIsToldNoNameThatIsNotOne() {
        String rule = " must be 1-20 lower-case letters, digits or '-', starting with a letter";
        assertEquals("t.yml:3: orders: module 'order_items'" + rule, assertThrows(TopologyException.class,
                () -> TopologyFile.parse("services:\n  - { name: monolith, monolith: true }\n"
                        + "  - { name: orders, modules: [order_items] }\n", "t.yml")).getMessage());
        assertEquals("t.yml:2: service name 'catalog_service_for_books'" + rule, assertThrows(TopologyException.class,
                () -> TopologyFile.parse("services:\n  - { name: catalog_service_for_books, monolith: true }\n",
                        "t.yml")).getMessage());
    }
}

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
 * A file's every mistake at once ({@link TopologyCheck}): its own and those across its services in one run, and a
 * wrong name told no name in place that is not one.
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
        assertEquals("t.yml:3: orders.modules 'order_items'" + rule, assertThrows(TopologyException.class,
                () -> TopologyFile.parse("services:\n  - { name: monolith, monolith: true }\n"
                        + "  - { name: orders, modules: [order_items] }\n", "t.yml")).getMessage());
        assertEquals("t.yml:2: service name 'catalog_service_for_books'" + rule, assertThrows(TopologyException.class,
                () -> TopologyFile.parse("services:\n  - { name: catalog_service_for_books, monolith: true }\n",
                        "t.yml")).getMessage());
    }
}

package dev.forum.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The checks across a file's services with a service whose monolith: could not be read. */
class CrossServiceChecksUnitTest {

    /** monolith: yes may mean the monolith, whose modules list does not hold modules: no "in two services" from it. */
    @Test
    void aServiceWithAnUnreadableMonolithHasItsModulesLeftUnchecked() {
        List<ServiceOutline> services = List.of(
                new ServiceOutline("monolith", 2, null, List.of("books", "books"), List.of(3, 4)),
                new ServiceOutline("catalogue", 5, false, List.of("books"), List.of(6)));
        assertEquals(List.of(), CrossServiceChecks.mistakes("topology.yml", services, null, false));
    }
}

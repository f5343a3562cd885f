package dev.forum.extraction.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.forum.extraction.model.ExtractionException;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

/**
 * A refusal as Maven shows it: one line alone is the failure; several are logged one per line, and the failure counts
 * them without offering a way out that a line may have ruled out.
 */
class RefusalsTest {

    /** The lines logged as errors. */
    private final List<String> errors = new ArrayList<>();

    private final SystemStreamLog log = new SystemStreamLog() {
        @Override
        public void error(CharSequence content) {
            errors.add(content.toString());
        }
    };

    @Test
    void oneLineIsTheFailureItself() {
        assertEquals("Module 'a' alone: ...", Refusals.report(log, new ExtractionException("Module 'a' alone: ..."))
                .getMessage());
        assertEquals(List.of(), errors);
    }

    /**
     * user13's build: an event line saying no split of the two modules is possible while the event stays (keeping them
     * together is the monolith) and a bean-call line. The summary sends the user to each line's advice, not to
     * "extract them together", which the first line has just ruled out.
     */
    @Test
    void severalLinesAreLoggedAndTheSummaryOffersNothingALineRuledOut() {
        String event = "Module 'inventory' alone: event example.order.OrderCompleted, published by module order, is"
                + " listened to by example.inventory.InventoryManagement.on, which would run in another service: no split"
                + " of inventory and order is possible while the event stays, as a service holding order and inventory"
                + " together would hold every module of the application (the monolith)";
        String call = "Module 'inventory' alone: the application's main class example.Application uses the bean"
                + " example.order.OrderManagement of module order";
        String summary = Refusals.report(log, new ExtractionException(List.of(event, call))).getMessage();

        assertEquals(List.of("[extract] " + event, "[extract] " + call), errors);
        assertEquals("2 dependencies keep the build from extracting, one per [extract] line above: do what each line"
                + " advises before the build can extract", summary);
        assertFalse(summary.contains("together"), summary);
    }

    @Test
    void aSummaryTheRefusalGivesIsTheFailure() {
        assertEquals("2 mistakes in topology.yml", Refusals.report(log, new ExtractionException(List.of("one", "two"),
                "2 mistakes in topology.yml")).getMessage());
        assertEquals(List.of("[extract] one", "[extract] two"), errors);
    }
}

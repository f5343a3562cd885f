package dev.forum.extraction.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.extraction.model.ExtractionException;
import dev.forum.extraction.model.ServicePlan;
import dev.forum.extraction.model.ServiceRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A service that leaves modules out, in an application without extraction-runtime. */
class RuntimeCheckTest {

    private static final List<String> MODULES = List.of("books", "loans", "members");

    private static ServicePlan plan(String service, Map<String, String> contracts) {
        return new ServicePlan(new ServiceRequest(service, List.of(service)), Set.of(service),
                List.copyOf(contracts.values()), contracts, Set.of(), Map.of(), Set.of(), Map.of(), Map.of(), List.of());
    }

    @Test
    void aServiceCallingALeftOutModulesHttpContractIsRefusedNamingTheCallAndTheDependency() {
        List<String> warnings = new ArrayList<>();
        ExtractionException e = assertThrows(ExtractionException.class, () -> RuntimeCheck.check(
                List.of(plan("loans", Map.of("io.trial.library.books.BooksApi", "books"))), MODULES, false, warnings::add));

        assertEquals(List.of("Module 'loans' alone calls io.trial.library.books.BooksApi of module books over HTTP once books"
                + " runs elsewhere, and the application has no dev.forum:extraction-runtime dependency at run time, which"
                + " makes those calls (without it the service cannot start): add the dependency dev.forum:extraction-runtime"
                + " in compile or runtime scope, not optional (README, \"Using the plugin in your own application\", step 2)"),
                e.lines());
        assertEquals(List.of(), warnings);
    }

    @Test
    void aServiceThatCallsNoContractOnlyWarns() {
        List<String> warnings = new ArrayList<>();
        RuntimeCheck.check(List.of(plan("members", Map.of())), MODULES, false, warnings::add);

        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).startsWith("[extract] members leaves out books, loans and calls no HTTP contract of them"),
                warnings.get(0));
    }

    @Test
    void withTheRuntimeNothingIsSaid() {
        List<String> warnings = new ArrayList<>();
        RuntimeCheck.check(List.of(plan("loans", Map.of("io.trial.library.books.BooksApi", "books"))), MODULES, true,
                warnings::add);
        assertEquals(List.of(), warnings);
    }
}

package dev.forum.extraction.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.extraction.model.PublicationRegistry;
import dev.forum.extraction.model.TopologyServices;
import dev.forum.extraction.report.ExtractionReport;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What Spring Modulith's own {@code ApplicationModules.verify()} rejects, read by the analyzer in its own JVM from a
 * compiled application: loans declares {@code allowedDependencies = "catalog"} but names a type of covers, and names a
 * type of catalog's internals. Both are violations verify() fails on, and so warnings of the report.
 */
class VerificationForkTest {

    private static final Map<String, String> SOURCES = Map.ofEntries(
            Map.entry("lib/LibraryApplication.java", "package lib; @org.springframework.modulith.Modulithic public class LibraryApplication {}"),
            Map.entry("lib/catalog/CatalogApi.java", "package lib.catalog; public interface CatalogApi { String title(int id); }"),
            Map.entry("lib/catalog/internal/Shelf.java", "package lib.catalog.internal; public record Shelf(int number) {}"),
            Map.entry("lib/covers/CoverSize.java", "package lib.covers; public enum CoverSize { SMALL, LARGE }"),
            Map.entry("lib/loans/package-info.java", "@org.springframework.modulith.ApplicationModule(allowedDependencies"
                    + " = \"catalog\") package lib.loans;"),
            Map.entry("lib/loans/internal/LoanRequest.java", "package lib.loans.internal; public record LoanRequest("
                    + "lib.catalog.CatalogApi catalog, lib.covers.CoverSize size, lib.catalog.internal.Shelf shelf) {}"));

    @RegisterExtension
    static final AnalyzedApplication APPLICATION = new AnalyzedApplication(SOURCES, "lib.LibraryApplication");

    @Test
    void everyViolationOfSpringModulithsVerificationIsReadAndWarnedOf() {
        List<String> violations = APPLICATION.model().violations();
        assertTrue(violations.stream().anyMatch(v -> v.contains("Module 'loans' depends on module 'covers' via"
                + " lib.loans.internal.LoanRequest -> lib.covers.CoverSize") && v.contains("Allowed targets: catalog")),
                violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.contains("lib.catalog.internal.Shelf")), violations.toString());
        assertTrue(violations.stream().noneMatch(v -> v.lines().findFirst().orElseThrow().contains("CatalogApi")),
                "an allowed, exposed type is no violation: " + violations);

        // Spring Modulith words the dependency on Shelf once per place in LoanRequest: one warning, each place a line.
        List<ExtractionReport.Warning> warnings = ExtractionReport.of(APPLICATION.model(), List.of(), Optional.empty(),
                TopologyServices.NONE, Map.of(), PublicationRegistry.NONE, List.of())
                .warnings();
        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.stream().allMatch(w -> w.kind().equals(ExtractionReport.Warning.MODULITH_VERIFICATION)
                && w.lines().get(0).startsWith("Spring Modulith's ApplicationModules.verify() rejects: Module 'loans'")),
                warnings.toString());
        List<String> shelf = warnings.stream().filter(w -> w.lines().get(0).contains("lib.catalog.internal.Shelf"))
                .findFirst().orElseThrow().lines();
        long places = violations.stream().filter(v -> v.contains("non-exposed type lib.catalog.internal.Shelf")).count();
        assertTrue(places > 1, violations.toString());
        assertEquals(places + 2, shelf.size(), "the first line, a line per place, the advice: " + shelf);
    }
}

package dev.forum.extraction.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Which files of db/migration/ a service packs: those of the module owning the deepest folder, nested modules too. */
class ServicePlanMigrationsTest {

    private static final List<String> ALL = List.of("cat", "catalog", "catalog.covers", "catalog.covers.thumbs",
            "admin.reports", "loans");

    private static final List<String> FILES = List.of(
            "db/migration/__root/V1__root.sql",
            "db/migration/V0__loose.sql",
            "db/migration/cat/V1__cat.sql",
            "db/migration/catalog/V1__catalog.sql",
            "db/migration/catalog/extra/V2__catalog.sql",
            "db/migration/catalog/covers/V1__covers.sql",
            "db/migration/catalog/covers/", // a jar's folder entry
            "db/migration/catalog/covers/thumbs/V1__thumbs.sql",
            "db/migration/catalog.covers/V1__dotted.sql",
            "db/migration/admin/V1__admin.sql",
            "db/migration/admin/reports/V1__reports.sql",
            "db/migration/loan/V1__misnamed.sql",
            "db/migration/loans/V1__loans.sql",
            "application.properties");

    private static final Set<String> EVERYWHERE = Set.of("db/migration/__root/V1__root.sql",
            "db/migration/V0__loose.sql", "db/migration/admin/V1__admin.sql", "db/migration/loan/V1__misnamed.sql",
            "application.properties");

    @Test
    void aParentModulesServicePacksNoneOfItsNestedModulesFiles() {
        assertEquals(with("db/migration/catalog/V1__catalog.sql", "db/migration/catalog/extra/V2__catalog.sql"),
                kept("catalog"));
    }

    @Test
    void aNestedModulesServicePacksItsFolderButNotItsParentsNorItsOwnNestedModules() {
        assertEquals(with("db/migration/catalog/covers/V1__covers.sql", "db/migration/catalog/covers/",
                "db/migration/catalog.covers/V1__dotted.sql"), kept("catalog.covers"));
        assertEquals(with("db/migration/catalog/covers/thumbs/V1__thumbs.sql"), kept("catalog.covers.thumbs"));
    }

    @Test
    void aModuleNamedAfterAnothersPrefixOwnsOnlyItsOwnFolder() {
        assertEquals(with("db/migration/cat/V1__cat.sql"), kept("cat"));
    }

    @Test
    void aDeepModulesFolderBelowNoModuleIsItsAloneAndTheFolderAboveIsEveryones() {
        assertEquals(with("db/migration/admin/reports/V1__reports.sql"), kept("admin.reports"));
        assertEquals(with("db/migration/loans/V1__loans.sql"), kept("loans"));
    }

    @Test
    void aServiceOfSeveralModulesPacksEachOnesFiles() {
        assertEquals(with("db/migration/catalog/V1__catalog.sql", "db/migration/catalog/extra/V2__catalog.sql",
                "db/migration/catalog/covers/V1__covers.sql", "db/migration/catalog/covers/",
                "db/migration/catalog.covers/V1__dotted.sql"), kept("catalog", "catalog.covers"));
    }

    private static Set<String> with(String... own) {
        Set<String> files = new TreeSet<>(EVERYWHERE);
        files.addAll(List.of(own));
        return files;
    }

    private static Set<String> kept(String... modules) {
        ServicePlan plan = new ServicePlan(new ServiceRequest("svc", List.of(modules)), Set.of(modules), List.of(),
                Map.of(), Set.of(), Map.of(), Set.of(), Map.of(), Map.of(), List.of());
        Set<String> files = new TreeSet<>();
        FILES.stream().filter(path -> plan.keepsResource(path, ALL)).forEach(files::add);
        return files;
    }
}

package dev.forum.extraction.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A folder of db/migration/ named after no module is warned of, with the module it most likely means. */
class MigrationFoldersTest {

    private static final List<String> MODULES = List.of("audit", "catalog", "covers", "loans", "shared");

    @Test
    void aFolderNamedAfterNoModuleNamesTheClosestModule() {
        assertEquals(List.of("db/migration/loan/ is named after no module, so its migrations never run: each process runs"
                + " db/migration/<module>/ of its modules and db/migration/__root/ (Spring Modulith's per-module"
                + " migrations), and every service packs this folder unused; rename it db/migration/loans/ if it holds"
                + " the migrations of module loans"), MigrationFolders.misnamed(List.of("catalog", "loan", "audit"), MODULES));
        assertEquals(List.of(), MigrationFolders.misnamed(List.of("catalog", "loans", "__root"), MODULES),
                "every module's folder and the root's are run");
    }

    @Test
    void aFolderCloseToNoModuleListsTheModulesAndTheRoot() {
        List<String> lines = MigrationFolders.misnamed(List.of("reporting", "Catalog"), MODULES);
        assertEquals(2, lines.size(), lines.toString());
        // In name order; a folder differing only in case is no module's either (the class path is case-sensitive).
        assertEquals("db/migration/Catalog/ is named after no module, so its migrations never run: each process runs"
                + " db/migration/<module>/ of its modules and db/migration/__root/ (Spring Modulith's per-module"
                + " migrations), and every service packs this folder unused; rename it db/migration/catalog/ if it holds"
                + " the migrations of module catalog", lines.get(0));
        assertEquals("db/migration/reporting/ is named after no module, so its migrations never run: each process runs"
                + " db/migration/<module>/ of its modules and db/migration/__root/ (Spring Modulith's per-module"
                + " migrations), and every service packs this folder unused; rename it after the module whose migrations"
                + " it holds (the modules: audit, catalog, covers, loans, shared), or move them to db/migration/__root/ if"
                + " they belong to no module", lines.get(1));
    }

    @Test
    void aDottedModulesFolderIsWarnedOfAndTheFirstLevelOfOneIsNoMistake() {
        List<String> modules = List.of("admin.reports", "library", "library.shelves");
        List<String> lines = MigrationFolders.misnamed(List.of("admin", "library", "library.shelves"), modules);
        // admin/ is the first level of admin.reports' folder (db/migration/admin/reports/): not named after no module.
        assertEquals(List.of("db/migration/library.shelves/ holds the migrations of the nested or deep module"
                + " library.shelves, which are run from db/migration/library/shelves/ instead, where a process that"
                + " runs library too takes them with its migrations as well: give the module a name without a dot with"
                + " @ApplicationModule(id = ...) and name the folder after it"), lines);
        assertEquals(1, MigrationFolders.misnamed(List.of("adminn"), modules).size(), "a folder near no module's");
    }

    @Test
    void aDeepModulesFolderNamesOnlyTheParentsThatAreModules() {
        List<String> modules = List.of("admin.reports", "admin.reports.daily", "library");
        // No module admin: db/migration/admin/reports/ is taken by no other module's scan.
        assertEquals(List.of("db/migration/admin.reports/ holds the migrations of the nested or deep module"
                + " admin.reports, which are run from db/migration/admin/reports/ instead: give the module a name"
                + " without a dot with @ApplicationModule(id = ...) and name the folder after it",
                "db/migration/admin.reports.daily/ holds the migrations of the nested or deep module admin.reports.daily,"
                + " which are run from db/migration/admin/reports/daily/ instead, where a process that runs admin.reports"
                + " too takes them with its migrations as well: give the module a name without a dot with"
                + " @ApplicationModule(id = ...) and name the folder after it"),
                MigrationFolders.misnamed(List.of("admin.reports", "admin.reports.daily"), modules));
    }

    @Test
    void aFolderBelongsToTheModuleOfItsDeepestLevelsNamedAfterOne() {
        List<String> modules = List.of("cat", "catalog", "catalog.covers", "admin.reports");
        assertEquals(Optional.of("catalog.covers"), MigrationFolders.owner("catalog/covers", modules));
        assertEquals(Optional.of("catalog.covers"), MigrationFolders.owner("catalog/covers/old", modules));
        assertEquals(Optional.of("catalog.covers"), MigrationFolders.owner("catalog.covers", modules));
        assertEquals(Optional.of("catalog"), MigrationFolders.owner("catalog/extra", modules));
        assertEquals(Optional.of("cat"), MigrationFolders.owner("cat", modules));
        assertEquals(Optional.of("admin.reports"), MigrationFolders.owner("admin/reports", modules));
        assertEquals(Optional.empty(), MigrationFolders.owner("admin", modules), "the first level of no module");
        assertEquals(Optional.empty(), MigrationFolders.owner("catalogue", modules));
        assertEquals(Optional.empty(), MigrationFolders.owner("", modules));
    }
}

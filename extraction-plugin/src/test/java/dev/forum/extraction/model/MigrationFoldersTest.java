package dev.forum.extraction.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A folder of db/migration/ whose files do not run as their module's is warned of: one named after no module, with the
 * module it most likely means; files directly in the first level of a dotted module's folder; a nested module's folder
 * inside its parent module's.
 */
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
    void aDottedModulesFolderIsWarnedOfAndTheFirstLevelOfOneWithoutFilesIsNoMistake() {
        List<String> modules = List.of("admin.reports", "library", "library.shelves");
        // admin/ holds only admin/reports/ (admin.reports' folder): no file of it is lost.
        List<String> lines = MigrationFolders.misnamed(List.of("admin/reports", "library", "library.shelves"), modules);
        assertEquals(List.of("db/migration/library.shelves/ holds the migrations of the nested or deep module"
                + " library.shelves, which are run from db/migration/library/shelves/ instead, where a process that"
                + " runs library too takes them with its migrations as well: give the module a name without a dot with"
                + " @ApplicationModule(id = ...) and name the folder after it"), lines);
        assertEquals(1, MigrationFolders.misnamed(List.of("adminn"), modules).size(), "a folder near no module's");
    }

    @Test
    void filesDirectlyInTheFirstLevelOfADottedModulesFolderNeverRun() {
        List<String> modules = List.of("ops.billing", "ops.billing.invoices", "crm");
        assertEquals(List.of("db/migration/ops/ is named after no module, only the first level of"
                + " db/migration/ops/billing/ and others, so the migrations directly in it never run: each process runs"
                + " db/migration/<module>/ of its modules and db/migration/__root/ (Spring Modulith's per-module"
                + " migrations), and every service packs them unused; move them to their module's folder"
                + " (db/migration/ops/billing/, db/migration/ops/billing/invoices/), or to db/migration/__root/ if they"
                + " belong to no module"), MigrationFolders.misnamed(List.of("ops", "crm"), modules));
        assertEquals(List.of("db/migration/ holds migrations directly, outside every module's folder, so the migrations"
                + " directly in it never run: each process runs db/migration/<module>/ of its modules and"
                + " db/migration/__root/ (Spring Modulith's per-module migrations), and every service packs them unused;"
                + " move them to their module's folder (db/migration/crm/, db/migration/ops/billing/,"
                + " db/migration/ops/billing/invoices/), or to db/migration/__root/ if they belong to no module"),
                MigrationFolders.misnamed(List.of(""), modules));
        // One module below: named; a module whose name is a prefix of the folder's is no parent of it.
        List<String> one = MigrationFolders.misnamed(List.of("cr"), List.of("cr.m", "crm"));
        assertEquals(1, one.size(), one.toString());
        assertTrue(one.get(0).startsWith("db/migration/cr/ is named after no module, only the first level of"
                + " db/migration/cr/m/, so"), one.get(0));
        assertTrue(one.get(0).contains("move them to db/migration/cr/m/ if they are module cr.m's, or to"), one.get(0));
        assertEquals(List.of(), MigrationFolders.misnamed(List.of("crm", "cr/m", "__root", "__root/old"),
                List.of("cr.m", "crm")), "each a module's, or the root's with its subfolders");
    }

    @Test
    void aFolderNamedAfterNoModuleIsWarnedOfAtItsTopMostLevelOnce() {
        List<String> modules = List.of("ops.billing", "crm");
        assertEquals(List.of("db/migration/ops/biling/ is named after no module, so its migrations never run: each"
                + " process runs db/migration/<module>/ of its modules and db/migration/__root/ (Spring Modulith's"
                + " per-module migrations), and every service packs this folder unused; rename it"
                + " db/migration/ops/billing/ if it holds the migrations of module ops.billing"),
                MigrationFolders.misnamed(List.of("ops/biling", "ops/biling/old"), modules));
        List<String> lines = MigrationFolders.misnamed(List.of("crn/old", "crn/older"), modules);
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("db/migration/crn/ is named after no module"), lines.get(0));
    }

    @Test
    void aNestedModulesFolderInsideItsParentModulesIsTakenByTheParentsScanToo() {
        List<String> modules = List.of("shop", "shop.photos", "shopping", "ops.billing");
        // shop/photos/ (and below) is shop.photos', also scanned with shop/; shopping/ is no part of shop's folder;
        // ops/billing/ has no module above it.
        assertEquals(List.of("db/migration/shop/photos/ holds the migrations of the nested module shop.photos, which"
                + " Flyway's scan of db/migration/shop/ with its subfolders takes too: a process that runs shop as well"
                + " (the monolith, unless one of them is extracted) runs them in shop's history table besides shop.photos's own, so twice (a"
                + " version in both folders stops it at start); Spring Modulith's own strategy runs them only as"
                + " shop's, so in no process without shop: give the module a name without a dot with"
                + " @ApplicationModule(id = ...) and name the folder after it"),
                MigrationFolders.misnamed(List.of("shop", "shop/photos", "shop/photos/old", "shopping", "ops/billing"),
                        modules));
        assertEquals(List.of(), MigrationFolders.misnamed(List.of("shop", "shop/extra", "shopping"), modules),
                "a parent's own subfolder is its own");
    }

    @Test
    void aModuleTwoLevelsBelowOthersNamesEveryParentModule() {
        List<String> modules = List.of("shop", "shop.photos", "shop.photos.thumbs", "ops.billing", "ops.billing.daily");
        List<String> lines = MigrationFolders.misnamed(List.of("shop/photos/thumbs", "ops/billing/daily"), modules);
        assertEquals(2, lines.size(), lines.toString());
        // ops.billing is dotted: Spring Modulith skips it (no db/migration/ops.billing/), so no line of its strategy.
        assertEquals("db/migration/ops/billing/daily/ holds the migrations of the nested module ops.billing.daily,"
                + " which Flyway's scan of db/migration/ops/billing/ with its subfolders takes too: a process that runs"
                + " ops.billing as well (the monolith, unless one of them is extracted) runs them in ops.billing's history table besides"
                + " ops.billing.daily's own, so twice (a version in both folders stops it at start): give the"
                + " module a name without a dot with @ApplicationModule(id = ...) and name the folder after it",
                lines.get(0));
        assertTrue(lines.get(1).startsWith("db/migration/shop/photos/thumbs/ holds the migrations of the nested module"
                + " shop.photos.thumbs, which Flyway's scan of db/migration/shop/ and db/migration/shop/photos/ with"
                + " their subfolders takes too: a process that runs shop or shop.photos as well (the monolith, unless"
                + " one of them is extracted) runs them in shop's and shop.photos's history tables besides shop.photos.thumbs's own, so more"
                + " than once"), lines.get(1));
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

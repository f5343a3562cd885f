package dev.forum.extraction.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.extraction.FakeApp;
import dev.forum.extraction.model.ScannedArtifact;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The folders of db/migration/ holding a migration (an SQL script or a Java migration's class, not a README or a
 * .gitkeep) directly, at any depth, in the application's own artifacts: its classes directory and a jar of its
 * classes, not a library's; and whether the application runs its migrations per module, from its settings.
 */
class MigrationFoldersScanTest {

    @Test
    void theApplicationsClassesAndJarsAreReadNotALibrarys(@TempDir Path dir) throws IOException {
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes.resolve("db/migration/alpha/covers/old"));
        Files.createDirectories(classes.resolve("db/migration/loan"));
        Files.writeString(classes.resolve("db/migration/alpha/V1__alpha.sql"), "select 1;");
        Files.writeString(classes.resolve("db/migration/alpha/covers/old/V1__covers.sql"), "select 1;");
        Files.writeString(classes.resolve("db/migration/V1__root.sql"), "select 1;");
        Files.createDirectories(classes.resolve("db/migration/notes"));
        Files.writeString(classes.resolve("db/migration/notes/README.md"), "# not a migration");
        Files.writeString(classes.resolve("db/migration/loan/.gitkeep"), "");
        Files.createDirectories(classes.resolve("db/migration/gamma"));
        Files.writeString(classes.resolve("db/migration/gamma/V2__Backfill.class"), "a Java migration");
        Path application = jar(dir.resolve("beta.jar"), "db/migration/beta/V1__beta.sql", "db/migration/betta/V1__b.sql",
                "db/migration/ops/", "db/migration/ops/reports/V1__r.sql", "db/migration/V2__loose.sql",
                "db/migration/docs/README.md");
        Path library = jar(dir.resolve("library.jar"), "db/migration/vendor/V1__vendor.sql");
        List<ScannedArtifact> packed = List.of(
                new ScannedArtifact("app (classes)", classes, Map.of()),
                new ScannedArtifact("app:beta", application, Map.of("fake.beta.BetaService", Set.of())),
                new ScannedArtifact("vendor:library", library, Map.of("org.vendor.Thing", Set.of())));
        PerModuleMigrations migrations = new ApplicationAnalysis(classes, "fake.platform.Paging", "fake.platform.Paging",
                List.of(), packed, FakeApp.model(), Optional.empty()).migrations();

        // Without per-module migrations Spring Boot runs every folder: none is named after no module.
        assertEquals(Set.of(), migrations.folders());
        Files.writeString(classes.resolve("application.properties"), PerModuleMigrations.PER_MODULE_MIGRATIONS + "=no\n");
        assertEquals(Set.of(), migrations.folders());
        assertEquals(List.of(), migrations.misnamed());
        Files.writeString(classes.resolve("application.properties"), PerModuleMigrations.PER_MODULE_MIGRATIONS + "=On\n");
        // Each folder holding a migration directly, at any depth: not loan/ (a .gitkeep), notes/ nor docs/ (a README),
        // alpha/covers/ nor ops/ (only folders); gamma/ holds a Java migration.
        assertEquals(Set.of("", "alpha", "alpha/covers/old", "beta", "betta", "gamma", "ops/reports"),
                migrations.folders());
    }

    @Test
    void aSwitchTheEnvironmentSetsMayBeOnAndTheWarningsSaySo(@TempDir Path dir) throws IOException {
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes.resolve("db/migration/gamme"));
        Files.writeString(classes.resolve("db/migration/gamme/V1__gamma.sql"), "select 1;");
        PerModuleMigrations migrations = new ApplicationAnalysis(classes, "fake.platform.Paging", "fake.platform.Paging",
                List.of(), List.of(new ScannedArtifact("app (classes)", classes, Map.of())), FakeApp.model(),
                Optional.empty()).migrations();
        Files.writeString(classes.resolve("application.properties"), PerModuleMigrations.PER_MODULE_MIGRATIONS + "=On\n");
        List<String> on = migrations.misnamed();
        assertEquals(1, on.size(), on::toString);
        assertTrue(on.get(0).startsWith("db/migration/gamme/ is named after no module"), on.get(0));

        // A placeholder no settings file sets: Spring Boot takes the environment's value, which the build cannot see.
        Files.writeString(classes.resolve("application.properties"), PerModuleMigrations.PER_MODULE_MIGRATIONS
                + "=${MODULE_MIGRATIONS}\n");
        assertEquals(PerModuleMigrations.Switch.UNKNOWN, migrations.enabled());
        assertEquals(Set.of("gamme"), migrations.folders(), "read as it may be on, not as off");
        assertEquals(List.of("spring.modulith.runtime.flyway-enabled=${MODULE_MIGRATIONS} in application.properties is a"
                + " placeholder no settings file sets, so per-module migrations may be on (check what the environment"
                + " sets); if they are, " + on.get(0)), migrations.misnamed());

        // A placeholder with a default, or one another file sets, is known.
        Files.writeString(classes.resolve("application.properties"), PerModuleMigrations.PER_MODULE_MIGRATIONS
                + "=${MODULE_MIGRATIONS:false}\n");
        assertEquals(PerModuleMigrations.Switch.OFF, migrations.enabled());
        assertEquals(List.of(), migrations.misnamed());
        Files.writeString(classes.resolve("application.properties"), "per-module=true\n"
                + PerModuleMigrations.PER_MODULE_MIGRATIONS + "=${per-module}\n");
        assertEquals(PerModuleMigrations.Switch.ON, migrations.enabled());
        assertEquals(on, migrations.misnamed());
    }

    private static Path jar(Path file, String... entries) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                if (!entry.endsWith("/")) {
                    zip.write("select 1;".getBytes());
                }
                zip.closeEntry();
            }
        }
        return file;
    }
}

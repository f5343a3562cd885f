package dev.forum.extraction.maven;

import dev.forum.extraction.model.ApplicationProperties;
import dev.forum.extraction.model.MigrationFolders;
import dev.forum.extraction.model.ModulithModel;
import dev.forum.extraction.model.ScannedArtifact;
import dev.forum.extraction.model.ServicePlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.support.DefaultConversionService;

/**
 * The application's Flyway migrations as the goals warn of them: whether it runs them per module
 * ({@link #PER_MODULE_MIGRATIONS}) and which folders of {@code db/migration/} hold them in its own artifacts, for the
 * warnings of the folders whose migrations do not run as their module's ({@link MigrationFolders#misnamed}).
 *
 * @param classes the application's classes directory, its settings files in it
 * @param packed  the classes directory and every library the service jars may hold ({@link ApplicationAnalysis#packed})
 * @param model   Spring Modulith's model of the application, for its modules and which classes are its own
 */
record PerModuleMigrations(Path classes, List<ScannedArtifact> packed, ModulithModel model) {

    /** Spring Modulith's switch for migrations per module, which extraction-runtime follows too. */
    static final String PER_MODULE_MIGRATIONS = "spring.modulith.runtime.flyway-enabled";

    /** The switch as the build knows it. */
    enum Switch {
        /** Set to a value Spring reads as {@code true}. */
        ON,
        /** Not set, set to a value Spring reads as {@code false}, or to one it cannot read (the application stops). */
        OFF,
        /** Set to a placeholder no settings file sets ({@link ApplicationProperties#unknown}): the environment decides. */
        UNKNOWN
    }

    /**
     * The warnings for the folders of {@code db/migration/} whose migrations do not run as their module's
     * ({@link MigrationFolders#misnamed} of {@link #folders}), one line each. None when the application does not run
     * its migrations per module ({@link Switch#OFF}: Spring Boot then runs every folder). When the switch's value is
     * {@link Switch#UNKNOWN}, each line says that per-module migrations may be on, what to check, and that it holds only
     * if they are: {@code spring.modulith.runtime.flyway-enabled=${FLYWAY} in application.properties is a placeholder no
     * settings file sets, so per-module migrations may be on (check what the environment sets); if they are,
     * db/migration/loan/ is named after no module, ...}.
     *
     * @return the lines, in {@link MigrationFolders#misnamed}'s order
     * @throws IOException when a directory or jar cannot be read
     */
    List<String> misnamed() throws IOException {
        List<String> lines = MigrationFolders.misnamed(folders(),
                model.modules().stream().map(ModulithModel.Module::name).toList());
        ApplicationProperties settings = ApplicationProperties.read(classes);
        if (!settings.unknown(PER_MODULE_MIGRATIONS)) {
            return lines;
        }
        String unsure = PER_MODULE_MIGRATIONS + "=" + settings.written(PER_MODULE_MIGRATIONS).strip() + " in "
                + settings.origin(PER_MODULE_MIGRATIONS) + " is a placeholder no settings file sets, so per-module"
                + " migrations may be on (check what the environment sets); if they are, ";
        return lines.stream().map(line -> unsure + line).toList();
    }

    /**
     * The folders of {@code db/migration/} ({@link ServicePlan#MIGRATIONS}) that hold a migration directly, at any
     * depth ({@link #isMigration}: a {@code README.md} or {@code .gitkeep} is none), in the application's own
     * artifacts, where its modules' migrations are: every classes directory of {@link #packed}, and each packed jar
     * that holds an application class (a library's own migrations are not the application's).
     *
     * @return each folder's path below {@code db/migration/}, {@code /}-separated ({@code loans},
     *         {@code catalog/covers}; {@code ""} for files directly in {@code db/migration/}), in name order; a folder
     *         holding only folders is none; none at all when the application does not run its migrations per module
     *         ({@link Switch#OFF}), since Spring Boot then runs every folder; the folders when the switch is
     *         {@link Switch#UNKNOWN}, since it may be on
     * @throws IOException when a directory or jar cannot be read
     */
    Set<String> folders() throws IOException {
        Set<String> folders = new TreeSet<>();
        if (enabled() == Switch.OFF) {
            return folders; // Spring Boot then runs all of db/migration/, every folder included
        }
        for (ScannedArtifact artifact : packed) {
            Path location = artifact.location();
            if (Files.isDirectory(location)) {
                Path migrations = location.resolve(ServicePlan.MIGRATIONS);
                if (Files.isDirectory(migrations)) {
                    try (Stream<Path> files = Files.walk(migrations)) {
                        files.filter(Files::isRegularFile).filter(file -> isMigration(file.getFileName().toString()))
                                .forEach(file -> folders.add(
                                migrations.relativize(file.getParent()).toString().replace('\\', '/')));
                    }
                }
            } else if (artifact.classes().stream().anyMatch(model::isApplicationClass)) {
                try (ZipFile jar = new ZipFile(location.toFile())) {
                    jar.stream().filter(entry -> !entry.isDirectory()).map(entry -> entry.getName())
                            .filter(name -> name.startsWith(ServicePlan.MIGRATIONS) && isMigration(name))
                            .map(name -> name.substring(ServicePlan.MIGRATIONS.length()))
                            .forEach(rest -> folders.add(rest.contains("/") ? rest.substring(0, rest.lastIndexOf('/')) : ""));
                }
            }
        }
        return folders;
    }

    /**
     * Whether the application runs its migrations per module: {@link #PER_MODULE_MIGRATIONS} in its settings files
     * ({@link ApplicationProperties}), read as Spring reads a {@code Boolean} ({@code true}, {@code on}, {@code yes},
     * {@code 1}, any case).
     */
    Switch enabled() {
        ApplicationProperties settings = ApplicationProperties.read(classes);
        if (settings.unknown(PER_MODULE_MIGRATIONS)) {
            return Switch.UNKNOWN;
        }
        String value = settings.getProperty(PER_MODULE_MIGRATIONS);
        try {
            return value != null && Boolean.TRUE.equals(DefaultConversionService.getSharedInstance().convert(value, Boolean.class))
                    ? Switch.ON : Switch.OFF;
        } catch (ConversionException e) {
            return Switch.OFF; // Spring cannot read it: the application does not start
        }
    }

    /** Whether Flyway takes a file of this name as a migration: an SQL script, or a class (a Java migration). */
    private static boolean isMigration(String name) {
        return name.endsWith(".sql") || name.endsWith(".class");
    }
}

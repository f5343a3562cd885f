package dev.forum.extraction.runtime.migration;

import dev.forum.extraction.runtime.topology.ModuleMetadata;
import dev.forum.extraction.runtime.topology.Topology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Flyway migrations per module by Spring Modulith's convention, run only for the modules local in this process: the
 * migrations in {@code <location>/__root} with the configured history table, then for each local module, in the
 * metadata's order, those in {@code <location>/<module>} (a dot of a nested module's name a folder level) with a
 * history table of its own ({@code <table>_<module>}), each baselined at version 0 so a module's V1 runs on a schema
 * that already holds other modules' tables. These folders are those of Spring Modulith's own strategy
 * ({@code spring-modulith-runtime} 2.1), and so are the tables of modules named in lower case without {@code -}
 * ({@link #historyTable}): for those, adding or removing that jar keeps every module's history. So a service
 * runs only its own modules' migrations, and a module moving between processes keeps its history. Every other Flyway
 * setting is the application's ({@code spring.flyway.*}).
 */
public final class ModuleMigrations implements FlywayMigrationStrategy {

    private static final Logger log = LoggerFactory.getLogger(ModuleMigrations.class);

    /** Spring Modulith's folder of the migrations that belong to no module. */
    static final String ROOT = "__root";

    private final Topology topology;

    public ModuleMigrations(Topology topology) {
        this.topology = topology;
    }

    @Override
    public void migrate(Flyway flyway) {
        Configuration base = flyway.getConfiguration();
        List<String> locations = Arrays.stream(base.getLocations()).map(l -> l.getDescriptor()).toList();
        run(base, locations, ROOT, ROOT, base.getTable());
        for (ModuleMetadata.ModuleInfo module : topology.metadata().modules()) {
            if (topology.isLocal(module.name())) {
                run(base, locations, module.name(), module.name().replace('.', '/'), historyTable(base.getTable(), module.name()));
            }
        }
    }

    /**
     * A module's history table as this library has always named it, so that no deployment's history moves:
     * {@code <table>_<module>} in lower case with {@code _} for {@code -}. Spring Modulith's own strategy names it
     * {@code <table>_<module>} as written: the same table for a module named in lower case without {@code -} (every
     * module named by its package), another for one named otherwise (an {@code @ApplicationModule(id)} with capitals or
     * {@code -}), whose migrations would run again in a new table if that strategy took over.
     *
     * @param table  the configured history table ({@code flyway_schema_history})
     * @param module the module's name
     * @return the module's history table, e.g. {@code flyway_schema_history_reading_club} for {@code reading-club}
     */
    static String historyTable(String table, String module) {
        return table + "_" + module.replace('-', '_').toLowerCase(Locale.ROOT);
    }

    private static void run(Configuration base, List<String> locations, String module, String folder, String table) {
        String[] folders = locations.stream().map(l -> l.replaceAll("/+$", "") + "/" + folder).toArray(String[]::new);
        if (!hasMigrations(base.getClassLoader(), folders)) {
            return;
        }
        Flyway flyway = Flyway.configure(base.getClassLoader()).configuration(base).locations(folders).table(table)
                .baselineOnMigrate(true).baselineVersion("0").failOnMissingLocations(false).load();
        MigrateResult result = flyway.migrate();
        log.info("Migrations of {}: {} applied, schema at version {} (history table {})", module,
                result.migrationsExecuted, SchemaVersion.after(flyway, result), table);
    }

    private static boolean hasMigrations(ClassLoader classLoader, String[] folders) {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(classLoader);
        try {
            for (String folder : folders) {
                if (folder.startsWith("classpath:") && resolver.getResources("classpath*:" + folder.substring("classpath:".length())
                        + "/**/*.sql").length > 0) {
                    return true;
                }
                if (!folder.startsWith("classpath:")) {
                    return true; // a file system location: let Flyway look
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

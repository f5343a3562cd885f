package dev.forum.extraction.runtime.migration;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

/** The version a schema is at, for the start-up log lines of the modules' migrations. */
public final class SchemaVersion {

    private SchemaVersion() {
    }

    /**
     * The version a schema is at after {@code migrate}: Flyway's result names one only when migrations ran (it is
     * null on a restart over an up-to-date schema), so then the history table is asked.
     *
     * @param flyway the Flyway that migrated
     * @param result what its {@code migrate()} returned
     * @return the version, such as {@code "5"}; {@code "none"} if the schema has no migration applied
     */
    public static String after(Flyway flyway, MigrateResult result) {
        if (result.targetSchemaVersion != null) {
            return result.targetSchemaVersion;
        }
        MigrationInfo current = flyway.info().current();
        return current == null || current.getVersion() == null ? "none" : current.getVersion().getVersion();
    }
}

package forum.platform.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import dev.forum.extraction.runtime.migration.SchemaVersion;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * One module's schema, made ready when the module starts: its migrations from
 * {@code db/migration/<module>} run with their own history table inside the module's schema, then, if
 * the policy allows and the module's main table is empty, {@code db/seed/<module>/sample-data.sql} loads the
 * tutorial's data. Runs as the module's owner role (or its single role); a module that is not local in a
 * process never touches its schema there. Given a separate runtime role, the owner then grants it the rows of
 * every table of the schema (select, insert, update, delete) and takes back any right on the migration history:
 * the runtime role can read and write data, never change the schema or the record of its migrations.
 *
 * <p>Processes that start together (two ECS tasks of a service, a canary beside the monolith) prepare one module at
 * once: Flyway serializes the migrations with a lock of its own, and the seed and the grants then run in one
 * transaction that first takes the module's preparation lock, a transaction-level advisory lock on PostgreSQL (keys
 * {@link #LOCK_CLASS} and the module name's {@link String#hashCode()}). So the second process finds the table seeded
 * and the rows granted, where without the lock the two seeded the same empty table (a duplicate key) or granted on the
 * same schema at once (PostgreSQL refuses concurrent changes of one catalog row: {@code tuple concurrently updated}),
 * and a failure leaves neither the seed nor the grants half done. The lock waits as long as the owner role's
 * {@code lock_timeout} ({@code deploy/postgres/module-roles.sql}: 10 s) and needs no connection besides the two the
 * migration already has.
 *
 * <p>On PostgreSQL two rules of the data move ({@code data-move/README.md}) are kept before anything changes: a module
 * with migrations to run refuses while a move's replication of it runs to or from this database, and a process given
 * only this database refuses when the module's placement row here names another database (its data moved away). Both
 * throw {@link ModuleMigrationRefusedException} with nothing changed.
 */
final class ModuleSchema {

    private static final Logger log = LoggerFactory.getLogger(ModuleSchema.class);

    /** The preparation lock's first key (PostgreSQL's two-key form), {@code 'fsch'} in ASCII. */
    static final int LOCK_CLASS = 0x66736368;

    private final String module;
    private final String seedTable;
    private final DataSource dataSource;
    private final String url;
    private final boolean soleDatabase;
    private final SeedPolicy seedPolicy;
    private final String runtimeRole;

    /**
     * @param module      the module's name, which is also its schema's name
     * @param seedTable   the table whose emptiness means "load the seed", qualified by the schema
     * @param dataSource  connections as the role that migrates (the owner)
     * @param url         the JDBC URL of that database, for messages and to tell PostgreSQL
     * @param soleDatabase whether the process was given this database only (no {@code .moved.url}), so the module's
     *                    data must be here
     * @param runtimeRole the role the module's pool uses, to be granted the rows of the schema's tables; null when
     *                    the same role migrates and serves
     */
    ModuleSchema(String module, String seedTable, DataSource dataSource, String url, boolean soleDatabase,
                 SeedPolicy seedPolicy, String runtimeRole) {
        this.module = module;
        this.seedTable = seedTable;
        this.dataSource = dataSource;
        this.url = url;
        this.soleDatabase = soleDatabase;
        this.seedPolicy = seedPolicy;
        this.runtimeRole = runtimeRole;
    }

    /**
     * Migrates the schema, then loads the seed if allowed and gives the runtime role the rows (PostgreSQL), these two
     * in one transaction under the module's preparation lock.
     *
     * @throws ModuleMigrationRefusedException when a rule of the data move forbids migrating here (nothing changed)
     * @throws SQLException                    when the database cannot be read or written
     */
    void prepare() throws SQLException {
        boolean postgres = url.startsWith("jdbc:postgresql:");
        if (postgres && soleDatabase) {
            refuseIfMovedAway();
        }
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .schemas(module)
                .createSchemas(true)
                .table("flyway_schema_history")
                .locations("classpath:db/migration/" + module)
                .failOnMissingLocations(true)
                .load();
        if (postgres) {
            refuseIfMoving(flyway);
        }
        var result = flyway.migrate();
        log.info("Module '{}': schema at version {} ({} migrations applied)", module,
                SchemaVersion.after(flyway, result), result.migrationsExecuted);
        seedAndGrant(postgres);
    }

    /**
     * Loads the seed into an empty table (if the policy allows) and grants the runtime role the rows (if there is one),
     * in one transaction under the module's preparation lock (PostgreSQL; see the class comment).
     */
    private void seedAndGrant(boolean postgres) throws SQLException {
        boolean seedAllowed = switch (seedPolicy) {
            case NEVER -> false;
            case ALWAYS -> true;
            case EMBEDDED -> isInMemory();
        };
        if (!seedAllowed && runtimeRole == null) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            boolean seeded = false;
            try {
                if (postgres) {
                    try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(?, ?)")) {
                        lock.setInt(1, LOCK_CLASS);
                        lock.setInt(2, module.hashCode());
                        lock.execute();
                    }
                }
                if (seedAllowed && isEmpty(connection)) {
                    ScriptUtils.executeSqlScript(connection, new ClassPathResource("db/seed/" + module + "/sample-data.sql"));
                    // Another process on this database may already keep answers read while the table was empty.
                    DataVersion.raise(connection, module);
                    seeded = true;
                }
                if (runtimeRole != null) {
                    grantRows(connection);
                }
                connection.commit();
            } catch (SQLException | RuntimeException failed) {
                connection.rollback();
                throw failed;
            } finally {
                connection.setAutoCommit(true);
            }
            if (seeded) {
                log.info("Module '{}': loaded the sample data into {}", module, seedTable);
            }
            if (runtimeRole != null) {
                log.info("Module '{}': runtime role {} may read and write the rows of schema {}", module, runtimeRole,
                        module);
            }
        }
    }

    /** A module whose placement row here names another database has no data here to migrate or serve. */
    private void refuseIfMovedAway() throws SQLException {
        ModulePlacement.Row row;
        try {
            row = ModulePlacement.readRow(dataSource, module);
        } catch (SQLException e) {
            // No move made the placement table here (42P01, 3F000), or only for other modules: a move lets the
            // roles of the module it moves read it (42501 for the others).
            if (List.of("42P01", "3F000", "42501").contains(e.getSQLState())) {
                return;
            }
            throw e;
        }
        if (row != null && !row.here().equals(row.authoritative())) {
            throw ModuleMigrationRefusedException.movedAway(module, url, row.here(), row.authoritative(), row.epoch());
        }
    }

    /** Migrations to run while a move's replication runs would change one copy and not the other: refused. */
    private void refuseIfMoving(Flyway flyway) {
        MigrationInfo[] pending = flyway.info().pending();
        if (pending.length == 0) {
            return;
        }
        List<String> replication = MoveReplication.of(dataSource, module);
        if (!replication.isEmpty()) {
            List<String> names = Arrays.stream(pending)
                    .map(m -> (m.getVersion() == null ? "R" : "V" + m.getVersion()) + " (" + m.getDescription() + ")")
                    .toList();
            throw ModuleMigrationRefusedException.duringMove(module, url, names, replication);
        }
    }

    /** The runtime role gets the rows of the schema's tables, and nothing on its migration history. */
    private void grantRows(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            String schema = statement.enquoteIdentifier(module, true);
            String role = statement.enquoteIdentifier(runtimeRole, true);
            statement.execute("grant usage on schema " + schema + " to " + role);
            statement.execute("grant select, insert, update, delete on all tables in schema " + schema + " to " + role);
            statement.execute("revoke all on table " + schema + ".flyway_schema_history from " + role);
        }
    }

    private boolean isEmpty(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select count(*) from " + seedTable)) {
            result.next();
            return result.getLong(1) == 0;
        }
    }

    private boolean isInMemory() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            String url = connection.getMetaData().getURL().toLowerCase(Locale.ROOT);
            return url.startsWith("jdbc:h2:mem:");
        }
    }
}

package dev.forum.datamove;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The module's schema on each side: its data tables, its migration history and its sequences.
 *
 * <p>The target's tables are made by the module's own Flyway migrations, run as the module's owner role, up to the
 * version the source has reached, rather than by copying the source's DDL: the target then has the history table
 * Flyway itself wrote (the module's process, started on the target with the owner's credentials, finds nothing to
 * do), the tables are owned by the owner role as on the source, and no {@code pg_dump} of the server's version is
 * needed where the move runs. The history is compared row by row (version, checksum) with the source's, so a source
 * migrated by other scripts than the ones given is refused. The history table is never published.
 */
final class TargetSchema {

    static final String HISTORY = "flyway_schema_history";

    private TargetSchema() {
    }

    /** The module's data tables (every table of its schema but the migration history), sorted by name. */
    static List<String> dataTables(Connection connection, String module) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                select c.relname, exists (select 1 from pg_index i where i.indrelid = c.oid and i.indisprimary)
                       or c.relreplident in ('f', 'i')
                from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = ? and c.relkind in ('r', 'p') and c.relname <> ? order by 1""")) {
            query.setString(1, module);
            query.setString(2, HISTORY);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    if (!result.getBoolean(2)) {
                        throw new MoveException("table " + module + "." + result.getString(1) + " has no primary key:"
                                + " logical replication needs one to apply updates and deletes (add one in a migration)");
                    }
                    tables.add(result.getString(1));
                }
            }
        }
        return tables;
    }

    /**
     * The schemas of a database that hold a migration history ({@value #HISTORY}), sorted by name: the modules migrated
     * there, since a module's schema bears its name.
     */
    static List<String> migratedSchemas(Connection connection) throws SQLException {
        List<String> schemas = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                select n.nspname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where c.relname = ? and c.relkind in ('r', 'p') order by 1""")) {
            query.setString(1, HISTORY);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    schemas.add(result.getString(1));
                }
            }
        }
        return schemas;
    }

    /** The applied migrations of the module's history, version to checksum, in order; empty if there is none. */
    static Map<String, Integer> history(Connection connection, String module) throws SQLException {
        Map<String, Integer> history = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement("select to_regclass(?) is not null")) {
            query.setString(1, Placement.ident(module) + "." + HISTORY);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                if (!result.getBoolean(1)) {
                    return history;
                }
            }
        }
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select version, checksum from " + Placement.ident(module) + "."
                        + HISTORY + " where success and version is not null order by installed_rank")) {
            while (result.next()) {
                history.put(result.getString(1), result.getObject(2) == null ? null : result.getInt(2));
            }
        }
        return history;
    }

    /**
     * Migrates the target's schema as the owner role to the source's last version and grants the runtime role the
     * tables' rows (not the history), as the module's process does. Flyway's own log is its warnings and errors only
     * ({@link FlywayWarnings}): the returned words say what it did.
     *
     * @return what the migration did, for the move's log: {@code "to version 2 (2 migrations run)"}, or
     *         {@code "at version 2 already"} when a run before this one migrated it
     * @throws PasswordRefusedException when the target refuses the owner role's password
     * @throws MoveException when the source has no migration history, the migrations fail, or the histories differ
     */
    static String migrate(Endpoint target, MoveSettings settings, Map<String, Integer> sourceHistory,
            Connection targetAdmin) throws SQLException {
        if (sourceHistory.isEmpty()) {
            throw new MoveException("the source has no migration history in schema " + settings.module()
                    + ": start the module on it once so its migrations run, then move it");
        }
        String version = new ArrayList<>(sourceHistory.keySet()).getLast();
        MigrateResult result;
        try {
            result = Flyway.configure()
                    .loggers(FlywayWarnings.class.getName())
                    .dataSource(target.jdbcUrl(), settings.ownerRole(), settings.ownerPassword())
                    .schemas(settings.module())
                    .createSchemas(false)
                    .table(HISTORY)
                    .locations(settings.migrations())
                    .failOnMissingLocations(true)
                    .target(version)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            if (PasswordRefusedException.isRefusal(e)) {
                throw new PasswordRefusedException("migrating schema " + settings.module() + " on " + target.describe()
                        + " failed: the server refused the password of the module's owner role " + settings.ownerRole(),
                        target.label(), PasswordRefusedException.Role.OWNER, e);
            }
            throw new MoveException("migrating schema " + settings.module() + " on " + target.describe() + " as "
                    + settings.ownerRole() + " failed: " + e.getMessage().lines().findFirst().orElse("").strip(), e);
        }
        Map<String, Integer> targetHistory = history(targetAdmin, settings.module());
        if (!targetHistory.equals(sourceHistory)) {
            throw new MoveException("the migration history of " + settings.module() + " differs: source " + sourceHistory
                    + ", target " + targetHistory + "; give the migrations the source was built with (" + settings.migrations()
                    + ") and run no migration during a move");
        }
        if (settings.runtimeRole() != null) {
            try (Statement statement = targetAdmin.createStatement()) {
                statement.execute("set role " + Placement.ident(settings.ownerRole()));
                String schema = Placement.ident(settings.module());
                String role = Placement.ident(settings.runtimeRole());
                statement.execute("grant usage on schema " + schema + " to " + role);
                statement.execute("grant select, insert, update, delete on all tables in schema " + schema + " to " + role);
                statement.execute("revoke all on table " + schema + "." + HISTORY + " from " + role);
                statement.execute("reset role");
            }
        }
        return result.migrationsExecuted == 0 ? "at version " + version + " already"
                : "to version " + version + " (" + result.migrationsExecuted + " migration"
                        + (result.migrationsExecuted == 1 ? "" : "s") + " run)";
    }

    /** Empties the module's data tables without firing the write guard (the side is not authoritative). */
    static void truncate(Connection connection, String module, List<String> tables) throws SQLException {
        if (tables.isEmpty()) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("set session_replication_role = replica");
            try {
                statement.execute("truncate " + String.join(", ", tables.stream()
                        .map(table -> Placement.ident(module) + "." + Placement.ident(table)).toList()));
            } finally {
                statement.execute("set session_replication_role = origin");
            }
        }
    }

    /**
     * The module's sequences and the highest value each has handed out, read from the sequence itself
     * ({@code last_value}, {@code is_called}): {@code last_value} once a value was taken, {@code last_value - 1} before
     * (a new sequence, or one set with {@code restart with N} or {@code setval(..., N, false)}, whose next value is N).
     * {@code pg_sequences.last_value} would say null for the latter, though N - 1 values may be taken already (rows
     * inserted with explicit ids, then the sequence restarted past them, as the forum's sample data does).
     */
    static Map<String, Long> sequences(Connection connection, String module) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "select sequencename from pg_sequences where schemaname = ? order by 1")) {
            query.setString(1, module);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    names.add(result.getString(1));
                }
            }
        }
        Map<String, Long> sequences = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement()) {
            for (String name : names) {
                try (ResultSet result = statement.executeQuery("select last_value, is_called from "
                        + Placement.ident(module) + "." + Placement.ident(name))) {
                    result.next();
                    sequences.put(name, result.getBoolean(2) ? result.getLong(1) : result.getLong(1) - 1);
                }
            }
        }
        return sequences;
    }

    /**
     * Sets each of the target's sequences past the source's value plus {@code margin}, never lowering one.
     *
     * @return sequence name to the value it now has, for the log
     */
    static Map<String, Long> advanceSequences(Connection source, Connection target, String module, long margin)
            throws SQLException {
        Map<String, Long> targetValues = sequences(target, module);
        Map<String, Long> advanced = new LinkedHashMap<>();
        for (Map.Entry<String, Long> entry : sequences(source, module).entrySet()) {
            if (!targetValues.containsKey(entry.getKey())) {
                continue;
            }
            long wanted = Math.max(entry.getValue() + margin, targetValues.get(entry.getKey()));
            if (wanted < 1) {
                continue; // nothing handed out on either side and no margin: the target's sequence starts as it is
            }
            try (PreparedStatement setval = target.prepareStatement("select setval(?::regclass, ?, true)")) {
                setval.setString(1, Placement.ident(module) + "." + Placement.ident(entry.getKey()));
                setval.setLong(2, wanted);
                setval.executeQuery().close();
            }
            advanced.put(entry.getKey(), wanted);
        }
        return advanced;
    }
}

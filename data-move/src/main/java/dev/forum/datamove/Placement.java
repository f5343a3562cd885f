package dev.forum.datamove;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The control table both databases of a move carry, and the write guard that makes its word law.
 *
 * <pre>
 * forum_move.placement(
 *   module        text primary key,   -- the module (= its schema)
 *   here          text not null,      -- the label of the database holding this row
 *   authoritative text not null,      -- the label of the database that takes the module's writes
 *   epoch         bigint not null,    -- +1 at every switch; of two rows that disagree, the higher epoch is right
 *   paused_until  timestamptz,        -- set before a switch: writes are about to be held until then at most
 *   changed_at    timestamptz not null)
 * </pre>
 *
 * <p>Every data table of the module gets a statement-level trigger ({@code forum_move_guard}, before insert, update,
 * delete and truncate) that reads its database's row {@code for share} and refuses the statement with SQLSTATE
 * {@code 25006} (read_only_sql_transaction) unless {@code here = authoritative}. Logical replication's apply workers
 * run with {@code session_replication_role = replica}, where such triggers do not fire, so replicated changes land
 * and local ones do not: at any time at most one database accepts the module's writes. The share lock makes the
 * switch a barrier: the switch's update of the row waits for every writing transaction in flight and holds every
 * new one until it commits, and a waiting writer then sees the new row (in read committed it re-reads it; in
 * repeatable read it fails with a serialization error). Reads are never held.
 *
 * <p>Processes learn of a switch by reading their database's row ({@code select authoritative, epoch,
 * paused_until from forum_move.placement where module = ?}); the module's runtime and owner roles may read it.
 */
final class Placement {

    /** The SQLSTATE of a write refused by the guard: read_only_sql_transaction. */
    static final String REFUSED_WRITE = "25006";

    /** One database's row. */
    record Row(String here, String authoritative, long epoch) {
        boolean authoritativeHere() {
            return here.equals(authoritative);
        }
    }

    private Placement() {
    }

    /**
     * Creates the control schema, table and guard function if missing (as the administrator), the module's row if
     * missing, lets the module's roles read it, and puts the guard on every data table of the module.
     *
     * @param initialAuthority label of the authoritative database, used only when this database has no row yet
     */
    static void install(Connection connection, Endpoint here, String module, List<String> tables, List<String> readers,
            String initialAuthority) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    create schema if not exists forum_move;
                    create table if not exists forum_move.placement (
                        module        text primary key,
                        here          text not null,
                        authoritative text not null,
                        epoch         bigint not null,
                        paused_until  timestamptz,
                        changed_at    timestamptz not null default now());
                    create or replace function forum_move.guard() returns trigger
                        language plpgsql security definer set search_path = pg_catalog as $guard$
                    declare
                        placement_row forum_move.placement;
                    begin
                        select * into placement_row from forum_move.placement where module = tg_table_schema for share;
                        if found and placement_row.here <> placement_row.authoritative then
                            raise exception 'module % is read-only in database %: database % holds it (epoch %)',
                                tg_table_schema, placement_row.here, placement_row.authoritative, placement_row.epoch
                                using errcode = 'read_only_sql_transaction',
                                      hint = 'write to the database named in forum_move.placement';
                        end if;
                        return null;
                    end
                    $guard$;
                    revoke all on function forum_move.guard() from public;
                    """);
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into forum_move.placement (module, here, authoritative, epoch) values (?, ?, ?, 0)
                on conflict (module) do nothing""")) {
            insert.setString(1, module);
            insert.setString(2, here.label());
            insert.setString(3, initialAuthority);
            insert.executeUpdate();
        }
        try (Statement statement = connection.createStatement()) {
            for (String reader : readers) {
                statement.execute("grant usage on schema forum_move to " + ident(reader)
                        + "; grant select on forum_move.placement to " + ident(reader));
            }
        }
        for (String table : tables) {
            String qualified = ident(module) + "." + ident(table);
            try (PreparedStatement query = connection.prepareStatement(
                    "select 1 from pg_trigger where tgname = 'forum_move_guard' and tgrelid = ?::regclass")) {
                query.setString(1, qualified);
                try (ResultSet result = query.executeQuery()) {
                    if (result.next()) {
                        continue;
                    }
                }
            }
            // Created only where missing: creating takes a lock that holds the table's writes for a moment.
            try (Statement statement = connection.createStatement()) {
                statement.execute("create trigger forum_move_guard before insert or update or delete or truncate on "
                        + qualified + " for each statement execute function forum_move.guard()");
            }
        }
    }

    /**
     * Who is authoritative: the row with the higher epoch (equal epochs must agree); no row anywhere means the
     * source, at epoch 0.
     *
     * @throws MoveException when a row's {@code here} is not its endpoint's label, two rows of one epoch disagree, or
     *                       the authoritative database is neither of the two
     */
    static Row authority(Row onSource, Endpoint source, Row onTarget, Endpoint target, String module) {
        checkHere(onSource, source);
        checkHere(onTarget, target);
        Row winner;
        if (onSource == null && onTarget == null) {
            winner = new Row(source.label(), source.label(), 0);
        } else if (onSource == null || onTarget == null) {
            winner = onSource == null ? onTarget : onSource;
        } else if (onSource.epoch() == onTarget.epoch() && !onSource.authoritative().equals(onTarget.authoritative())) {
            throw new MoveException("both databases claim epoch " + onSource.epoch() + " of " + module + " but name "
                    + onSource.authoritative() + " and " + onTarget.authoritative() + ": fix forum_move.placement by hand");
        } else {
            winner = onSource.epoch() >= onTarget.epoch() ? onSource : onTarget;
        }
        if (!winner.authoritative().equals(source.label()) && !winner.authoritative().equals(target.label())) {
            throw new MoveException("module " + module + " is held by database " + winner.authoritative() + ", neither "
                    + source.label() + " nor " + target.label() + ": move it from there");
        }
        return winner;
    }

    private static void checkHere(Row row, Endpoint endpoint) {
        if (row != null && !row.here().equals(endpoint.label())) {
            throw new MoveException(endpoint.describe() + " calls itself '" + row.here() + "' in forum_move.placement, not '"
                    + endpoint.label() + "': give it its own label");
        }
    }

    /**
     * The module's owner and runtime roles ({@link MoveSettings#ownerRole}, {@link MoveSettings#runtimeRole}) that
     * exist on this server: the {@code readers} {@link #install} lets read the placement row.
     */
    static List<String> readers(Connection connection, MoveSettings settings) throws SQLException {
        List<String> roles = new ArrayList<>();
        for (String role : new String[] {settings.ownerRole(), settings.runtimeRole()}) {
            if (role == null) {
                continue;
            }
            try (PreparedStatement query = connection.prepareStatement("select 1 from pg_roles where rolname = ?")) {
                query.setString(1, role);
                try (ResultSet result = query.executeQuery()) {
                    if (result.next()) {
                        roles.add(role);
                    }
                }
            }
        }
        return roles;
    }

    /** This database's row, or null when it has none (no move ever touched it). */
    static Row read(Connection connection, String module) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                select here, authoritative, epoch from forum_move.placement where module = ?
                """)) {
            query.setString(1, module);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? new Row(rows.getString(1), rows.getString(2), rows.getLong(3)) : null;
            }
        } catch (SQLException e) {
            if (noPlacementTable(connection, e)) {
                return null;
            }
            throw e;
        }
    }

    /**
     * Every placement row this database holds, by module, sorted by name: the modules a move has touched here.
     *
     * @return module to row; empty when the database has no placement table (no move ever touched it)
     */
    static SortedMap<String, Row> rows(Connection connection) throws SQLException {
        SortedMap<String, Row> rows = new TreeMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "select module, here, authoritative, epoch from forum_move.placement");
                ResultSet result = query.executeQuery()) {
            while (result.next()) {
                rows.put(result.getString(1), new Row(result.getString(2), result.getString(3), result.getLong(4)));
            }
        } catch (SQLException e) {
            if (noPlacementTable(connection, e)) {
                return rows;
            }
            throw e;
        }
        return rows;
    }

    /**
     * Whether a query of the placement table failed because this database has none: SQLSTATE {@code 42P01}
     * (undefined table) or {@code 3F000} (no schema {@code forum_move}), as in a database no move ever touched. Then
     * the caller's open transaction, which the failure aborted, is rolled back, so that the connection can go on.
     *
     * @param connection the connection the query ran on (in auto-commit or in a transaction)
     * @param failure    the query's failure
     * @return true when the table is missing (the caller answers as for no row); false for any other failure, which
     *         the caller rethrows
     * @throws SQLException when the rollback fails
     */
    static boolean noPlacementTable(Connection connection, SQLException failure) throws SQLException {
        if (!"42P01".equals(failure.getSQLState()) && !"3F000".equals(failure.getSQLState())) {
            return false;
        }
        if (!connection.getAutoCommit()) {
            connection.rollback();
        }
        return true;
    }

    /** Announces a pause: writes may be held for up to {@code bound} from now (committed at once). */
    static void announcePause(Connection connection, String module, Duration bound) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update forum_move.placement set paused_until = now() + ? * interval '1 millisecond' where module = ?")) {
            update.setLong(1, bound.toMillis());
            update.setString(2, module);
            update.executeUpdate();
        }
    }

    /**
     * Takes the write barrier: locks this database's row in the caller's open transaction. Every module write in
     * flight has committed when it returns, and new ones wait until the transaction ends.
     */
    static void holdWrites(Connection connection, String module, Duration bound) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("set local lock_timeout = " + Math.max(1, bound.toMillis()));
        }
        try (PreparedStatement lock = connection.prepareStatement(
                "select 1 from forum_move.placement where module = ? for no key update")) {
            lock.setString(1, module);
            lock.executeQuery().close();
        }
    }

    /** Names {@code authoritative} at {@code epoch} in this database's row and ends any announced pause. */
    static void name(Connection connection, String module, String authoritative, long epoch) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                update forum_move.placement set authoritative = ?, epoch = ?, paused_until = null, changed_at = now()
                where module = ?""")) {
            update.setString(1, authoritative);
            update.setLong(2, epoch);
            update.setString(3, module);
            if (update.executeUpdate() != 1) {
                throw new MoveException("the placement row of module " + module + " is missing");
            }
        }
    }

    /** Ends an announced pause without a switch (after a failed or abandoned switch). */
    static void clearPause(Connection connection, String module) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update forum_move.placement set paused_until = null where module = ?")) {
            update.setString(1, module);
            update.executeUpdate();
        }
    }

    static String ident(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}

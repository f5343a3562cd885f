package dev.forum.datamove;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * PostgreSQL logical replication of one module's move, the server and publication part: the checks a server must pass
 * and the publication on each side naming the module's data tables (never the migration history). The subscription on
 * the side that copies is {@link Subscriptions}', its slot on the side copied from {@link ReplicationSlots}'. In: a
 * connection to the server or database acted on, and the names; out: the object made, changed or dropped, or a
 * {@link MoveException} saying what to change. Every method is safe to call again. Names: publication
 * {@code forum_move_<module>}, subscription and slot {@code forum_move_<module>_<from>_to_<to>} (labels of
 * {@link Endpoint}).
 */
final class Replication {

    private Replication() {
    }

    /**
     * Checks that a server can take part: {@code wal_level = logical}, and free replication slots and WAL senders.
     *
     * @throws MoveException one line naming the server and the setting to change
     */
    static void checkServer(Connection connection, Endpoint server) throws SQLException {
        String walLevel = setting(connection, "wal_level");
        if (!"logical".equals(walLevel)) {
            throw new MoveException(server.describe() + " has wal_level=" + walLevel + ": set wal_level=logical and restart"
                    + " it (on RDS: rds.logical_replication=1 in its parameter group, then reboot)");
        }
        for (String limit : List.of("max_replication_slots", "max_wal_senders")) {
            if (Integer.parseInt(setting(connection, limit)) < 1) {
                throw new MoveException(server.describe() + " has " + limit + "=0: set it to 10 or more and restart it");
            }
        }
    }

    /**
     * The database the source's session is in, when the target's server is the source's own: it lists that session in
     * {@code pg_stat_activity} (by process id and start time, which every role may read). Two databases of one server
     * cannot be a move's pair: {@code CREATE SUBSCRIPTION} cannot make its slot on its own server (it waits for itself,
     * as PostgreSQL's documentation of the command says).
     *
     * @param s a connection to the source
     * @param t a connection to the target
     * @return the source session's database as the target's server names it; empty when they are two servers
     */
    static Optional<String> sourceDatabaseOnTargetServer(Connection s, Connection t) throws SQLException {
        int pid;
        Timestamp started;
        try (Statement statement = s.createStatement(); ResultSet result = statement.executeQuery(
                "select pid, backend_start from pg_stat_activity where pid = pg_backend_pid()")) {
            if (!result.next()) {
                return Optional.empty();
            }
            pid = result.getInt(1);
            started = result.getTimestamp(2);
        }
        try (PreparedStatement query = t.prepareStatement(
                "select datname from pg_stat_activity where pid = ? and backend_start = ?")) {
            query.setInt(1, pid);
            query.setTimestamp(2, started);
            try (ResultSet result = query.executeQuery()) {
                return result.next() ? Optional.ofNullable(result.getString(1)) : Optional.empty();
            }
        }
    }

    /** Creates the module's publication for {@code tables} if missing, or resets its table list. */
    static void publish(Connection connection, String publication, String module, List<String> tables) throws SQLException {
        List<String> qualified = tables.stream().map(table -> Placement.ident(module) + "." + Placement.ident(table)).toList();
        boolean exists = exists(connection, "select 1 from pg_publication where pubname = ?", publication);
        try (Statement statement = connection.createStatement()) {
            statement.execute((exists ? "alter publication " + Placement.ident(publication) + " set table "
                    : "create publication " + Placement.ident(publication) + " for table ") + String.join(", ", qualified));
        }
    }

    static void dropPublication(Connection connection, String publication) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("drop publication if exists " + Placement.ident(publication));
        }
    }

    /** Sleeps; an interrupt ends the move ({@link MoveException} "interrupted"), the thread still interrupted. */
    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MoveException("interrupted", e);
        }
    }

    private static String setting(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select current_setting(?)")) {
            query.setString(1, name);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getString(1);
            }
        }
    }

    /** Whether {@code sql}, given one text parameter, finds a row. */
    static boolean exists(Connection connection, String sql, String parameter) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet result = query.executeQuery()) {
                return result.next();
            }
        }
    }
}

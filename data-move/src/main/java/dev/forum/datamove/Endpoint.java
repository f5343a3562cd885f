package dev.forum.datamove;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * One side of a move: a PostgreSQL database and the administrator role the move uses there.
 *
 * <p>The role must be able to create publications and subscriptions and to act as the module's owner role: a
 * superuser, or on RDS the master user (member of {@code rds_superuser} and {@code rds_replication}, and of the owner
 * roles, which {@code deploy/postgres/module-roles.sql} grants it). The other side's subscription connects with the
 * same host, port, database, role and password, so {@code host} must be reachable from the other server, not only
 * from the process running the move.
 *
 * @param label    the database's name in the placement row: 1-12 lower-case letters, digits or {@code _}, starting
 *                 with a letter (e.g. {@code shared}, {@code posts_own}); part of replication object names
 * @param host     host name or address of the server, as both the move and the other server reach it
 * @param port     TCP port, 1-65535
 * @param database database name
 * @param user     administrator role
 * @param password its password (never printed)
 */
public record Endpoint(String label, String host, int port, String database, String user, String password) {

    private static final Pattern LABEL = Pattern.compile("[a-z][a-z0-9_]{0,11}");

    public Endpoint {
        if (label == null || !LABEL.matcher(label).matches()) {
            throw new MoveException("database label '" + label + "' is not valid: use 1-12 lower-case letters, digits or _,"
                    + " starting with a letter (e.g. shared, posts_own)");
        }
        if (port < 1 || port > 65535) {
            throw new MoveException(label + ": port " + port + " is not a TCP port (1-65535)");
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** For messages: label and address, no password. */
    public String describe() {
        return label + " (" + host + ":" + port + "/" + database + ")";
    }

    /**
     * The libpq connection string the other server's subscription uses to reach this one (RFC-less libpq
     * {@code key='value'} form, each value quoted with {@code \} and {@code '} escaped).
     */
    public String conninfo() {
        return "host=" + quote(host) + " port=" + port + " dbname=" + quote(database) + " user=" + quote(user)
                + " password=" + quote(password) + " application_name=" + quote("forum_move");
    }

    /**
     * A new connection as the administrator, in auto-commit, with the session settings that make row texts
     * comparable across servers (UTC, ISO dates, exact floats).
     *
     * @throws MoveException naming this endpoint when the server cannot be reached or refuses the role
     */
    public Connection connect() {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("ApplicationName", "forum-data-move");
        properties.setProperty("connectTimeout", "10");
        try {
            Connection connection = DriverManager.getConnection(jdbcUrl(), properties);
            try (Statement statement = connection.createStatement()) {
                statement.execute("set time zone 'UTC'; set datestyle = 'ISO, YMD'; set extra_float_digits = 3;"
                        + " set intervalstyle = 'postgres'; set statement_timeout = 0; set lock_timeout = 0");
            }
            return connection;
        } catch (SQLException e) {
            throw new MoveException("cannot connect to " + describe() + " as " + user + ": " + oneLine(e), e);
        }
    }

    private static String quote(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    static String oneLine(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message).strip();
    }
}

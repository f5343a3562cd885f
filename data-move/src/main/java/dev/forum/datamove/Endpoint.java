package dev.forum.datamove;

import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 *                 with a letter (e.g. {@code shared}, {@code posts_own}), without the word {@code to} between
 *                 {@code _} (as in {@code a_to_b}); part of replication object names
 *                 {@code forum_move_<module>_<from>_to_<to>}, which that keeps readable one way only
 * @param host     host name or address of the server, as both the move and the other server reach it
 * @param port     TCP port, 1-65535
 * @param database database name
 * <p>With {@code sslRootCert} (on RDS: the certificate authorities' bundle the images carry,
 * {@code /app/rds/global-bundle.pem}) the move's own connections use {@code sslmode=verify-full}: TLS, the server's
 * certificate signed by one of those authorities and naming {@code host}. The subscription the other server opens
 * to this one then asks for {@code sslmode=require}: TLS always, but the certificate is not verified, as that
 * server's libpq has no bundle of ours (RDS gives no way to place one). Without it the connections are as the
 * server allows (pgJDBC's and libpq's default, {@code prefer}): the tests' and the local stand-in's servers.
 *
 * @param user        administrator role
 * @param password    its password (never printed)
 * @param sslRootCert a PEM file of the certificate authorities to verify the server against, or null for a plain
 *                    connection; read when connecting
 */
public record Endpoint(String label, String host, int port, String database, String user, String password,
        String sslRootCert) {

    private static final Pattern LABEL = Pattern.compile("[a-z][a-z0-9_]{0,11}");
    /** The word {@code to} between {@code _} (or at an end): the separator of {@code <from>_to_<to>}. */
    private static final Pattern SEPARATOR = Pattern.compile("(^|_)to(_|$)");

    /**
     * @throws MoveException (one line) when the label is not a label (format, or the word {@code to} in it), the port
     *                       is not a TCP port, or the certificate file name is blank
     */
    public Endpoint {
        if (label == null || !LABEL.matcher(label).matches()) {
            throw new MoveException("database label '" + label + "' is not valid: use 1-12 lower-case letters, digits or _,"
                    + " starting with a letter (e.g. shared, posts_own)");
        }
        if (SEPARATOR.matcher(label).find()) {
            throw new MoveException("database label '" + label + "' is not valid: the word 'to' in it would make the move's"
                    + " names forum_move_<module>_<from>_to_<to> ambiguous; choose a label without it (e.g. shared, posts_own)");
        }
        if (port < 1 || port > 65535) {
            throw new MoveException(label + ": port " + port + " is not a TCP port (1-65535)");
        }
        if (sslRootCert != null && sslRootCert.isBlank()) {
            throw new MoveException(label + ": the certificate authorities' file is empty: give a PEM file or none");
        }
    }

    /** Whether {@code text} is a valid label (format, no word {@code to}). */
    static boolean isLabel(String text) {
        return LABEL.matcher(text).matches() && !SEPARATOR.matcher(text).find();
    }

    /** A plain connection, no certificate checked: a test's or the local stand-in's server. */
    public Endpoint(String label, String host, int port, String database, String user, String password) {
        this(label, host, port, database, user, password, null);
    }

    /** Whether the move's connections verify the server ({@code sslmode=verify-full}). */
    public boolean verifiesServer() {
        return sslRootCert != null;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** For messages: label and address, no password. */
    public String describe() {
        return label + " (" + host + ":" + port + "/" + database + (verifiesServer() ? ", TLS verified" : "") + ")";
    }

    /**
     * The libpq connection string the other server's subscription uses to reach this one (RFC-less libpq
     * {@code key='value'} form, each value quoted with {@code \} and {@code '} escaped).
     */
    public String conninfo() {
        return "host=" + quote(host) + " port=" + port + " dbname=" + quote(database) + " user=" + quote(user)
                + " password=" + quote(password) + " application_name=" + quote("forum_move")
                + (verifiesServer() ? " sslmode=" + quote("require") : "");
    }

    /**
     * A new connection as the administrator, in auto-commit, with the session settings that make row texts
     * comparable across servers (UTC, ISO dates, exact floats).
     *
     * @throws PasswordRefusedException naming this endpoint when the server refuses the role's password (or it is
     *                       another server, whose role has another)
     * @throws UnreachableException naming this endpoint when the server cannot be reached at all (refused, timed out,
     *                       a host name that does not resolve, a server starting or stopping)
     * @throws MoveException naming this endpoint when the server refuses the role, or (with
     *                       {@code sslRootCert}) the file cannot be read or the server's certificate is not one of its
     *                       authorities' for {@code host}
     */
    public Connection connect() {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("ApplicationName", "forum-data-move");
        properties.setProperty("connectTimeout", "10");
        if (verifiesServer()) {
            if (!Files.isReadable(Path.of(sslRootCert))) {
                throw new MoveException("cannot read the certificate authorities " + sslRootCert + " for " + describe()
                        + ": give --ssl-root-cert a readable PEM file (the images carry /app/rds/global-bundle.pem)");
            }
            properties.setProperty("sslmode", "verify-full");
            properties.setProperty("sslrootcert", sslRootCert);
        }
        try {
            Connection connection = DriverManager.getConnection(jdbcUrl(), properties);
            try (Statement statement = connection.createStatement()) {
                statement.execute("set time zone 'UTC'; set datestyle = 'ISO, YMD'; set extra_float_digits = 3;"
                        + " set intervalstyle = 'postgres'; set statement_timeout = 0; set lock_timeout = 0");
            }
            return connection;
        } catch (SQLException e) {
            if (PasswordRefusedException.isRefusal(e)) {
                throw new PasswordRefusedException("cannot connect to " + describe() + " as " + user + ": the server refused"
                        + " the password of " + user + " (or " + host + ":" + port + " is not " + label + "'s server)", label,
                        PasswordRefusedException.Role.ADMINISTRATOR, e);
            }
            String message = "cannot connect to " + describe() + " as " + user + ": " + reason(e);
            if ("08001".equals(e.getSQLState()) || "57P03".equals(e.getSQLState())) {
                throw new UnreachableException(message, label, e);
            }
            throw new MoveException(message, e);
        }
    }

    /**
     * Why a connection failed, in one line. The driver says only "The connection attempt failed." when the host name
     * does not resolve; the cause it wraps names the host, so that is said instead, with what to check.
     */
    private String reason(SQLException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof UnknownHostException) {
                return "the host name '" + host + "' does not resolve: check the host in " + label
                        + "@HOST:PORT/DATABASE and this machine's DNS";
            }
        }
        return oneLine(e);
    }

    /** {@link #describe()}: never the password. */
    @Override
    public String toString() {
        return describe();
    }

    private static String quote(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    static String oneLine(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message).strip();
    }
}

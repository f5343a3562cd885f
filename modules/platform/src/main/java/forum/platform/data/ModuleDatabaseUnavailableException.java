package forum.platform.data;

import java.sql.SQLException;
import java.util.Locale;

/**
 * A local module could not open or prepare its database at start-up. Its message is one line that names the
 * module, the JDBC URL, the role and what to fix, read from the database's own SQLSTATE (PostgreSQL, appendix A
 * of its manual): a wrong password (28P01, 28000), a database that does not exist (3D000), a role without the
 * right to create the module's schema (42501), or nothing answering at the URL (08xxx).
 */
public class ModuleDatabaseUnavailableException extends RuntimeException {

    private final String fix;

    ModuleDatabaseUnavailableException(String module, String url, String role, Throwable failure) {
        super(describe(module, url, role, failure), failure);
        this.fix = fix(module, url, role, sqlState(failure));
    }

    /** What to change, in one line: the settings to set or the command that creates what is missing. */
    public String fix() {
        return fix;
    }

    private static String describe(String module, String url, String role, Throwable failure) {
        String reason = switch (category(sqlState(failure))) {
            case "password" -> "the database refused the role's password";
            case "database" -> "the database named in the URL does not exist";
            case "privilege" -> "the role may not create or use the schema '" + module + "'";
            case "connection" -> "nothing answers at that address";
            default -> firstLine(rootMessage(failure));
        };
        return "The " + module + " module cannot open its database " + url + " as role '" + role + "': " + reason;
    }

    private static String fix(String module, String url, String role, String sqlState) {
        String settings = "forum.datasource." + module + ".* (FORUM_DATASOURCE_" + module.replace("-", "").toUpperCase(Locale.ROOT)
                + "_URL, _USERNAME, _PASSWORD) or spring.datasource.* (SPRING_DATASOURCE_URL, ...)";
        String database = url.replaceFirst("^.*/", "").replaceFirst("\\?.*$", "");
        return switch (category(sqlState)) {
            case "password" -> "Set the role's password in " + settings + ", or create the role: "
                    + "sudo -u postgres psql -c \"create role " + role + " login password '...'\"";
            case "database" -> "Create it (sudo -u postgres createdb -O " + role + " " + database + ") or fix the URL in "
                    + settings;
            case "privilege" -> "Let the role create the schema (sudo -u postgres psql -d " + database + " -c \"grant create on"
                    + " database " + database + " to " + role + "\"), or create the schema owned by the role first";
            case "connection" -> "Start the database server, or fix the URL in " + settings;
            default -> "Check the module's database settings in " + settings;
        };
    }

    private static String category(String sqlState) {
        if (sqlState == null) {
            return "";
        }
        if (sqlState.equals("28P01") || sqlState.equals("28000")) {
            return "password";
        }
        if (sqlState.equals("3D000")) {
            return "database";
        }
        if (sqlState.equals("42501")) {
            return "privilege";
        }
        return sqlState.startsWith("08") ? "connection" : "";
    }

    private static String sqlState(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).strip();
    }
}

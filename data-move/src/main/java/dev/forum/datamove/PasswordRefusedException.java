package dev.forum.datamove;

import java.sql.SQLException;

/**
 * A server refused a role's password (SQLSTATE {@code 28P01}, {@code invalid_password}): a failure whose fix is in
 * the caller's settings, so it says which password it was, for the caller to name where that came from (the command
 * line: its environment variable). The message is one line, as every {@link MoveException}'s; nothing was changed by
 * the connection that failed.
 */
public final class PasswordRefusedException extends MoveException {

    private static final long serialVersionUID = 1L;

    /** Whose password the server refused: the side's administrator role, or the module's owner role. */
    public enum Role { ADMINISTRATOR, OWNER }

    private final String server;
    private final Role role;

    PasswordRefusedException(String message, String server, Role role, Throwable cause) {
        super(message, cause);
        this.server = server;
        this.role = role;
    }

    /** @return the label of the database whose server refused it ({@link Endpoint#label()}) */
    public String server() {
        return server;
    }

    /** @return whose password it was */
    public Role role() {
        return role;
    }

    /** Whether {@code failure} or one of its causes is a server's refusal of a password (SQLSTATE 28P01). */
    static boolean isRefusal(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "28P01".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}

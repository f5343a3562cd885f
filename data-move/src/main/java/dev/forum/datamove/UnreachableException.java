package dev.forum.datamove;

/**
 * A server that could not be reached at all ({@link Endpoint#connect}): the connection was refused or timed out, the
 * host name does not resolve (SQLSTATE {@code 08001}), or the server is starting up or shutting down
 * ({@code 57P03}). Not a refused password ({@link PasswordRefusedException}) or certificate: those servers answered.
 * {@code status} then shows the other side, and {@code abort} acts on the source alone when its target is the one
 * ({@link MoveAbort}). The message is one line, as every {@link MoveException}'s.
 */
public final class UnreachableException extends MoveException {

    private static final long serialVersionUID = 1L;

    private final String server;

    UnreachableException(String message, String server, Throwable cause) {
        super(message, cause);
        this.server = server;
    }

    /** @return the label of the database that could not be reached ({@link Endpoint#label()}) */
    public String server() {
        return server;
    }
}

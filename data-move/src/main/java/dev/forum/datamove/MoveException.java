package dev.forum.datamove;

/**
 * A move step that cannot go on. The message is one line that names the server or object at fault and what to fix;
 * the move can be run again once it is fixed (every step is safe to repeat).
 */
public class MoveException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MoveException(String message) {
        super(message);
    }

    public MoveException(String message, Throwable cause) {
        super(message, cause);
    }
}

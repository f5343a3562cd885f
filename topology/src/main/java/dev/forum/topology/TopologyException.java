package dev.forum.topology;

/** A topology that cannot be used; the message is one line that says where and what to fix. */
public final class TopologyException extends RuntimeException {

    public TopologyException(String message) {
        super(message);
    }
}

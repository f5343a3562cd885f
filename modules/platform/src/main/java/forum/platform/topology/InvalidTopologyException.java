package forum.platform.topology;

/** The topology settings contradict each other or the class path; the message says what to fix. */
public class InvalidTopologyException extends RuntimeException {

    public InvalidTopologyException(String message) {
        super(message);
    }
}

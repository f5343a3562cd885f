package forum.platform.remote;

/** The remote module did not answer within {@code forum.topology.read-timeout} (answered 504). */
public class RemoteModuleTimeoutException extends RemoteModuleException {

    public RemoteModuleTimeoutException(String module, Throwable cause) {
        super(module, "The " + module + " module did not answer in time", cause);
    }
}

package dev.forum.extraction.runtime.remote;

/** The remote module did not answer within {@code forum.topology.read-timeout} (answered 504). */
public class RemoteModuleTimeoutException extends RemoteModuleException {

    private static final long serialVersionUID = 1L;

    public RemoteModuleTimeoutException(String module, Throwable cause) {
        super(module, "The " + module + " module did not answer in time", cause);
    }
}

package dev.forum.extraction.runtime.remote;

/** The remote module refused the connection, answered 503, or its circuit breaker is open (answered 503). */
public class RemoteModuleUnavailableException extends RemoteModuleException {

    private static final long serialVersionUID = 1L;

    public RemoteModuleUnavailableException(String module, String reason, Throwable cause) {
        super(module, "The " + module + " module is unavailable: " + reason, cause);
    }
}

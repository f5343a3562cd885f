package dev.forum.extraction.runtime.remote;

/**
 * A module in another process failed in a way that is not a domain outcome (answered 502). Its subtypes
 * say it could not be reached (503) or did not answer in time (504).
 */
public class RemoteModuleException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String module;

    public RemoteModuleException(String module, String message, Throwable cause) {
        super(message, cause);
        this.module = module;
    }

    public String module() {
        return module;
    }
}

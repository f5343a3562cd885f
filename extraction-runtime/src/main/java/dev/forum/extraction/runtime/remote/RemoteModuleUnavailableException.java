package dev.forum.extraction.runtime.remote;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The remote module refused the connection, answered 503, or its circuit breaker is open (answered 503). */
@ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
public class RemoteModuleUnavailableException extends RemoteModuleException {

    private static final long serialVersionUID = 1L;

    public RemoteModuleUnavailableException(String module, String reason, Throwable cause) {
        super(module, "The " + module + " module is unavailable: " + reason, cause);
    }
}

package dev.forum.extraction.runtime.remote;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The remote module did not answer within {@code forum.topology.read-timeout} (answered 504). */
@ResponseStatus(HttpStatus.GATEWAY_TIMEOUT)
public class RemoteModuleTimeoutException extends RemoteModuleException {

    private static final long serialVersionUID = 1L;

    public RemoteModuleTimeoutException(String module, Throwable cause) {
        super(module, "The " + module + " module did not answer in time", cause);
    }
}

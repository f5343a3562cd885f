package dev.forum.extraction.runtime.remote;

import java.net.SocketTimeoutException;
import org.springframework.http.HttpStatus;

/**
 * The remote module did not answer within {@code extraction.topology.read-timeout}, or what stands in front of it answered
 * 504 (its own wait for something further on ran out). Answered 504.
 */
public class RemoteModuleTimeoutException extends RemoteModuleException {

    private static final long serialVersionUID = 1L;

    public RemoteModuleTimeoutException(String module, Throwable cause) {
        super(module, "The " + module + " module did not answer in time", cause, HttpStatus.GATEWAY_TIMEOUT);
    }

    /**
     * @return true when the call itself ran out of time waiting for an answer's head (its cause is the HTTP client's
     *         {@link SocketTimeoutException}, as {@code RemoteCallInterceptor} passes it); false for a 504 answer or a
     *         body that stalled after the answer began (its cause is then Spring's {@code RestClientException})
     */
    public boolean unanswered() {
        return getCause() instanceof SocketTimeoutException;
    }
}

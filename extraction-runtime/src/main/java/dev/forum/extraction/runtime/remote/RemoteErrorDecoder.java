package dev.forum.extraction.runtime.remote;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;

/**
 * Turns a remote module's 4xx answer back into what the module would have thrown in process (a domain outcome of the
 * application's own, say "not found" from a problem document's {@code type}). Every bean of this type is asked, in
 * order; one that recognises the answer throws, one that does not returns. If none throws, the caller gets the
 * module's answer relayed ({@link RemoteErrorResponseException}: a 404 stays a 404; a 403 to a call that carried the
 * caller's own credentials stays a 403) when it is about the request, or a {@link RemoteModuleException} (502) naming
 * the module, the route and the status when it is about the call between the two processes (any 401, a 403 to a call
 * with this process's own credentials, a 405: see
 * {@link RemoteErrorResponseException}). 5xx answers never
 * get here: they count against the module's circuit breaker and become {@link RemoteModuleUnavailableException} or
 * {@link RemoteModuleTimeoutException}.
 */
@FunctionalInterface
public interface RemoteErrorDecoder {

    /**
     * @param module  the remote module that answered
     * @param request the call
     * @param status  the answer's status, 400 to 499
     * @param headers the answer's headers
     * @param body    the answer's body (empty when it had none)
     */
    void decode(String module, HttpRequest request, int status, HttpHeaders headers, byte[] body);
}

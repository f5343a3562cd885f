package dev.forum.extraction.runtime.remote;

import org.springframework.http.HttpHeaders;

/**
 * Adds headers to every call to a remote module: the application's way to relay what the caller's own request
 * carried, such as its {@code Authorization} bearer token or a request id. Every bean of this type is asked, in
 * order, on the thread that makes the call (so request-scoped state is at hand). A call whose {@code Authorization}
 * is then the served request's own carries the caller's credentials: the module's 403 to it is relayed to the caller
 * as the module answered it ({@link RemoteErrorResponseException}), not made a 502. Its 401 to it stays a 502
 * ({@link RemoteModuleException}) naming the module, without the module's {@code WWW-Authenticate}: this process had
 * accepted those credentials, so the two processes disagree about them (issuer, audience, keys, clock), which is no
 * fault of the caller's.
 */
@FunctionalInterface
public interface RemoteCallHeaders {

    /**
     * @param module  the remote module called
     * @param headers the call's headers, to add to
     */
    void contribute(String module, HttpHeaders headers);
}

package dev.forum.extraction.runtime.remote;

import java.net.SocketTimeoutException;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * The remote module did not answer within {@code extraction.topology.read-timeout}, or what stands in front of it answered
 * 504 (its own wait for something further on ran out). Answered 504. The module may still have carried the request out
 * (a module answering late is usually working on it): for a method that is not idempotent (RFC 9110, section 9.2.2:
 * POST, PATCH, or one not known) the message, and with it the problem's detail, says that the outcome is unknown and
 * that a retry may carry it out again ({@link #outcomeUnknown()}); for GET, HEAD, OPTIONS, TRACE, PUT and DELETE, whose
 * repetition changes nothing more, it says only that the module did not answer in time.
 */
public class RemoteModuleTimeoutException extends RemoteModuleException {

    private static final long serialVersionUID = 1L;

    /** The methods of RFC 9110 section 9.2.2 whose repetition has the effect of one request. */
    private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.TRACE, HttpMethod.PUT, HttpMethod.DELETE);

    private final HttpMethod method;

    /**
     * @param module the module's name, as in the topology
     * @param method the HTTP method of the call that got no answer in time; null when not known, taken as not idempotent
     * @param cause  what the HTTP client threw, or null for a 504 answer
     */
    public RemoteModuleTimeoutException(String module, HttpMethod method, Throwable cause) {
        super(module, message(module, method), message(module, method), cause, HttpStatus.GATEWAY_TIMEOUT);
        this.method = method;
    }

    /**
     * A call whose HTTP method is not known: taken as not idempotent, so the message and the problem's detail say that
     * the outcome is unknown. The same as {@code RemoteModuleTimeoutException(module, null, cause)}.
     *
     * @param module the module's name, as in the topology
     * @param cause  what the HTTP client threw, or null for a 504 answer
     */
    public RemoteModuleTimeoutException(String module, Throwable cause) {
        this(module, null, cause);
    }

    private static String message(String module, HttpMethod method) {
        String late = "The " + module + " module did not answer in time";
        if (method != null && IDEMPOTENT.contains(method)) {
            return late;
        }
        return late + "; the outcome is unknown: the module may have carried out the "
                + (method == null ? "request" : method.name() + " request") + " it was sent, and a retry may carry it out again";
    }

    /** @return the HTTP method of the call, or null when not known */
    public HttpMethod method() {
        return method;
    }

    /**
     * @return true when the call's method is not idempotent (POST, PATCH, another, or not known): the remote module may
     *         have done what it was asked, and doing the request again may do it twice
     */
    public boolean outcomeUnknown() {
        return method == null || !IDEMPOTENT.contains(method);
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

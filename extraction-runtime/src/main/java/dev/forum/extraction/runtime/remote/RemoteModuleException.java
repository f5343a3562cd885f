package dev.forum.extraction.runtime.remote;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;

/**
 * A module in another process failed in a way that is not a domain outcome (answered 502). Its subtypes
 * say it could not be reached (503, with {@code Retry-After}) or did not answer in time (504). Each is Spring's
 * {@link ErrorResponse} (status, header fields, a problem document), so a Spring MVC application with no handler of its
 * own answers the status, the header fields and the problem document (the library's
 * {@code web.RemoteErrorResponseAdvice}); an application that maps its exceptions to problem details (as the forum
 * does) handles them first. Two texts: the message says all that is known (the route, the status the module answered,
 * what the HTTP client reported), for the log; the problem's {@link #detail()} is fixed per status and names only the
 * module (for a 504 of a POST or PATCH, also that the outcome is unknown), for the clients of this process, who must
 * not read this process's routes, hosts or class names. A 4xx answer that no {@link RemoteErrorDecoder} turns back
 * into the application's own exception is one of these (502) when it is about the call between the two processes, not
 * about the request ({@link RemoteErrorResponseException}).
 */
public class RemoteModuleException extends RuntimeException implements ErrorResponse {

    private static final long serialVersionUID = 1L;

    private final String module;
    private final HttpStatus status;
    private final String detail;

    /**
     * A 502 failure, whose problem's detail is {@code The <module> module failed}.
     *
     * @param module the module's name, as in the topology
     * @param message what failed, for the log (routes, statuses and the HTTP client's words may go here: it is not
     *     the problem's detail)
     * @param cause what the HTTP client threw, or null
     */
    public RemoteModuleException(String module, String message, Throwable cause) {
        this(module, message, "The " + module + " module failed", cause, HttpStatus.BAD_GATEWAY);
    }

    RemoteModuleException(String module, String message, String detail, Throwable cause, HttpStatus status) {
        super(message, cause);
        this.module = module;
        this.status = status;
        this.detail = detail;
    }

    /** @return the module's name, as in the topology */
    public String module() {
        return module;
    }

    /** @return 502, 503 or 504, as the class says */
    @Override
    public HttpStatusCode getStatusCode() {
        return status;
    }

    /**
     * @return what a client of this process may read: fixed per status, naming the module ({@code The inventory module
     *     failed}, {@code ... is unavailable}, {@code ... did not answer in time} and, for a POST or PATCH, that the
     *     outcome is unknown), never the message's route, status or cause
     */
    public String detail() {
        return detail;
    }

    /** @return a problem document of {@link #getStatusCode()} with {@link #detail()}, made anew each call */
    @Override
    public ProblemDetail getBody() {
        return ProblemDetail.forStatusAndDetail(status, detail);
    }
}

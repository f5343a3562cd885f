package dev.forum.extraction.runtime.remote;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A module in another process failed in a way that is not a domain outcome (answered 502). Its subtypes
 * say it could not be reached (503, with {@code Retry-After}) or did not answer in time (504). Each is Spring's
 * {@link ErrorResponseException} (status, header fields, a problem document), as the module's relayed answers
 * ({@link RemoteErrorResponseException}) are, so the whole family is answered alike: a Spring MVC application with no
 * handler of its own answers the status, the header fields and the problem document (the library's
 * {@code web.RemoteErrorResponseAdvice}); an advice that extends Spring's {@code ResponseEntityExceptionHandler} (the
 * application's, or Spring Boot's under {@code spring.mvc.problemdetails.enabled}) answers the same, ahead of a
 * catch-all handler of {@code Exception} in that advice (a handler of this class in that advice comes before both); an
 * application that maps its exceptions to problem details with a handler of this class (as the forum does) handles
 * them first, but for one case: under
 * {@code spring.mvc.problemdetails.enabled}, Spring Boot's advice, at order 0, is asked before an application's advice
 * without an {@code @Order} and answers these itself, so the application's advice with that handler needs an order
 * below 0 ({@code @Order(Ordered.HIGHEST_PRECEDENCE)}). Two texts: the message ({@link #getMessage()})
 * says all that is known (the route, the status the module answered, what the HTTP client reported), for the log; the
 * problem's {@link #detail()} is fixed per status and names only the module (for a 504 of a POST or PATCH, also that
 * the outcome is unknown), for the clients of this process, who must not read this process's routes, hosts or class
 * names. A 4xx answer that no {@link RemoteErrorDecoder} turns back into the application's own exception is one of
 * these (502) when it is about the call between the two processes, not about the request
 * ({@link RemoteErrorResponseException}).
 */
public class RemoteModuleException extends ErrorResponseException {

    private static final long serialVersionUID = 1L;

    private final String module;
    private final String message;
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
        super(status, ProblemDetail.forStatusAndDetail(status, detail), cause);
        this.module = module;
        this.message = message;
        this.detail = detail;
    }

    /** @return the module's name, as in the topology */
    public String module() {
        return module;
    }

    /**
     * @return what failed, for the log: the text given when it was made (Spring's {@link ErrorResponseException} would
     *     give its status, headers and problem document instead)
     */
    @Override
    public String getMessage() {
        return message;
    }

    /**
     * @return what a client of this process may read: fixed per status, naming the module ({@code The inventory module
     *     failed}, {@code ... is unavailable}, {@code ... did not answer in time} and, for a POST or PATCH, that the
     *     outcome is unknown), never the message's route, status or cause
     */
    public String detail() {
        return detail;
    }
}

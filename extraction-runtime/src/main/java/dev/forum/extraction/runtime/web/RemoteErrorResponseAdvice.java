package dev.forum.extraction.runtime.web;

import dev.forum.extraction.runtime.remote.RemoteErrorResponseException;
import dev.forum.extraction.runtime.remote.RemoteModuleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers a remote module's relayed answer ({@link RemoteErrorResponseException}) as the caller would have answered the
 * module's exception in process. A problem document (the module's own advice's, with its members; Spring MVC's under
 * {@code spring.mvc.problemdetails.enabled}) is answered as the module gave it: its status, its headers (a 429's
 * {@code Retry-After}, a relayed 403's {@code WWW-Authenticate}) and its members as {@code application/problem+json}
 * (Spring MVC fills in the caller's {@code instance}), with a DEBUG line. Any other answer (Spring Boot's error JSON,
 * as a module answers an exception with that property off, its default; no body) is thrown on, so Spring MVC answers
 * it as it answers an in-process {@code ErrorResponse} of that status (its {@code ExceptionHandlerExceptionResolver}
 * passes an exception its handler throws again on to the next resolver): {@code DefaultHandlerExceptionResolver} sets
 * the headers and calls {@code sendError(status)}, the servlet container forwards to the caller's {@code /error}
 * (Spring Boot's error JSON with the caller's own path, or the application's {@code ErrorController}), and that
 * resolver logs its WARN line ({@code Resolved [...RemoteErrorResponseException: 409 CONFLICT ...]}).
 *
 * <p>Likewise a remote module's failure ({@link RemoteModuleException}: 502, 503 with {@code Retry-After}, 504) is answered
 * with its status, headers and problem document, whose detail is fixed per status and names the module
 * ({@link RemoteModuleException#detail()}; for a timed-out POST or PATCH, also that its outcome is unknown), never the
 * route, the status the module answered or what the HTTP client reported: those are in the one WARN line it logs
 * (the message and the cause). Spring MVC alone answered it with the status and Spring Boot's error body.
 *
 * <p>At the lowest precedence: Spring MVC asks the controller's own {@code @ExceptionHandler}s first, then each
 * {@code @ControllerAdvice} in order (the first advice with a handler of the exception or of a supertype answers), and
 * an application's advice (the lowest precedence too unless it says otherwise) is registered before this
 * auto-configured one, so the application's own handler of the exception, or of a supertype, comes first. Both
 * exceptions are Spring's {@code ErrorResponseException}, so an application's advice that extends Spring's
 * {@code ResponseEntityExceptionHandler} answers them itself, with the same status, headers and problem document, and
 * without this advice's WARN line. Spring Boot's own such advice under {@code spring.mvc.problemdetails.enabled}
 * ({@code ProblemDetailsExceptionHandler}, at order 0, there only when the application has none) would answer every
 * relayed answer as a problem document, so the auto-configuration then puts this advice at order -1, just before it
 * ({@link RemoteErrorResponseAutoConfiguration}): under that property an application's handler of these exceptions is
 * reached only in an advice ordered below 0 ({@code @Order(Ordered.HIGHEST_PRECEDENCE)}). A Spring WebFlux application
 * under {@code spring.webflux.problemdetails.enabled} gets this advice there too, for the same reason
 * ({@link ReactiveRemoteErrorResponseAutoConfiguration}); an answer it throws on goes to
 * {@link RemoteErrorWebExceptionHandler}.
 *
 * <p>A remote failure answered here no longer reaches the application's {@code /error} handling (its
 * {@code ErrorController} and {@code ErrorAttributes}), as it did through Spring MVC's {@code sendError}. An
 * application that wants it back declares an {@code @ExceptionHandler} of {@link RemoteModuleException} of its own that
 * copies the exception's headers and calls {@code response.sendError(status)} (extraction-runtime/README.md, "An
 * application's own handling of remote failures").
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class RemoteErrorResponseAdvice {

    private static final Logger log = LoggerFactory.getLogger(RemoteErrorResponseAdvice.class);

    /**
     * @param relayed the remote module's answer, as the client read it
     * @return its status, headers and problem document, for a problem document
     *     ({@link RemoteErrorResponseException#problemDocument()})
     * @throws RemoteErrorResponseException {@code relayed} itself, for any other answer: Spring MVC's own resolvers
     *     answer it, as an in-process exception of its status (class doc)
     */
    @ExceptionHandler(RemoteErrorResponseException.class)
    public ResponseEntity<ProblemDetail> relay(RemoteErrorResponseException relayed) {
        if (!relayed.problemDocument()) {
            throw relayed;
        }
        log.debug("Relaying the {} answer of remote module {}", relayed.getStatusCode().value(), relayed.module());
        return ResponseEntity.status(relayed.getStatusCode()).headers(relayed.getHeaders()).body(relayed.getBody());
    }

    /**
     * @param failure a remote module's failure, as the client threw it
     * @return its status, headers ({@code Retry-After} of a 503) and problem document (its fixed
     *     {@link RemoteModuleException#detail()}; the message and the cause go to the WARN line only)
     */
    @ExceptionHandler(RemoteModuleException.class)
    public ResponseEntity<ProblemDetail> remoteFailure(RemoteModuleException failure) {
        log.warn("{} ({})", failure.getMessage(), failure.getCause() == null ? "no cause" : failure.getCause().toString());
        return ResponseEntity.status(failure.getStatusCode()).headers(failure.getHeaders()).body(failure.getBody());
    }
}

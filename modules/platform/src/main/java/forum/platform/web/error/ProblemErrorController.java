package forum.platform.web.error;

import forum.platform.EchoedInput;
import forum.platform.web.problem.ProblemType;
import forum.platform.web.problem.ProblemResponses;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.io.EOFException;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.apache.coyote.BadRequestException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page ({@code /error}), as a problem document instead of Spring Boot's
 * {@code {timestamp, status, error, path}} map: what the container forwards here (an exception thrown in a
 * filter, a {@code sendError} outside Spring MVC) is answered with the problem type of its status. Called
 * directly, {@code /error} is a route like no other: a 404.
 */
@RestController
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatusCode status = code instanceof Integer value ? HttpStatusCode.valueOf(value) : HttpStatus.NOT_FOUND;
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (causedBy(failure, InvalidParameterException.class)) {
            status = HttpStatus.BAD_REQUEST; // thrown where parameters were first read (a filter): the client's fault
        }
        if (failure instanceof Throwable thrown && status.is5xxServerError()) {
            log.error("Request {} failed", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), thrown);
        }
        ProblemType type = ProblemType.forStatus(status);
        boolean chunked = String.valueOf(request.getHeader(HttpHeaders.TRANSFER_ENCODING)).toLowerCase(Locale.ROOT).contains("chunked");
        // The request's path, not this page's: what the container forwarded here (this page's own when called directly).
        Optional<URI> path = ProblemResponses.instanceOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)
                instanceof String uri ? uri : request.getRequestURI());
        ProblemDetail problem = ProblemType.forStatus(status, clientFault(failure, chunked).orElse(switch (type) {
            case NO_ROUTE -> noRoute(path.map(URI::toString).orElse(null));
            case INTERNAL -> "The request failed on our side; it has been logged";
            default -> "The request could not be served (" + status.value() + ")";
        }));
        path.ifPresent(problem::setInstance);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /**
     * The detail of a 404 {@code no-route}, in the words every layer uses.
     *
     * @param path the request's path as sent, or null if it is not known
     * @return {@code No route has the path /x}
     */
    static String noRoute(String path) {
        return path == null ? "No route has the request's path" : "No route has the path " + EchoedInput.shorten(path);
    }

    /**
     * What the client sent wrong, for the failures Tomcat answers with a 400 after the application began: a body
     * whose chunked framing is malformed, a body that ends early (the client closed its side of the connection
     * before the body's Content-Length or its last chunk: Tomcat reads the end of the stream there), parameters that
     * do not decode.
     *
     * @param failure the exception the request failed with, or null
     * @param chunked whether the request's body was sent with {@code Transfer-Encoding: chunked}
     * @return the detail to answer with; empty if the failure is not one of these
     */
    static Optional<String> clientFault(Object failure, boolean chunked) {
        if (causedBy(failure, InvalidParameterException.class)) {
            return Optional.of(ProblemDetailsAdvice.UNDECODABLE_PARAMETERS);
        }
        if (causedBy(failure, EOFException.class) || (causedBy(failure, BadRequestException.class) && !chunked)) {
            return Optional.of(chunked
                    ? "The request body ended before its last chunk (a chunk of size 0, then an empty line): send the"
                            + " whole chunked body before closing the connection"
                    : "The request body ended before its Content-Length: send as many bytes as the Content-Length"
                            + " says, or a Content-Length that counts the bytes sent");
        }
        if (causedBy(failure, BadRequestException.class)) {
            return Optional.of("The request body's chunked transfer coding is malformed (each chunk is its size in"
                    + " hex, CRLF, that many bytes, CRLF; a last chunk of size 0 ends the body): send a well-formed"
                    + " chunked body, or the body with a Content-Length");
        }
        return Optional.empty();
    }

    private static boolean causedBy(Object failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure instanceof Throwable thrown ? thrown : null; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}

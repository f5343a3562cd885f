package forum.platform.web.error;

import forum.platform.web.problem.ProblemType;
import forum.platform.web.problem.ProblemResponses;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
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
        if (failure instanceof Throwable thrown && status.is5xxServerError()) {
            log.error("Request {} failed", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), thrown);
        }
        ProblemType type = ProblemType.forStatus(status);
        ProblemDetail problem = ProblemType.forStatus(status, switch (type) {
            case NO_ROUTE -> "No route has this path";
            case INTERNAL -> "The request failed on our side; it has been logged";
            default -> "The request could not be served (" + status.value() + ")";
        });
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}

package forum.platform.web;

import forum.platform.ConflictException;
import forum.platform.DomainException;
import forum.platform.FieldViolation;
import forum.platform.ReferenceNotFoundException;
import forum.platform.ResourceNotFoundException;
import forum.platform.ValidationException;
import forum.platform.remote.RemoteModuleException;
import forum.platform.remote.RemoteModuleTimeoutException;
import forum.platform.remote.RemoteModuleUnavailableException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Turns every failure into {@code application/problem+json} (RFC 9457). Spring's base class covers the
 * framework's own errors (404 route, 405, 415, ...); this adds the domain outcomes, a field list for
 * every input error and the body size limit.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    /** The problem member that lists the failing fields: {@code [{"field": ..., "message": ...}]}. */
    public static final String ERRORS = "errors";

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> domainOutcome(DomainException failure) {
        HttpStatus status = switch (failure) {
            case ResourceNotFoundException _ -> HttpStatus.NOT_FOUND;
            case ConflictException _ -> HttpStatus.CONFLICT;
            case ReferenceNotFoundException _ -> HttpStatus.UNPROCESSABLE_CONTENT;
            case ValidationException _ -> HttpStatus.BAD_REQUEST;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, failure.getMessage());
        problem.setType(URI.create(failure.problemType()));
        if (!failure.violations().isEmpty()) {
            problem.setProperty(ERRORS, asMaps(failure.violations()));
        }
        return ResponseEntity.status(status).body(problem);
    }

    /** A module in another process failed: 503 if unreachable, 504 if too slow, 502 otherwise. */
    @ExceptionHandler(RemoteModuleException.class)
    ResponseEntity<ProblemDetail> remoteFailure(RemoteModuleException failure) {
        HttpStatus status = switch (failure) {
            case RemoteModuleUnavailableException _ -> HttpStatus.SERVICE_UNAVAILABLE;
            case RemoteModuleTimeoutException _ -> HttpStatus.GATEWAY_TIMEOUT;
            default -> HttpStatus.BAD_GATEWAY;
        };
        log.warn(failure.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, failure.getMessage());
        problem.setProperty("module", failure.module());
        return ResponseEntity.status(status).body(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> wrongParameterType(MethodArgumentTypeMismatchException failure) {
        String field = failure.getName();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Invalid input: " + field + " must be a positive whole number, not '" + failure.getValue() + "'");
        problem.setProperty(ERRORS, asMaps(List.of(new FieldViolation(field, "must be a positive whole number"))));
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException failure,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyLimitFilter.BodyTooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(tooLarge.problem());
            }
        }
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        JacksonException json = findCause(failure, JacksonException.class);
        String field = json == null ? "" : fieldPath(json);
        if (json == null || failure.getCause() == null) {
            problem.setDetail("The request body is missing or is not JSON");
        } else if (field.isEmpty()) {
            problem.setDetail("The request body is not valid JSON: " + json.getOriginalMessage());
        } else {
            problem.setDetail("Invalid input: " + field + " has the wrong type or value");
            problem.setProperty(ERRORS, asMaps(List.of(new FieldViolation(field, "has the wrong type or value"))));
        }
        return ResponseEntity.badRequest().body(problem);
    }

    private static String fieldPath(JacksonException failure) {
        List<String> parts = new ArrayList<>();
        for (JacksonException.Reference reference : failure.getPath()) {
            parts.add(reference.getPropertyName() != null ? reference.getPropertyName() : "[" + reference.getIndex() + "]");
        }
        return String.join(".", parts).replace(".[", "[");
    }

    private static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static List<Map<String, String>> asMaps(List<FieldViolation> violations) {
        return violations.stream().map(v -> Map.of("field", v.field(), "message", v.message())).toList();
    }
}

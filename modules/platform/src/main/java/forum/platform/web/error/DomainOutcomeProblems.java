package forum.platform.web.error;

import forum.platform.ConflictException;
import forum.platform.CredentialsRejectedException;
import forum.platform.DomainException;
import forum.platform.ForbiddenException;
import forum.platform.RateLimitedException;
import forum.platform.ReferenceNotFoundException;
import forum.platform.ResourceNotFoundException;
import forum.platform.ValidationException;
import forum.platform.web.problem.ProblemErrors;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The answer to a domain outcome, a {@link DomainException} a module threw (for {@link ProblemDetailsAdvice}).
 *
 * <p>In: the exception. Out: an {@code application/problem+json} answer whose status is the outcome's (404 not found,
 * 409 conflict, 422 reference not found, 400 validation, 403 forbidden, 401 credentials rejected, 429 rate limited),
 * with the outcome's own problem type and message as detail, its field violations as {@code errors} if it has any, and
 * the headers the status calls for: {@code Retry-After} on a 429, {@code WWW-Authenticate: Bearer} on a 401.
 */
final class DomainOutcomeProblems {

    private DomainOutcomeProblems() {
    }

    /**
     * @param failure the domain outcome
     * @return its problem answer, with its status, type, detail, {@code errors} and headers
     */
    static ResponseEntity<Object> answer(DomainException failure) {
        HttpStatus status = switch (failure) {
            case ResourceNotFoundException _ -> HttpStatus.NOT_FOUND;
            case ConflictException _ -> HttpStatus.CONFLICT;
            case ReferenceNotFoundException _ -> HttpStatus.UNPROCESSABLE_CONTENT;
            case ValidationException _ -> HttpStatus.BAD_REQUEST;
            case ForbiddenException _ -> HttpStatus.FORBIDDEN;
            case CredentialsRejectedException _ -> HttpStatus.UNAUTHORIZED;
            case RateLimitedException _ -> HttpStatus.TOO_MANY_REQUESTS;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, failure.getMessage());
        problem.setType(URI.create(failure.problemType()));
        if (!failure.violations().isEmpty()) {
            ProblemErrors.set(problem, failure.violations());
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (failure instanceof RateLimitedException limited) {
            answer.header(HttpHeaders.RETRY_AFTER, Long.toString(limited.retryAfterSeconds()));
        }
        if (failure instanceof CredentialsRejectedException) {
            // RFC 9110 15.5.2: a 401 names the scheme that would be accepted.
            answer.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return answer.body(problem);
    }
}

package forum.platform.web.error;

import forum.platform.EchoedInput;
import forum.platform.FieldViolation;
import forum.platform.Paging;
import forum.platform.PlainDecimal;
import forum.platform.web.RouteMethods;
import forum.platform.web.problem.ProblemErrors;
import forum.platform.web.problem.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The answer to a path id or query parameter Spring could not convert, a {@link MethodArgumentTypeMismatchException}
 * (for {@link ProblemDetailsAdvice}).
 *
 * <p>In: the exception and its request. Out, an {@code application/problem+json} answer:
 * <ul>
 *   <li>405 with {@code Allow} when the path is a literal route of other methods that only looked like an id
 *       ({@code GET /api/users/login} reaching {@code GET /api/users/{id}});</li>
 *   <li>404 {@code no-route} naming the routes below when the path is the literal start of longer routes
 *       ({@code /api/posts/in-thread} reaching {@code /api/posts/{id}});</li>
 *   <li>else 400 {@code validation} naming the parameter: its range when the value is plain digits but too many,
 *       else that it must be a whole number in plain digits, quoting the value cut to its first 60 characters.</li>
 * </ul>
 */
final class ParameterTypeProblems {

    private final RouteMethods routeMethods;

    /** @param routeMethods the application's routes, to tell a literal route or the start of longer ones */
    ParameterTypeProblems(RouteMethods routeMethods) {
        this.routeMethods = routeMethods;
    }

    /**
     * @param failure what Spring threw converting the parameter
     * @param request the request whose parameter it was
     * @return the 405, 404 or 400 answer described above
     */
    ResponseEntity<Object> answer(MethodArgumentTypeMismatchException failure, HttpServletRequest request) {
        // GET /api/users/login reached GET /api/users/{id}: the path is a literal route of other methods (405).
        Optional<Set<String>> literal = failure.getParameter().hasParameterAnnotation(PathVariable.class)
                ? routeMethods.methodsOfLiteralRoute(ServletRequestPathUtils.getCachedPathValue(request)) : Optional.empty();
        if (literal.isPresent() && !literal.get().contains(request.getMethod())) {
            return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).header(HttpHeaders.ALLOW, RouteMethods.allow(literal.get()))
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(RouteMethods.methodNotAllowed(request.getMethod(), literal.get()));
        }
        // GET /api/posts/in-thread reached GET /api/posts/{id}: the path is the literal start of longer routes (404).
        if (failure.getParameter().hasParameterAnnotation(PathVariable.class)) {
            Optional<ProblemDetail> start = routeMethods.literalStart(ServletRequestPathUtils.getCachedPathValue(request));
            if (start.isPresent()) {
                return ProblemDetailsAdvice.answer(start.get());
            }
        }
        Class<?> type = failure.getRequiredType();
        boolean id = type != null && type.isRecord();
        String name = failure.getName();
        String sent = String.valueOf(failure.getValue());
        String value = EchoedInput.shorten(sent);
        if (PlainDecimal.isPlain(sent)) {
            // Plain digits, but too many for the parameter: say its range, not that the spelling is wrong.
            String range = switch (name) {
                case "limit" -> "must be from 1 to " + Paging.MAX_LIMIT;
                case "offset" -> "must be from 0 to " + Paging.MAX_OFFSET;
                default -> id ? "must be a positive whole number up to " + Long.MAX_VALUE
                        : "must be a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
            };
            return ProblemDetailsAdvice.answer(invalid(new FieldViolation(name, range + ", not " + value)));
        }
        String rule = id ? "must be a positive whole number in plain digits, like 42" : "must be a whole number in plain digits, like 10";
        return ProblemDetailsAdvice.answer(invalid(new FieldViolation(name, rule + ", not '" + value + "'")));
    }

    private static ProblemDetail invalid(FieldViolation violation) {
        ProblemDetail problem = ProblemType.VALIDATION.problem("Invalid input: " + violation);
        ProblemErrors.set(problem, List.of(violation));
        return problem;
    }
}

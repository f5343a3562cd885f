package forum.platform.web.error;

import dev.forum.extraction.runtime.remote.RemoteModuleException;
import dev.forum.extraction.runtime.remote.RemoteModuleTimeoutException;
import dev.forum.extraction.runtime.remote.RemoteModuleUnavailableException;
import dev.forum.extraction.runtime.topology.ModuleMetadata.ModuleInfo;
import dev.forum.extraction.runtime.topology.Topology;
import forum.platform.DomainException;
import forum.platform.EchoedInput;
import forum.platform.ServerBusyException;
import forum.platform.web.RequestBodyLimitFilter;
import forum.platform.web.RouteMethods;
import forum.platform.web.problem.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;

/**
 * Turns every failure that reaches Spring MVC into {@code application/problem+json} (RFC 9457) with a type of
 * our catalogue ({@link ProblemType}) and a detail in the client's terms: the domain outcomes
 * ({@link DomainOutcomeProblems}), a field list for every input error (a parameter of the wrong type:
 * {@link ParameterTypeProblems}; a body: {@link JsonInputProblems}), the body size limit, a remote module's failure,
 * Spring's own refusals (404 route, 405 with {@code Allow}, 406, 415) and, last, anything unexpected as a 500 that
 * says no more than that. A problem is written as {@code application/problem+json} whatever the {@code Accept}
 * header says, so a failed negotiation never hides the real status.
 *
 * <p>In: the exception a handler (or Spring MVC itself) threw, and its request. Out: the answer, status, headers
 * ({@code Allow}, {@code Retry-After}, {@code WWW-Authenticate}) and problem document. The handlers stay in this one
 * advice, the work of some in the classes named above: Spring takes the closest handler of an advice, and here the
 * {@code Exception} handler matches every exception itself, whereas an advice of its own for some exceptions would
 * also take the exceptions caused by them.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    /** The detail of {@link #undecodableParameters}, also told by the error page. */
    public static final String UNDECODABLE_PARAMETERS = "The request's parameters could not be decoded: percent-encode"
            + " the UTF-8 bytes of each name and value ('%' and two hex digits; a '%' itself is %25)";

    private final ObjectProvider<Topology> topology;
    private final RouteMethods routeMethods;
    private final ParameterTypeProblems parameterTypes;

    /**
     * @param topology     which modules run here, to tell a route of a module that runs in another service
     * @param routeMethods the application's routes, for the methods a 405 allows
     */
    public ProblemDetailsAdvice(ObjectProvider<Topology> topology, RouteMethods routeMethods) {
        this.topology = topology;
        this.routeMethods = routeMethods;
        this.parameterTypes = new ParameterTypeProblems(routeMethods);
    }

    /** A domain outcome: its own status, type and detail ({@link DomainOutcomeProblems}). */
    @ExceptionHandler(DomainException.class)
    ResponseEntity<Object> domainOutcome(DomainException failure) {
        return DomainOutcomeProblems.answer(failure);
    }

    /** No room now for the work the request needs: 503 {@code busy} with {@code Retry-After}. */
    @ExceptionHandler(ServerBusyException.class)
    ResponseEntity<Object> busy(ServerBusyException failure) {
        return ResponseEntity.status(ProblemType.BUSY.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(failure.retryAfterSeconds()))
                .body(ProblemType.BUSY.problem(failure.getMessage()));
    }

    /**
     * A module in another process failed: 503 if unreachable (with its {@code Retry-After}), 504 if too slow, 502
     * otherwise.
     */
    @ExceptionHandler(RemoteModuleException.class)
    ResponseEntity<Object> remoteFailure(RemoteModuleException failure) {
        ProblemType type = switch (failure) {
            case RemoteModuleUnavailableException _ -> ProblemType.UNAVAILABLE;
            case RemoteModuleTimeoutException _ -> ProblemType.TIMEOUT;
            default -> ProblemType.BAD_GATEWAY;
        };
        log.warn(failure.getMessage());
        // The message names the remote route, its status and the client's cause: for the log, not for the caller.
        ProblemDetail problem = type.problem(failure.detail());
        problem.setProperty("module", failure.module());
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .headers(failure.getHeaders()).body(problem);
    }

    /** A path id or query parameter that is not a number in plain decimal digits ({@link ParameterTypeProblems}). */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> wrongParameterType(MethodArgumentTypeMismatchException failure, HttpServletRequest request) {
        return parameterTypes.answer(failure, request);
    }

    /**
     * Tomcat could not decode the request's parameters (a form body's percent-encoding; a query string's is refused
     * before, by {@code QueryEncodingFilter}, with the parameter named): the client's fault, not ours.
     */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Object> undecodableParameters(InvalidParameterException failure) {
        return answer(ProblemType.BAD_REQUEST.problem(UNDECODABLE_PARAMETERS));
    }

    /**
     * A refusal of the caller's token that only the write could find (forum.platform.security.Callers#writeAs): given
     * back to Spring Security's exception translation, which answers it as it answers every invalid token (401
     * {@code invalid_token}), rather than as a fault of ours below.
     *
     * @throws AuthenticationException always, the failure itself
     */
    @ExceptionHandler(AuthenticationException.class)
    void authentication(AuthenticationException failure) {
        throw failure;
    }

    /** Anything else is a fault of ours: logged whole, answered with no detail a client could misuse. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception failure, WebRequest request) throws Exception {
        if (failure instanceof org.springframework.web.ErrorResponse) {
            return handleException(failure, request);
        }
        log.error("Unexpected failure of {}", description(request), failure);
        return answer(ProblemType.INTERNAL.problem("The request failed on our side; it has been logged"));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException failure,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyLimitFilter.BodyTooLargeException tooLarge) {
                return answer(tooLarge.problem());
            }
            if (cause instanceof MalformedBodyException malformed) {
                return answer(malformed.problem());
            }
        }
        return answer(JsonInputProblems.problem(findCause(failure, JacksonException.class)));
    }

    @Override
    protected ResponseEntity<Object> handleNoHandlerFoundException(NoHandlerFoundException failure, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return answer(noRoute(failure.getRequestURL(), request));
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException failure,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return answer(noRoute("/" + failure.getResourcePath(), request));
    }

    /**
     * A path no route takes: if it is a route of a module that this process reaches over HTTP, the problem says
     * that the module runs in another service (never where); else what {@link RouteMethods#noRouteHint} says of it
     * (a route's path with a {@code /} after it, the start of longer routes), or only that no route has it.
     */
    private ProblemDetail noRoute(String path, WebRequest request) {
        Optional<ModuleInfo> owner = Optional.ofNullable(topology.getIfAvailable())
                .flatMap(here -> here.moduleOwning(path).filter(module -> !here.isLocal(module.name())));
        if (owner.isPresent()) {
            String module = owner.get().name();
            ProblemDetail problem = ProblemType.REMOTE_MODULE_ROUTE.problem("The " + module + " module runs in another"
                    + " service of this deployment, not in this one: send " + owner.get().routePrefix()
                    + " requests to the forum's load balancer");
            problem.setProperty("module", module);
            return problem;
        }
        return routeMethods.noRouteHint(path, request instanceof ServletWebRequest servlet ? servlet.getRequest() : null)
                .orElseGet(() -> ProblemType.NO_ROUTE.problem("No route has the path " + EchoedInput.shorten(path)));
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException failure,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Set<HttpMethod> supported = failure.getSupportedHttpMethods();
        Set<String> allowed = supported == null ? Set.of() : new TreeSet<>(supported.stream().map(HttpMethod::name).toList());
        // PUT /api/users/login: Spring also counts GET /api/users/{id}, but a literal route is never read as an id
        // (a GET of it is a 405 too), so it takes only its own methods; POST /api/posts/in-thread: nor is the literal
        // start of longer routes, which no route has (404, as for GET).
        if (request instanceof ServletWebRequest servlet) {
            String path = servlet.getRequest().getRequestURI();
            Optional<Set<String>> routed = routeMethods.methodsOf(path, allowed);
            if (routed.isEmpty()) {
                return answer(routeMethods.noRouteHint(path, servlet.getRequest()).orElseGet(() -> noRoute(path, request)));
            }
            allowed = routed.get();
        }
        ProblemDetail problem = RouteMethods.methodNotAllowed(failure.getMethod(), allowed);
        // The path's one Allow, as OPTIONS and every other 405 of it say (Spring's own follows a hash set).
        HttpHeaders sorted = new HttpHeaders();
        sorted.addAll(headers);
        if (!allowed.isEmpty()) {
            sorted.set(HttpHeaders.ALLOW, RouteMethods.allow(allowed));
        }
        return ResponseEntity.status(status).headers(sorted).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException failure,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        MediaType sent = failure.getContentType();
        String header = request.getHeader(HttpHeaders.CONTENT_TYPE);
        // Spring reads no media type from a header it cannot parse (a charset the JVM does not know): say what was sent.
        String what = sent != null ? ", not " + EchoedInput.shortenField(sent.toString())
                : header == null ? " (the request has no Content-Type)"
                : ", not '" + EchoedInput.shortenField(header) + "'";
        ProblemDetail problem = ProblemType.UNSUPPORTED_MEDIA_TYPE.problem("The request body must be application/json" + what);
        return ResponseEntity.status(status).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException failure,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String producible = failure.getSupportedMediaTypes().stream().map(MediaType::toString).collect(Collectors.joining(", "));
        return answer(ProblemType.NOT_ACCEPTABLE.problem("This route answers " + producible
                + " only, which the request's Accept header does not allow"));
    }

    /** Spring's other refusals: their status, a type of our catalogue, Spring's detail (it names no class). */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception failure, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(ProblemType.forStatus(status).uri());
        }
        ResponseEntity<Object> entity = super.handleExceptionInternal(failure, body, headers, status, request);
        if (entity == null) {
            return null;
        }
        return ResponseEntity.status(entity.getStatusCode()).headers(entity.getHeaders())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(entity.getBody());
    }

    /** Every problem goes out as {@code application/problem+json}, whatever the request's {@code Accept}. */
    static ResponseEntity<Object> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String description(WebRequest request) {
        return request instanceof ServletWebRequest servlet
                ? servlet.getRequest().getMethod() + " " + servlet.getRequest().getRequestURI()
                : request.getDescription(false);
    }

    private static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}

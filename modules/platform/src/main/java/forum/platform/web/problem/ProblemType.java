package forum.platform.web.problem;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Every kind of problem the forum answers: the {@code type} URN ({@code urn:forum:problem:<kind>}) of an
 * RFC 9457 problem document, with its status. Every layer the forum configures (our code, Spring MVC, the
 * servlet container, the load balancers) answers one of these; the README lists them. A remote caller
 * turns a domain outcome's type back into the same exception (forum.platform.remote.RemoteProblemDecoder, with extraction-runtime).
 */
public enum ProblemType {

    /** 400: one or more fields of the input break a rule; {@code errors} names each. */
    VALIDATION("validation", HttpStatus.BAD_REQUEST),
    /** 400: the body is missing, is not JSON, or is JSON of the wrong shape (an array where an object belongs). */
    MALFORMED_REQUEST("malformed-request", HttpStatus.BAD_REQUEST),
    /** 400: the path is not canonical (percent-encoding that is not needed, an encoded '/', dot or empty segments, ';'). */
    NON_CANONICAL_PATH("non-canonical-path", HttpStatus.BAD_REQUEST),
    /** 400: the HTTP request itself is malformed (request line, headers, encoding). */
    BAD_REQUEST("bad-request", HttpStatus.BAD_REQUEST),
    /** 401: no access token, or one that is not valid; {@code WWW-Authenticate} says which. */
    UNAUTHORIZED("unauthorized", HttpStatus.UNAUTHORIZED),
    /** 401: a login whose username and password do not match (it does not say which is wrong). */
    LOGIN_FAILED("login-failed", HttpStatus.UNAUTHORIZED),
    /** 403: valid credentials that do not allow this. */
    FORBIDDEN("forbidden", HttpStatus.FORBIDDEN),
    /** 404: no resource with this id. */
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND),
    /** 404: no route has this path. */
    NO_ROUTE("no-route", HttpStatus.NOT_FOUND),
    /** 404: the route belongs to a module that runs in another service of this deployment. */
    REMOTE_MODULE_ROUTE("remote-module-route", HttpStatus.NOT_FOUND),
    /** 405: the route exists but not for this method; {@code Allow} lists the methods it takes. */
    METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED),
    /** 406: the route answers only {@code application/json}, which the {@code Accept} header refuses. */
    NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE),
    /** 408: the request did not arrive in time. */
    REQUEST_TIMEOUT("request-timeout", HttpStatus.REQUEST_TIMEOUT),
    /** 409: the write conflicts with what is stored (a taken username). */
    CONFLICT("conflict", HttpStatus.CONFLICT),
    /** 412: an {@code If-Match} or {@code If-None-Match} of the request does not hold; nothing was done. */
    PRECONDITION_FAILED("precondition-failed", HttpStatus.PRECONDITION_FAILED),
    /** 413: the body is over the size limit. */
    CONTENT_TOO_LARGE("content-too-large", HttpStatus.CONTENT_TOO_LARGE),
    /** 414: the request target is longer than the server takes. */
    URI_TOO_LONG("uri-too-long", HttpStatus.URI_TOO_LONG),
    /** 415: the body is not {@code application/json}. */
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    /** 417: the {@code Expect} header asks for something other than {@code 100-continue}. */
    EXPECTATION_FAILED("expectation-failed", HttpStatus.EXPECTATION_FAILED),
    /** 422: the input names a thread or user that does not exist; {@code errors} names the fields. */
    REFERENCE_NOT_FOUND("reference-not-found", HttpStatus.UNPROCESSABLE_CONTENT),
    /** 429: too many requests; {@code Retry-After} says when to try again. */
    RATE_LIMITED("rate-limited", HttpStatus.TOO_MANY_REQUESTS),
    /** 431: the request's header fields are larger than the server takes. */
    REQUEST_HEADER_FIELDS_TOO_LARGE("request-header-fields-too-large", HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE),
    /** 500: a fault of ours; the detail says no more, the log has the rest. */
    INTERNAL("internal", HttpStatus.INTERNAL_SERVER_ERROR),
    /** 501: the request uses an HTTP feature the server does not implement (a transfer coding, a method). */
    NOT_IMPLEMENTED("not-implemented", HttpStatus.NOT_IMPLEMENTED),
    /** 502: a module in another service answered something that cannot be read. */
    BAD_GATEWAY("bad-gateway", HttpStatus.BAD_GATEWAY),
    /** 503: a module this request needs is unavailable (down, or its circuit breaker is open). */
    UNAVAILABLE("unavailable", HttpStatus.SERVICE_UNAVAILABLE),
    /** 503: this process has no room now for the work the request needs (password hashing); {@code Retry-After}. */
    BUSY("busy", HttpStatus.SERVICE_UNAVAILABLE),
    /** 504: a module this request needs did not answer in time. */
    TIMEOUT("timeout", HttpStatus.GATEWAY_TIMEOUT),
    /** 505: an HTTP version the server does not speak. */
    HTTP_VERSION_NOT_SUPPORTED("http-version-not-supported", HttpStatus.HTTP_VERSION_NOT_SUPPORTED);

    /** The problem member that lists the failing fields: {@code [{"field": ..., "message": ...}]}. */
    public static final String ERRORS = "errors";

    /** The prefix of every type URN. */
    public static final String PREFIX = "urn:forum:problem:";

    private final String kind;
    private final HttpStatus status;

    ProblemType(String kind, HttpStatus status) {
        this.kind = kind;
        this.status = status;
    }

    /** The full type, e.g. {@code urn:forum:problem:validation}. */
    public String urn() {
        return PREFIX + kind;
    }

    public URI uri() {
        return URI.create(urn());
    }

    public HttpStatus status() {
        return status;
    }

    /** A problem of this type with the status's reason phrase as its title. */
    public ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(uri());
        return problem;
    }

    /**
     * A problem for an answer with this status whose kind no more specific rule chose: the type
     * {@link #forStatus} gives, the status as given (even one outside this catalogue, such as 418).
     */
    public static ProblemDetail forStatus(HttpStatusCode status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(forStatus(status).uri());
        return problem;
    }

    /**
     * The type for an answer with this status that no more specific rule chose (the servlet container's
     * refusals, Spring's own exceptions): 404 is {@link #NO_ROUTE}, any other 4xx or 5xx without a type of its
     * own is {@link #BAD_REQUEST} or {@link #INTERNAL}.
     */
    public static ProblemType forStatus(HttpStatusCode status) {
        if (status.value() == HttpStatus.NOT_FOUND.value()) {
            return NO_ROUTE;
        }
        for (ProblemType type : values()) {
            if (type.status.value() == status.value() && type.isDefaultForStatus()) {
                return type;
            }
        }
        return status.is5xxServerError() ? INTERNAL : BAD_REQUEST;
    }

    /** The first type listed for a status is its default, except the ones only our own code chooses. */
    private boolean isDefaultForStatus() {
        return this != VALIDATION && this != MALFORMED_REQUEST && this != NON_CANONICAL_PATH && this != LOGIN_FAILED;
    }
}

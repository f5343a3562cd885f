package forum.platform.web;

import forum.platform.EchoedInput;
import forum.platform.web.problem.ProblemResponses;
import forum.platform.web.problem.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * {@code If-Match} and {@code If-None-Match} on the methods that change something (RFC 9110 sections 13.1.1, 13.1.2
 * and 13.2.2), evaluated once the request is routed and its query judged ({@link StrictQueryParameters}: a request
 * the server would refuse without its preconditions, 401, 404, 405 or 400, is refused so; section 13.2.1) and before
 * its content is read: a failing precondition is a 412 {@code precondition-failed} and nothing is written. The target
 * of every such route of the forum ({@code POST} to a list, the login) has no entity tag: it exists, but no
 * representation of it is one a client could hold. So {@code If-Match: *} passes and any list of tags fails (none
 * can match), {@code If-None-Match: *} fails (the target exists) and a list of tags passes (none matches). A route
 * that gets an entity tag (a {@code PUT} of a post) must be evaluated against it instead. {@code GET} and
 * {@code HEAD} are evaluated against the answer's {@code ETag} ({@link ConditionalReadFilter}); {@code OPTIONS} and
 * {@code TRACE} select no representation, so their preconditions are ignored (section 13.2.1). A field that is
 * neither {@code *} nor a list of entity tags is a 400 {@code bad-request}.
 */
final class Preconditions implements HandlerInterceptor {

    /** The methods whose preconditions this evaluates: those that change the target. */
    private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws IOException {
        if (!UNSAFE.contains(request.getMethod())) {
            return true;
        }
        Optional<ProblemDetail> refused;
        try {
            refused = evaluate(request, null, true);
        } catch (EntityTags.MalformedException malformed) {
            refused = Optional.of(ProblemType.BAD_REQUEST.problem(malformed.getMessage()));
        }
        if (refused.isEmpty()) {
            return true;
        }
        ProblemResponses.write(request, response, refused.get());
        return false;
    }

    /**
     * Evaluates a request's {@code If-Match}, then its {@code If-None-Match} (section 13.2.2, steps 1 and 3; there are
     * no modification dates to compare, so {@code If-Unmodified-Since} and {@code If-Modified-Since} are ignored, as
     * section 13.1.4 and 13.1.3 say for a target that has none).
     *
     * @param request the request, whose target's answer would be a 2xx without its preconditions
     * @param current the target's current entity tag, or null if it has none
     * @param exists  whether the target has a current representation
     * @return the 412 problem if a precondition fails, else empty ({@code If-None-Match} failing on {@code GET} or
     *         {@code HEAD} is a 304, which {@link #notModified} tells)
     * @throws EntityTags.MalformedException if a field is neither {@code *} nor a list of entity tags
     */
    static Optional<ProblemDetail> evaluate(HttpServletRequest request, String current, boolean exists) {
        Optional<EntityTags> ifMatch = EntityTags.parse(HttpHeaders.IF_MATCH, request.getHeaders(HttpHeaders.IF_MATCH));
        Optional<EntityTags> ifNoneMatch = EntityTags.parse(HttpHeaders.IF_NONE_MATCH, request.getHeaders(HttpHeaders.IF_NONE_MATCH));
        String path = EchoedInput.shorten(request.getRequestURI());
        if (ifMatch.isPresent() && !ifMatch.get().matchStrongly(current, exists)) {
            return Optional.of(ProblemType.PRECONDITION_FAILED.problem("If-Match " + ifMatch.get().quoted() + " does not hold: "
                    + (current == null ? path + " has no entity tag for a tag to match (If-Match: * asks only that it exists)"
                    : "the current entity tag of " + path + " is " + current
                            + (ifMatch.get().anyWeak() ? " (If-Match compares strongly: a weak tag never matches)" : ""))
                    + "; nothing was done"));
        }
        boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        if (!read && ifNoneMatch.isPresent() && ifNoneMatch.get().matchWeakly(current, exists)) {
            return Optional.of(ProblemType.PRECONDITION_FAILED.problem("If-None-Match " + ifNoneMatch.get().quoted()
                    + " does not hold: " + path + (ifNoneMatch.get().any() ? " exists" : " has that entity tag")
                    + "; nothing was done"));
        }
        return Optional.empty();
    }

    /**
     * @param request a {@code GET} or {@code HEAD} whose {@code If-Match} held ({@link #evaluate})
     * @param current the answer's entity tag, or null if it has none
     * @return whether its {@code If-None-Match} fails, so that the answer is a 304 without a body
     * @throws EntityTags.MalformedException if the field is neither {@code *} nor a list of entity tags
     */
    static boolean notModified(HttpServletRequest request, String current) {
        return EntityTags.parse(HttpHeaders.IF_NONE_MATCH, request.getHeaders(HttpHeaders.IF_NONE_MATCH))
                .map(tags -> tags.matchWeakly(current, true)).orElse(false);
    }
}

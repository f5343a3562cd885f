package forum.platform.web;

import forum.platform.web.problem.ProblemResponses;
import forum.platform.web.problem.ProblemType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code If-Match} and {@code If-None-Match} on {@code GET} and {@code HEAD} (RFC 9110 section 13.2.2), evaluated
 * against the answer's own {@code ETag} (the read cache's, {@code forum.platform.web.cache}; an answer without one,
 * such as the key set's or health's, has no tag a list can match) once the answer is known, and only when it is a
 * 2xx (section 13.2.1: a 404, 400 or 401 stays what it is): an {@code If-Match} that does not hold is a 412
 * {@code precondition-failed} problem instead of the answer ({@code *} holds, the answer exists); then an
 * {@code If-None-Match} that matches (weakly, or {@code *}) is a 304 without a body, with the answer's validators. A
 * field that is neither {@code *} nor a list of entity tags is a 400 {@code bad-request}. Requests that carry
 * neither field pass untouched, their answer unbuffered. The methods that change something are {@link Preconditions}'.
 *
 * <p>Runs just before the read cache, after Spring Security and every other filter, so that it sees the kept
 * answers' tags and a refused request keeps its status.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 1)
public class ConditionalReadFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        return !read || (request.getHeader(HttpHeaders.IF_MATCH) == null && request.getHeader(HttpHeaders.IF_NONE_MATCH) == null);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            Preconditions.evaluate(request, null, true);
        } catch (EntityTags.MalformedException malformed) {
            ProblemResponses.write(request, response, ProblemType.BAD_REQUEST.problem(malformed.getMessage()));
            return;
        }
        HeldAnswer answer = new HeldAnswer(response);
        chain.doFilter(request, answer);
        int status = answer.getStatus();
        if (status < 200 || status > 299) {
            answer.sendBody();
            return;
        }
        String etag = answer.getHeader(HttpHeaders.ETAG);
        Optional<ProblemDetail> failed = Preconditions.evaluate(request, etag, true);
        if (failed.isPresent()) {
            answer.resetBuffer();
            ProblemResponses.write(request, response, failed.get());
        } else if (Preconditions.notModified(request, etag)) {
            answer.resetBuffer();
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
        } else {
            answer.sendBody();
        }
    }

    /** The answer, held until its preconditions are evaluated. */
    private static final class HeldAnswer extends ContentCachingResponseWrapper {

        HeldAnswer(HttpServletResponse response) {
            super(response);
        }

        /**
         * Sends the held body without setting Content-Length: the container would close the response once that many
         * bytes are written, before the request-id filter has logged its access line (as the read cache does).
         */
        void sendBody() throws IOException {
            copyBodyToResponse(false);
        }
    }
}

package forum.platform.web;

import forum.platform.web.problem.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose path is not canonical ({@link CanonicalPath}) with a 400 problem of type
 * {@code urn:forum:problem:non-canonical-path}, before any other filter: a load balancer matches its rules
 * on the raw path, Spring on the decoded one, and the two must never disagree on which module a request is
 * for. First in the chain, so no route, security rule or log line sees such a path.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CanonicalPathFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String rawPath = request.getRequestURI();
        Optional<String> violation = CanonicalPath.violation(rawPath);
        if (violation.isPresent()) {
            ProblemResponses.write(request, response, CanonicalPath.problem(rawPath, violation.get()));
            return;
        }
        chain.doFilter(request, response);
    }
}

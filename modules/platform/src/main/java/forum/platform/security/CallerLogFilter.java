package forum.platform.security;

import forum.platform.web.RequestIdFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every log line of a request names its verified caller ({@code userId}: the token's user, never the token), from
 * the moment the token is verified to the request's last line ({@link RequestIdFilter} clears it).
 */
final class CallerLogFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Callers.userId().ifPresent(id -> MDC.put(RequestIdFilter.USER_ID, Long.toString(id)));
        chain.doFilter(request, response);
    }
}

package forum.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers {@code OPTIONS} of a literal route ({@code /api/users/login}) with that route's methods only, as its 405s
 * say them: Spring MVC's own {@code OPTIONS} lists the methods of every route whose pattern matches the path, so for
 * {@code /api/users/login} the {@code GET} of {@code /api/users/{id}} too, while a literal route is never read as an
 * id. Other {@code OPTIONS} (routes with a variable, CORS preflights) go on to Spring MVC.
 *
 * <p>It runs after Spring Security ({@value #ORDER}; Spring Boot orders the security filter chain at -100), so an
 * {@code OPTIONS} is a read like {@code GET} and {@code HEAD} on every path: it needs no token, and one that is sent
 * is verified, a bad one answered 401 as on any other read.
 */
@Component
@Order(LiteralRouteOptionsFilter.ORDER)
public class LiteralRouteOptionsFilter extends OncePerRequestFilter {

    /** After Spring Boot's security filter chain ({@code spring.security.filter.order}, -100). */
    static final int ORDER = 0;

    private final RouteMethods routeMethods;

    /** @param routeMethods the methods of literal routes */
    public LiteralRouteOptionsFilter(RouteMethods routeMethods) {
        this.routeMethods = routeMethods;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"OPTIONS".equals(request.getMethod()) || request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Set<String>> literal = routeMethods.methodsOfLiteralRoute(request.getRequestURI());
        if (literal.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Set<String> allowed = new LinkedHashSet<>(literal.get());
        if (allowed.contains("GET")) {
            allowed.add("HEAD");
        }
        allowed.add("OPTIONS");
        response.setHeader(HttpHeaders.ALLOW, String.join(",", allowed));
        response.setContentLength(0);
    }
}

package forum.platform.web;

import forum.platform.web.problem.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers every {@code OPTIONS} of a path (RFC 9110 section 9.3.7), a CORS preflight too, with the path's one
 * {@code Allow} ({@link RouteMethods#allow}), as its 405s say it, or with the 404 of a path no route has (the literal
 * start of longer routes, {@code /api/posts/in-thread}, included), as every other method gets it. Spring MVC's own
 * {@code OPTIONS} listed the methods of every route whose pattern matches the path ({@code GET} of
 * {@code /api/users/{id}} for {@code /api/users/login}) and sent an empty {@code Accept-Patch} where no route takes
 * {@code PATCH}; a preflight fell through to the servlet's {@code OPTIONS}, which listed all eight methods. The forum
 * allows no cross-origin calls, so a preflight gets no {@code Access-Control-Allow-*} field and a browser on another
 * origin does not send the call it asked about. {@code Accept-Patch} is sent only where a route takes {@code PATCH}
 * (RFC 5789 section 3.1): {@code application/json}, the one body type every route takes.
 *
 * <p>It runs after Spring Security ({@value #ORDER}; Spring Boot orders the security filter chain at -100), so an
 * {@code OPTIONS} is a read like {@code GET} and {@code HEAD} on every path: it needs no token, and one that is sent
 * is verified, a bad one answered 401 as on any other read. {@code OPTIONS *} is answered before, by the container
 * ({@code error.AsteriskOptionsAdapter}).
 */
@Component
@Order(OptionsFilter.ORDER)
public class OptionsFilter extends OncePerRequestFilter {

    /** After Spring Boot's security filter chain ({@code spring.security.filter.order}, -100). */
    static final int ORDER = 0;

    private final RouteMethods routeMethods;
    private final UnroutedRequests unrouted;

    /**
     * @param routeMethods which methods literal routes take
     * @param application  the context whose routes are asked
     */
    public OptionsFilter(RouteMethods routeMethods, ApplicationContext application) {
        this.routeMethods = routeMethods;
        this.unrouted = new UnroutedRequests(application);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"OPTIONS".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Set<String>> methods = unrouted.methodsOf(request)
                .flatMap(matched -> routeMethods.methodsOf(request.getRequestURI(), matched));
        if (methods.isEmpty()) {
            // No route has the path: its 404, as any other method gets it (remote-module-route included).
            Optional<ProblemDetail> start = routeMethods.noRouteHint(request.getRequestURI(), request);
            if (start.isPresent()) {
                ProblemResponses.write(request, response, start.get());
            } else if (!unrouted.answerIfUnrouted(request, response)) {
                chain.doFilter(request, response);
            }
            return;
        }
        response.setHeader(HttpHeaders.ALLOW, RouteMethods.allow(methods.get()));
        if (methods.get().contains("PATCH")) {
            response.setHeader(HttpHeaders.ACCEPT_PATCH, MediaType.APPLICATION_JSON_VALUE);
        }
        response.setContentLength(0);
    }
}

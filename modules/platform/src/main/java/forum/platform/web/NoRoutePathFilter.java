package forum.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a path that a route's pattern matches though no route has it ({@link UnroutedRequests}), by every method
 * that reaches the servlet, with the 404 {@code no-route} problem ({@link RouteMethods#noRouteHint}), as {@code TRACE}
 * ({@link HttpMethodFilter}), {@code OPTIONS} ({@link OptionsFilter}) and a write without a token (Spring Security) get
 * it: a path with a {@code /} after it ({@code /actuator/health/}, {@code /api/users/}) that no route's pattern names
 * as it is, naming the path to send, and a path below the health endpoint that names no group or component of it
 * ({@code /actuator/health/liveness/x}, {@link HealthPaths}). Without it Actuator's pattern for health groups and
 * components, {@code /actuator/health/{*path}}, took {@code /actuator/health/} and answered 200 with the health
 * document, and took {@code /actuator/health/liveness/x} for a route: a 405 to a write with a token, and a 404 to
 * {@code GET} only after the endpoint had looked. The modules' routes never match such a path, so Spring MVC would
 * answer them the same; a route whose pattern is the path itself (the tutorial's {@code /api/}) passes, and so does
 * a group or component the endpoint has ({@code /actuator/health/liveness}, {@code /actuator/health/db}).
 *
 * <p>Runs after Spring Security and {@link OptionsFilter} ({@value #ORDER}): a bad token is refused first, as on
 * every read, and before the preconditions and the read cache, so a 404 is not hidden by a 412. In: the request; out:
 * the 404 problem, or the request passed on untouched. It runs on Actuator's own port too (the application's
 * filters are that server's, {@code error.ManagementServerRequests}), where the actuator's routes are the port's.
 */
@Component
@Order(NoRoutePathFilter.ORDER)
public class NoRoutePathFilter extends OncePerRequestFilter {

    /** Just after {@link OptionsFilter}, which answers {@code OPTIONS} of such a path the same way. */
    static final int ORDER = OptionsFilter.ORDER + 1;

    private final UnroutedRequests unrouted;

    /** @param application the context whose routes are asked when the request's own servlet context has none */
    public NoRoutePathFilter(ApplicationContext application) {
        this.unrouted = new UnroutedRequests(application);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !unrouted.mayMatchNoRoute(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!unrouted.answerIfUnrouted(request, response)) {
            chain.doFilter(request, response);
        }
    }
}

package forum.platform.web;

import forum.platform.EchoedInput;
import forum.platform.web.problem.ProblemResponses;
import forum.platform.web.problem.ProblemType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a method this server does not implement with one 501 problem ({@code not-implemented}, RFC 9110
 * section 9.1: {@code FOO}, {@code PROPFIND}, a lowercase {@code get}, since methods are case-sensitive), and
 * {@code TRACE} with the same 405 as any other method the route does not take, with the route's own {@code Allow}.
 * Without it Spring Security's firewall refused unknown methods with a 400 in its own words, listing methods the
 * route does not take, and Tomcat refused {@code TRACE} with an {@code Allow} of the servlet's, not the route's.
 * {@code CONNECT} never gets here: Tomcat answers it, with the same problem ({@link #notImplemented}). It runs before
 * Spring Security: neither answer reads a token. {@code OPTIONS} does ({@link OptionsFilter}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class HttpMethodFilter extends OncePerRequestFilter {

    /** The methods this server implements (RFC 9110 and RFC 5789's PATCH); a route takes some of them. */
    public static final Set<String> IMPLEMENTED = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE");

    private final UnroutedRequests unrouted;

    /**
     * @param application the context whose routes tell a {@code TRACE}'s 404 or 405
     */
    public HttpMethodFilter(ApplicationContext application) {
        this.unrouted = new UnroutedRequests(application);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String method = request.getMethod();
        if (!IMPLEMENTED.contains(method)) {
            ProblemResponses.write(request, response, notImplemented(method));
            return;
        }
        if (method.equals("TRACE")) {
            // No route takes TRACE, and it must never reach the servlet, whose TRACE echoes the request's headers: the
            // route's 405 (or the path's 404), as any other method no route takes gets it, actuator's routes included.
            if (!unrouted.answerIfUnrouted(request, response)) {
                ProblemResponses.write(request, response, RouteMethods.methodNotAllowed(method, Set.of()));
            }
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * The 501 problem for a method this server does not implement.
     *
     * @param method the request's method as sent, or null if unknown
     */
    public static ProblemDetail notImplemented(String method) {
        String name = method == null ? "this method" : "the method " + EchoedInput.shorten(method);
        String hint = method != null && IMPLEMENTED.contains(method.toUpperCase(Locale.ROOT)) && !method.equals(method.toUpperCase(Locale.ROOT))
                ? " (methods are case-sensitive: send " + method.toUpperCase(Locale.ROOT) + ")" : "";
        return ProblemType.NOT_IMPLEMENTED.problem("This server does not implement " + name + hint
                + "; it implements GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS and TRACE, and a route answers a method"
                + " of these it does not take with 405 and an Allow of the ones it takes");
    }
}

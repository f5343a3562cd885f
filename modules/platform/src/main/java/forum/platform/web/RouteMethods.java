package forum.platform.web;

import forum.platform.EchoedInput;
import forum.platform.web.problem.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.ApplicationContext;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Which methods Spring MVC's routes take on a request's path, asked where the answer must not depend on the layer
 * that refuses: Spring Security refuses a request before MVC would have said 405 (a {@code POST} to a read-only
 * route without a token is a 405, not a 401), and a literal route such as {@code POST /api/users/login} must not
 * be taken for the id of {@code GET /api/users/{id}} (a {@code GET} of it is a 405, not "id must be a number"), nor
 * the literal start of longer routes ({@code /api/posts/in-thread}) for the id of {@code /api/posts/{id}} (a 404 for
 * every method). One {@code Allow} for a path, whichever layer answers: a 405 of Spring MVC or Spring Security, a
 * {@code TRACE}, an {@code OPTIONS} or a CORS preflight ({@link #allow}).
 */
@Component
public class RouteMethods {

    /**
     * The order {@code Allow} lists methods in, every method the server implements but {@code TRACE}, which no route
     * takes (RFC 9110 section 9 in its order, {@code PATCH} after {@code PUT}); {@code OPTIONS *} lists all of them.
     */
    public static final List<String> ORDER = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final ObjectProvider<RequestMappingHandlerMapping> routes;
    private final UnroutedRequests unrouted;

    /**
     * @param routes      the modules' routes (Spring MVC's request mappings of the application's context)
     * @param application the application's context, whose port's routes (the actuator's too, where it shares the port)
     *                    a path with a {@code /} after it is compared with, when a request's own context has none
     */
    public RouteMethods(@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> routes,
                        ApplicationContext application) {
        this.routes = routes;
        this.unrouted = new UnroutedRequests(application);
    }

    /**
     * The 405 problem for a method a route does not take: the same wording from Spring MVC and Spring Security.
     *
     * @param method  the request's method
     * @param allowed the methods the route takes (the {@code Allow} header's list, RFC 9110 section 10.2.1)
     */
    public static ProblemDetail methodNotAllowed(String method, Set<String> allowed) {
        return ProblemType.METHOD_NOT_ALLOWED.problem("This route does not take " + EchoedInput.shorten(method)
                + (allowed.isEmpty() ? "" : "; it takes " + allow(allowed)));
    }

    /**
     * The one {@code Allow} of a path (RFC 9110 section 10.2.1), whatever answers it: its routes' methods, {@code HEAD}
     * wherever {@code GET} is taken (section 9.3.2: Spring MVC answers it with the {@code GET} route), and
     * {@code OPTIONS}, which every path with a route answers, in {@link #ORDER}.
     *
     * @param routeMethods the methods of the path's routes, as Spring's mappings tell them (upper case; {@code HEAD}
     *                     and {@code OPTIONS} may be among them or not; {@code TRACE} is never listed), not empty
     * @return the header's value, e.g. {@code GET, HEAD, POST, OPTIONS}
     */
    public static String allow(Set<String> routeMethods) {
        Set<String> allowed = new LinkedHashSet<>();
        for (String method : ORDER) {
            if (routeMethods.contains(method) || (method.equals("HEAD") && routeMethods.contains("GET"))
                    || method.equals("OPTIONS")) {
                allowed.add(method);
            }
        }
        return String.join(", ", allowed);
    }

    /**
     * Which methods a path's routes take, once a literal route and the literal start of longer routes are told apart
     * from a route with a variable that Spring's mappings also match there.
     *
     * @param path    a request path, decoded (canonical paths only reach the routes)
     * @param matched the methods of the routes Spring's mappings matched the path with
     * @return the literal route's own methods where the path is one ({@code POST} for {@code /api/users/login}, not the
     *         {@code GET} of {@code /api/users/{id}}); empty where the path is only the literal start of longer routes
     *         ({@code /api/posts/in-thread}): no route has it, whatever the method; else {@code matched}
     */
    public Optional<Set<String>> methodsOf(String path, Set<String> matched) {
        Optional<Set<String>> literal = methodsOfLiteralRoute(path);
        if (literal.isPresent()) {
            return literal;
        }
        return routesBelow(path).isEmpty() ? Optional.of(matched) : Optional.empty();
    }

    /**
     * @param path a request path, decoded (canonical paths only reach the routes)
     * @return the patterns of the routes that continue this path with more segments, sorted
     *         ({@code /api/posts/in-thread/{threadId}} for {@code /api/posts/in-thread}): the path is the literal
     *         start of those routes, never the id of a route such as {@code /api/posts/{id}}; empty if none
     */
    public Set<String> routesBelow(String path) {
        return routesBelow(path, applicationRoutes());
    }

    private static Set<String> routesBelow(String path, Collection<RequestMappingInfo> routes) {
        Set<String> below = new TreeSet<>();
        if (path == null || path.contains("{") || path.contains("*")) {
            return below;
        }
        String prefix = path.endsWith("/") ? path : path + "/";
        for (RequestMappingInfo route : routes) {
            if (route.getPathPatternsCondition() != null) {
                for (PathPattern pattern : route.getPathPatternsCondition().getPatterns()) {
                    if (pattern.getPatternString().startsWith(prefix)) {
                        below.add(pattern.getPatternString());
                    }
                }
            }
        }
        return below;
    }

    /**
     * @param path a request path, decoded (canonical paths only reach the routes)
     * @return the 404 {@code no-route} problem of a path that is only the literal start of longer routes, naming them
     *         ({@code /api/posts/in-thread}); empty if the path is not one
     */
    public Optional<ProblemDetail> literalStart(String path) {
        return literalStart(path, applicationRoutes());
    }

    private static Optional<ProblemDetail> literalStart(String path, Collection<RequestMappingInfo> routes) {
        Set<String> below = routesBelow(path, routes);
        if (below.isEmpty() || methodsOfLiteralRoute(path, routes).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(ProblemType.NO_ROUTE.problem("No route has the path " + EchoedInput.shorten(path)
                + "; the routes below it are " + String.join(", ", below)));
    }

    /**
     * The 404 {@code no-route} problem of a path no route has, where the path says more than that: a route's path
     * followed by a {@code /} ({@code /api/users/}, {@code /actuator/health/}; no route ends in one), which names the
     * path to send instead, or the literal start of longer routes ({@link #literalStart}). Every method gets the same
     * one, {@code OPTIONS} included.
     *
     * @param path    a request path, decoded (canonical paths only reach the routes)
     * @param request the request, whose port's routes are asked (the modules' and the actuator's on the application's
     *                port, the actuator's alone on its own); null for the application's port
     * @return that problem, or empty where no route has the path and nothing more is to be said
     */
    public Optional<ProblemDetail> noRouteHint(String path, HttpServletRequest request) {
        Map<RequestMappingInfo, HandlerMethod> port = unrouted.routesOf(request);
        return trailingSlash(path, port, request).or(() -> literalStart(path, port.keySet()));
    }

    /**
     * @param path    a request path, decoded
     * @param port    the routes of the request's port, with their handlers
     * @param request the request, or null
     * @return the 404 of {@code path} if it is the path of a route of the port with a {@code /} after it
     *         ({@code /api/users/}, {@code /api/users/1/}, {@code /actuator/health/}), naming the path without it; empty
     *         otherwise (the literal start of longer routes, {@code /api/posts/in-thread/}, and a health component the
     *         endpoint lacks, {@code /actuator/health/x/}, are no route's paths)
     */
    private Optional<ProblemDetail> trailingSlash(String path, Map<RequestMappingInfo, HandlerMethod> port,
                                                  HttpServletRequest request) {
        if (!UnroutedRequests.endsInSlash(path) || path.endsWith("//")) {
            return Optional.empty();
        }
        String without = path.substring(0, path.length() - 1);
        if (unrouted.isUnknownHealthPath(without, request)) {
            return Optional.empty();
        }
        PathContainer container = PathContainer.parsePath(without);
        // The container's error page is a route like no other: /error itself is no route (a 404), so never the one to send.
        boolean routed = port.entrySet().stream()
                .filter(route -> !ErrorController.class.isAssignableFrom(route.getValue().getBeanType()))
                .map(Map.Entry::getKey)
                .filter(route -> route.getPathPatternsCondition() != null)
                .flatMap(route -> route.getPathPatternsCondition().getPatterns().stream())
                .anyMatch(pattern -> pattern.matches(container));
        if (!routed || (methodsOfLiteralRoute(without, port.keySet()).isEmpty()
                && !routesBelow(without, port.keySet()).isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(ProblemType.NO_ROUTE.problem("No route has the path " + EchoedInput.shorten(path)
                + ": no route ends in '/'; send " + EchoedInput.shorten(without)));
    }

    /**
     * @param path a request path, decoded (canonical paths only reach the routes)
     * @return the methods of the routes whose pattern is this very path, with no variable in it (sorted), if any
     */
    public Optional<Set<String>> methodsOfLiteralRoute(String path) {
        return methodsOfLiteralRoute(path, applicationRoutes());
    }

    private static Optional<Set<String>> methodsOfLiteralRoute(String path, Collection<RequestMappingInfo> routes) {
        Set<String> methods = new TreeSet<>();
        for (RequestMappingInfo route : routes) {
            if (route.getPathPatternsCondition() == null) {
                continue;
            }
            for (PathPattern pattern : route.getPathPatternsCondition().getPatterns()) {
                if (!pattern.hasPatternSyntax() && pattern.getPatternString().equals(path)) {
                    route.getMethodsCondition().getMethods().stream().map(RequestMethod::name).forEach(methods::add);
                }
            }
        }
        return methods.isEmpty() ? Optional.empty() : Optional.of(methods);
    }

    /** The modules' routes: Spring MVC's request mappings of the application's context (none before it has them). */
    private Collection<RequestMappingInfo> applicationRoutes() {
        RequestMappingHandlerMapping mapping = routes.getIfAvailable();
        return mapping == null ? List.of() : mapping.getHandlerMethods().keySet();
    }
}

package forum.platform.web;

import forum.platform.EchoedInput;
import forum.platform.web.problem.ProblemType;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Which methods Spring MVC's routes take on a request's path, asked where the answer must not depend on the layer
 * that refuses: Spring Security refuses a request before MVC would have said 405 (a {@code POST} to a read-only
 * route without a token is a 405, not a 401), and a literal route such as {@code POST /api/users/login} must not
 * be taken for the id of {@code GET /api/users/{id}} (a {@code GET} of it is a 405, not "id must be a number").
 */
@Component
public class RouteMethods {

    private final ObjectProvider<RequestMappingHandlerMapping> routes;

    public RouteMethods(@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> routes) {
        this.routes = routes;
    }

    /**
     * The 405 problem for a method a route does not take: the same wording from Spring MVC and Spring Security.
     *
     * @param method  the request's method
     * @param allowed the methods the route takes (the {@code Allow} header's list, RFC 9110 section 10.2.1)
     */
    public static ProblemDetail methodNotAllowed(String method, Set<String> allowed) {
        return ProblemType.METHOD_NOT_ALLOWED.problem("This route does not take " + EchoedInput.shorten(method)
                + (allowed.isEmpty() ? "" : "; it takes " + String.join(", ", allowed)));
    }

    /**
     * @param path a request path, decoded (canonical paths only reach the routes)
     * @return the patterns of the routes that continue this path with more segments, sorted
     *         ({@code /api/posts/in-thread/{threadId}} for {@code /api/posts/in-thread}): the path is the literal
     *         start of those routes, never the id of a route such as {@code /api/posts/{id}}; empty if none
     */
    public Set<String> routesBelow(String path) {
        RequestMappingHandlerMapping mapping = routes.getIfAvailable();
        Set<String> below = new TreeSet<>();
        if (mapping == null || path == null || path.contains("{") || path.contains("*")) {
            return below;
        }
        String prefix = path.endsWith("/") ? path : path + "/";
        for (RequestMappingInfo route : mapping.getHandlerMethods().keySet()) {
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
     * @return the methods of the routes whose pattern is this very path, with no variable in it (sorted), if any
     */
    public Optional<Set<String>> methodsOfLiteralRoute(String path) {
        RequestMappingHandlerMapping mapping = routes.getIfAvailable();
        if (mapping == null) {
            return Optional.empty();
        }
        Set<String> methods = new TreeSet<>();
        for (RequestMappingInfo route : mapping.getHandlerMethods().keySet()) {
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
}

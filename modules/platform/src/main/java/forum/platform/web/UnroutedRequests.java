package forum.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.context.support.WebApplicationContextUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * A request that no route takes, answered before Spring MVC would see it, exactly as Spring MVC answers it: no route
 * has its path (404) or none on its path takes its method (405 with the routes' {@code Allow}, the actuator's
 * endpoints included), by the same exception handlers. Asked where an earlier layer must not answer otherwise:
 * security refusing a request for want of a token (the answer must not depend on the token), and {@code TRACE},
 * which no route takes and which must never reach the servlet. Nothing runs but the handler lookup and the error
 * answer.
 *
 * <p>Some paths a route's pattern matches are no route's all the same, so that every method gets their 404 (the one of
 * {@link RouteMethods#noRouteHint}), as {@code GET} does: a path with a {@code /} after its last segment
 * ({@code /api/users/}, {@code /actuator/health/}) unless a route's pattern is that very path (the tutorial's
 * {@code /api/}), and a path below the health endpoint that names no group or component of it
 * ({@code /actuator/health/liveness/x}, {@link HealthPaths}). The modules' patterns match neither; Actuator's
 * {@code /actuator/health/{*path}}, for health groups and components, matches both. {@link NoRoutePathFilter} asks
 * for the methods that reach the servlet.
 */
public final class UnroutedRequests {

    private final ApplicationContext application;
    /** The health endpoint's paths, read once the application's context has its beans (null until then). */
    private volatile Optional<HealthPaths> health;

    /** @param application the context whose routes are asked when the request's own servlet context has none */
    public UnroutedRequests(ApplicationContext application) {
        this.application = application;
    }

    /**
     * @param request  a request before routing
     * @param response its response, written only when this answers true
     * @return true if no route takes the request and its 404 or 405 problem has been written; false if a route
     *         takes it or the answer could not be decided (a route takes the path and method but not, say, this
     *         content type), and the caller answers
     */
    public boolean answerIfUnrouted(HttpServletRequest request, HttpServletResponse response) {
        // The management server (its own port in prod) has a context of its own, with the actuator's routes.
        ApplicationContext context = WebApplicationContextUtils.getWebApplicationContext(request.getServletContext());
        context = context == null ? application : context;
        Exception unrouted;
        try {
            unrouted = unrouted(request, context);
        } catch (Exception routeTakesItButNotAsSent) {
            // A route takes the path and method but not, say, this content type: the caller answers.
            return false;
        }
        if (unrouted == null || !context.containsBean(DispatcherServlet.HANDLER_EXCEPTION_RESOLVER_BEAN_NAME)) {
            return false;
        }
        HandlerExceptionResolver resolver = context.getBean(DispatcherServlet.HANDLER_EXCEPTION_RESOLVER_BEAN_NAME,
                HandlerExceptionResolver.class);
        return resolver.resolveException(request, response, null, unrouted) != null;
    }

    /**
     * Which methods the routes of a request's path take, across every handler mapping (the actuator's too), asked as
     * Spring MVC would meet a {@code TRACE} of the path, which no route takes: for {@code OPTIONS}, whose answer must
     * list what a 405 of the path lists.
     *
     * @param request a request before routing; its method is not read
     * @return the methods the mappings match the path with (a route that names no method takes all of
     *         {@link RouteMethods#ORDER}), before {@link RouteMethods#methodsOf} tells literal routes apart; empty if no
     *         route has the path
     */
    public Optional<Set<String>> methodsOf(HttpServletRequest request) {
        ApplicationContext context = WebApplicationContextUtils.getWebApplicationContext(request.getServletContext());
        Exception unrouted;
        try {
            unrouted = unrouted(new HttpServletRequestWrapper(request) {
                @Override
                public String getMethod() {
                    return HttpMethod.TRACE.name();
                }
            }, context == null ? application : context);
        } catch (Exception unexpected) {
            return Optional.empty();
        }
        return switch (unrouted) {
            case null -> Optional.of(Set.copyOf(RouteMethods.ORDER));
            case HttpRequestMethodNotSupportedException notTaken -> Optional.of(notTaken.getSupportedHttpMethods() == null
                    ? Set.of() : new TreeSet<>(notTaken.getSupportedHttpMethods().stream().map(HttpMethod::name).toList()));
            default -> Optional.empty();
        };
    }

    /**
     * The routes of the request's port, as its DispatcherServlet sees them: the modules' and, where Actuator shares the
     * port, the actuator's; on Actuator's own port (the {@code prod} profile's {@code management.server.port}) the
     * actuator's alone.
     *
     * @param request a request, or null for the application's port
     * @return every route on that port (its patterns and methods) with its handler
     */
    public Map<RequestMappingInfo, HandlerMethod> routesOf(HttpServletRequest request) {
        ApplicationContext context = request == null ? null
                : WebApplicationContextUtils.getWebApplicationContext(request.getServletContext());
        return routes(context == null ? application : context);
    }

    /**
     * @param path a request path, decoded
     * @return true if it has a {@code /} after its last segment and is more than {@code /}
     */
    static boolean endsInSlash(String path) {
        return path != null && path.length() > 1 && path.endsWith("/");
    }

    /**
     * Whether a route's pattern may match a path that no route has, so that {@link #answerIfUnrouted} is to be asked
     * whatever the method: a cheap test, the full one is {@link #answerIfUnrouted}'s.
     *
     * @param path a request path, decoded
     * @return true if it has a {@code /} after its last segment or is below the health endpoint's path
     */
    boolean mayMatchNoRoute(String path) {
        return endsInSlash(path) || health().filter(paths -> paths.isBelow(path)).isPresent();
    }

    /**
     * @param path    a request path, decoded
     * @param request the request, whose principal tells whether the health groups show their components; null for none
     * @return true if the path is below the health endpoint's and names no group or component of it
     *         ({@code /actuator/health/liveness/x}), though the endpoint's pattern {@code /actuator/health/{*path}}
     *         matches it: no route has it
     */
    public boolean isUnknownHealthPath(String path, HttpServletRequest request) {
        return health().filter(paths -> paths.lacks(path, request)).isPresent();
    }

    /** What DispatcherServlet would meet: null if a handler takes the request, else the exception it would answer. */
    private Exception unrouted(HttpServletRequest request, ApplicationContext context) throws Exception {
        String path = request.getRequestURI();
        boolean slashNoPatternNames = endsInSlash(path)
                && routes(context).keySet().stream().noneMatch(route -> route.getDirectPaths().contains(path));
        if (slashNoPatternNames || isUnknownHealthPath(path, request)) {
            // A pattern ending in a variable matches an empty last segment, and the health endpoint's any path below
            // it; only a route of this very path, or a group or component the endpoint has, takes it.
            return new NoHandlerFoundException(request.getMethod(), path, new ServletServerHttpRequest(request).getHeaders());
        }
        boolean parsedHere = !ServletRequestPathUtils.hasParsedRequestPath(request);
        if (parsedHere) {
            ServletRequestPathUtils.parseAndCache(request);
        }
        try {
            for (HandlerMapping mapping : mappings(context)) {
                try {
                    if (mapping.getHandler(request) != null) {
                        return null;
                    }
                } catch (HttpRequestMethodNotSupportedException notTaken) {
                    return notTaken;
                }
            }
            return new NoHandlerFoundException(request.getMethod(), request.getRequestURI(),
                    new ServletServerHttpRequest(request).getHeaders());
        } finally {
            if (parsedHere) {
                ServletRequestPathUtils.clearParsedRequestPath(request);
            }
        }
    }

    /** The health endpoint's paths, from the application's context once it is refreshed (requests come after). */
    private Optional<HealthPaths> health() {
        Optional<HealthPaths> paths = health;
        if (paths == null) {
            paths = HealthPaths.of(application);
            health = paths;
        }
        return paths;
    }

    /**
     * The routes of the handler mappings of {@link #mappings}: on the management context, the mappings its
     * {@code handlerMapping} asks (its own beans, Spring Boot's {@code CompositeHandlerMapping}).
     */
    private static Map<RequestMappingInfo, HandlerMethod> routes(ApplicationContext context) {
        Class<RequestMappingInfoHandlerMapping> type = RequestMappingInfoHandlerMapping.class;
        Collection<RequestMappingInfoHandlerMapping> mappings
                = context.containsLocalBean(DispatcherServlet.HANDLER_MAPPING_BEAN_NAME)
                ? context.getBeansOfType(type, true, false).values()
                : BeanFactoryUtils.beansOfTypeIncludingAncestors(context, type, true, false).values();
        Map<RequestMappingInfo, HandlerMethod> routes = new LinkedHashMap<>();
        mappings.forEach(mapping -> routes.putAll(mapping.getHandlerMethods()));
        return routes;
    }

    /**
     * The handler mappings in DispatcherServlet's order: the one named {@code handlerMapping} where the context has
     * it (Spring Boot's management context, whose DispatcherServlet looks at no other), else every one, ancestors'
     * included.
     */
    private static List<HandlerMapping> mappings(ApplicationContext context) {
        if (context.containsLocalBean(DispatcherServlet.HANDLER_MAPPING_BEAN_NAME)) {
            return List.of(context.getBean(DispatcherServlet.HANDLER_MAPPING_BEAN_NAME, HandlerMapping.class));
        }
        List<HandlerMapping> mappings = new ArrayList<>(
                BeanFactoryUtils.beansOfTypeIncludingAncestors(context, HandlerMapping.class, true, false).values());
        AnnotationAwareOrderComparator.sort(mappings);
        return mappings;
    }
}

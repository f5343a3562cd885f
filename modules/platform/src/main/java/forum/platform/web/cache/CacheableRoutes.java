package forum.platform.web.cache;

import forum.platform.CacheableRead;
import forum.platform.RouteAccess;
import forum.platform.data.DataVersion;
import forum.platform.security.ModuleContract;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The {@code GET} routes of the modules local to this process, the {@link CacheableRead} ones with their module's
 * {@link DataVersion}, and the platform's fixed answers (a controller's {@code @CacheableRead @GetMapping} methods, the
 * tutorial's {@code /} and {@code /api/}), whose version is always {@link #FIXED}. The modules' other routes are listed
 * too, so that a request goes to the route Spring MVC would choose ({@code /api/users/jwks.json}, not cacheable, before
 * {@code /api/users/{id}}). A remote module's routes are its own process's to cache.
 */
final class CacheableRoutes {

    /** The version of an answer that depends on no data: the same for the life of the process. */
    static final long FIXED = 0;

    /**
     * One route: its path pattern (e.g. {@code /api/users/{id}}), and where the version its answers are kept at is read
     * (the module's {@link DataVersion#current()}, or {@link #FIXED}), null when its answers are not kept.
     */
    record Route(PathPattern pattern, LongSupplier version) {
    }

    private final List<Route> routes;

    private CacheableRoutes(List<Route> routes) {
        this.routes = routes;
    }

    /**
     * @param contracts    every module contract of the application
     * @param localVersion reads a module's data version (on each request; the module's database opens with the
     *                     application context, after the web server), or null when the module is not local to this
     *                     process
     * @param fixedAnswers controllers whose {@code @CacheableRead} methods answer {@code GET} with bytes that depend on
     *                     nothing (no data, no caller, no clock, no setting that changes while the process runs); their
     *                     {@code @GetMapping} paths (no class-level mapping) are kept at {@link #FIXED}
     * @throws IllegalStateException if a {@link CacheableRead} route is not a {@code GET} open to anyone (such an answer
     *                               may differ by caller, or change what it does), or a fixed answer's method is not a
     *                               {@code @GetMapping} with literal paths
     */
    static CacheableRoutes of(List<ModuleContract> contracts, Function<String, LongSupplier> localVersion,
                              List<Class<?>> fixedAnswers) {
        List<Route> routes = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (ModuleContract contract : contracts) {
            LongSupplier version = localVersion.apply(contract.name());
            for (Method method : contract.api().getMethods()) {
                HttpExchange exchange = AnnotatedElementUtils.findMergedAnnotation(method, HttpExchange.class);
                boolean get = exchange != null && "GET".equals(exchange.method());
                boolean cacheable = method.isAnnotationPresent(CacheableRead.class);
                RouteAccess access = method.getAnnotation(RouteAccess.class);
                if (cacheable && (!get || access == null || access.value() != RouteAccess.Caller.ANYONE)) {
                    wrong.add(contract.api().getSimpleName() + "." + method.getName());
                } else if (get && version != null) {
                    routes.add(new Route(PathPatternParser.defaultInstance.parse(contract.path() + exchange.url()),
                            cacheable ? version : null));
                }
            }
        }
        if (!wrong.isEmpty()) {
            throw new IllegalStateException("@CacheableRead is for GET routes open to anyone (@RouteAccess(ANYONE)),"
                    + " not " + String.join(", ", wrong.stream().sorted().toList()));
        }
        for (Class<?> controller : fixedAnswers) {
            boolean prefixed = AnnotatedElementUtils.hasAnnotation(controller, RequestMapping.class);
            for (Method method : controller.getDeclaredMethods()) {
                if (!method.isAnnotationPresent(CacheableRead.class)) {
                    continue;
                }
                GetMapping get = method.getAnnotation(GetMapping.class);
                String[] paths = get == null ? new String[0] : get.path().length > 0 ? get.path() : get.value();
                if (prefixed || paths.length == 0 || Arrays.stream(paths).anyMatch(path -> path.contains("{") || path.contains("*"))) {
                    wrong.add(controller.getSimpleName() + "." + method.getName());
                }
                for (String path : paths) {
                    routes.add(new Route(PathPatternParser.defaultInstance.parse(path), () -> FIXED));
                }
            }
        }
        if (!wrong.isEmpty()) {
            throw new IllegalStateException("a fixed answer's @CacheableRead is for a @GetMapping method with literal"
                    + " paths in a controller without a class-level @RequestMapping, not "
                    + String.join(", ", wrong.stream().sorted().toList()));
        }
        // Literal paths before patterns, as Spring MVC chooses.
        routes.sort(Comparator.comparing(Route::pattern, PathPattern.SPECIFICITY_COMPARATOR));
        return new CacheableRoutes(List.copyOf(routes));
    }

    /**
     * @return the cacheable route this request path (as sent, e.g. {@code /api/users/1}) goes to, or null when it goes
     *         to no route, or to one whose answers are not kept
     */
    Route match(String requestUri) {
        if (routes.isEmpty()) {
            return null;
        }
        PathContainer path = PathContainer.parsePath(requestUri);
        for (Route route : routes) {
            if (route.pattern().matches(path)) {
                return route.version() == null ? null : route;
            }
        }
        return null;
    }

    /** @return whether any route here is cacheable */
    boolean any() {
        return routes.stream().anyMatch(route -> route.version() != null);
    }
}

package forum.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.ApiVersion;
import org.springframework.boot.actuate.endpoint.Operation;
import org.springframework.boot.actuate.endpoint.Producible;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.AbstractDiscoveredOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.invoke.OperationParameter;
import org.springframework.boot.actuate.endpoint.web.ExposableWebEndpoint;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoint;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.actuate.endpoint.web.WebOperation;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The query parameters an actuator endpoint's operation takes, so that {@link StrictQueryParameters} judges the
 * actuator's routes as it judges the modules' ({@code /actuator/health?x=1} is a 400 naming {@code x}, as
 * {@code /api/users?x=1} is). An operation reads its query parameters by the names of its method's parameters, less
 * its {@link Selector}s (path segments) and what actuator supplies itself (the security context, the server's
 * namespace, the API version, a {@link Producible} media type). The health and info endpoints take none; the health
 * checks of the load balancers, the stand-in and the image send none. A handler that is no operation of an endpoint
 * (the links of {@code /actuator}) takes its {@code @RequestParam}s, none.
 */
final class ActuatorQueryParameters implements StrictQueryParameters.TakenParameters {

    private final ObjectProvider<PathMappedEndpoints> endpoints;

    /** @param endpoints the actuator's web endpoints and their base path, where actuator runs */
    ActuatorQueryParameters(ObjectProvider<PathMappedEndpoints> endpoints) {
        this.endpoints = endpoints;
    }

    @Override
    public Map<String, Class<?>> of(HttpServletRequest request, HandlerMethod handler) {
        Map<String, Class<?>> taken = StrictQueryParameters.requestParams(handler);
        PathMappedEndpoints mapped = endpoints.getIfAvailable();
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (mapped == null || pattern == null) {
            return taken;
        }
        String method = "HEAD".equals(request.getMethod()) ? "GET" : request.getMethod();
        String base = mapped.getBasePath().replaceFirst("/+$", "");
        for (PathMappedEndpoint endpoint : mapped) {
            if (!(endpoint instanceof ExposableWebEndpoint web)) {
                continue;
            }
            for (WebOperation operation : web.getOperations()) {
                String path = base + "/" + operation.getRequestPredicate().getPath();
                if (path.equals(pattern.toString()) && operation.getRequestPredicate().getHttpMethod().name().equals(method)) {
                    taken.putAll(queryParameters(operation));
                }
            }
        }
        return taken;
    }

    /** The parameters of an operation that its handler reads from the query. */
    private static Map<String, Class<?>> queryParameters(Operation operation) {
        Map<String, Class<?>> query = new TreeMap<>();
        if (operation instanceof AbstractDiscoveredOperation discovered) {
            for (OperationParameter parameter : discovered.getOperationMethod().getParameters()) {
                Class<?> type = parameter.getType();
                boolean supplied = type == SecurityContext.class || type == WebServerNamespace.class
                        || type == ApiVersion.class || Producible.class.isAssignableFrom(type);
                if (!supplied && parameter.getAnnotation(Selector.class) == null) {
                    query.put(parameter.getName(), type);
                }
            }
        }
        return query;
    }
}

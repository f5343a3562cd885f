package dev.forum.extraction.image;

import dev.forum.extraction.model.ApplicationProperties;
import dev.forum.extraction.model.ExtractionException;
import dev.forum.extraction.runtime.web.RoutePaths;
import java.nio.file.Path;

/**
 * Where a Spring Boot application answers, as Spring Boot 4.1 lays out its paths from its settings: the one reading
 * of them for the service image's health labels ({@link ContainerSettings}) and the ECS deployment's listener rules,
 * health checks and internal base URL.
 * <ul>
 * <li>The application's own routes are under the route prefix of {@link RoutePaths}, the rule the run time's warm-up
 * reads too, from the settings of the application's web stack alone, as Spring Boot reads them: for Spring MVC,
 * {@code server.servlet.context-path} followed by {@code spring.mvc.servlet.path} (the DispatcherServlet's); for Spring
 * WebFlux, {@code spring.webflux.base-path}; on the application's port. The stack is the one
 * {@code spring.main.web-application-type} names, else Spring MVC when Spring Boot 4 deduces a servlet application from
 * the run-time class path, else WebFlux ({@link RoutePaths#stack}).</li>
 * <li>Actuator's endpoints are under {@code management.endpoints.web.base-path} (default {@value #ACTUATOR}; {@code /}
 * puts them at the root). On a management port of its own, that is under {@code management.server.base-path} and
 * neither the context path nor the servlet path applies; on the application's port, it is under the route
 * prefix.</li>
 * </ul>
 * Each path comes without a trailing slash, "" for the root. A setting written as a placeholder the build cannot
 * resolve ({@link ApplicationProperties#unknown}) is refused when a path that needs it is asked for, in one line naming
 * it and the build setting to write instead.
 *
 * @param application       the application's settings, read for the profiles its processes run with
 * @param classes           the application's classes folder, named in a refusal
 * @param servlet     whether Spring Boot 4 deduces a servlet application from the application's run-time class path
 *                    (its {@code WebApplicationType.deduce()}): the web stack when {@code spring.main.web-application-type}
 *                    names none
 */
public record ApplicationPaths(ApplicationProperties application, Path classes, boolean servlet) {

    /** Spring Boot's {@code management.endpoints.web.base-path} when unset. */
    public static final String ACTUATOR = "/actuator";
    /** The readiness group's path under Actuator's base path. */
    public static final String READINESS = "/health/readiness";
    /** The liveness group's path under Actuator's base path. */
    public static final String LIVENESS = "/health/liveness";

    static final String MANAGEMENT_BASE_PATH = "management.server.base-path";
    static final String ENDPOINTS_BASE_PATH = "management.endpoints.web.base-path";

    /**
     * The prefix of the application's own routes on its port ({@link RoutePaths#routePrefix}) for its web stack
     * ({@link #stack}): the servlet context path and the servlet path, e.g. {@code /hr} for
     * {@code server.servlet.context-path: /hr}, or WebFlux's base path, {@code /shop} for
     * {@code spring.webflux.base-path: /shop}; "" when none is set.
     *
     * @param instead what to write when a setting cannot be resolved, e.g. {@code set -Dextract.ecs.contextPath=<path>}
     * @throws ExtractionException (one line) when a setting the rule reads is a placeholder the build cannot resolve
     */
    public String routePrefix(String instead) {
        return RoutePaths.routePrefix(stack("route prefix", instead), key -> setting(key, "route prefix", instead));
    }

    /**
     * The application's web stack: {@code spring.main.web-application-type} when it names one, else from
     * {@link #servlet} ({@link RoutePaths#stack}).
     *
     * @throws ExtractionException (one line) when {@code spring.main.web-application-type} is a placeholder the build
     *                              cannot resolve
     */
    RoutePaths.Stack stack(String what, String instead) {
        return RoutePaths.stack(setting(RoutePaths.WEB_APPLICATION_TYPE, what, instead), servlet);
    }

    /**
     * Actuator's base path, e.g. {@code /actuator}, {@code /manage}, "" for endpoints at the root.
     *
     * @param ownPort whether Actuator has a management port of its own (then {@code management.server.base-path} comes
     *                first; else the {@link #routePrefix})
     * @param instead what to write when a setting cannot be resolved
     * @throws ExtractionException (one line) when a setting it needs is a placeholder the build cannot resolve
     */
    public String actuatorBase(boolean ownPort, String instead) {
        String before = ownPort ? managementBase(instead)
                : RoutePaths.routePrefix(stack("health path", instead), key -> setting(key, "health path", instead));
        String endpoints = setting(ENDPOINTS_BASE_PATH, "health path", instead);
        return before + (endpoints == null || endpoints.isBlank() ? ACTUATOR : RoutePaths.trimmed(endpoints));
    }

    /**
     * The base path of Actuator's own port ({@code management.server.base-path}), e.g. {@code /ops}; "" when unset: on
     * that port nothing answers outside it.
     *
     * @param instead what to write when the setting cannot be resolved
     * @throws ExtractionException (one line) when it is a placeholder the build cannot resolve
     */
    public String managementBase(String instead) {
        return RoutePaths.trimmed(setting(MANAGEMENT_BASE_PATH, "health path", instead));
    }

    /**
     * Whether the application, run as the image runs it (no {@code MANAGEMENT_SERVER_PORT}), gives Actuator a port of its
     * own: {@code management.server.port} is written and is not the application's port (a placeholder counts: without
     * its value the application does not start, and the deploy that sets it gives a port of Actuator's own).
     *
     * @param serverPort the port the application serves on
     */
    public boolean ownManagementPort(int serverPort) {
        String written = application.written("management.server.port");
        if (written == null || written.isBlank()) {
            return false;
        }
        String value = application.getProperty("management.server.port");
        return value == null || !value.strip().equals(Integer.toString(serverPort));
    }

    /**
     * A setting's value as a file read sets it, null when none does.
     *
     * @throws ExtractionException (one line) when it is a placeholder no settings file resolves, naming the setting, its
     *                              file and {@code instead}
     */
    private String setting(String key, String what, String instead) {
        if (application.unknown(key)) {
            throw new ExtractionException("The application's " + key + " " + application.written(key).strip() + " ("
                    + application.origin(key) + " in " + classes + "), a placeholder no settings file sets, gives no "
                    + what + " the build can know: " + instead);
        }
        return application.getProperty(key);
    }
}

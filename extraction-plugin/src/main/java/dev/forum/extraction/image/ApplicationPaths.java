package dev.forum.extraction.image;

import dev.forum.extraction.model.ApplicationProperties;
import dev.forum.extraction.model.ExtractionException;
import java.nio.file.Path;

/**
 * Where a Spring Boot application answers, as Spring Boot 4.1 lays out its paths from its settings: the one reading
 * of them for the service image's health labels ({@link ContainerSettings}) and the ECS deployment's listener rules,
 * health checks and internal base URL.
 * <ul>
 * <li>The application's own routes are under {@code server.servlet.context-path} followed by
 * {@code spring.mvc.servlet.path} (the DispatcherServlet's), on the application's port.</li>
 * <li>Actuator's endpoints are under {@code management.endpoints.web.base-path} (default {@value #ACTUATOR}; {@code /}
 * puts them at the root). On a management port of its own, that is under {@code management.server.base-path} and
 * neither the context path nor the servlet path applies; on the application's port, it is under both.</li>
 * </ul>
 * Each path comes without a trailing slash, "" for the root. A setting written as a placeholder the build cannot
 * resolve ({@link ApplicationProperties#unknown}) is refused when a path that needs it is asked for, in one line naming
 * it and the build setting to write instead.
 *
 * @param application the application's settings, read for the profiles its processes run with
 * @param classes     the application's classes folder, named in a refusal
 */
public record ApplicationPaths(ApplicationProperties application, Path classes) {

    /** Spring Boot's {@code management.endpoints.web.base-path} when unset. */
    public static final String ACTUATOR = "/actuator";
    /** The readiness group's path under Actuator's base path. */
    public static final String READINESS = "/health/readiness";
    /** The liveness group's path under Actuator's base path. */
    public static final String LIVENESS = "/health/liveness";

    static final String CONTEXT_PATH = "server.servlet.context-path";
    static final String SERVLET_PATH = "spring.mvc.servlet.path";
    static final String MANAGEMENT_BASE_PATH = "management.server.base-path";
    static final String ENDPOINTS_BASE_PATH = "management.endpoints.web.base-path";

    /**
     * The prefix of the application's own routes on its port: the context path and the servlet path, e.g. {@code /hr}
     * for {@code server.servlet.context-path: /hr}; "" when neither is set.
     *
     * @param instead what to write when a setting cannot be resolved, e.g. {@code set -Dextract.ecs.contextPath=<path>}
     * @throws ExtractionException (one line) when either is a placeholder the build cannot resolve
     */
    public String routePrefix(String instead) {
        return path(CONTEXT_PATH, "", "route prefix", instead) + path(SERVLET_PATH, "", "route prefix", instead);
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
        String before = ownPort ? path(MANAGEMENT_BASE_PATH, "", "health path", instead)
                : path(CONTEXT_PATH, "", "health path", instead) + path(SERVLET_PATH, "", "health path", instead);
        return before + path(ENDPOINTS_BASE_PATH, ACTUATOR, "health path", instead);
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

    /** A setting's path without its trailing slash ("" for {@code /}), or {@code unset} when no file sets it. */
    private String path(String key, String unset, String what, String instead) {
        if (application.unknown(key)) {
            throw new ExtractionException("The application's " + key + " " + application.written(key).strip() + " ("
                    + application.origin(key) + " in " + classes + "), a placeholder no settings file sets, gives no "
                    + what + " the build can know: " + instead);
        }
        String value = application.getProperty(key);
        if (value == null || value.isBlank()) {
            return unset;
        }
        String path = value.strip();
        if (path.endsWith("/*")) {
            path = path.substring(0, path.length() - 1); // a servlet mapping, /api/*: the path it maps
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path.isEmpty() || path.startsWith("/") ? path : "/" + path;
    }
}

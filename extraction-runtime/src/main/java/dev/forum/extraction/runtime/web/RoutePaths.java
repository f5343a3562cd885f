package dev.forum.extraction.runtime.web;

import java.util.function.Function;

/**
 * The one rule for where a Spring Boot application's own routes begin, read by both sides: the run time's warm-up
 * ({@link WarmUp}, over the application's {@code Environment}) and the extraction plugin (the {@code ecs} goal's
 * listener rules and {@code RUNTIME_REMOTE_BASE_URL}, and the service image's health paths, over the settings files it
 * reads), so the two never disagree. The rule:
 * <ul>
 * <li>the context path is {@value #CONTEXT_PATH} (Spring MVC), else, when that is not set, {@value #WEBFLUX_BASE_PATH}
 * (Spring WebFlux);</li>
 * <li>below it, the modules' routes are under {@value #SERVLET_PATH} (the path of Spring MVC's dispatcher servlet);</li>
 * <li>the route prefix is the two together, e.g. {@code /hr/svc}.</li>
 * </ul>
 * Each path comes without a trailing slash ({@link #trimmed}), "" for the root. The settings are read through a lookup
 * function (a setting's name to its value, null when it is not set), which may throw to refuse a value it cannot know;
 * the WebFlux base path is looked up only when the context path is not set. Needs nothing but the JDK (the plugin loads
 * it without Spring).
 */
public final class RoutePaths {

    /** Spring MVC's context path: every request to the application starts with it. */
    public static final String CONTEXT_PATH = "server.servlet.context-path";
    /** Spring WebFlux's base path: the context path of a WebFlux application. */
    public static final String WEBFLUX_BASE_PATH = "spring.webflux.base-path";
    /** The dispatcher servlet's path below the context path, where Spring MVC's routes begin. */
    public static final String SERVLET_PATH = "spring.mvc.servlet.path";

    private RoutePaths() {
    }

    /**
     * @param settings a setting's name to its value, null (or blank) when it is not set
     * @return the path every request to the application starts with: {@value #CONTEXT_PATH}, else
     *         {@value #WEBFLUX_BASE_PATH}, trimmed ({@link #trimmed}); "" for the root or neither set
     */
    public static String contextPath(Function<String, String> settings) {
        String servlet = settings.apply(CONTEXT_PATH);
        return trimmed(servlet != null && !servlet.isBlank() ? servlet : settings.apply(WEBFLUX_BASE_PATH));
    }

    /**
     * @param settings a setting's name to its value, null (or blank) when it is not set
     * @return {@value #SERVLET_PATH}, trimmed; "" for {@code /} or unset
     */
    public static String servletPath(Function<String, String> settings) {
        return trimmed(settings.apply(SERVLET_PATH));
    }

    /**
     * @param settings a setting's name to its value, null (or blank) when it is not set
     * @return where the application's own routes begin: {@link #contextPath} followed by {@link #servletPath}, e.g.
     *         {@code /hr} for {@code server.servlet.context-path: /hr/}; "" when none is set
     */
    public static String routePrefix(Function<String, String> settings) {
        return contextPath(settings) + servletPath(settings);
    }

    /**
     * A path as the rule takes it: stripped of white space, of a servlet mapping's {@code /*} and of trailing slashes,
     * with a leading slash.
     *
     * @param path a path as written ({@code /hr/}, {@code hr}, {@code /api/*}, {@code /}), or null
     * @return {@code /hr}, {@code /hr}, {@code /api}, "" (also for null or blank)
     */
    public static String trimmed(String path) {
        if (path == null) {
            return "";
        }
        String value = path.strip();
        if (value.endsWith("/*")) {
            value = value.substring(0, value.length() - 1);
        }
        while (value.endsWith("/")) {
            value = value.substring(0, value.length() - 1);
        }
        return value.isEmpty() || value.startsWith("/") ? value : "/" + value;
    }
}

package dev.forum.extraction.runtime.web;

import java.util.Locale;
import java.util.function.Function;

/**
 * The one rule for where a Spring Boot application's own routes begin, read by both sides: the run time's warm-up
 * ({@link WarmUp}, over the application's {@code Environment}) and the extraction plugin (the {@code ecs} goal's
 * listener rules and {@code RUNTIME_REMOTE_BASE_URL}, and the service image's health paths, over the settings files it
 * reads), so the two never disagree. Spring Boot reads only the settings of the application's web stack
 * ({@link Stack}), and so does the rule:
 * <ul>
 * <li>Spring MVC ({@link Stack#SERVLET}): the context path is {@value #CONTEXT_PATH}, and below it the modules' routes
 * are under {@value #SERVLET_PATH} (the path of Spring MVC's dispatcher servlet); {@value #WEBFLUX_BASE_PATH} is not
 * read (an MVC application may carry Spring WebFlux for its {@code WebClient}, and Boot ignores the setting there);</li>
 * <li>Spring WebFlux ({@link Stack#REACTIVE}): the context path is {@value #WEBFLUX_BASE_PATH}, and there is no servlet
 * path: {@value #CONTEXT_PATH} and {@value #SERVLET_PATH} are not read;</li>
 * <li>the route prefix is the two together, e.g. {@code /hr/svc}.</li>
 * </ul>
 * Each path comes without a trailing slash ({@link #trimmed}), "" for the root. The settings are read through a lookup
 * function (a setting's name to its value, null when it is not set), which may throw to refuse a value it cannot know;
 * only the stack's own settings are looked up. Needs nothing but the JDK (the plugin loads it without Spring).
 */
public final class RoutePaths {

    /** Spring MVC's context path: every request to a servlet application starts with it. */
    public static final String CONTEXT_PATH = "server.servlet.context-path";
    /** Spring WebFlux's base path: the context path of a reactive application. */
    public static final String WEBFLUX_BASE_PATH = "spring.webflux.base-path";
    /** The dispatcher servlet's path below the context path, where Spring MVC's routes begin. */
    public static final String SERVLET_PATH = "spring.mvc.servlet.path";
    /** Spring Boot's setting that names the web stack, over what the class path says ({@link #stack}). */
    public static final String WEB_APPLICATION_TYPE = "spring.main.web-application-type";

    /** The web stack an application runs on, as Spring Boot's {@code WebApplicationType} names it. */
    public enum Stack {
        /** Spring MVC on a servlet container. */
        SERVLET,
        /** Spring WebFlux. */
        REACTIVE
    }

    private RoutePaths() {
    }

    /**
     * The web stack as Spring Boot 4.0.1 and later decide it: {@value #WEB_APPLICATION_TYPE} when it names
     * {@code servlet} or {@code reactive} (any case, surrounding white space ignored), else servlet when Boot deduces
     * a servlet application from the class path ({@code WebApplicationType.deduce()}: {@code spring-boot-webmvc}'s
     * deducer first, then {@code spring-boot-webflux}'s), else reactive. Spring Boot 4.0.0 has no such deducers yet
     * and keeps Boot 3's rule, so where both stacks' classes come along it may decide the other way, unless the
     * setting names the stack. ({@code none}, or no web stack at all, starts no web server, so no path of it is asked
     * for: the class path decides then too.)
     *
     * @param webApplicationType the value of {@value #WEB_APPLICATION_TYPE}, or null when it is not set
     * @param servlet            whether Spring Boot 4.0.1 or later deduces {@code SERVLET} from the application's
     *                           run-time class path: {@code spring-boot-webmvc} with {@code jakarta.servlet.Servlet},
     *                           Spring MVC's {@code DispatcherServlet} and {@code ConfigurableWebApplicationContext};
     *                           or, with neither {@code spring-boot-webmvc} nor {@code spring-boot-webflux} answering,
     *                           the servlet API and {@code ConfigurableWebApplicationContext} (a {@code spring-webmvc}
     *                           that came with WebFlux's starter alone does not make it a servlet application)
     * @return the stack whose settings the rule reads
     */
    public static Stack stack(String webApplicationType, boolean servlet) {
        String named = webApplicationType == null ? "" : webApplicationType.strip().toUpperCase(Locale.ROOT);
        if (named.equals(Stack.SERVLET.name()) || named.equals(Stack.REACTIVE.name())) {
            return Stack.valueOf(named);
        }
        return servlet ? Stack.SERVLET : Stack.REACTIVE;
    }

    /**
     * @param stack    the application's web stack
     * @param settings a setting's name to its value, null (or blank) when it is not set
     * @return the path every request to the application starts with, trimmed ({@link #trimmed}): {@value #CONTEXT_PATH}
     *         for {@link Stack#SERVLET}, {@value #WEBFLUX_BASE_PATH} for {@link Stack#REACTIVE}; "" for the root or unset
     */
    public static String contextPath(Stack stack, Function<String, String> settings) {
        return trimmed(settings.apply(stack == Stack.SERVLET ? CONTEXT_PATH : WEBFLUX_BASE_PATH));
    }

    /**
     * @param stack    the application's web stack
     * @param settings a setting's name to its value, null (or blank) when it is not set
     * @return for {@link Stack#SERVLET}, {@value #SERVLET_PATH} trimmed ("" for {@code /} or unset); "" for
     *         {@link Stack#REACTIVE}, which has no servlet path
     */
    public static String servletPath(Stack stack, Function<String, String> settings) {
        return stack == Stack.SERVLET ? trimmed(settings.apply(SERVLET_PATH)) : "";
    }

    /**
     * @param stack    the application's web stack
     * @param settings a setting's name to its value, null (or blank) when it is not set
     * @return where the application's own routes begin: {@link #contextPath} followed by {@link #servletPath}, e.g.
     *         {@code /hr} for a servlet application's {@code server.servlet.context-path: /hr/}; "" when none is set
     */
    public static String routePrefix(Stack stack, Function<String, String> settings) {
        return contextPath(stack, settings) + servletPath(stack, settings);
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

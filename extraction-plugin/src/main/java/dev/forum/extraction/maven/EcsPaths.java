package dev.forum.extraction.maven;

import dev.forum.extraction.image.ApplicationPaths;
import dev.forum.extraction.model.ApplicationProperties;
import dev.forum.extraction.model.ExtractionException;
import dev.forum.extraction.runtime.web.RoutePaths;
import dev.forum.topology.PathPattern;
import dev.forum.topology.RoutingRule;
import dev.forum.topology.ServiceSpec;
import dev.forum.topology.Topology;
import dev.forum.topology.TopologySpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the ECS tasks answer, from the ecs goal's settings or, unset, from the application as Spring Boot lays out its
 * paths ({@link ApplicationPaths}), read for the profiles the tasks run with: the prefix of the application's routes
 * (for Spring MVC its context path and its servlet path, for Spring WebFlux its base path: {@link RoutePaths}, the rule
 * the run time's warm-up reads too; the listener rules and the internal base URL begin with it) and the path of
 * the readiness check on Actuator's own port (the tasks always give Actuator one, {@code MANAGEMENT_SERVER_PORT}: so
 * {@code management.server.base-path} and {@code management.endpoints.web.base-path} count, the context path does not).
 *
 * @param contextPath     the application routes' prefix, e.g. {@code /hr}; "" for none
 * @param healthCheckPath the readiness check's path on the management port, e.g. {@code /manage/health/readiness}
 */
record EcsPaths(String contextPath, String healthCheckPath) {

    /** The most characters an ALB path pattern may hold (Elastic Load Balancing, "Path conditions"). */
    static final int MAX_PATTERN = 128;

    /** What the tasks answer when nothing moves them: the root, and Actuator's default readiness path. */
    static final EcsPaths SPRING_BOOT = new EcsPaths("", ApplicationPaths.ACTUATOR + ApplicationPaths.READINESS);

    /** Where a health group's settings begin; {@value #ADDITIONAL_PATH} ends the one that gives it a path of its own. */
    private static final String HEALTH_GROUP = "management.endpoint.health.group.";
    private static final String ADDITIONAL_PATH = ".additional-path";

    /**
     * @param contextPath     {@code extract.ecs.contextPath} as given ({@code /} for none), or null to read it
     * @param healthCheckPath {@code extract.ecs.healthCheckPath} as given, or null (blank counts as unset) to read it
     * @param classes         the application's classes folder (it may not be there yet: Spring Boot's paths then), or
     *                        null ahead of the ecs goal, where it may be missing or stale: only the settings given count
     * @param servlet         whether Spring Boot 4 deduces a servlet application from the application's run-time class
     *                        path ({@link WebStack}; its web stack unless {@code spring.main.web-application-type}
     *                        names one: {@link ApplicationPaths})
     * @param profile         {@code extract.ecs.profile} (comma-separated), or null when the tasks set none (the files'
     *                        own {@code spring.profiles.active} then decides)
     * @return the paths; a setting given is taken as written, trimmed as the rule trims a path
     *         ({@link RoutePaths#trimmed}: no trailing slash, a leading one)
     * @throws ExtractionException (one line) when a path to read is a placeholder the build cannot resolve, naming it
     *                              and the setting to write instead
     */
    static EcsPaths of(String contextPath, String healthCheckPath, Path classes, boolean servlet,
            String profile) {
        String givenHealth = healthCheckPath != null && !healthCheckPath.isBlank() ? healthCheckPath.strip() : null;
        if (classes == null) { // ahead of the ecs goal the classes may be missing or stale (EcsPorts#of): the settings given
            return new EcsPaths(contextPath != null ? RoutePaths.trimmed(contextPath) : SPRING_BOOT.contextPath(),
                    givenHealth != null ? givenHealth : SPRING_BOOT.healthCheckPath());
        }
        ApplicationPaths paths = new ApplicationPaths(ApplicationProperties.read(classes, profiles(profile)), classes,
                servlet);
        String context = contextPath != null ? RoutePaths.trimmed(contextPath)
                : paths.routePrefix("set -Dextract.ecs.contextPath=<path> (/ for none)");
        String health = givenHealth != null ? givenHealth
                : paths.actuatorBase(true, "set -Dextract.ecs.healthCheckPath=<path>") + ApplicationPaths.READINESS;
        return new EcsPaths(context, health);
    }

    /**
     * A health check path given where the application's readiness group does not answer ({@link #of} reads that path:
     * Actuator's base path on its own port, then {@value ApplicationPaths#READINESS}), checked against what Actuator
     * serves on that port as Spring Boot 4.1 lays it out: its endpoints under {@code management.server.base-path}
     * followed by {@code management.endpoints.web.base-path} (the application's context path does not apply there), and
     * a health group's {@code management.endpoint.health.group.<name>.additional-path} of the {@code management:}
     * namespace under {@code management.server.base-path} ({@code management:/healthz} at {@code /ops/healthz}).
     * <ul>
     * <li>Outside both it is refused: nothing on that port answers it, so every task would fail its health checks.</li>
     * <li>A group's additional path is accepted without a word.</li>
     * <li>Another path under Actuator's base path is a warning naming both: a user may mean another endpoint (Actuator's
     * whole health, another group) or have mistyped it ({@code /manage/health/readyness}).</li>
     * </ul>
     * Nothing is said where the application's paths cannot be read (a placeholder no settings file sets: the path given
     * is what that refusal asks for) or the classes are not known yet.
     *
     * @param healthCheckPath {@code extract.ecs.healthCheckPath} as given, or null (blank counts as unset)
     * @param classes         the application's classes folder, or null ahead of the ecs goal
     * @param servlet         whether Spring Boot 4 deduces a servlet application from the run-time class path
     * @param profile         {@code extract.ecs.profile}, or null
     * @return the warning line ({@code [extract] ecs: ...}), or null when the path given is the application's readiness
     *         path or a group's additional path, or none is given
     * @throws ExtractionException (one line) when nothing Actuator serves on the management port is at the path given,
     *                              naming the paths that would answer
     */
    static String givenHealthCheck(String healthCheckPath, Path classes, boolean servlet, String profile) {
        if (healthCheckPath == null || healthCheckPath.isBlank() || classes == null) {
            return null;
        }
        String given = healthCheckPath.strip();
        ApplicationPaths paths = new ApplicationPaths(ApplicationProperties.read(classes, profiles(profile)), classes,
                servlet);
        String base;
        String actuator;
        try {
            base = paths.managementBase("");
            actuator = paths.actuatorBase(true, "");
        } catch (ExtractionException e) {
            return null;
        }
        String readiness = actuator + ApplicationPaths.READINESS;
        Map<String, String> additional = additionalPaths(paths.application(), base);
        if (given.equals(readiness) || additional.containsValue(given)) {
            return null;
        }
        if (!given.equals(actuator) && !given.startsWith(actuator + "/")) {
            StringBuilder answering = new StringBuilder("the application's readiness path " + readiness);
            additional.forEach((group, path) -> answering.append(", ").append(path).append(" (the additional-path of")
                    .append(" health group ").append(group).append(")"));
            throw new ExtractionException("-Dextract.ecs.healthCheckPath=" + given + " is no path Actuator serves on the"
                    + " management port, which the health checks ask: there it answers only under " + actuator
                    + " (management.server.base-path, then management.endpoints.web.base-path; the application's context"
                    + " path does not apply on that port) and at a health group's additional-path management:/<name>"
                    + (base.isEmpty() ? "" : " under " + base) + ", so every task would fail them: set "
                    + answering + " or another path under " + actuator + ", or leave extract.ecs.healthCheckPath out");
        }
        return "[extract] ecs: the health checks ask -Dextract.ecs.healthCheckPath=" + given + " on the management port,"
                + " but the application's readiness group answers at " + readiness + " there (Actuator's base path from"
                + " management.server.base-path and management.endpoints.web.base-path): if that is a typo, correct it or"
                + " leave extract.ecs.healthCheckPath out to take the application's; if you mean another endpoint, keep it"
                + " (it must answer 200 only once the task can serve)";
    }

    /**
     * The paths on the management port of the health groups' additional paths of the {@code management:} namespace
     * ({@code management.endpoint.health.group.<name>.additional-path}, one segment, served under the management port's
     * base path), by group in the order the files set them; a value the build cannot resolve, of the {@code server:}
     * namespace (the application's port) or of no segment is left out.
     *
     * @param base the management port's base path ({@code management.server.base-path}), "" for none
     */
    private static Map<String, String> additionalPaths(ApplicationProperties application, String base) {
        Map<String, String> paths = new LinkedHashMap<>();
        for (String key : application.keys(HEALTH_GROUP)) {
            String value = application.getProperty(key);
            int colon = value == null ? -1 : value.indexOf(':');
            if (!key.endsWith(ADDITIONAL_PATH) || colon < 0
                    || !value.substring(0, colon).strip().equals("management")) {
                continue;
            }
            String path = RoutePaths.trimmed(value.substring(colon + 1));
            if (!path.isEmpty()) { // Spring Boot refuses a path of no segment: the application does not start
                paths.put(key.substring(HEALTH_GROUP.length(), key.length() - ADDITIONAL_PATH.length()), base + path);
            }
        }
        return paths;
    }

    /**
     * The services whose own {@code SPRING_PROFILES_ACTIVE} (their {@code environment:} in the topology file) makes them
     * answer at other paths than these, read as {@link #of} reads them: the load balancers' rules and the monolith's
     * target groups are one for every task, so each is refused in one line. A setting given is not read again: the
     * tasks are taken to answer there.
     *
     * @param spec            the topology file read
     * @param contextPath     {@code extract.ecs.contextPath} as given, or null
     * @param healthCheckPath {@code extract.ecs.healthCheckPath} as given, or null
     * @param classes         the application's classes folder
     * @param servlet         whether Spring Boot 4 deduces a servlet application from the run-time class path
     *                        ({@link WebStack})
     * @return one line per service that answers elsewhere; empty when every service answers at these paths
     */
    List<String> otherPaths(TopologySpec spec, String contextPath, String healthCheckPath, Path classes,
            boolean servlet) {
        List<String> lines = new ArrayList<>();
        for (ServiceSpec service : spec.services()) {
            String profile = service.environment().get("SPRING_PROFILES_ACTIVE");
            if (profile == null) {
                continue;
            }
            EcsPaths own;
            try {
                own = of(contextPath, healthCheckPath, classes, servlet, profile);
            } catch (ExtractionException e) {
                lines.add("service " + service.name() + " (SPRING_PROFILES_ACTIVE=" + profile + "): " + e.getMessage());
                continue;
            }
            if (!own.equals(this)) {
                lines.add("service " + service.name() + " runs with SPRING_PROFILES_ACTIVE=" + profile + ", with which the"
                        + " application answers under '" + own.contextPath + "' and checks readiness at "
                        + own.healthCheckPath + ", but every other task under '" + contextPath() + "' at "
                        + healthCheckPath() + ": the load balancers' rules are one for all; set the same"
                        + " route prefix (server.servlet.context-path and spring.mvc.servlet.path, or"
                        + " spring.webflux.base-path), web stack (spring.main.web-application-type) and"
                        + " Actuator paths in that profile, or set"
                        + " -Dextract.ecs.contextPath and -Dextract.ecs.healthCheckPath");
            }
        }
        return lines;
    }

    /**
     * The rules whose path pattern, under {@link #contextPath}, is longer than an ALB path pattern may be
     * ({@value #MAX_PATTERN} characters; the topology checks the route prefixes alone).
     *
     * @param topology the topology rendered
     * @return one line per such pattern, naming the module and what to shorten; empty when every one fits
     */
    List<String> tooLong(Topology topology) {
        List<String> lines = new ArrayList<>();
        for (RoutingRule rule : topology.routingRules()) {
            for (PathPattern pattern : rule.patterns()) {
                String routed = contextPath + pattern.pattern();
                if (routed.length() > MAX_PATTERN) {
                    lines.add("module " + rule.module() + ": its load balancer rule " + routed + " under the context path "
                            + contextPath + " is " + routed.length() + " characters, more than the " + MAX_PATTERN
                            + " an ALB path pattern holds: shorten its route prefix or the context path");
                }
            }
        }
        return lines;
    }

    /** The profiles the tasks set, in order; empty for none set. */
    private static List<String> profiles(String profile) {
        return profile == null || profile.isBlank() ? List.of()
                : Arrays.stream(profile.split(",")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }
}

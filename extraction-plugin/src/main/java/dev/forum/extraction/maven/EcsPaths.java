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
import java.util.List;

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
     * A health check path given that is not where the application's readiness group answers ({@link #of} reads it from
     * the application: Actuator's base path on its own port, then {@value ApplicationPaths#READINESS}), as a warning
     * naming both: a user may mean another endpoint (Actuator's whole health, another group, a group's
     * {@code management:} additional path), or have mistyped it ({@code /manage/health/readyness}). A path outside
     * {@code management.server.base-path} is refused: the health checks ask the management port, where Spring Boot
     * serves nothing outside that base path (its context path there; the application's context path does not apply),
     * so every task would fail them. Nothing is said where the application's path cannot be read (a placeholder no
     * settings file sets: the path given is what that refusal asks for) or the classes are not known yet.
     *
     * @param healthCheckPath {@code extract.ecs.healthCheckPath} as given, or null (blank counts as unset)
     * @param classes         the application's classes folder, or null ahead of the ecs goal
     * @param servlet         whether Spring Boot 4 deduces a servlet application from the run-time class path
     * @param profile         {@code extract.ecs.profile}, or null
     * @return the warning line ({@code [extract] ecs: ...}), or null when the path given is the application's, or none
     *         is given
     * @throws ExtractionException (one line) when the path given is outside the management port's base path, naming the
     *                              application's readiness path to set instead
     */
    static String givenHealthCheck(String healthCheckPath, Path classes, boolean servlet, String profile) {
        if (healthCheckPath == null || healthCheckPath.isBlank() || classes == null) {
            return null;
        }
        String given = healthCheckPath.strip();
        ApplicationPaths paths = new ApplicationPaths(ApplicationProperties.read(classes, profiles(profile)), classes,
                servlet);
        String base;
        String readiness;
        try {
            base = paths.managementBase("");
            readiness = paths.actuatorBase(true, "") + ApplicationPaths.READINESS;
        } catch (ExtractionException e) {
            return null;
        }
        if (given.equals(readiness)) {
            return null;
        }
        if (!base.isEmpty() && !given.equals(base) && !given.startsWith(base + "/")) {
            throw new ExtractionException("-Dextract.ecs.healthCheckPath=" + given + " is not under " + base + ", the"
                    + " management port's base path (management.server.base-path): the health checks ask that port, where"
                    + " nothing answers outside it, so every task would fail them: set the application's readiness path "
                    + readiness + " (or another path under " + base + "), or leave extract.ecs.healthCheckPath out");
        }
        return "[extract] ecs: the health checks ask -Dextract.ecs.healthCheckPath=" + given + " on the management port,"
                + " but the application's readiness group answers at " + readiness + " there (Actuator's base path from"
                + " management.server.base-path and management.endpoints.web.base-path): if that is a typo, correct it or"
                + " leave extract.ecs.healthCheckPath out to take the application's; if you mean another endpoint, keep it"
                + " (it must answer 200 only once the task can serve)";
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

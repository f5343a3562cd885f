package dev.forum.extraction.ecs;

/**
 * What the templates need besides the topology: how the application answers and stops, and where the build
 * puts things. Defaults follow the forum's {@code application.properties} and the zero-downtime checklist.
 *
 * @param containerPort           the port the application listens on ({@code server.port})
 * @param healthCheckPath         the readiness endpoint the load balancer checks
 * @param deregistrationDelay     seconds a target drains before it is stopped (longer than the longest request)
 * @param healthCheckGracePeriod  seconds ECS ignores failing health checks of a new task (longer than start-up)
 * @param stopTimeout             seconds between SIGTERM and SIGKILL (longer than the application's graceful
 *                                shutdown, {@code spring.lifecycle.timeout-per-shutdown-phase}); Fargate allows 120
 * @param databaseBootstrapSql    the admin script that creates one role and schema per module, or null for none
 * @param projectRoot             the project's root directory, relative to the rendered folder (for deploy.sh)
 * @param mavenModule             the Maven module that builds the service images, relative to the root
 * @param servicesDirectory       where that module writes {@code <service>/<service>-image.tar}, relative to the root
 */
public record EcsSettings(int containerPort, String healthCheckPath, int deregistrationDelay, int healthCheckGracePeriod,
        int stopTimeout, String databaseBootstrapSql, String projectRoot, String mavenModule, String servicesDirectory) {

    public static final int DEFAULT_PORT = 3000;
    public static final String DEFAULT_HEALTH_CHECK_PATH = "/actuator/health/readiness";

    public EcsSettings {
        if (containerPort < 1 || containerPort > 65535) {
            throw new IllegalArgumentException("containerPort " + containerPort + " is not a port");
        }
        if (healthCheckPath == null || !healthCheckPath.startsWith("/")) {
            throw new IllegalArgumentException("healthCheckPath must start with '/': " + healthCheckPath);
        }
        if (deregistrationDelay < 0 || deregistrationDelay > 3600) {
            throw new IllegalArgumentException("deregistrationDelay is 0-3600 seconds, not " + deregistrationDelay);
        }
        if (stopTimeout < 2 || stopTimeout > 120) {
            throw new IllegalArgumentException("stopTimeout is 2-120 seconds on Fargate, not " + stopTimeout);
        }
        if (healthCheckGracePeriod < 0) {
            throw new IllegalArgumentException("healthCheckGracePeriod must not be negative");
        }
    }

    /** The forum's values: port 3000, readiness, 20 s drain, 120 s grace, 30 s stop timeout. */
    public static EcsSettings defaults(String databaseBootstrapSql, String projectRoot, String mavenModule,
            String servicesDirectory) {
        return new EcsSettings(DEFAULT_PORT, DEFAULT_HEALTH_CHECK_PATH, 20, 120, 30, databaseBootstrapSql, projectRoot,
                mavenModule, servicesDirectory);
    }
}

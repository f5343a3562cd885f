package dev.forum.extraction.ecs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the templates need besides the topology: how the application answers, stops, signs and checks tokens (if it
 * does), which profile and database credentials it runs with, and where the build puts things. {@link #defaults}
 * follow the forum's {@code application-prod.properties} and the zero-downtime checklist; the ecs goal's settings
 * ({@code extract.ecs.*}) give another application's.
 *
 * @param containerPort           the port the application serves on ({@code server.port}); listener rules forward here
 * @param managementPort          Actuator's own port ({@code management.server.port}): only the load balancers' health
 *                                checks reach it, no listener rule forwards to it
 * @param healthCheckPath         the readiness endpoint the load balancer checks on {@code managementPort}
 * @param contextPath             the prefix of the application's routes on {@code containerPort} (its
 *                                {@code server.servlet.context-path} and {@code spring.mvc.servlet.path}, e.g.
 *                                {@code /hr}), "" for none: the listener rules match the module routes under it, and the
 *                                internal base URL the tasks call remote modules at ends with it
 * @param deregistrationDelay     seconds a target drains before it is stopped (longer than the longest request)
 * @param healthCheckGracePeriod  seconds ECS ignores failing health checks of a new task (longer than start-up)
 * @param stopTimeout             seconds between SIGTERM and SIGKILL (longer than the application's graceful
 *                                shutdown, {@code spring.lifecycle.timeout-per-shutdown-phase}); Fargate allows 120
 * @param identity                who signs tokens and how every process verifies them; null when the application has
 *                                no module that issues tokens (no token settings, no signing keys' secret)
 * @param rdsCaBundle             where the image holds the RDS certificate authorities' bundle (PEM), for
 *                                {@code sslmode=verify-full}
 * @param databaseBootstrapImage  the script that builds the database bootstrap image (psql and
 *                                {@code module-roles.sql}), relative to the project root, or null for no bootstrap
 * @param projectRoot             the project's root directory, relative to the rendered folder (for deploy.sh)
 * @param mavenModule             the Maven module that builds the service images, relative to the root
 * @param servicesDirectory       where that module writes {@code <service>/<service>-image.tar}, relative to the root
 * @param springProfile           the Spring profile(s) every task runs with ({@code SPRING_PROFILES_ACTIVE}), or null
 *                                for none set (the application's default)
 * @param problemTypePrefix       the {@code type} of the problem documents the load balancers and the firewall answer:
 *                                {@value #ABOUT_BLANK} (RFC 9457's type for a problem that means only its status), or a
 *                                URI prefix the problem's kind is appended to (the forum's {@code urn:forum:problem:})
 * @param moduleDatabases         true when every module has database credentials of its own
 *                                ({@code <settingsPrefix>.datasource.<module>.*}, e.g. the forum's
 *                                {@code FORUM_DATASOURCE_<MODULE>_*}, a role and schema per module); false for an
 *                                application with one standard datasource ({@code SPRING_DATASOURCE_USERNAME},
 *                                {@code _PASSWORD}, the database's admin secret)
 * @param databaseClients         how the application reads a database ({@link DatabaseClients}: JDBC, R2DBC, both, or
 *                                none): with any, the deployment has a PostgreSQL database and its secrets, and the
 *                                tasks the settings of each way and a path to it; with none, none of them (least
 *                                privilege: no task gets a credential it never uses)
 * @param moduleCalls             each module's name to the modules it calls through an HTTP contract (Spring Modulith's
 *                                model, {@code ModulithModel.httpCalls}); a module missing calls none. A task reaches the
 *                                internal load balancer only where a module it holds in some step calls one it does not
 *                                hold there, or it fetches the token keys from a remote issuer (least privilege: no path
 *                                it never uses)
 * @param settingsPrefix          the prefix of the application's own properties that {@code moduleDatabases}
 *                                ({@code <prefix>.datasource.<module>.*}) and the token settings
 *                                ({@code <prefix>.security.jwt.*}) name, as a Spring property prefix (e.g. {@code forum},
 *                                {@code shop}); their environment variables are derived from it
 *                                ({@link #applicationVariable})
 * @param topologyFile            the topology file rendered, relative to the project root (deploy.sh builds the images
 *                                with it: a build on another file would render another deployment over this one)
 */
public record EcsSettings(int containerPort, int managementPort, String healthCheckPath, String contextPath,
        int deregistrationDelay,
        int healthCheckGracePeriod, int stopTimeout, Identity identity, String rdsCaBundle, String databaseBootstrapImage,
        String projectRoot, String mavenModule, String servicesDirectory, String springProfile, String problemTypePrefix,
        boolean moduleDatabases, DatabaseClients databaseClients, Map<String, Set<String>> moduleCalls,
        String settingsPrefix, String topologyFile) {

    /** RFC 9457, section 4.2.1: the problem has no meaning beyond its HTTP status. */
    public static final String ABOUT_BLANK = "about:blank";
    /** A URI scheme and the characters a problem type may carry unquoted in JSON and in deploy.sh. */
    private static final java.util.regex.Pattern TYPE_PREFIX = java.util.regex.Pattern.compile(
            "[A-Za-z][A-Za-z0-9+.-]*:[A-Za-z0-9_.~:/?#@!$&'()*+,;=%-]*");
    /** A Spring property prefix: dot-separated names of lower-case letters, digits and dashes. */
    private static final java.util.regex.Pattern PROPERTY_PREFIX = java.util.regex.Pattern.compile(
            "[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*");
    /** A context path an ALB path pattern and a URL take as it is: no wildcard, no empty segment, no trailing slash. */
    private static final java.util.regex.Pattern CONTEXT_PATH = java.util.regex.Pattern.compile("(/[A-Za-z0-9._~-]+)*");
    private static final java.util.regex.Pattern PROFILES = java.util.regex.Pattern.compile("[A-Za-z0-9_.-]+(,[A-Za-z0-9_.-]+)*");

    /** The forum's port ({@code server.port}), for {@link #defaults}; the ecs goal reads each application's own. */
    public static final int DEFAULT_PORT = 3000;
    /** The forum's Actuator port ({@code management.server.port} of its prod profile), for {@link #defaults}. */
    public static final int DEFAULT_MANAGEMENT_PORT = 3001;
    public static final String DEFAULT_HEALTH_CHECK_PATH = "/actuator/health/readiness";
    public static final String DEFAULT_RDS_CA_BUNDLE = "/app/rds/global-bundle.pem";

    /**
     * Tokens (JWT): the module whose processes sign them, where every process fetches the public keys, and the
     * issuer and audience every process checks.
     *
     * @param issuerModule the module that signs (its processes get the signing keys' secret; no other does)
     * @param jwkSetPath   the path of the JWK set on the internal load balancer (served by {@code issuerModule})
     * @param issuer       the tokens' {@code iss}
     * @param audience     the tokens' {@code aud}
     */
    public record Identity(String issuerModule, String jwkSetPath, String issuer, String audience) {

        public Identity {
            if (jwkSetPath == null || !jwkSetPath.startsWith("/")) {
                throw new IllegalArgumentException("jwkSetPath must start with '/': " + jwkSetPath);
            }
            if (issuer == null || issuer.isBlank() || audience == null || audience.isBlank()) {
                throw new IllegalArgumentException("a token issuer and an audience are needed");
            }
        }

        /** The forum's: users signs and publishes {@code /api/users/jwks.json}; issuer and audience named after the app. */
        public static Identity forum(String app) {
            return new Identity("users", "/api/users/jwks.json", "urn:" + app + ":users", "urn:" + app + ":api");
        }
    }

    /**
     * Checks every setting, so that one build names each that is wrong.
     *
     * @throws SettingsMismatch every setting that is out of range or does not fit the others, one line each
     */
    public EcsSettings {
        List<String> problems = new ArrayList<>();
        if (containerPort < 1 || containerPort > 65535) {
            problems.add("containerPort " + containerPort + " is not a port");
        }
        if (managementPort < 1 || managementPort > 65535 || managementPort == containerPort) {
            problems.add("managementPort " + managementPort + " must be a port other than " + containerPort);
        }
        if (healthCheckPath == null || !healthCheckPath.startsWith("/")) {
            problems.add("healthCheckPath must start with '/': " + healthCheckPath);
        }
        if (contextPath == null || !CONTEXT_PATH.matcher(contextPath).matches()) {
            problems.add("contextPath is \"\" or a path such as /hr (segments of letters, digits, . _ ~ -), not '"
                    + contextPath + "'");
        }
        if (deregistrationDelay < 0 || deregistrationDelay > 3600) {
            problems.add("deregistrationDelay is 0-3600 seconds, not " + deregistrationDelay);
        }
        if (stopTimeout < 2 || stopTimeout > 120) {
            problems.add("stopTimeout is 2-120 seconds on Fargate, not " + stopTimeout);
        }
        if (healthCheckGracePeriod < 0) {
            problems.add("healthCheckGracePeriod must not be negative");
        }
        if (problemTypePrefix == null || !TYPE_PREFIX.matcher(problemTypePrefix).matches()) {
            problems.add("problemTypePrefix must be " + ABOUT_BLANK + " or an absolute URI prefix"
                    + " such as urn:example:problem: or https://example.com/problems/, not '" + problemTypePrefix + "'");
        }
        if (springProfile != null && !PROFILES.matcher(springProfile).matches()) {
            problems.add("profile is a comma-separated list of Spring profile names (letters,"
                    + " digits, . _ -), not '" + springProfile + "'");
        }
        if (settingsPrefix == null || !PROPERTY_PREFIX.matcher(settingsPrefix).matches()) {
            problems.add("settingsPrefix is a Spring property prefix such as shop or com.example.shop"
                    + " (lower-case letters, digits, '-', separated by '.'), not '" + settingsPrefix + "'");
        }
        if (rdsCaBundle == null || !rdsCaBundle.startsWith("/")) {
            problems.add("rdsCaBundle must be an absolute path in the image: " + rdsCaBundle);
        }
        if (databaseClients == null) {
            problems.add("databaseClients is JDBC, R2DBC, BOTH or NONE, not null");
            databaseClients = DatabaseClients.NONE;
        }
        boolean database = databaseClients.any();
        moduleCalls = Map.copyOf(moduleCalls.entrySet().stream().collect(Collectors.toMap(
                Map.Entry::getKey, e -> Set.copyOf(e.getValue()))));
        if (!database && moduleDatabases) {
            problems.add("moduleDatabases gives each module database credentials, but the application "
                    + NO_JDBC + ", so the deployment has no database: leave moduleDatabases out, or add the dependency "
                    + JDBC_STARTER + " if the application reads a database");
        }
        if (!database && databaseBootstrapImage != null) {
            problems.add("databaseBootstrapImage makes roles and schemas in the database, but the"
                    + " application " + NO_JDBC + ", so the deployment has no database: leave databaseBootstrapImage out,"
                    + " or add the dependency " + JDBC_STARTER + " if the application reads a database");
        }
        if (!problems.isEmpty()) {
            throw new SettingsMismatch(problems);
        }
    }

    /**
     * Why an application gets no database, in the settings' refusals and the ecs goal's line: its service jars hold
     * neither Spring Boot's DataSource auto-configuration nor its R2DBC one ({@link DatabaseClients}).
     */
    public static final String NO_JDBC = "reads no database: its service jars hold neither Spring Boot's JDBC"
            + " (org.springframework.boot:spring-boot-jdbc with org.springframework:spring-jdbc) nor its R2DBC"
            + " (org.springframework.boot:spring-boot-r2dbc with io.r2dbc:r2dbc-spi)";
    /** What gives an application Spring's JDBC and a datasource. */
    public static final String JDBC_STARTER = "org.springframework.boot:spring-boot-starter-jdbc";
    /** What gives an application Spring Data R2DBC and Spring Boot's R2DBC connection factory. */
    public static final String R2DBC_STARTER = "org.springframework.boot:spring-boot-starter-data-r2dbc";

    /**
     * The forum's values: ports 3000 and 3001, readiness, no context path, 20 s drain, 120 s grace, 30 s stop timeout, tokens signed by
     * users, profile {@code prod}, problem types {@code urn:forum:problem:<kind>}, a database with a role per module, the
     * application's settings under {@code app} (the topology's name: {@code forum.*} for the forum); no module calling
     * another ({@link #moduleCalls}: the ecs goal reads the application's calls from Spring Modulith's model).
     */
    public static EcsSettings defaults(String app, String databaseBootstrapImage, String projectRoot, String mavenModule,
            String servicesDirectory) {
        return new EcsSettings(DEFAULT_PORT, DEFAULT_MANAGEMENT_PORT, DEFAULT_HEALTH_CHECK_PATH, "", 20, 120, 30,
                Identity.forum(app), DEFAULT_RDS_CA_BUNDLE, databaseBootstrapImage, projectRoot, mavenModule,
                servicesDirectory, "prod", "urn:forum:problem:", true, DatabaseClients.JDBC, Map.of(), app, "topology.yml");
    }

    /** These settings with {@code identity}, {@code springProfile}, {@code problemTypePrefix} and {@code moduleDatabases} replaced. */
    public EcsSettings application(Identity identity, String springProfile, String problemTypePrefix, boolean moduleDatabases) {
        return new EcsSettings(containerPort, managementPort, healthCheckPath, contextPath, deregistrationDelay,
                healthCheckGracePeriod, stopTimeout, identity, rdsCaBundle, databaseBootstrapImage, projectRoot, mavenModule, servicesDirectory,
                springProfile, problemTypePrefix, moduleDatabases, databaseClients, moduleCalls, settingsPrefix, topologyFile);
    }

    /**
     * These settings with {@link #databaseClients} replaced.
     *
     * @throws SettingsMismatch without a database, when {@code moduleDatabases} or a bootstrap image is set
     */
    public EcsSettings databaseClients(DatabaseClients clients) {
        return new EcsSettings(containerPort, managementPort, healthCheckPath, contextPath, deregistrationDelay,
                healthCheckGracePeriod, stopTimeout, identity, rdsCaBundle, databaseBootstrapImage, projectRoot, mavenModule, servicesDirectory,
                springProfile, problemTypePrefix, moduleDatabases, clients, moduleCalls, settingsPrefix, topologyFile);
    }

    /** These settings with {@link #moduleCalls} replaced (a module missing calls none). */
    public EcsSettings moduleCalls(Map<String, Set<String>> calls) {
        return new EcsSettings(containerPort, managementPort, healthCheckPath, contextPath, deregistrationDelay,
                healthCheckGracePeriod, stopTimeout, identity, rdsCaBundle, databaseBootstrapImage, projectRoot, mavenModule, servicesDirectory,
                springProfile, problemTypePrefix, moduleDatabases, databaseClients, calls, settingsPrefix, topologyFile);
    }

    /**
     * A module route's path as requests carry it: {@code pathOrPattern} (the topology's {@code /api/people/*}) under
     * {@link #contextPath} ({@code /hr/api/people/*}); unchanged without a context path.
     */
    public String routed(String pathOrPattern) {
        return contextPath + pathOrPattern;
    }

    /** The modules {@code module} calls through an HTTP contract; empty when it calls none. */
    public Set<String> callsOf(String module) {
        return moduleCalls.getOrDefault(module, Set.of());
    }

    /**
     * These settings with the paths the tasks answer at replaced.
     *
     * @param path   the application routes' prefix ({@link #contextPath}), "" for none
     * @param health the readiness check's path on the management port ({@link #healthCheckPath})
     * @throws SettingsMismatch when either is no such path
     */
    public EcsSettings paths(String path, String health) {
        return new EcsSettings(containerPort, managementPort, health, path, deregistrationDelay,
                healthCheckGracePeriod, stopTimeout, identity, rdsCaBundle, databaseBootstrapImage, projectRoot, mavenModule,
                servicesDirectory, springProfile, problemTypePrefix, moduleDatabases, databaseClients, moduleCalls, settingsPrefix,
                topologyFile);
    }

    /** These settings with the topology file {@code file}, relative to the project root ({@link #topologyFile}). */
    public EcsSettings topologyFile(String file) {
        return new EcsSettings(containerPort, managementPort, healthCheckPath, contextPath, deregistrationDelay,
                healthCheckGracePeriod, stopTimeout, identity, rdsCaBundle, databaseBootstrapImage, projectRoot, mavenModule, servicesDirectory,
                springProfile, problemTypePrefix, moduleDatabases, databaseClients, moduleCalls, settingsPrefix, file);
    }

    /** These settings with the application's properties under {@code prefix} ({@link #settingsPrefix}). */
    public EcsSettings settingsPrefix(String prefix) {
        return new EcsSettings(containerPort, managementPort, healthCheckPath, contextPath, deregistrationDelay,
                healthCheckGracePeriod, stopTimeout, identity, rdsCaBundle, databaseBootstrapImage, projectRoot, mavenModule, servicesDirectory,
                springProfile, problemTypePrefix, moduleDatabases, databaseClients, moduleCalls, prefix, topologyFile);
    }

    /**
     * The environment variable of one of the application's own properties under {@link #settingsPrefix}, as Spring
     * Boot's relaxed binding reads it: {@code FORUM_DATASOURCE_POSTS_PASSWORD} for {@code datasource.posts.password}
     * under {@code forum}, {@code FORUM_DATASOURCE_CONTENTAPI_PASSWORD} for {@code datasource.content-api.password}
     * (Spring Boot's documented form, "Binding From Environment Variables": dots become underscores, dashes are
     * dropped, upper case). Spring Boot binds this name to the property the application reads by that name
     * ({@code Binder.bind("forum.datasource.content-api.password")}, {@code @Value}); the whole name is in this one
     * form, as a name that mixes it with the older dashes-to-underscores form binds to nothing.
     *
     * @param property the property after the prefix, e.g. {@code security.jwt.signing-keys}
     */
    public String applicationVariable(String property) {
        return applicationVariable(settingsPrefix, property);
    }

    /**
     * As {@link #applicationVariable(String)}, for the prefix {@code settingsPrefix} before the settings are made.
     *
     * @param settingsPrefix the application's settings' prefix ({@code forum}, {@code shop-app})
     * @param property       the property below it ({@code datasource.posts})
     * @return its environment variable ({@code FORUM_DATASOURCE_POSTS})
     */
    static String applicationVariable(String settingsPrefix, String property) {
        return (settingsPrefix + "." + property).replace("-", "").replace('.', '_').toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * Whether the deployment has a database: the application reads one, by JDBC or R2DBC or both
     * ({@link #databaseClients}).
     */
    public boolean database() {
        return databaseClients.any();
    }

    /** Whether the application has a module that issues tokens: its settings and signing keys' secret are rendered. */
    public boolean tokens() {
        return identity != null;
    }

    /**
     * Whether the deployment keeps any secret (the database's, the signing keys): only then are the secrets' KMS key
     * and the Secrets Manager endpoint rendered, and the execution roles allowed to read secrets.
     */
    public boolean secrets() {
        return database() || tokens();
    }

    /**
     * Whether the base stack keeps two secrets per module (its runtime and owner roles' passwords): only when something
     * reads them, the tasks ({@link #moduleDatabases}) or the bootstrap task that creates the roles
     * ({@link #databaseBootstrapImage}). An application with one datasource and no bootstrap gets none: its tasks use
     * the admin secret.
     *
     * @return true when a database is rendered and the module roles' secrets are read by a task or the bootstrap
     */
    public boolean moduleSecrets() {
        return database() && (moduleDatabases || databaseBootstrapImage != null);
    }

    /** The problem {@code type} of a problem of {@code kind}: {@value #ABOUT_BLANK}, or the prefix and the kind. */
    public String problemType(String kind) {
        return ABOUT_BLANK.equals(problemTypePrefix) ? ABOUT_BLANK : problemTypePrefix + kind;
    }
}

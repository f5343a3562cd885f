package dev.forum.extraction.image;

import dev.forum.extraction.model.ApplicationProperties;
import dev.forum.extraction.model.ExtractionException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a service image tells the platform that runs it: the port it exposes (and makes the application listen on,
 * {@code SERVER_PORT} in its environment) and, as labels, the paths of its liveness and readiness checks. Each is a setting of the service goal; left unset, it is read from the application:
 * the port from {@code server.port} in its {@code application.properties} or {@code application.yml} (a placeholder's
 * default, {@code ${PORT:3000}}, counts), else Spring Boot's 8080; the health
 * paths from Spring Boot's probe groups under Actuator's base path as the image runs the application
 * ({@link ApplicationPaths}: {@code management.endpoints.web.base-path}, else {@code /actuator}, under
 * {@code management.server.base-path} when {@code management.server.port} gives Actuator a port of its own, else under
 * the route prefix of the application's web stack) when the application has spring-boot-actuator, and no health
 * labels when it has not. The labels are named in the
 * application's own namespace, its main class's package ({@code forum.health.liveness} for {@code forum.ForumApplication},
 * {@code com.example.shop.health.liveness} for {@code com.example.shop.ShopApplication}), as OCI's label convention
 * (reverse domain names) asks. The application's settings are read with the profiles its files activate themselves
 * ({@link ApplicationProperties#read(Path)}): the image is built without a deployment's profile, which the deploy sets.
 *
 * @param port        the exposed TCP port
 * @param liveness    the liveness check's path, or null for no label
 * @param readiness   the readiness check's path, or null for no label
 * @param labelPrefix what the labels' names begin with: the main class's package and a dot ({@link #labelPrefix}), or
 *                    "" for a main class in the unnamed package
 */
public record ContainerSettings(int port, String liveness, String readiness, String labelPrefix) {

    /** Spring Boot's port when {@code server.port} is not set. */
    public static final int SPRING_BOOT_PORT = 8080;
    /** The liveness label's name after {@link #labelPrefix()}. */
    public static final String LIVENESS_LABEL = "health.liveness";
    /** The readiness label's name after {@link #labelPrefix()}. */
    public static final String READINESS_LABEL = "health.readiness";
    /**
     * Spring Boot's {@code server.port} as an environment variable: an operating system environment variable comes
     * before the application's own {@code application.properties} (and its placeholders' defaults), so the application
     * listens on the port the image exposes; a deploy that wants another port sets it (and publishes that one).
     */
    public static final String PORT_VARIABLE = "SERVER_PORT";
    private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*");

    /**
     * The settings for one build.
     *
     * @param port      -Dextract.image.port (checked to be a number by the goal), or null to read it from the application
     * @param liveness  -Dextract.image.health.liveness, or null to derive it ({@code none}: no label)
     * @param readiness -Dextract.image.health.readiness, likewise
     * @param classes   the application's classes folder, where {@code application.properties} is
     * @param actuator  whether spring-boot-actuator is on the application's class path
     * @param servlet   whether Spring Boot 4 deduces a servlet application from the application's run-time class path,
     *                  its web stack unless {@code spring.main.web-application-type} says otherwise
     *                  ({@link ApplicationPaths})
     * @param mainClass the application's main class, whose package names the labels
     * @throws ExtractionException when a setting, or the application's {@code server.port}, is no port or no path
     */
    public static ContainerSettings of(Integer port, String liveness, String readiness, Path classes, boolean actuator,
            boolean servlet, String mainClass) {
        ApplicationProperties application = ApplicationProperties.read(classes);
        int exposed = port != null ? check(port, "-Dextract.image.port=" + port, "extract.image.port")
                : applicationPort(application, classes, "extract.image.port");
        ApplicationPaths paths = new ApplicationPaths(application, classes, servlet);
        String base = actuator ? actuatorBase(paths, exposed, liveness, readiness) : null;
        return new ContainerSettings(exposed,
                path(liveness, "extract.image.health.liveness", base == null ? null : base + ApplicationPaths.LIVENESS),
                path(readiness, "extract.image.health.readiness", base == null ? null : base + ApplicationPaths.READINESS),
                labelPrefix(mainClass));
    }

    /**
     * Actuator's base path as the image runs the application ({@link ApplicationPaths#actuatorBase}: on a
     * management port of its own when {@code management.server.port} names one, else under the context path); null
     * when both health paths are set, so it is not needed.
     *
     * @throws ExtractionException when a path to derive from it is not set and a setting it needs is a placeholder the
     *                              build cannot resolve ({@link ApplicationProperties#unknown})
     */
    private static String actuatorBase(ApplicationPaths paths, int port, String liveness, String readiness) {
        if (liveness != null && !liveness.isBlank() && readiness != null && !readiness.isBlank()) {
            return null;
        }
        return paths.actuatorBase(paths.ownManagementPort(port), "set -Dextract.image.health.liveness=<path> and"
                + " -Dextract.image.health.readiness=<path> (or none for no label)");
    }

    /**
     * The port the application serves on when no setting says another, as the image exposes it: {@code server.port}
     * of its {@code application.properties} or {@code application.yml} (a placeholder's default counts), else Spring
     * Boot's {@value #SPRING_BOOT_PORT}. The ECS deployment's default {@code containerPort} is this port, so that the
     * task definition, the target groups and the image agree.
     *
     * @param classes  the application's classes folder
     * @param property the setting that overrides it, named in the error (e.g. {@code extract.ecs.containerPort})
     * @return the port
     * @throws ExtractionException when {@code server.port} is set to no port, or to a placeholder without a default
     */
    public static int applicationPort(Path classes, String property) {
        return applicationPort(ApplicationProperties.read(classes), classes, property);
    }

    /**
     * Actuator's own port for a deploy that gives it one ({@code MANAGEMENT_SERVER_PORT}): {@code management.server.port}
     * of the application's {@code application.properties} or {@code application.yml} when it names a port other than
     * {@code serverPort}, else the port after {@code serverPort} (the one before it for 65535). The forum sets its 3001
     * only in its prod profile's file, which is not read without a profile: 3000 gives 3001 all the same.
     *
     * @param serverPort the port the application serves on
     * @param classes    the application's classes folder
     * @return a port other than {@code serverPort}
     */
    public static int managementPort(int serverPort, Path classes) {
        // A placeholder no file sets (ApplicationProperties.unknown) reads as null: the deploy sets MANAGEMENT_SERVER_PORT,
        // which wins over the application's value, so the next port serves as when unset.
        String value = ApplicationProperties.read(classes).getProperty("management.server.port");
        if (value != null) {
            try {
                int port = Integer.parseInt(value.strip());
                if (port >= 1 && port <= 65535 && port != serverPort) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // not a port: the next one, as when unset
            }
        }
        return serverPort < 65535 ? serverPort + 1 : serverPort - 1;
    }

    /** The labels' namespace: {@code forum.} for {@code forum.ForumApplication}; "" for a class in no package. */
    public static String labelPrefix(String mainClass) {
        int dot = mainClass.lastIndexOf('.');
        return dot < 0 ? "" : mainClass.substring(0, dot + 1);
    }

    /** The image's labels: each health path set, under its label name, sorted. */
    public Map<String, String> labels() {
        Map<String, String> labels = new TreeMap<>();
        if (liveness != null) {
            labels.put(labelPrefix + LIVENESS_LABEL, liveness);
        }
        if (readiness != null) {
            labels.put(labelPrefix + READINESS_LABEL, readiness);
        }
        return labels;
    }

    /** The image's environment: {@value #PORT_VARIABLE}, the exposed port, so that the application listens on it. */
    public Map<String, String> environment() {
        return Map.of(PORT_VARIABLE, Integer.toString(port));
    }

    /** How progress lines name them: {@code port 3000, liveness /actuator/health/liveness, ...}. */
    public String describe() {
        return "port " + port + (liveness == null && readiness == null ? ", no health labels"
                : (liveness == null ? "" : ", liveness " + liveness) + (readiness == null ? "" : ", readiness " + readiness));
    }

    private static int applicationPort(ApplicationProperties application, Path classes, String property) {
        String key = "server.port";
        String use = (property.startsWith("extract.image.") ? "image can expose" : "deployment can use") + ": set -D"
                + property + "=<port>";
        if (application.unknown(key)) {
            // A placeholder without a default cannot be known at build time: the setting must say it.
            throw new ExtractionException("The application's server.port " + application.written(key).strip() + " ("
                    + application.origin(key) + " in " + classes + "), a placeholder no settings file sets, is no port the "
                    + use);
        }
        String value = application.getProperty(key);
        if (value == null || value.isBlank()) {
            return SPRING_BOOT_PORT;
        }
        String text = value.strip();
        String where = "The application's server.port " + text + " (" + application.origin(key) + " in " + classes + ")";
        try {
            return check(Integer.parseInt(text), where, property);
        } catch (NumberFormatException e) {
            throw new ExtractionException(where + " is no port the " + use);
        }
    }

    private static int check(int port, String where, String property) {
        if (port < 1 || port > 65535) {
            throw new ExtractionException(where + " is not a TCP port (1 to 65535): set -D" + property + "=<port>");
        }
        return port;
    }

    private static String path(String setting, String property, String derived) {
        if (setting == null || setting.isBlank()) {
            return derived;
        }
        String value = setting.strip();
        if (value.equals("none")) {
            return null;
        }
        if (!PATH.matcher(value).matches()) {
            throw new ExtractionException("-D" + property + "=" + value + " is not a URL path: set it like /actuator/health/"
                    + property.substring(property.lastIndexOf('.') + 1) + ", or to none for no label");
        }
        return value;
    }
}

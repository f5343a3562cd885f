package dev.forum.extraction.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.extraction.model.ExtractionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The image's port and health labels: settings first, else what the application says, else Spring Boot's defaults. */
class ContainerSettingsTest {

    @TempDir
    Path classes;

    @Test
    void theForumsSettingsGiveWhatItsImageAlwaysHad() throws Exception {
        Path forum = Path.of(System.getProperty("forum.root", "..")).toAbsolutePath().normalize()
                .resolve("forum-app/src/main/resources");
        ContainerSettings settings = ContainerSettings.of(null, null, null, forum, true, true, "forum.ForumApplication");
        assertEquals(new ContainerSettings(3000, "/actuator/health/liveness", "/actuator/health/readiness", "forum."), settings);
        assertEquals(Map.of("forum.health.liveness", "/actuator/health/liveness",
                "forum.health.readiness", "/actuator/health/readiness"), settings.labels());
    }

    /** A foreign application's labels are in its own namespace, its main class's package, not the forum's. */
    @Test
    void theHealthLabelsAreNamedAfterTheMainClasssPackage() throws Exception {
        ContainerSettings shop = ContainerSettings.of(null, null, null, classes, true, true, "com.example.shop.ShopApplication");
        assertEquals(Map.of("com.example.shop.health.liveness", "/actuator/health/liveness",
                "com.example.shop.health.readiness", "/actuator/health/readiness"), shop.labels());
        assertEquals(Map.of("health.liveness", "/actuator/health/liveness", "health.readiness",
                "/actuator/health/readiness"), ContainerSettings.of(null, null, null, classes, true, true, "Main").labels());
    }

    @Test
    void anApplicationWithoutServerPortOrActuatorGetsSpringBootsPortAndNoHealthLabels() {
        ContainerSettings settings = ContainerSettings.of(null, null, null, classes, false, true, "com.example.shop.ShopApplication");
        assertEquals(8080, settings.port());
        assertEquals(Map.of(), settings.labels());
        assertEquals("port 8080, no health labels", settings.describe());
    }

    @Test
    void thePortComesFromApplicationPropertiesOrYamlAndAPlaceholdersDefault() throws Exception {
        Files.writeString(classes.resolve("application.properties"), "server.port=${PORT:8181}\n");
        assertEquals(8181, ContainerSettings.of(null, null, null, classes, false, true, "com.example.shop.ShopApplication").port());
        Files.delete(classes.resolve("application.properties"));
        Files.writeString(classes.resolve("application.yml"), "spring:\n  application:\n    name: shop\nserver:\n"
                + "  port: 9090 # the shop's\nmanagement:\n  server:\n    port: 9091\n");
        assertEquals(9090, ContainerSettings.of(null, null, null, classes, false, true, "com.example.shop.ShopApplication").port());
    }

    @Test
    void settingsWinAndHealthPathsFollowActuatorsBasePath() throws Exception {
        Files.writeString(classes.resolve("application.properties"),
                "server.port=3000\nmanagement.endpoints.web.base-path=/manage/\n");
        ContainerSettings derived = ContainerSettings.of(null, null, null, classes, true, true, "com.example.shop.ShopApplication");
        assertEquals(new ContainerSettings(3000, "/manage/health/liveness", "/manage/health/readiness", "com.example.shop."), derived);
        ContainerSettings set = ContainerSettings.of(7000, "/livez", "none", classes, true, true, "com.example.shop.ShopApplication");
        assertEquals(new ContainerSettings(7000, "/livez", null, "com.example.shop."), set);
        assertEquals("port 7000, liveness /livez", set.describe());
        // The image makes the application listen on the port it exposes: Spring Boot reads SERVER_PORT before its
        // application.properties (and server.port=3000 there).
        assertEquals(Map.of("SERVER_PORT", "7000"), set.environment());
        assertEquals(Map.of("SERVER_PORT", "3000"), derived.environment());
    }

    @Test
    void aWrongPortOrPathIsRefusedNamingTheSetting() throws Exception {
        ExtractionException port = assertThrows(ExtractionException.class,
                () -> ContainerSettings.of(70000, null, null, classes, false, true, "com.example.shop.ShopApplication"));
        assertTrue(port.getMessage().startsWith("-Dextract.image.port=70000 is not a TCP port"), port.getMessage());
        ExtractionException path = assertThrows(ExtractionException.class,
                () -> ContainerSettings.of(null, "health", null, classes, true, true, "com.example.shop.ShopApplication"));
        assertTrue(path.getMessage().startsWith("-Dextract.image.health.liveness=health is not a URL path"), path.getMessage());
        Files.writeString(classes.resolve("application.properties"), "server.port=${PORT}\n");
        ExtractionException unknown = assertThrows(ExtractionException.class,
                () -> ContainerSettings.of(null, null, null, classes, false, true, "com.example.shop.ShopApplication"));
        assertTrue(unknown.getMessage().contains("set -Dextract.image.port=<port>"), unknown.getMessage());
    }

    /** The ECS deployment takes its ports from here too: the image's port, and Actuator's own next to it. */
    @Test
    void theApplicationsPortsAreWhatTheImageExposesAndTheManagementPortBesideIt() throws Exception {
        assertEquals(8080, ContainerSettings.applicationPort(classes, "extract.ecs.containerPort"));
        assertEquals(8081, ContainerSettings.managementPort(8080, classes), "no management.server.port: the next port");
        assertEquals(65534, ContainerSettings.managementPort(65535, classes));
        Files.writeString(classes.resolve("application.yml"), "server:\n  port: ${PORT:9090}\n  tomcat:\n    port-header: x\n"
                + "management:\n  server:\n    port: 9191 # Actuator's\n  endpoints:\n    web:\n      base-path: /manage\n"
                + "---\nspring.config.activate.on-profile: other\nserver.port: 7000\n");
        assertEquals(9090, ContainerSettings.applicationPort(classes, "extract.ecs.containerPort"));
        assertEquals(9191, ContainerSettings.managementPort(9090, classes));
        assertEquals(9192, ContainerSettings.managementPort(9191, classes), "the same port as the application's: the next one");
        assertEquals("/manage/health/readiness", ContainerSettings.of(null, null, null, classes, true, true, "a.B").readiness(),
                "the YAML's nested keys are read like its server.port");
        Files.writeString(classes.resolve("application.properties"), "server.port=3000\nmanagement.server.port=${MANAGEMENT_PORT:3005}\n");
        assertEquals(3000, ContainerSettings.applicationPort(classes, "extract.ecs.containerPort"), "the properties file first");
        assertEquals(3005, ContainerSettings.managementPort(3000, classes));
        Files.writeString(classes.resolve("application.properties"), "server.port=${PORT}\n");
        ExtractionException unknown = assertThrows(ExtractionException.class,
                () -> ContainerSettings.applicationPort(classes, "extract.ecs.containerPort"));
        assertEquals("The application's server.port ${PORT} (application.properties in " + classes + "), a placeholder no"
                + " settings file sets, is no port the deployment can use: set -Dextract.ecs.containerPort=<port>",
                unknown.getMessage());
    }

    /**
     * The labels follow Spring Boot's layout for the image as it runs (no MANAGEMENT_SERVER_PORT): Actuator on a port of
     * its own is under its own base paths, the ECS target groups' path; on the application's port under the context
     * path and the servlet path.
     */
    @Test
    void healthLabelsFollowTheContextPathOrTheManagementPortsOwnBasePath() throws Exception {
        Files.writeString(classes.resolve("application.yml"), "server:\n  servlet:\n    context-path: /hr\n"
                + "management:\n  server:\n    port: 9090\n  endpoints:\n    web:\n      base-path: /manage\n");
        assertEquals("/manage/health/readiness", ContainerSettings.of(null, null, null, classes, true, true, "a.B").readiness(),
                "the user's application: its own port, where the context path does not apply");
        Files.writeString(classes.resolve("application.yml"), "server.servlet.context-path: /hr\n"
                + "spring.mvc.servlet.path: /v1\n");
        assertEquals("/hr/v1/actuator/health/liveness", ContainerSettings.of(null, null, null, classes, true, true, "a.B").liveness(),
                "no port of its own: under the context path and the DispatcherServlet's path");
        Files.writeString(classes.resolve("application.yml"), "server.servlet.context-path: /hr\n"
                + "spring.webflux.base-path: /shop\n");
        assertEquals("/shop/actuator/health/liveness", ContainerSettings.of(null, null, null, classes, true, false, "a.B")
                .liveness(), "a WebFlux application (no DispatcherServlet): under its base path, the servlet one not read");
        Files.writeString(classes.resolve("application.yml"), "server:\n  port: 8080\n  servlet:\n    context-path: /hr\n"
                + "management:\n  server:\n    port: 8080\n    base-path: /ops\n");
        assertEquals("/hr/actuator/health/readiness", ContainerSettings.of(null, null, null, classes, true, true, "a.B").readiness(),
                "the application's own port named again is no port of its own: management.server.base-path does not apply");
        Files.writeString(classes.resolve("application.yml"), "management.server.port: 9090\nmanagement.server.base-path: /ops\n");
        assertEquals("/ops/actuator/health/readiness", ContainerSettings.of(null, null, null, classes, true, true, "a.B").readiness());
        Files.writeString(classes.resolve("application.yml"), "server.servlet.context-path: ${CONTEXT}\n");
        ExtractionException refused = assertThrows(ExtractionException.class,
                () -> ContainerSettings.of(null, null, null, classes, true, true, "a.B"));
        assertTrue(refused.getMessage().startsWith("The application's server.servlet.context-path ${CONTEXT} (application.yml"
                + " in "), refused.getMessage());
        assertTrue(refused.getMessage().endsWith("gives no health path the build can know: set"
                + " -Dextract.image.health.liveness=<path> and -Dextract.image.health.readiness=<path> (or none for no"
                + " label)"), refused.getMessage());
    }

    /** A placeholder no file sets is not "unset": Spring Boot would refuse to start without the environment's value. */
    @Test
    void anActuatorBasePathTheBuildCannotResolveIsRefusedUnlessBothHealthPathsAreSet() throws Exception {
        Files.writeString(classes.resolve("application.properties"), "management.endpoints.web.base-path=${ACTUATOR_PATH}\n"
                + "management.server.port=${MANAGEMENT_PORT}\n");
        ExtractionException refused = assertThrows(ExtractionException.class,
                () -> ContainerSettings.of(null, "/live", null, classes, true, true, "a.B"));
        assertEquals("The application's management.endpoints.web.base-path ${ACTUATOR_PATH} (application.properties in "
                + classes + "), a placeholder no settings file sets, gives no health path the build can know: set"
                + " -Dextract.image.health.liveness=<path> and -Dextract.image.health.readiness=<path> (or none for no"
                + " label)", refused.getMessage());
        ContainerSettings set = ContainerSettings.of(null, "/live", "none", classes, true, true, "a.B");
        assertEquals("/live", set.liveness());
        assertEquals(null, set.readiness());
        assertEquals(null, ContainerSettings.of(null, null, null, classes, false, true, "a.B").liveness(),
                "without Actuator there is no path to derive");
        assertEquals(8081, ContainerSettings.managementPort(8080, classes),
                "the deploy sets MANAGEMENT_SERVER_PORT, which wins over the placeholder: the next port, as when unset");

        Files.writeString(classes.resolve("application.properties"), "management.endpoints.web.base-path=${ACTUATOR_PATH:/ops}/\n");
        assertEquals("/ops/health/liveness", ContainerSettings.of(null, null, null, classes, true, true, "a.B").liveness(),
                "a default is what Spring Boot takes without the variable");
    }
}

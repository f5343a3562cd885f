package dev.forum.extraction.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.forum.extraction.model.ExtractionException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ECS tasks' ports: a setting wins; else the port the service image exposes (the application's server.port, else
 * Spring Boot's 8080), never the forum's 3000 for an application that does not listen there.
 */
class EcsPortsTest {

    @TempDir
    Path classes;

    @Test
    void anApplicationWithoutServerPortGetsSpringBootsPortAndTheNextForActuator() {
        assertEquals(new EcsPorts(8080, 8081), EcsPorts.of(null, null, classes));
    }

    @Test
    void theApplicationsOwnPortsAreTaken() throws Exception {
        Files.writeString(classes.resolve("application.properties"), "server.port=${PORT:8443}\nmanagement.server.port=9000\n");
        assertEquals(new EcsPorts(8443, 9000), EcsPorts.of(null, null, classes));
    }

    @Test
    void aSettingWinsAndBlankCountsAsUnset() throws Exception {
        Files.writeString(classes.resolve("application.properties"), "server.port=8443\n");
        assertEquals(new EcsPorts(3000, 3001), EcsPorts.of("3000", " ", classes), "Actuator next to the port set");
        assertEquals(new EcsPorts(8443, 8444), EcsPorts.of(null, null, classes));
        assertEquals(new EcsPorts(8443, 7000), EcsPorts.of("", "7000", classes));
        assertEquals("-Dextract.ecs.containerPort=abc is not a TCP port (1 to 65535): set -Dextract.ecs.containerPort=<port>",
                assertThrows(ExtractionException.class, () -> EcsPorts.of("abc", null, classes)).getMessage());
    }

    /** The forum's deployment is unchanged: server.port=3000 in its application.properties, Actuator on 3001. */
    @Test
    void theForumKeepsItsPorts() {
        Path forum = Path.of(System.getProperty("forum.root", "..")).toAbsolutePath().normalize()
                .resolve("forum-app/src/main/resources");
        assertEquals(new EcsPorts(3000, 3001), EcsPorts.of(null, null, forum));
    }
}

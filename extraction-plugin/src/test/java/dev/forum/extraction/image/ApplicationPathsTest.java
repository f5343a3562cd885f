package dev.forum.extraction.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.forum.extraction.model.ApplicationProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application's paths read from its settings files by the rule the run time's warm-up reads too (RoutePaths): a
 * WebFlux application's base path is its context path, for its routes and for Actuator on the application's port.
 */
class ApplicationPathsTest {

    @TempDir
    Path classes;

    private ApplicationPaths read(String yaml) throws Exception {
        Files.writeString(classes.resolve("application.yml"), yaml);
        return new ApplicationPaths(ApplicationProperties.read(classes), classes);
    }

    @Test
    void webFluxsBasePathIsWhereTheRoutesAndActuatorOnTheApplicationsPortBegin() throws Exception {
        ApplicationPaths webFlux = read("spring.webflux.base-path: /shop/\nmanagement.endpoints.web.base-path: /manage/\n");
        assertEquals("/shop", webFlux.routePrefix("set it"));
        assertEquals("/shop/manage", webFlux.actuatorBase(false, "set it"));
        assertEquals("/manage", webFlux.actuatorBase(true, "set it"), "on a port of its own the base path does not apply");
    }

    @Test
    void theServletContextPathAndServletPathMakeTheRoutePrefix() throws Exception {
        ApplicationPaths servlet = read("server.servlet.context-path: /hr\nspring.mvc.servlet.path: /v1/\n");
        assertEquals("/hr/v1", servlet.routePrefix("set it"));
        assertEquals("/hr/v1/actuator", servlet.actuatorBase(false, "set it"));
        assertEquals("", read("management.endpoints.web.base-path: /\n").actuatorBase(true, "set it"));
    }
}

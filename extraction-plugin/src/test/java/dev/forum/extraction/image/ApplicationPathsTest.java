package dev.forum.extraction.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.forum.extraction.model.ApplicationProperties;
import dev.forum.extraction.model.ExtractionException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application's paths read from its settings files by the rule the run time's warm-up reads too (RoutePaths), for
 * the application's web stack alone, as Spring Boot reads them: a WebFlux application's base path is its context path,
 * for its routes and for Actuator on the application's port; a servlet application's is its servlet context path,
 * followed by its servlet path. In: the settings and whether Spring Boot deduces a servlet application from the class
 * path (the goals' WebStack); out: the paths.
 */
class ApplicationPathsTest {

    /** Settings both stacks have, each a stray for the other. */
    private static final String BOTH = "server.servlet.context-path: /hr\nspring.mvc.servlet.path: /v1/\n"
            + "spring.webflux.base-path: /shop/\nmanagement.endpoints.web.base-path: /manage/\n";

    @TempDir
    Path classes;

    private ApplicationPaths read(String yaml, boolean dispatcherServlet) throws Exception {
        Files.writeString(classes.resolve("application.yml"), yaml);
        return new ApplicationPaths(ApplicationProperties.read(classes), classes, dispatcherServlet);
    }

    @Test
    void aWebFluxApplicationsBasePathIsWhereItsRoutesAndActuatorOnItsPortBegin() throws Exception {
        ApplicationPaths webFlux = read(BOTH, false);
        assertEquals("/shop", webFlux.routePrefix("set it"), "a stray servlet context path and servlet path: not read");
        assertEquals("/shop/manage", webFlux.actuatorBase(false, "set it"));
        assertEquals("/manage", webFlux.actuatorBase(true, "set it"), "on a port of its own the base path does not apply");
        assertEquals("", read("server.servlet.context-path: /hr\n", false).routePrefix("set it"));
    }

    @Test
    void aServletApplicationsContextPathAndServletPathMakeTheRoutePrefix() throws Exception {
        ApplicationPaths servlet = read(BOTH, true);
        assertEquals("/hr/v1", servlet.routePrefix("set it"),
                "a stray WebFlux base path (WebFlux for a WebClient): not read");
        assertEquals("/hr/v1/manage", servlet.actuatorBase(false, "set it"));
        assertEquals("", read("spring.webflux.base-path: /shop\n", true).routePrefix("set it"));
        assertEquals("", read("management.endpoints.web.base-path: /\n", true).actuatorBase(true, "set it"));
    }

    @Test
    void theWebApplicationTypeSettingNamesTheStackOverTheClassPath() throws Exception {
        assertEquals("/shop", read(BOTH + "spring.main.web-application-type: reactive\n", true).routePrefix("set it"));
        assertEquals("/hr/v1", read(BOTH + "spring.main.web-application-type: SERVLET\n", false).routePrefix("set it"));
        assertEquals("/hr/v1", read(BOTH + "spring.main.web-application-type: none\n", true).routePrefix("set it"),
                "no stack named: the class path decides");
        ExtractionException refused = assertThrows(ExtractionException.class,
                () -> read(BOTH + "spring.main.web-application-type: ${STACK}\n", true).routePrefix("set it"));
        assertEquals("The application's spring.main.web-application-type ${STACK} (application.yml in " + classes
                + "), a placeholder no settings file sets, gives no route prefix the build can know: set it",
                refused.getMessage());
    }
}

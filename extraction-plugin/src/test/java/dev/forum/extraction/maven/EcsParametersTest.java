package dev.forum.extraction.maven;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.extraction.ecs.DatabaseClients;
import dev.forum.extraction.ecs.EcsSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ecs goal's settings that need no class, read the one way by the goal and by the checks ahead of it: every wrong
 * one refused on its own line, the names read ahead being the goal's own parameters.
 */
class EcsParametersTest {

    /** The goal's defaults (EcsMojo's parameters), no port set. */
    static final EcsParameters DEFAULTS = new EcsParameters(null, null, "20", "120", "30", null, null,
            EcsSettings.DEFAULT_RDS_CA_BUNDLE, null, EcsSettings.ABOUT_BLANK, false);

    @Test
    void theDefaultsAreRightAndTheDefaultPortsAreSpringBootsWithoutClasses() {
        assertEquals(List.of(), DEFAULTS.refusals("library", null));
        List<String> refused = new ArrayList<>();
        EcsSettings settings = DEFAULTS.settings(Path.of("no-classes-yet"), true, null, List.of(), "library",
                DatabaseClients.JDBC, null,
                new DeployPaths(".", ".", ".", "topology.yml"), Map.of(), refused, new ArrayList<>());
        assertEquals(List.of(), refused);
        assertEquals(8080, settings.containerPort());
        assertEquals(8081, settings.managementPort());
        assertEquals("", settings.contextPath());
        assertEquals("/actuator/health/readiness", settings.healthCheckPath());
    }

    /**
     * Ahead of the goal the classes may be missing or stale (an older server.port): the application's ports are not read
     * there, so a port given that would clash only with an unbuilt one is no false refusal; the goal itself reads them.
     */
    @Test
    void aheadOfTheGoalOnlyTheGivenPortsAreCheckedTheApplicationsAreTheGoals(@TempDir Path classes) throws IOException {
        EcsParameters management8080 = new EcsParameters(null, "8080", "20", "120", "30",
                null, null, EcsSettings.DEFAULT_RDS_CA_BUNDLE, null, EcsSettings.ABOUT_BLANK, false);
        assertEquals(List.of(), management8080.refusals("library", null));
        EcsParameters application1 = new EcsParameters("1", null, "20", "120", "30",
                null, null, EcsSettings.DEFAULT_RDS_CA_BUNDLE, null, EcsSettings.ABOUT_BLANK, false);
        assertEquals(List.of(), application1.refusals("library", null));
        EcsParameters same = new EcsParameters("3000", "3000", "20", "120", "30",
                null, null, EcsSettings.DEFAULT_RDS_CA_BUNDLE, null, EcsSettings.ABOUT_BLANK, false);
        assertEquals(1, same.refusals("library", null).size());
        // The goal reads the built classes: there the clash is real and refused.
        Files.writeString(classes.resolve("application.properties"), "server.port=8080\n");
        List<String> refused = new ArrayList<>();
        assertNull(management8080.settings(classes, true, null, List.of(), "library", DatabaseClients.JDBC, null,
                new DeployPaths(".", ".", ".", "topology.yml"), Map.of(), refused, new ArrayList<>()));
        assertEquals(List.of("The ecs goal's settings do not fit together: managementPort 8080 must be a port other than"
                + " 8080 (extract.ecs.*, see extract:help -Ddetail)"), refused);
    }

    /**
     * user11's mistake 09: a health check path one letter off the application's readiness path is rendered, with one
     * warning line naming both; the goal reads the built classes, the checks ahead of it say nothing.
     */
    @Test
    void aHealthCheckPathOtherThanTheApplicationsIsWarnedOfAndKept(@TempDir Path classes) throws IOException {
        Files.writeString(classes.resolve("application.yml"), "server:\n  servlet:\n    context-path: /hr\nmanagement:\n"
                + "  server:\n    port: 9090\n  endpoints:\n    web:\n      base-path: /manage\n");
        EcsParameters typo = new EcsParameters(null, null, "20", "120", "30", "/manage/health/readyness", null,
                EcsSettings.DEFAULT_RDS_CA_BUNDLE, null, EcsSettings.ABOUT_BLANK, false);
        List<String> refused = new ArrayList<>();
        List<String> warned = new ArrayList<>();
        EcsSettings settings = typo.settings(classes, true, null, List.of(), "hr", DatabaseClients.JDBC, null,
                new DeployPaths(".", ".", ".", "topology.yml"), Map.of(), refused, warned);

        assertEquals(List.of(), refused);
        assertEquals("/manage/health/readyness", settings.healthCheckPath(), "a warning, not a refusal");
        assertEquals(1, warned.size(), warned::toString);
        assertTrue(warned.get(0).startsWith("[extract] ecs: the health checks ask"
                + " -Dextract.ecs.healthCheckPath=/manage/health/readyness on the management port, but the application's"
                + " readiness group answers at /manage/health/readiness there"), warned.get(0));
        assertEquals(List.of(), typo.refusals("hr", null), "ahead of the goal the classes are not read");
    }

    @Test
    void everyWrongSettingIsOneLineAndTheOthersAreStillChecked() {
        EcsParameters wrong = new EcsParameters("3000", "3000", "-1", "soon", "30", "/ready", null, "rds.pem", "prod,,x",
                "problem", true);
        assertEquals(List.of(
                "-Dextract.ecs.deregistrationDelay=-1 is not a number of seconds from 0 to 3600: set"
                        + " -Dextract.ecs.deregistrationDelay=<seconds>",
                "-Dextract.ecs.healthCheckGracePeriod=soon is not a number of seconds from 0 to 2147483647: set"
                        + " -Dextract.ecs.healthCheckGracePeriod=<seconds>",
                "The ecs goal's settings do not fit together: managementPort 3000 must be a port other than 3000"
                        + " (extract.ecs.*, see extract:help -Ddetail)",
                "The ecs goal's settings do not fit together: problemTypePrefix must be about:blank or an absolute URI"
                        + " prefix such as urn:example:problem: or https://example.com/problems/, not 'problem'"
                        + " (extract.ecs.*, see extract:help -Ddetail)",
                "The ecs goal's settings do not fit together: profile is a comma-separated list of Spring profile names"
                        + " (letters, digits, . _ -), not 'prod,,x' (extract.ecs.*, see extract:help -Ddetail)",
                "The ecs goal's settings do not fit together: rdsCaBundle must be an absolute path in the image: rds.pem"
                        + " (extract.ecs.*, see extract:help -Ddetail)",
                "The ecs goal's settings do not fit together: moduleDatabases gives each module database credentials,"
                        + " but the application " + EcsSettings.NO_JDBC + ", so the deployment has no database: leave"
                        + " moduleDatabases out, or add the dependency " + EcsSettings.JDBC_STARTER + " if the"
                        + " application reads a database (extract.ecs.*, see extract:help -Ddetail)"),
                wrong.refusals("library", DatabaseClients.NONE));
        // Not known yet whether the application reads a database: nothing refused about it.
        assertEquals(6, wrong.refusals("library", null).size());
    }

    /** Ahead of the goal the settings are read by the names of its parameters: each is a field of the goal. */
    @Test
    void theNamesReadAheadAreTheGoalsParameters() {
        List<String> asked = new ArrayList<>();
        EcsParameters read = EcsParameters.of(name -> {
            asked.add(name);
            return name.equals("moduleDatabases") ? Boolean.TRUE : name.equals("springProfile") ? " prod " : null;
        });
        assertEquals(11, asked.size(), asked::toString);
        for (String name : asked) {
            assertDoesNotThrow(() -> EcsMojo.class.getDeclaredField(name), name + " is no parameter of the ecs goal");
        }
        assertEquals("prod", read.profile());
        assertEquals(true, read.moduleDatabases());
        assertNull(read.containerPort());
    }
}

package dev.forum.extraction.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.extraction.LendingLibrary;
import dev.forum.extraction.ecs.DatabaseClients;
import dev.forum.extraction.model.PublicationRegistry;
import dev.forum.extraction.model.SharedPublications;
import dev.forum.extraction.model.TopologyServices;
import dev.forum.extraction.report.ExtractionReport;
import dev.forum.topology.Topology;
import dev.forum.topology.TopologyFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the rendered tasks need of the application and its image, each gap one warning line saying what to add. */
class TaskNeedsTest {

    /**
     * What the settings were read from, as {@link dev.forum.extraction.model.ApplicationProperties#described()} says it
     * for the ecs goal, which knows the deployment's profiles: one file, the deployment setting no profile.
     */
    private static final String READ = "application.properties (no profile active; not read: files beside the jar and in"
            + " ./config/, the environment)";

    private static final String BUNDLE = "/app/rds/global-bundle.pem";
    private static final String JDBC = "org.springframework:spring-jdbc";
    private static final String BOOT_JDBC = "org.springframework.boot:spring-boot-jdbc";
    private static final String DRIVER = "org.postgresql:postgresql";
    private static final String R2DBC_SPI = "io.r2dbc:r2dbc-spi";
    private static final String BOOT_R2DBC = "org.springframework.boot:spring-boot-r2dbc";
    private static final String R2DBC_DRIVER = "org.postgresql:r2dbc-postgresql";
    /** What spring-boot-starter-data-r2dbc packs: Spring Data R2DBC brings Spring's JDBC along, but no Boot JDBC. */
    private static final Set<String> R2DBC_APP = Set.of(BOOT_R2DBC, R2DBC_SPI, "org.springframework:spring-r2dbc",
            "org.springframework.data:spring-data-r2dbc", JDBC);
    /** What spring-boot-starter-jdbc and the PostgreSQL driver pack. */
    private static final Set<String> JDBC_APP = Set.of(BOOT_JDBC, JDBC, "com.zaxxer:HikariCP", DRIVER);

    @TempDir
    Path dir;

    private Path imageFiles() throws IOException {
        Path bundle = dir.resolve("image/app/rds/global-bundle.pem");
        Files.createDirectories(bundle.getParent());
        Files.writeString(bundle, "-----BEGIN CERTIFICATE-----\n");
        return dir.resolve("image");
    }

    /** The warnings for an application whose service jars hold Actuator. */
    private static List<String> warnings(Set<String> runtime, Path imageFiles) {
        return TaskNeeds.warnings(runtime, true, true, "/actuator/health/readiness", 3001, BUNDLE, imageFiles);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    /** Spring Boot 4 makes a datasource with its JDBC auto-configuration only, a connection factory with its R2DBC one. */
    @Test
    void theDatabaseClientsAreWhatSpringBootMakesOfTheServiceJars() {
        assertEquals(DatabaseClients.R2DBC, TaskNeeds.clients(R2DBC_APP), "Spring's JDBC alone makes no datasource");
        assertEquals(DatabaseClients.JDBC, TaskNeeds.clients(JDBC_APP));
        assertEquals(DatabaseClients.BOTH, TaskNeeds.clients(union(R2DBC_APP, JDBC_APP)));
        assertEquals(DatabaseClients.NONE, TaskNeeds.clients(Set.of(JDBC, DRIVER, "org.springframework.boot:spring-boot")));
        assertEquals(DatabaseClients.NONE, TaskNeeds.clients(Set.of(BOOT_JDBC, BOOT_R2DBC)),
                "each auto-configuration's condition (EmbeddedDatabaseType, ConnectionFactory) unmet");
    }

    @Test
    void anR2dbcApplicationIsToldOfTheR2dbcDriverAndNeverOfTheJdbcOne() throws IOException {
        assertEquals(List.of("ecs: the tasks' SPRING_R2DBC_URL is a PostgreSQL R2DBC URL (r2dbc:postgresql://<RDS>/...),"
                + " but the service jars hold no PostgreSQL R2DBC driver, so its connection factory cannot connect: add the"
                + " dependency org.postgresql:r2dbc-postgresql (<scope>runtime</scope>)"),
                warnings(union(R2DBC_APP, Set.of("io.r2dbc:r2dbc-h2")), imageFiles()));
        assertEquals(List.of(), warnings(union(R2DBC_APP, Set.of(R2DBC_DRIVER)), imageFiles()));
        List<String> unset = warnings(union(R2DBC_APP, Set.of(R2DBC_DRIVER)), null);
        assertEquals(1, unset.size());
        assertTrue(unset.get(0).startsWith("ecs: the tasks' R2DBC URL verifies the database with sslRootCert="
                + BUNDLE + " (extract.ecs.rdsCaBundle), but no service image will hold that file"), unset.get(0));
    }

    @Test
    void anApplicationReadingBothIsToldOfEachMissingDriver() throws IOException {
        List<String> warnings = warnings(union(R2DBC_APP, Set.of(BOOT_JDBC)), imageFiles());
        assertEquals(2, warnings.size(), warnings::toString);
        assertTrue(warnings.get(0).endsWith("add the dependency org.postgresql:postgresql (<scope>runtime</scope>)"));
        assertTrue(warnings.get(1).endsWith("add the dependency org.postgresql:r2dbc-postgresql (<scope>runtime</scope>)"));
        List<String> master = TaskNeeds.warnings(union(union(R2DBC_APP, JDBC_APP), Set.of(R2DBC_DRIVER)), true, false,
                "/actuator/health/readiness", 3001, BUNDLE, imageFiles());
        assertEquals(1, master.size(), master::toString);
        assertTrue(master.get(0).startsWith("ecs: every task connects to PostgreSQL as the database's master user"
                + " (SPRING_DATASOURCE_USERNAME and _PASSWORD, SPRING_R2DBC_USERNAME and _PASSWORD from the RDS admin"
                + " secret)"), master.get(0));
    }

    @Test
    void anApplicationWithTheDriverTheBundleAndActuatorGetsNoWarning() throws IOException {
        assertEquals(List.of(), warnings(JDBC_APP, imageFiles()));
    }

    @Test
    void anApplicationWithoutJdbcNeedsNeitherTheDriverNorTheBundle() {
        assertEquals(List.of(), warnings(Set.of(), null), "it makes no datasource of the URL");
        assertEquals(List.of(), warnings(Set.of(JDBC, DRIVER), null), "Spring's JDBC and a driver alone make none either");
    }

    @Test
    void aJdbcApplicationWithoutThePostgresqlDriverIsToldToAddIt() throws IOException {
        List<String> warnings = warnings(Set.of(BOOT_JDBC, JDBC, "com.h2database:h2"), imageFiles());
        assertEquals(List.of("ecs: the tasks' SPRING_DATASOURCE_URL is a PostgreSQL JDBC URL (jdbc:postgresql://<RDS>/...),"
                + " but the service jars hold no PostgreSQL JDBC driver, so its datasource cannot connect:"
                + " add the dependency org.postgresql:postgresql (<scope>runtime</scope>)"), warnings);
    }

    @Test
    void imagesWithoutTheRdsBundleTheUrlNamesAreToldWhereToPutIt() throws IOException {
        List<String> unset = warnings(JDBC_APP, null);
        assertEquals(List.of("ecs: the tasks' JDBC URL verifies the database with sslrootcert=/app/rds/global-bundle.pem"
                + " (extract.ecs.rdsCaBundle), but no service image will hold that file: extract.image.files is not set: set"
                + " extract.image.files (the plugin's <imageFiles>) to a folder holding app/rds/global-bundle.pem, the RDS"
                + " certificate authorities' bundle (the root README, \"The RDS certificate bundle\")"), unset);
        Files.createDirectories(dir.resolve("empty"));
        List<String> empty = warnings(JDBC_APP, dir.resolve("empty"));
        assertEquals(1, empty.size());
        assertTrue(empty.get(0).contains("but no service image will hold that file: extract.image.files (" + dir.resolve("empty")
                + ") has no app/rds/global-bundle.pem"), empty.get(0));
    }

    @Test
    void anApplicationWithoutActuatorIsToldItsHealthChecksWouldNeverPass() throws IOException {
        assertEquals(List.of("ecs: the load balancers' health checks ask /actuator/health/readiness on the management port"
                + " 3001 (extract.ecs.healthCheckPath, managementPort), but the service jars hold no Spring Boot Actuator"
                + " (org.springframework.boot:spring-boot-actuator in compile or runtime scope, not optional), so no task would"
                + " ever turn healthy: add the dependency org.springframework.boot:spring-boot-starter-actuator"),
                TaskNeeds.warnings(JDBC_APP, false, true, "/actuator/health/readiness", 3001, BUNDLE,
                        imageFiles()));
    }

    @Test
    void tasksWithoutARolePerModuleAreToldTheyConnectAsTheMasterUser() throws IOException {
        List<String> warnings = TaskNeeds.warnings(JDBC_APP, true, false, "/actuator/health/readiness",
                3001, BUNDLE, imageFiles());
        assertEquals(List.of("ecs: every task connects to PostgreSQL as the database's master user (SPRING_DATASOURCE_USERNAME"
                + " and _PASSWORD from the RDS admin secret), which may drop any module's tables and create roles: with"
                + " Spring's one datasource the plugin renders no role of fewer rights; if the application reads a datasource"
                + " per module (<PREFIX>_DATASOURCE_<MODULE>_USERNAME, ...), set extract.ecs.moduleDatabases=true and"
                + " extract.ecs.databaseBootstrapImage for a role per module"), warnings);
        assertEquals(List.of(), TaskNeeds.warnings(Set.of(), true, false, "/actuator/health/readiness", 3001, BUNDLE,
                null),
                "without JDBC no task connects to a database");
    }

    private static List<String> shared(String services, PublicationRegistry registry) {
        Topology rendered = Topology.resolve(TopologyFile.parse("services:\n  - { name: monolith, monolith: true }\n" + services,
                "/app/topology.yml"), ModuleRoutes.of(LendingLibrary.model()));
        return TaskNeeds.sharedPublications(rendered, LendingLibrary.model(), registry);
    }

    @Test
    void servicesThatShareTheJdbcPublicationTableAreToldTheTopologyKeyThatGivesEachItsSchema() {
        PublicationRegistry jdbc = new PublicationRegistry(PublicationRegistry.Kind.JDBC,
                List.of(PublicationRegistry.REPUBLISH + "=true in application.properties"), List.of(), READ);
        List<String> lines = shared("  - { name: shelf, modules: [catalog] }\n", jdbc);
        // The plan is named as the report names the file's services (SharedPublications.Plan.services).
        assertEquals(List.of("ecs: A plan runs the application in processes that share Spring Modulith's JDBC event"
                + " publication table:", "  - Services of topology.yml: monolith, shelf; monolith stores event publications."),
                lines.subList(0, 2));
        assertEquals(List.of("  Every task gets the same SPRING_DATASOURCE_URL, and a service's `database:` moves only its"
                + " modules' tables: these processes share one database and its event_publication table",
                "  (the monolith's too, holding up to every module: deploy.sh widens it while it moves traffic, or retires it"
                        + " after)."), lines.subList(2, 4));
        assertTrue(lines.contains("  Give each service a schema of its own with spring.modulith.events.jdbc.schema: in the"
                + " topology file, under each service, environment: {SPRING_MODULITH_EVENTS_JDBC_SCHEMA: <schema>},"),
                String.join("\n", lines));
        assertTrue(lines.stream().skip(1).allMatch(line -> line.startsWith("  ")), "one warning: the rest indented");
    }

    @Test
    void theMonolithOnlyOrADocumentStoreGetsNoPublicationWarning() {
        PublicationRegistry jpa = new PublicationRegistry(PublicationRegistry.Kind.JPA, List.of(), List.of(), READ);
        assertEquals(List.of(), shared("", jpa), "one process shares nothing");
        assertEquals(List.of(), shared("  - { name: shelf, modules: [catalog] }\n",
                new PublicationRegistry(PublicationRegistry.Kind.MONGODB, List.of(), List.of(), READ)));
        assertEquals("  The JPA registry has no setting for a table of its own:",
                shared("  - { name: shelf, modules: [catalog] }\n", jpa).get(10));
    }

    /**
     * user8's F5: every module in services, so the monolith holds none at the end; its stack is rendered all the same
     * (LocalModules defaulting to every module), and while deploy.sh moves traffic the running monolith holds lending's
     * publisher and listener on the same database. The warning names it, as the report names the same plan's processes.
     */
    @Test
    void theRenderedMonolithIsOneOfTheProcessesEvenWhenTheTopologyLeavesItNothing() {
        PublicationRegistry jpa = new PublicationRegistry(PublicationRegistry.Kind.JPA, List.of(), List.of(), READ);
        List<String> lines = shared("  - { name: shelf, modules: [catalog] }\n  - { name: loans, modules: [lending] }\n", jpa);
        assertEquals("  - Services of topology.yml: monolith, shelf, loans; monolith, loans store event publications.",
                lines.get(1), String.join("\n", lines));

        Map<String, List<String>> extracted = new LinkedHashMap<>();
        extracted.put("shelf", List.of("catalog"));
        extracted.put("loans", List.of("lending"));
        ExtractionReport report = ExtractionReport.of(LendingLibrary.model(), List.of(), Optional.empty(),
                new TopologyServices("topology.yml", "monolith", extracted), Map.of(), jpa, List.of());
        SharedPublications.Sharing planned = report.warnings().get(0).plans().stream()
                .filter(plan -> plan.about().equals("Services of topology.yml")).findFirst().orElseThrow();
        assertEquals(List.of("monolith", "shelf", "loans"), planned.processes(), "the report names the same processes");
    }
}

package dev.forum.extraction.maven;

import dev.forum.extraction.ecs.DatabaseClients;
import dev.forum.extraction.ecs.EcsRenderer;
import dev.forum.extraction.model.ModulithModel;
import dev.forum.extraction.model.PublicationRegistry;
import dev.forum.extraction.model.SharedPublications;
import dev.forum.topology.Topology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the ECS tasks the ecs goal renders expect of the application and its image, checked against what the service
 * jars hold ({@link RuntimeLibraries#packed}: an optional library, or one in test or provided scope, is in no task):
 * which database clients the application makes ({@link #clients}: the tasks get the settings of each), the
 * PostgreSQL driver of each (JDBC: {@code jdbc:postgresql://...?sslmode=verify-full&sslrootcert=<bundle>}; R2DBC:
 * {@code r2dbc:postgresql://...?sslMode=verify-full&sslRootCert=<bundle>}), the RDS certificate bundle in the image
 * both URLs name, and without a role per module the database's master user the tasks connect as; and the load
 * balancers' health checks ask Actuator's port, which only Spring Boot Actuator opens. Each gap is one warning line
 * saying what to add: the deployment is rendered anyway, but its tasks would not start or never turn healthy. And
 * the services that may share Spring Modulith's event publication table ({@link #sharedPublications}).
 */
final class TaskNeeds {

    /**
     * Spring Boot's JDBC auto-configuration: its DataSource auto-configuration makes a datasource of
     * {@code SPRING_DATASOURCE_URL} where {@link #JDBC} is there too (its condition on {@code EmbeddedDatabaseType}).
     * Spring's JDBC alone makes none: Spring Data R2DBC brings it, and so does Spring Modulith.
     */
    static final String BOOT_JDBC = "org.springframework.boot:spring-boot-jdbc";
    /** Spring's JDBC ({@code org.springframework.jdbc}), which Spring Boot's DataSource auto-configuration needs. */
    static final String JDBC = "org.springframework:spring-jdbc";
    /** Spring Boot's R2DBC auto-configuration: a connection factory of {@code SPRING_R2DBC_URL} where {@link #R2DBC_SPI} is. */
    static final String BOOT_R2DBC = "org.springframework.boot:spring-boot-r2dbc";
    /** R2DBC's API ({@code io.r2dbc.spi.ConnectionFactory}, the auto-configuration's condition). */
    static final String R2DBC_SPI = "io.r2dbc:r2dbc-spi";
    static final String POSTGRESQL = "org.postgresql:postgresql";
    static final String R2DBC_POSTGRESQL = "org.postgresql:r2dbc-postgresql";
    static final String ACTUATOR_STARTER = "org.springframework.boot:spring-boot-starter-actuator";

    private TaskNeeds() {
    }

    /**
     * How the application reads a database, as Spring Boot 4 would make its clients from the tasks' settings: JDBC
     * when the service jars hold {@value #BOOT_JDBC} and {@value #JDBC}, R2DBC when they hold {@value #BOOT_R2DBC} and
     * {@value #R2DBC_SPI}. An application that makes its datasource itself, without Spring Boot's auto-configuration,
     * reads none of the settings the tasks get, so it gets no database.
     *
     * @param packed the {@code groupId:artifactId} of every artifact the service jars hold ({@link RuntimeLibraries#packed})
     * @return JDBC, R2DBC, both or none
     */
    static DatabaseClients clients(Set<String> packed) {
        return DatabaseClients.of(packed.contains(BOOT_JDBC) && packed.contains(JDBC),
                packed.contains(BOOT_R2DBC) && packed.contains(R2DBC_SPI));
    }

    /**
     * @param packed          the {@code groupId:artifactId} of every artifact the service jars hold
     *                        ({@link RuntimeLibraries#packed}): the database clients ({@link #clients}) and their drivers
     * @param actuator        whether the service jars hold Spring Boot Actuator ({@link RuntimeLibraries#actuator}, as
     *                        the service goal's health labels ask it)
     * @param moduleDatabases whether the tasks get a database role per module ({@code extract.ecs.moduleDatabases});
     *                        without it they connect as the database's master user
     * @param healthCheckPath the path the target groups' health checks ask ({@code extract.ecs.healthCheckPath})
     * @param managementPort  the port they ask it on ({@code extract.ecs.managementPort})
     * @param rdsCaBundle     where the database URLs expect the RDS certificate bundle in the image ({@code extract.ecs.rdsCaBundle})
     * @param imageFiles      the folder the service goal copies into every image ({@code extract.image.files}); null when
     *                        none is set
     * @return the warnings, each one line without the build's prefix; empty when the tasks have what they need
     */
    static List<String> warnings(Set<String> packed, boolean actuator, boolean moduleDatabases, String healthCheckPath,
            int managementPort, String rdsCaBundle, Path imageFiles) {
        List<String> warnings = new ArrayList<>();
        DatabaseClients clients = clients(packed);
        if (clients.jdbc() && !packed.contains(POSTGRESQL)) {
            warnings.add("ecs: the tasks' SPRING_DATASOURCE_URL is a PostgreSQL JDBC URL (jdbc:postgresql://<RDS>/...),"
                    + " but the service jars hold no PostgreSQL JDBC driver, so its datasource cannot connect: add the"
                    + " dependency " + POSTGRESQL + " (<scope>runtime</scope>)");
        }
        if (clients.r2dbc() && !packed.contains(R2DBC_POSTGRESQL)) {
            warnings.add("ecs: the tasks' SPRING_R2DBC_URL is a PostgreSQL R2DBC URL (r2dbc:postgresql://<RDS>/...),"
                    + " but the service jars hold no PostgreSQL R2DBC driver, so its connection factory cannot connect:"
                    + " add the dependency " + R2DBC_POSTGRESQL + " (<scope>runtime</scope>)");
        }
        if (clients.any()) {
            if (!moduleDatabases) {
                // The root README, "What each part may do": an application role may read and write its tables only.
                String variables = clients.jdbc() && clients.r2dbc()
                        ? "SPRING_DATASOURCE_USERNAME and _PASSWORD, SPRING_R2DBC_USERNAME and _PASSWORD"
                        : clients.jdbc() ? "SPRING_DATASOURCE_USERNAME and _PASSWORD" : "SPRING_R2DBC_USERNAME and _PASSWORD";
                warnings.add("ecs: every task connects to PostgreSQL as the database's master user (" + variables
                        + " from the RDS admin secret), which may drop any module's tables and create roles:"
                        + " with Spring's one datasource the plugin renders no role of fewer rights; if the application"
                        + " reads a datasource per module (<PREFIX>_DATASOURCE_<MODULE>_USERNAME, ...), set"
                        + " extract.ecs.moduleDatabases=true and extract.ecs.databaseBootstrapImage for a role per module");
            }
            String inImage = rdsCaBundle.substring(1);
            if (imageFiles == null || !Files.isRegularFile(imageFiles.resolve(inImage))) {
                warnings.add("ecs: the tasks' " + (clients.jdbc() ? "JDBC URL verifies the database with sslrootcert="
                                : "R2DBC URL verifies the database with sslRootCert=") + rdsCaBundle
                        + " (extract.ecs.rdsCaBundle), but no service image will hold that file: "
                        + (imageFiles == null ? "extract.image.files is not set" : "extract.image.files (" + imageFiles
                                + ") has no " + inImage)
                        + ": set extract.image.files (the plugin's <imageFiles>) to a folder holding " + inImage
                        + ", the RDS certificate authorities' bundle (the root README, \"The RDS certificate bundle\")");
            }
        }
        if (!actuator) {
            warnings.add("ecs: the load balancers' health checks ask " + healthCheckPath + " on the management port "
                    + managementPort + " (extract.ecs.healthCheckPath, managementPort), but the service jars hold no Spring"
                    + " Boot Actuator (" + RuntimeLibraries.ACTUATOR + " in compile or runtime scope, not optional), so no"
                    + " task would ever turn healthy: add the dependency " + ACTUATOR_STARTER);
        }
        return warnings;
    }

    /**
     * The warning of services that may share Spring Modulith's event publication table ({@link SharedPublications},
     * for the ecs goal's tasks: one {@code SPRING_DATASOURCE_URL}, and a service's {@code database:} moves only its
     * modules' tables). The processes are the monolith, whose stack is always rendered, with every module it may hold
     * during a deployment ({@link EcsRenderer#monolithModules}), then each extracted service with its modules: as the
     * report names the file's services.
     *
     * @param rendered the topology as rendered: its services, each with the modules it runs in process
     * @param model    the application's modules and listeners
     * @param registry the application's event publication registry
     * @return the one warning's lines without the build's prefix, the first starting {@code ecs: }, the rest indented;
     *         empty when the services share no table
     */
    static List<String> sharedPublications(Topology rendered, ModulithModel model, PublicationRegistry registry) {
        Map<String, Set<String>> processes = new LinkedHashMap<>();
        processes.put(rendered.monolith().name(), EcsRenderer.monolithModules(rendered));
        rendered.extracted().forEach(service -> processes.put(service.name(), rendered.localModules(service.name())));
        SharedPublications.Plan plan = SharedPublications.Plan.services(Path.of(rendered.source()).getFileName().toString(),
                processes);
        List<String> lines = SharedPublications.of(model, registry, List.of(plan), SharedPublications.Target.ECS)
                .map(SharedPublications.Finding::lines).orElse(List.of());
        List<String> prefixed = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            prefixed.add((i == 0 ? "ecs: " : "  ") + lines.get(i));
        }
        return prefixed;
    }
}

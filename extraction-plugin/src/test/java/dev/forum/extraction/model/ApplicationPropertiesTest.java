package dev.forum.extraction.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application's settings files read for the profiles its processes run with, as Spring Boot 4.1 reads them
 * ({@link SpringBootAgreementTest} checks the same rules against Spring Boot itself).
 */
class ApplicationPropertiesTest {

    private static final Set<String> JPA = Set.of("org.springframework.modulith:spring-modulith-events-jpa");

    @TempDir
    Path classes;

    private void write(String name, String text) throws IOException {
        Files.writeString(classes.resolve(name), text);
    }

    /** user8's F2: application-prod.yml turns on what application.yml leaves off, and the ecs goal deploys prod. */
    @Test
    void theDeploymentsProfileFileIsReadOverTheDefaultFile() throws IOException {
        write("application.yml", """
                spring:
                  modulith:
                    events:
                      republish-outstanding-events-on-restart: false
                server:
                  port: 8080
                """);
        write("application-prod.yml", """
                spring:
                  modulith:
                    events:
                      republish-outstanding-events-on-restart: true
                      staleness:
                        published: PT1H
                server:
                  port: 9090
                """);
        PublicationRegistry prod = PublicationRegistry.detect(JPA, ApplicationProperties.read(classes, List.of("prod")));
        assertEquals(List.of(PublicationRegistry.REPUBLISH + "=true in application-prod.yml"), prod.republishing());
        assertEquals(List.of(PublicationRegistry.STALENESS_PREFIX + "published=PT1H in application-prod.yml"), prod.staleness());

        ApplicationProperties unknown = ApplicationProperties.read(classes);
        assertEquals("8080", unknown.getProperty("server.port"), "without a profile the default file alone");
        assertFalse(PublicationRegistry.detect(JPA, unknown).republishes());
        assertEquals("application.yml (no profile active; not read: application-prod.yml, profiles a deployment activates,"
                + " files beside the jar and in ./config/, the environment)", unknown.described());
        assertEquals("application.yml (no profile active; not read: application-prod.yml, files beside the jar and in ./config/, the environment)",
                ApplicationProperties.read(classes, List.of()).described(), "a deployment known to set no profile");
    }

    @Test
    void aProfileFileTurnsOffWhatTheDefaultFileTurnsOn() throws IOException {
        write("application.properties", PublicationRegistry.REPUBLISH + "=true\n"
                + PublicationRegistry.STALENESS_PREFIX + "processing=PT5M\n");
        write("application-prod.yml", """
                spring.modulith.events:
                  republish-outstanding-events-on-restart: off
                  staleness.processing: 0s
                """);
        ApplicationProperties prod = ApplicationProperties.read(classes, List.of("prod"));
        assertEquals("off", prod.getProperty(PublicationRegistry.REPUBLISH));
        assertEquals("application-prod.yml", prod.origin(PublicationRegistry.REPUBLISH));
        PublicationRegistry registry = PublicationRegistry.detect(JPA, prod);
        assertFalse(registry.republishes(), "the profile file wins over application.properties");
        assertFalse(registry.monitorsStaleness(), "a duration of zero in the profile file turns the monitor off");
        assertEquals("application.properties and application-prod.yml (profile prod; not read: files beside the jar and in ./config/, the environment)",
                registry.read());
        assertTrue(PublicationRegistry.detect(JPA, ApplicationProperties.read(classes, List.of("dev"))).republishes(),
                "another profile, without a file, leaves the default file's setting");
    }

    @Test
    void aLaterProfileWinsAndPropertiesWinOverYamlOfTheSameProfile() throws IOException {
        write("application.yml", "x: default\ny: default\n");
        write("application-a.yml", "x: a-yml\ny: a-yml\n");
        write("application-a.properties", "x=a-properties\n");
        write("application-b.yaml", "y: b-yaml\n");
        ApplicationProperties ab = ApplicationProperties.read(classes, List.of("a", "b"));
        assertEquals("a-properties", ab.getProperty("x"));
        assertEquals("b-yaml", ab.getProperty("y"));
        assertEquals(List.of("application.yml", "application-a.yml", "application-a.properties", "application-b.yaml"),
                ab.files());
        assertEquals("application.yml, application-a.yml, application-a.properties and application-b.yaml (profiles a, b;"
                + " not read: files beside the jar and in ./config/, the environment)", ab.described());
        assertEquals("a-yml", ApplicationProperties.read(classes, List.of("b", "a")).getProperty("y"), "a last wins now");
    }

    @Test
    void theFilesOwnActiveProfileIsReadUnlessTheDeploymentSetsOneAndIncludesAndGroupsAlwaysCount() throws IOException {
        write("application.properties", """
                spring.profiles.active=dev
                spring.profiles.include=common
                spring.profiles.group.prod=prod-db,prod-mq
                """);
        for (String profile : List.of("dev", "prod", "common", "prod-db", "prod-mq")) {
            write("application-" + profile + ".yml", "who: " + profile + "\n" + profile + ": yes\n");
        }
        ApplicationProperties own = ApplicationProperties.read(classes);
        assertEquals(List.of("common", "dev"), own.profiles(), "included first, so the active profile wins over it");
        assertEquals("dev", own.getProperty("who"));
        assertNull(own.getProperty("prod"));

        ApplicationProperties prod = ApplicationProperties.read(classes, List.of("prod"));
        assertEquals(List.of("common", "prod", "prod-db", "prod-mq"), prod.profiles(),
                "the deployment's profile replaces the file's; the group follows its profile");
        assertEquals("prod-mq", prod.getProperty("who"));
        assertNull(prod.getProperty("dev"));
        assertEquals("yes", prod.getProperty("prod-db"));
    }

    @Test
    void withNoProfileActiveTheDefaultProfileIsRead() throws IOException {
        write("application.yml", "x: base\n");
        write("application-default.yml", "x: default-profile\n");
        assertEquals("default-profile", ApplicationProperties.read(classes).getProperty("x"));
        assertEquals("base", ApplicationProperties.read(classes, List.of("prod")).getProperty("x"));
        write("application.yml", "x: base\nspring.profiles.default: local\n");
        write("application-local.yml", "x: local\n");
        ApplicationProperties local = ApplicationProperties.read(classes);
        assertEquals("local", local.getProperty("x"));
        assertEquals("application.yml and application-local.yml (default profile local; not read: application-default.yml,"
                + " profiles a deployment activates, files beside the jar and in ./config/, the environment)", local.described());
    }

    @Test
    void aDocumentForSomeProfilesAppliesOnlyWithThemAndALaterDocumentWins() throws IOException {
        write("application.yml", """
                x: first
                ---
                spring:
                  config:
                    activate:
                      on-profile:
                        - prod
                        - staging
                x: prod-or-staging
                ---
                spring.config.activate.on-profile: "!prod"
                y: not-prod
                ---
                spring.config.activate.on-profile: prod & eu
                z: prod-and-eu
                ---
                spring.config.activate.on-cloud-platform: kubernetes
                x: kubernetes
                """);
        write("application.properties", "p=1\n#---\nspring.config.activate.on-profile=prod\np=2\n");
        ApplicationProperties none = ApplicationProperties.read(classes);
        assertEquals("first", none.getProperty("x"));
        assertEquals("not-prod", none.getProperty("y"), "no profile active: the default profile is not prod");
        assertEquals("1", none.getProperty("p"));
        ApplicationProperties prod = ApplicationProperties.read(classes, List.of("prod"));
        assertEquals("prod-or-staging", prod.getProperty("x"), "no cloud platform on ECS");
        assertNull(prod.getProperty("y"));
        assertNull(prod.getProperty("z"));
        assertEquals("2", prod.getProperty("p"));
        assertEquals("prod-and-eu", ApplicationProperties.read(classes, List.of("prod", "eu")).getProperty("z"));
    }

    @Test
    void withoutAnyFileNothingIsSetAndTheWarningSaysThereIsNone() {
        ApplicationProperties none = ApplicationProperties.read(classes, List.of("prod"));
        assertNull(none.getProperty("server.port"));
        assertEquals(List.of(), none.files());
        assertEquals("any settings file (there is no application.properties or application.yml; profile prod; not read:"
                + " files beside the jar and in ./config/, the environment)", none.described());
    }

    /** What the warning says it read names config/, the imports, and what was left to the environment or not read. */
    @Test
    void theWarningNamesConfigFilesImportsAndPlaceholdersLeftToTheEnvironment() throws IOException {
        write("application.properties", """
                spring.config.import=optional:file:./local.yml, classpath:extra.yml, optional:configtree:/run/secrets/
                spring.modulith.events.republish-outstanding-events-on-restart=${REPUBLISH}
                spring.modulith.events.jdbc.schema=${EVENTS_SCHEMA:events}
                """);
        write("extra.yml", "server.port: 3000\n");
        Files.createDirectories(classes.resolve("config"));
        write("config/application.yml", "server.port: 4000\n");
        write("config/application-prod.yml", "server.port: 5000\n");

        ApplicationProperties read = ApplicationProperties.read(classes, List.of());
        assertEquals(List.of("application.properties", "extra.yml", "config/application.yml"), read.files());
        assertEquals("4000", read.getProperty("server.port"), "config/ wins over the root and its imports");
        assertEquals("config/application.yml", read.origin("server.port"));
        assertNull(read.getProperty(PublicationRegistry.REPUBLISH), "unknown, never the text ${REPUBLISH}");
        assertEquals("events", read.getProperty("spring.modulith.events.jdbc.schema"));
        assertEquals("application.properties, extra.yml and config/application.yml (no profile active; placeholders no"
                + " file sets: ${EVENTS_SCHEMA} taken as its default, ${REPUBLISH} unknown; not read:"
                + " config/application-prod.yml, optional:file:./local.yml, optional:configtree:/run/secrets/, files"
                + " beside the jar and in ./config/, the environment)", read.described());
    }

    /** A non-optional import that is not there stops Spring Boot: the warning says so rather than read without it. */
    @Test
    void aMissingImportIsNamed() throws IOException {
        write("application.yml", "spring.config.import: classpath:gone.yml\nx: 1\n");
        ApplicationProperties read = ApplicationProperties.read(classes, List.of());
        assertEquals("application.yml (no profile active; not read: classpath:gone.yml (missing: Spring Boot does not"
                + " start without it), files beside the jar and in ./config/, the environment)", read.described());
    }

    /** Placeholders resolve against the value that wins, whichever file sets it, nested defaults too. */
    @Test
    void placeholdersResolveAgainstTheWinningValues() throws IOException {
        write("application.yml", "host: ${db.host:localhost}\nurl: pg://${host}:${db.port:${fallback.port:5432}}/x\n"
                + "loop: ${loop}\n");
        write("application-prod.yml", "db.host: prod-db\nfallback.port: 6432\n");
        ApplicationProperties prod = ApplicationProperties.read(classes, List.of("prod"));
        assertEquals("pg://prod-db:6432/x", prod.getProperty("url"));
        assertNull(prod.getProperty("loop"), "a placeholder that refers to itself has no value");
        assertEquals("pg://localhost:5432/x", ApplicationProperties.read(classes, List.of()).getProperty("url"));
    }

    @Test
    void aValueWithAPlaceholderNoFileSetsIsUnknownNotUnset() throws IOException {
        write("application.properties", "a=${A}\nb=${A:x}\nc=plain\nd=${d}\ne=${a}/e\n");
        ApplicationProperties properties = ApplicationProperties.read(classes);
        assertEquals(null, properties.getProperty("a"));
        assertTrue(properties.unknown("a"));
        assertEquals("${A}", properties.written("a"));
        assertTrue(properties.unknown("d"), "a placeholder that refers to its own key");
        assertTrue(properties.unknown("e"), "a value made of an unknown one");
        assertEquals("x", properties.getProperty("b"));
        assertFalse(properties.unknown("b"), "a default is what Spring Boot takes");
        assertFalse(properties.unknown("c"));
        assertFalse(properties.unknown("f"), "not set at all");
    }
}

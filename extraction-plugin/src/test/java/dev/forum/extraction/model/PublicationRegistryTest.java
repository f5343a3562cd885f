package dev.forum.extraction.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.extraction.image.ApplicationProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry's kind from the run-time artifacts, its settings from the application's own properties and YAML. */
class PublicationRegistryTest {

    private static final String MODULITH = "org.springframework.modulith:";

    @TempDir
    Path classes;

    private static Properties properties(String... pairs) {
        Properties properties = new Properties();
        for (int i = 0; i < pairs.length; i += 2) {
            properties.setProperty(pairs[i], pairs[i + 1]);
        }
        return properties;
    }

    @Test
    void theKindIsTheRegistryArtifactOnTheRuntimeClassPath() {
        Set<String> core = Set.of(MODULITH + "spring-modulith-events-core", MODULITH + "spring-modulith-events-api");
        assertEquals(PublicationRegistry.Kind.NONE, PublicationRegistry.detect(core, new Properties()).kind(),
                "the event API alone stores nothing");
        for (PublicationRegistry.Kind kind : List.of(PublicationRegistry.Kind.JPA, PublicationRegistry.Kind.JDBC,
                PublicationRegistry.Kind.MONGODB, PublicationRegistry.Kind.NEO4J)) {
            Set<String> runtime = Set.of(MODULITH + "spring-modulith-events-core",
                    MODULITH + "spring-modulith-events-" + kind.id(), "org.springframework:spring-jdbc");
            assertEquals(kind, PublicationRegistry.detect(runtime, new Properties()).kind());
        }
        assertTrue(PublicationRegistry.Kind.JPA.relational() && PublicationRegistry.Kind.JDBC.relational());
        assertFalse(PublicationRegistry.Kind.MONGODB.relational() || PublicationRegistry.Kind.NEO4J.relational());
    }

    @Test
    void republishIsOnUnderEitherNameAndOnlyWhenTrue() {
        Set<String> jpa = Set.of(MODULITH + "spring-modulith-events-jpa");
        PublicationRegistry old = PublicationRegistry.detect(jpa,
                properties("spring.modulith.republish-outstanding-events-on-restart", "TRUE"));
        assertTrue(old.republishes());
        assertEquals(List.of("spring.modulith.republish-outstanding-events-on-restart=TRUE"), old.settings());
        assertTrue(PublicationRegistry.detect(jpa,
                properties("spring.modulith.events.republish-outstanding-events-on-restart", "true")).republishes());
        PublicationRegistry off = PublicationRegistry.detect(jpa, properties(
                "spring.modulith.events.republish-outstanding-events-on-restart", "false", "spring.modulith.events.jdbc.schema", "x"));
        assertFalse(off.republishes());
        assertFalse(off.monitorsStaleness());
        assertEquals(List.of(), off.settings());
    }

    @Test
    void aStalenessDurationOtherThanZeroTurnsTheMonitorOnTheCheckIntervalAloneDoesNot() {
        assertFalse(PublicationRegistry.detect(Set.of(), properties("spring.modulith.events.staleness.check-interval", "PT1M",
                "spring.modulith.events.staleness.published", "0s", "spring.modulith.events.staleness.processing", "PT0S"))
                .monitorsStaleness(), "Spring Modulith 2.1.1 starts the monitor only for a duration other than zero");
        for (String key : List.of("published", "processing", "resubmitted", "resubmission")) {
            PublicationRegistry registry = PublicationRegistry.detect(Set.of(), properties(
                    "spring.modulith.events.staleness.check-interval", "PT1M", "spring.modulith.events.staleness." + key, "10m"));
            assertTrue(registry.monitorsStaleness(), key);
            assertFalse(registry.republishes());
            assertEquals(List.of("spring.modulith.events.staleness." + key + "=10m"), registry.settings());
        }
    }

    @Test
    void theCurrentRepublishNameWinsOverTheOldOneAsSpringModulithReadsThem() {
        assertFalse(PublicationRegistry.detect(Set.of(), properties(PublicationRegistry.REPUBLISH, "false",
                PublicationRegistry.REPUBLISH_OLD, "true")).republishes());
        assertEquals(List.of(PublicationRegistry.REPUBLISH + "=TRUE"), PublicationRegistry.detect(Set.of(), properties(
                PublicationRegistry.REPUBLISH, "TRUE", PublicationRegistry.REPUBLISH_OLD, "false")).settings());
        assertEquals(List.of(PublicationRegistry.REPUBLISH_OLD + "=true"), PublicationRegistry.detect(Set.of(), properties(
                PublicationRegistry.REPUBLISH_OLD, "true")).settings());
    }

    @Test
    void theSettingsAreReadFromTheApplicationsYamlNestedOrDotted() throws IOException {
        Files.writeString(classes.resolve("application.yml"), """
                spring:
                  modulith:
                    republish-outstanding-events-on-restart: true
                    events:
                      staleness:
                        processing: PT5M
                """);
        PublicationRegistry registry = PublicationRegistry.detect(Set.of(MODULITH + "spring-modulith-events-jdbc"),
                ApplicationProperties.read(classes));
        assertEquals(List.of("spring.modulith.events.staleness.processing=PT5M",
                "spring.modulith.republish-outstanding-events-on-restart=true"), registry.settings());
        Files.writeString(classes.resolve("application.properties"),
                "spring.modulith.republish-outstanding-events-on-restart=false\n");
        assertFalse(PublicationRegistry.detect(Set.of(), ApplicationProperties.read(classes)).republishes(),
                "the properties file wins over the YAML, as in Spring Boot");
    }
}

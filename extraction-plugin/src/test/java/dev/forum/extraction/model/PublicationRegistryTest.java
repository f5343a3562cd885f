package dev.forum.extraction.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
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

    /** Where a setting of {@link #properties} is said to come from. */
    private static final String IN = " in application.properties";

    /** The application's settings: these pairs, written to its application.properties, read back. */
    private ApplicationProperties properties(String... pairs) {
        Properties properties = new Properties();
        for (int i = 0; i < pairs.length; i += 2) {
            properties.setProperty(pairs[i], pairs[i + 1]);
        }
        try (Writer out = Files.newBufferedWriter(classes.resolve("application.properties"))) {
            properties.store(out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ApplicationProperties.read(classes);
    }

    @Test
    void theKindIsTheRegistryArtifactOnTheRuntimeClassPath() {
        Set<String> core = Set.of(MODULITH + "spring-modulith-events-core", MODULITH + "spring-modulith-events-api");
        assertEquals(PublicationRegistry.Kind.NONE, PublicationRegistry.detect(core, properties()).kind(),
                "the event API alone stores nothing");
        for (PublicationRegistry.Kind kind : List.of(PublicationRegistry.Kind.JPA, PublicationRegistry.Kind.JDBC,
                PublicationRegistry.Kind.MONGODB, PublicationRegistry.Kind.NEO4J)) {
            Set<String> runtime = Set.of(MODULITH + "spring-modulith-events-core",
                    MODULITH + "spring-modulith-events-" + kind.id(), "org.springframework:spring-jdbc");
            assertEquals(kind, PublicationRegistry.detect(runtime, properties()).kind());
        }
        assertTrue(PublicationRegistry.Kind.JPA.relational() && PublicationRegistry.Kind.JDBC.relational());
        assertFalse(PublicationRegistry.Kind.MONGODB.relational() || PublicationRegistry.Kind.NEO4J.relational());
    }

    @Test
    void republishIsOnUnderEitherName() {
        Set<String> jpa = Set.of(MODULITH + "spring-modulith-events-jpa");
        PublicationRegistry old = PublicationRegistry.detect(jpa,
                properties("spring.modulith.republish-outstanding-events-on-restart", "TRUE"));
        assertTrue(old.republishes());
        assertEquals(List.of("spring.modulith.republish-outstanding-events-on-restart=TRUE" + IN), old.republishing());
        assertTrue(PublicationRegistry.detect(jpa,
                properties("spring.modulith.events.republish-outstanding-events-on-restart", "true")).republishes());
        PublicationRegistry off = PublicationRegistry.detect(jpa, properties(
                "spring.modulith.events.republish-outstanding-events-on-restart", "false", "spring.modulith.events.jdbc.schema", "x"));
        assertFalse(off.republishes());
        assertFalse(off.monitorsStaleness());
        assertEquals(List.of(), off.republishing());
        assertEquals(List.of(), off.staleness());
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
            assertEquals(List.of("spring.modulith.events.staleness." + key + "=10m" + IN), registry.staleness());
            assertEquals(List.of(), registry.republishing());
        }
    }

    @Test
    void theCurrentRepublishNameWinsOverTheOldOneAsSpringModulithReadsThem() {
        assertFalse(PublicationRegistry.detect(Set.of(), properties(PublicationRegistry.REPUBLISH, "false",
                PublicationRegistry.REPUBLISH_OLD, "true")).republishes());
        assertEquals(List.of(PublicationRegistry.REPUBLISH + "=TRUE" + IN), PublicationRegistry.detect(Set.of(), properties(
                PublicationRegistry.REPUBLISH, "TRUE", PublicationRegistry.REPUBLISH_OLD, "false")).republishing());
        assertEquals(List.of(PublicationRegistry.REPUBLISH_OLD + "=true" + IN), PublicationRegistry.detect(Set.of(), properties(
                PublicationRegistry.REPUBLISH_OLD, "true")).republishing());
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
        assertEquals(List.of("spring.modulith.events.staleness.processing=PT5M in application.yml"), registry.staleness());
        assertEquals(List.of("spring.modulith.republish-outstanding-events-on-restart=true in application.yml"),
                registry.republishing());
        Files.writeString(classes.resolve("application.properties"),
                "spring.modulith.republish-outstanding-events-on-restart=false\n");
        assertFalse(PublicationRegistry.detect(Set.of(), ApplicationProperties.read(classes)).republishes(),
                "the properties file wins over the YAML, as in Spring Boot");
    }

    /** Spring's {@code StringToBooleanConverter} (spring-core 7.0.9), as {@code Environment.getProperty(key, Boolean.class)}. */
    @Test
    void republishReadsTheValueAsSpringReadsABoolean() {
        for (String on : List.of("true", "on", "yes", "1", "YES", "On", " true ")) {
            assertEquals(List.of(PublicationRegistry.REPUBLISH + "=" + on.trim() + IN),
                    PublicationRegistry.detect(Set.of(), properties(PublicationRegistry.REPUBLISH, on)).republishing(), on);
            assertTrue(PublicationRegistry.detect(Set.of(), properties(PublicationRegistry.REPUBLISH_OLD, on)).republishes(), on);
        }
        for (String off : List.of("false", "off", "no", "0", "NO", "2", "enabled", "truth")) {
            assertFalse(PublicationRegistry.detect(Set.of(), properties(PublicationRegistry.REPUBLISH, off)).republishes(), off);
        }
        assertFalse(PublicationRegistry.detect(Set.of(), properties(PublicationRegistry.REPUBLISH, "off",
                PublicationRegistry.REPUBLISH_OLD, "yes")).republishes(), "a current name that reads false hides the old one");
        assertEquals(List.of(PublicationRegistry.REPUBLISH_OLD + "=on" + IN), PublicationRegistry.detect(Set.of(), properties(
                PublicationRegistry.REPUBLISH, " ", PublicationRegistry.REPUBLISH_OLD, "on")).republishing(),
                "an empty value converts to no Boolean: Spring Modulith then reads the old name");
        assertFalse(PublicationRegistry.detect(Set.of(), properties(PublicationRegistry.REPUBLISH, "maybe",
                PublicationRegistry.REPUBLISH_OLD, "true")).republishes(),
                "a value Spring cannot convert stops the application: nothing republishes, and the old name is not read");
    }

    /** Spring Modulith's {@code StalenessProperties}: {@code resubmitted} when set, even to zero, else {@code resubmission}. */
    @Test
    void resubmittedWinsOverResubmissionWheneverItIsSet() {
        String resubmitted = PublicationRegistry.STALENESS_PREFIX + "resubmitted";
        String resubmission = PublicationRegistry.STALENESS_PREFIX + "resubmission";
        assertFalse(PublicationRegistry.detect(Set.of(), properties(resubmitted, "0", resubmission, "10m")).monitorsStaleness(),
                "resubmitted set to zero turns the monitor off whatever resubmission says");
        assertFalse(PublicationRegistry.detect(Set.of(), properties(resubmitted, "PT0S", resubmission, "PT1H")).monitorsStaleness());
        assertEquals(List.of(resubmitted + "=5m" + IN), PublicationRegistry.detect(Set.of(), properties(resubmitted, "5m",
                resubmission, "10m")).staleness(), "only the setting Spring Modulith reads is named");
        assertEquals(List.of(resubmission + "=10m" + IN), PublicationRegistry.detect(Set.of(), properties(resubmitted, "",
                resubmission, "10m")).staleness(), "an empty resubmitted binds to none: resubmission is read");
        assertEquals(List.of(PublicationRegistry.STALENESS_PREFIX + "published=1h" + IN, resubmitted + "=2h" + IN),
                PublicationRegistry.detect(Set.of(), properties(resubmitted, "2h", resubmission, "3h",
                        PublicationRegistry.STALENESS_PREFIX + "published", "1h")).staleness());
    }

    /** A placeholder no file sets: Spring Boot starts only when the environment sets it, perhaps to on. */
    @Test
    void aSettingTheBuildCannotResolveCountsAsOnAndSaysSo() {
        Set<String> jdbc = Set.of(MODULITH + "spring-modulith-events-jdbc");
        String unknown = ", a placeholder no settings file sets: on if the environment turns it on";
        PublicationRegistry registry = PublicationRegistry.detect(jdbc, properties(PublicationRegistry.REPUBLISH, "${REPUBLISH}",
                PublicationRegistry.REPUBLISH_OLD, "false"));
        assertEquals(List.of(PublicationRegistry.REPUBLISH + "=${REPUBLISH}" + IN + unknown), registry.republishing(),
                "the current name is read, the old one never instead");
        registry = PublicationRegistry.detect(jdbc, properties(PublicationRegistry.REPUBLISH_OLD, "${REPUBLISH}"));
        assertEquals(List.of(PublicationRegistry.REPUBLISH_OLD + "=${REPUBLISH}" + IN + unknown), registry.republishing());
        assertTrue(registry.republishes());
        assertFalse(registry.surelyRepublishes(), "it may be on, not surely");
        assertTrue(PublicationRegistry.detect(jdbc, properties(PublicationRegistry.REPUBLISH, "on")).surelyRepublishes());
        assertTrue(PublicationRegistry.detect(jdbc, properties(PublicationRegistry.REPUBLISH, "${REPUBLISH:false}"))
                .republishing().isEmpty(), "a default counts");

        String resubmitted = PublicationRegistry.STALENESS_PREFIX + "resubmitted";
        String resubmission = PublicationRegistry.STALENESS_PREFIX + "resubmission";
        registry = PublicationRegistry.detect(jdbc, properties(resubmitted, "${STALE}", resubmission, "1h"));
        assertEquals(List.of(resubmitted + "=${STALE}" + IN + unknown), registry.staleness(),
                "resubmitted holds a value whenever the application starts, so resubmission is not read");
        assertTrue(registry.monitorsStaleness());
        assertFalse(registry.surelyMonitorsStaleness());
        registry = PublicationRegistry.detect(jdbc, properties(resubmitted, "${STALE}",
                PublicationRegistry.STALENESS_PREFIX + "published", "1h"));
        assertTrue(registry.surelyMonitorsStaleness(), "one duration a file sets is enough");
        registry = PublicationRegistry.detect(jdbc, properties(PublicationRegistry.STALENESS_PREFIX + "published", "${A}${B}"));
        assertEquals(List.of(PublicationRegistry.STALENESS_PREFIX + "published=${A}${B}" + IN + unknown), registry.staleness());
    }
}

package dev.forum.extraction.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.extraction.model.ExtractionException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SupportedVersionsTest {

    @Test
    void acceptsSpringModulith2OnSpringBoot4AndJava17To25() {
        SupportedVersions.check(Optional.of("4.1.1"), Optional.of("2.1.1"), 17);
        SupportedVersions.check(Optional.of("4.0.0-RC1"), Optional.of("2.0.0"), 25);
        SupportedVersions.check(Optional.empty(), Optional.empty(), 21);
    }

    @Test
    void refusesAnythingOlderInOneLine() {
        assertEquals("The application uses Spring Boot 3.5.4; extraction supports Spring Boot 4.x with Spring Modulith 2.x:"
                + " upgrade to Spring Boot 4", refusal(Optional.of("3.5.4"), Optional.of("1.4.1"), 17));
        assertEquals("The application uses Spring Modulith 1.4.1; extraction reads modules with Spring Modulith 2.x (on Spring"
                + " Boot 4.x): upgrade Spring Modulith to 2.x", refusal(Optional.of("4.1.1"), Optional.of("1.4.1"), 17));
        assertEquals("The application is compiled for Java 11; extraction supports Java 17 to 25: set maven.compiler.release"
                + " to a version in that range", refusal(Optional.empty(), Optional.empty(), 11));
        refusal(Optional.empty(), Optional.empty(), 26);
    }

    /** 4.0.0 deduces the web application type by Spring Boot 3's rule, the plugin by 4.0.1's: one line, not refused. */
    @Test
    void springBoot400IsWarnedToMoveTo401OrLater() {
        assertEquals(Optional.of("The application uses Spring Boot 4.0.0, which tells a servlet application from a reactive"
                + " one by another rule than 4.0.1 and later, the rule the plugin reads its web stack by (the image's health"
                + " labels, the ECS deployment's paths), and with both Spring MVC's and Spring WebFlux's classes on its class"
                + " path the two rules give different stacks: use Spring Boot 4.0.1 or later, or name the stack in"
                + " spring.main.web-application-type"),
                SupportedVersions.webStackRule(Optional.of("4.0.0")));
        assertTrue(SupportedVersions.webStackRule(Optional.of("4.0.0-RC2")).orElseThrow()
                .startsWith("The application uses Spring Boot 4.0.0-RC2, "));
        for (String later : new String[] {"4.0.1", "4.0.10", "4.1.1"}) {
            assertEquals(Optional.empty(), SupportedVersions.webStackRule(Optional.of(later)), later);
        }
        assertEquals(Optional.empty(), SupportedVersions.webStackRule(Optional.empty()));
        SupportedVersions.check(Optional.of("4.0.0"), Optional.of("2.0.0"), 21);
    }

    @Test
    void readsTheJavaReleaseOfAClassFileAndTheFeatureOfAVersion() {
        assertEquals(17, SupportedVersions.javaRelease(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61}));
        assertEquals(25, SupportedVersions.javaRelease(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 69}));
        assertThrows(ExtractionException.class, () -> SupportedVersions.javaRelease(new byte[] {1, 2, 3}));
        assertEquals(25, SupportedVersions.feature("25.0.1"));
        assertEquals(17, SupportedVersions.feature("17"));
        assertEquals(8, SupportedVersions.feature("1.8.0_392"));
        assertEquals(21, SupportedVersions.feature("21-ea"));
    }

    private static String refusal(Optional<String> boot, Optional<String> modulith, int java) {
        return assertThrows(ExtractionException.class, () -> SupportedVersions.check(boot, modulith, java)).getMessage();
    }

    @Test
    void aProjectWithNeitherSpringBootNorSpringModulithIsToldSoNotAskedForAnAnnotation() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(dev.forum.extraction.model.ExtractionException.class,
                () -> SupportedVersions.requireSpring(Optional.empty(), Optional.empty()));
        org.junit.jupiter.api.Assertions.assertEquals("The project has no Spring Boot and no Spring Modulith dependency"
                + " (neither org.springframework.boot:spring-boot nor an org.springframework.modulith artifact among its"
                + " dependencies): the extraction plugin reads the modules of a Spring Boot application with Spring"
                + " Modulith, and this project is none: add them (spring-boot-starter, spring-modulith-starter-core), or"
                + " leave the plugin out of this project's build", e.getMessage());
        SupportedVersions.requireSpring(Optional.of("4.1.1"), Optional.empty());
        SupportedVersions.requireSpring(Optional.empty(), Optional.of("2.1.1"));
    }

    @Test
    void aSpringBootApplicationWithoutSpringModulithIsRefusedByTheGoalsThatBuildNamingTheDependencyToAdd() {
        String refusal = assertThrows(ExtractionException.class, () -> SupportedVersions.withoutModulith(Optional.of("4.1.1"),
                Optional.empty(), "service", true, "2.1.1")).getMessage();

        assertEquals("The application has Spring Boot 4.1.1 but no Spring Modulith (no org.springframework.modulith"
                + " artifact among its dependencies), and extract:service builds from the modules Spring Modulith declares:"
                + " add org.springframework.modulith:spring-modulith-starter-core to its dependencies (version 2.1.1, or"
                + " import org.springframework.modulith:spring-modulith-bom:2.1.1 in dependencyManagement);"
                + " `extract:report` shows the modules Spring Modulith would find before you do", refusal);
        assertEquals(1, refusal.lines().count());
        assertTrue(assertThrows(ExtractionException.class, () -> SupportedVersions.withoutModulith(Optional.of("4.0.2"),
                Optional.empty(), "modules", true, "2.1.1")).getMessage().contains("extract:modules builds"));
    }

    @Test
    void theReportOfASpringBootApplicationWithoutSpringModulithSaysWhatItAssumedAndWhatToAdd() {
        Optional<String> assumed = SupportedVersions.withoutModulith(Optional.of("4.1.1"), Optional.empty(), "report",
                false, "2.1.1");

        assertEquals(Optional.of("The application has Spring Boot 4.1.1 but no Spring Modulith (no"
                + " org.springframework.modulith artifact among its dependencies): this report reads its modules with the"
                + " plugin's Spring Modulith 2.1.1, each direct sub-package of the main class's package a module, nothing"
                + " declared (no named interfaces, open or shared modules); the goals that build (modules, service, ecs)"
                + " refuse it until you add org.springframework.modulith:spring-modulith-starter-core to its dependencies"
                + " (version 2.1.1, or import org.springframework.modulith:spring-modulith-bom:2.1.1 in"
                + " dependencyManagement)"), assumed);
    }

    @Test
    void anApplicationWithSpringModulithOrWithoutSpringBootAssumesNothing() {
        assertEquals(Optional.empty(), SupportedVersions.withoutModulith(Optional.of("4.1.1"), Optional.of("2.1.1"),
                "service", true, "2.1.1"));
        assertEquals(Optional.empty(), SupportedVersions.withoutModulith(Optional.empty(), Optional.of("2.0.0"),
                "service", true, "2.1.1"));
        assertEquals(Optional.empty(), SupportedVersions.withoutModulith(Optional.of("4.1.1"), Optional.of("2.1.1"),
                "report", false, "2.1.1"));
    }
}

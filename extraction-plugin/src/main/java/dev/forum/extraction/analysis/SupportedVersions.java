package dev.forum.extraction.analysis;

import dev.forum.extraction.model.ExtractionException;
import java.util.Optional;

/**
 * What the plugin supports (issue 15): Spring Modulith 2.x on Spring Boot 4.x, an application compiled for Java 17
 * to 25. Anything older is refused with one line saying what was found and what to change; Spring Boot 4.0.0 is
 * accepted, with one warning line where its web stack rule matters ({@link #webStackRule}). A project with neither
 * Spring Boot nor Spring Modulith is refused ({@link #requireSpring}); a Spring Boot application without Spring
 * Modulith is refused by the goals that build from its modules and only reported on, with a warning that says what
 * was assumed ({@link #withoutModulith}); a Spring Modulith application without Spring Boot is read as it is.
 */
public final class SupportedVersions {

    public static final int OLDEST_JAVA = 17;
    public static final int NEWEST_JAVA = 25;

    private SupportedVersions() {
    }

    /**
     * @param springBoot     the application's Spring Boot version, if it has one
     * @param springModulith the application's Spring Modulith version, if it has one
     * @param javaRelease    the Java release its main class is compiled for (e.g. 17)
     * @throws ExtractionException (one line) for an unsupported version
     */
    public static void check(Optional<String> springBoot, Optional<String> springModulith, int javaRelease) {
        springBoot.filter(v -> major(v) < 4).ifPresent(v -> {
            throw new ExtractionException("The application uses Spring Boot " + v + "; extraction supports Spring Boot 4.x"
                    + " with Spring Modulith 2.x: upgrade to Spring Boot 4");
        });
        springModulith.filter(v -> major(v) < 2).ifPresent(v -> {
            throw new ExtractionException("The application uses Spring Modulith " + v + "; extraction reads modules with"
                    + " Spring Modulith 2.x (on Spring Boot 4.x): upgrade Spring Modulith to 2.x");
        });
        if (javaRelease < OLDEST_JAVA || javaRelease > NEWEST_JAVA) {
            throw new ExtractionException("The application is compiled for Java " + javaRelease + "; extraction supports"
                    + " Java " + OLDEST_JAVA + " to " + NEWEST_JAVA + ": set maven.compiler.release to a version in that range");
        }
    }

    /**
     * The warning for an application on Spring Boot 4.0.0 (or one of its pre-releases), which tells a servlet
     * application from a reactive one by Spring Boot 3's rule, where the goals read the web stack by 4.0.1's (the
     * {@code WebStack} of the service goal's images and of the {@code ecs} goal: the image's health labels, the ECS
     * deployment's paths). Those goals ask for it only when the two rules give different types for the application's
     * class path and its settings name no {@code spring.main.web-application-type}
     * ({@code ApplicationAnalysis.servlet}).
     *
     * @param springBoot the application's Spring Boot version, if it has one
     * @return the one line saying to use 4.0.1 or later, or to name the stack; empty for any other version, or without
     *         Spring Boot
     */
    public static Optional<String> webStackRule(Optional<String> springBoot) {
        return springBoot.filter(v -> v.equals("4.0.0") || v.startsWith("4.0.0-")).map(v -> "The application uses Spring"
                + " Boot " + v + ", which tells a servlet application from a reactive one by another rule than 4.0.1 and"
                + " later, the rule the plugin reads its web stack by (the image's health labels, the ECS deployment's"
                + " paths), and with both Spring MVC's and Spring WebFlux's classes on its class path the two rules give"
                + " different stacks: use Spring Boot 4.0.1 or later, or name the stack in spring.main.web-application-type");
    }

    /**
     * Refuses a project with neither Spring Boot nor Spring Modulith among its dependencies (a plain jar, a library):
     * the plugin has no application to read there, and would otherwise fail later on a main class Spring Modulith
     * cannot read.
     *
     * @param springBoot     the project's Spring Boot version, if it has Spring Boot
     * @param springModulith the project's Spring Modulith version, if it has Spring Modulith
     * @throws ExtractionException (one line) when it has neither
     */
    public static void requireSpring(Optional<String> springBoot, Optional<String> springModulith) {
        if (springBoot.isEmpty() && springModulith.isEmpty()) {
            throw new ExtractionException("The project has no Spring Boot and no Spring Modulith dependency (neither"
                    + " org.springframework.boot:spring-boot nor an org.springframework.modulith artifact among its"
                    + " dependencies): the extraction plugin reads the modules of a Spring Boot application with Spring"
                    + " Modulith, and this project is none: add them (spring-boot-starter, spring-modulith-starter-core),"
                    + " or leave the plugin out of this project's build");
        }
    }

    /**
     * A Spring Boot application without Spring Modulith: no module of it is declared (no {@code @ApplicationModule},
     * named interface or {@code @Modulithic} can be written without Spring Modulith's API), so the modules are only
     * what Spring Modulith would infer from the packages. The report still says what that inference finds (it is how
     * one sees what adding Spring Modulith would give); a goal that builds from the modules refuses.
     *
     * @param springBoot     the project's Spring Boot version, if it has Spring Boot
     * @param springModulith the project's Spring Modulith version, if it has Spring Modulith (any artifact, any scope)
     * @param goal           the goal asking, as {@code extract:<goal>} names it (e.g. {@code service})
     * @param builds         whether the goal builds from the modules (modules, service, ecs); false for the report
     * @param ownModulith    the Spring Modulith version the plugin reads such an application with (its own)
     * @return empty for an application with Spring Modulith (or without Spring Boot); for the report, the one line that
     *         says what it assumed and what to add
     * @throws ExtractionException (one line, naming the dependency to add) for a goal that builds
     */
    public static Optional<String> withoutModulith(Optional<String> springBoot, Optional<String> springModulith,
            String goal, boolean builds, String ownModulith) {
        if (springModulith.isPresent() || springBoot.isEmpty()) {
            return Optional.empty();
        }
        String found = "The application has Spring Boot " + springBoot.get() + " but no Spring Modulith (no"
                + " org.springframework.modulith artifact among its dependencies)";
        String add = "add org.springframework.modulith:spring-modulith-starter-core to its dependencies (version "
                + ownModulith + ", or import org.springframework.modulith:spring-modulith-bom:" + ownModulith
                + " in dependencyManagement)";
        if (builds) {
            throw new ExtractionException(found + ", and extract:" + goal + " builds from the modules Spring Modulith"
                    + " declares: " + add + "; `extract:report` shows the modules Spring Modulith would find before you do");
        }
        return Optional.of(found + ": this report reads its modules with the plugin's Spring Modulith " + ownModulith
                + ", each direct sub-package of the main class's package a module, nothing declared (no named"
                + " interfaces, open or shared modules); the goals that build (modules, service, ecs) refuse it until you "
                + add);
    }

    /** The Java release a class file targets, from its major version (61 is Java 17). */
    public static int javaRelease(byte[] classFile) {
        if (classFile.length < 8 || (classFile[0] & 0xFF) != 0xCA || (classFile[1] & 0xFF) != 0xFE) {
            throw new ExtractionException("Not a class file: rebuild the application with `package`");
        }
        int major = ((classFile[6] & 0xFF) << 8) | (classFile[7] & 0xFF);
        return major - 44;
    }

    /** The feature release of a version such as {@code 25.0.1}, {@code 17}, {@code 1.8.0_392} (8). */
    public static int feature(String version) {
        String[] parts = version.trim().split("[.+_-]");
        int first = Integer.parseInt(parts[0].replaceAll("\\D.*", ""));
        return first == 1 && parts.length > 1 ? Integer.parseInt(parts[1].replaceAll("\\D.*", "")) : first;
    }

    private static int major(String version) {
        try {
            return Integer.parseInt(version.split("[.-]")[0]);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }
}

package dev.forum.extraction.analysis;

import dev.forum.extraction.model.ExtractionException;
import java.util.Optional;

/**
 * What the plugin supports (issue 15): Spring Modulith 2.x on Spring Boot 4.x, an application compiled for Java 17
 * to 25. Anything older is refused with one line saying what was found and what to change; an application without
 * Spring Boot or without Spring Modulith on its class path is read with the plugin's own Spring Modulith.
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

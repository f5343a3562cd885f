package dev.forum.extraction.maven;

import dev.forum.extraction.model.ExtractionException;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.springframework.boot.loader.tools.MainClassFinder;

/**
 * The Spring Boot main class, found as Spring Boot's repackaging finds it: the goal's own {@code mainClass}, else
 * spring-boot-maven-plugin's (a value left as an unresolved property, such as {@code spring-boot-starter-parent}'s
 * {@code ${start-class}} when no {@code start-class} is set, counts as unset), else the one class annotated
 * {@code @SpringBootApplication} with a {@code main} method in the application's classes.
 */
final class MainClass {

    private static final String BOOT_PLUGIN = "org.springframework.boot:spring-boot-maven-plugin";
    private static final String SPRING_BOOT_APPLICATION = "org.springframework.boot.autoconfigure.SpringBootApplication";
    private static final Pattern CLASS_NAME = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*");

    private MainClass() {
    }

    /**
     * @param forService true for the service goal, which needs the project packaged, not just compiled
     * @throws ExtractionException (one line) when the classes folder is missing, when none is set and none or several
     *                             are found, or the name is not a class name
     */
    static String of(String configured, MavenProject project, boolean forService) {
        requireCompiled(Path.of(project.getBuild().getOutputDirectory()), forService);
        String name = set(configured) ? configured.trim() : fromBootPlugin(project);
        if (name == null) {
            name = search(Path.of(project.getBuild().getOutputDirectory()));
        }
        if (!CLASS_NAME.matcher(name).matches()) {
            throw new ExtractionException("mainClass '" + name + "' is not a class name: set it like com.example.Application");
        }
        return name;
    }

    /** @return whether {@code value} names a class: not null, not blank, no unresolved {@code ${...}} */
    static boolean set(String value) {
        return value != null && !value.isBlank() && !value.contains("${");
    }

    /** @return spring-boot-maven-plugin's {@code mainClass} in {@code project}, or null when it sets none (or an unresolved property) */
    static String fromBootPlugin(MavenProject project) {
        Plugin plugin = project.getBuild().getPluginsAsMap().get(BOOT_PLUGIN);
        if (plugin != null && plugin.getConfiguration() instanceof Xpp3Dom configuration) {
            Xpp3Dom child = configuration.getChild("mainClass");
            if (child != null && set(child.getValue())) {
                return child.getValue().trim();
            }
        }
        return null;
    }

    /**
     * @param classes    the application's classes folder
     * @param forService true for the service goal
     * @throws ExtractionException when the folder is not there: the project is not compiled (packaged, for a service)
     */
    static void requireCompiled(Path classes, boolean forService) {
        if (!Files.isDirectory(classes)) {
            throw new ExtractionException("The application is not compiled: " + classes + " does not exist: "
                    + (forService ? "run `package` first (./mvnw package -Dextract=<module>)"
                            : "run `compile` first (./mvnw compile extract:report)"));
        }
    }

    private static String search(Path classes) {
        try {
            String found = MainClassFinder.findSingleMainClass(classes.toFile(), SPRING_BOOT_APPLICATION);
            if (found == null) {
                throw new ExtractionException("No main class: no class in " + classes + " is annotated @SpringBootApplication"
                        + " and has a main method; set <mainClass> in spring-boot-maven-plugin's (or this plugin's) configuration"
                        + " (a project of a multi-project build that is not the application gets here only when built from"
                        + " its own folder, or when no project of the build has a main class or spring-boot-maven-plugin:"
                        + " build it from the root with -pl, or declare spring-boot-maven-plugin in the application's pom)");
            }
            return found;
        } catch (IllegalStateException several) {
            throw new ExtractionException("No single main class: " + several.getMessage()
                    + "; set <mainClass> in spring-boot-maven-plugin's (or this plugin's) configuration");
        } catch (IOException e) {
            throw new ExtractionException("Cannot search " + classes + " for the main class (" + e.getMessage() + ")");
        }
    }

    /**
     * The "did you mean" of a main class that is not in {@code classes}: of the classes that could be a main class
     * (a {@code public static void main(String[])}, or {@code @SpringBootApplication}), the one whose name is closest
     * ({@link CompiledClasses#closest}) to {@code mainClass}; else, when none is close, the one of them annotated
     * {@code @SpringBootApplication} with a {@code main} method, or the only one, if there is one (the class Spring
     * Boot's repackaging would find: {@code ClinicApp} for {@code ClinicApplication}). When no class can be read, or
     * none could be a main class, the closest of all classes. "" when none fits or the folder cannot be read.
     *
     * @return {@code " (did you mean com.example.Application?)"} or ""
     */
    static String closest(Path classes, String mainClass) {
        List<String> fitting;
        List<String> applications;
        try {
            List<CompiledClasses.Compiled> compiled = CompiledClasses.read(classes);
            fitting = compiled.stream().filter(c -> c.main() || c.application()).map(CompiledClasses.Compiled::name).toList();
            applications = compiled.stream().filter(c -> c.main() && c.application()).map(CompiledClasses.Compiled::name).toList();
        } catch (IOException | RuntimeException unreadable) {
            fitting = List.of();
            applications = List.of();
        }
        Optional<String> suggestion;
        if (fitting.isEmpty()) {
            try {
                suggestion = CompiledClasses.closest(mainClass, CompiledClasses.names(classes));
            } catch (IOException e) {
                suggestion = Optional.empty();
            }
        } else {
            suggestion = CompiledClasses.closest(mainClass, fitting);
            if (suggestion.isEmpty()) {
                List<String> only = applications.size() == 1 ? applications : fitting.size() == 1 ? fitting : List.of();
                suggestion = only.stream().findFirst().filter(name -> !name.equals(mainClass));
            }
        }
        return suggestion.map(name -> " (did you mean " + name + "?)").orElse("");
    }
}

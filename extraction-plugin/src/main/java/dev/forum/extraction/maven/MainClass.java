package dev.forum.extraction.maven;

import dev.forum.closestname.ClosestName;
import dev.forum.extraction.model.ExtractionException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
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
                        + " and has a main method; set <mainClass> in spring-boot-maven-plugin's (or this plugin's) configuration");
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
     * The "did you mean" of a main class that is not in {@code classes}: the compiled class whose name is closest
     * ({@link ClosestName}) to {@code mainClass}, by its full name, else by its simple name (the class is in another
     * package); "" when none is close or the folder cannot be read.
     *
     * @return {@code " (did you mean com.example.Application?)"} or ""
     */
    static String closest(Path classes, String mainClass) {
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(classes)) {
            try (Stream<Path> files = Files.walk(classes)) {
                files.map(file -> classes.relativize(file).toString().replace('\\', '/'))
                        .filter(file -> file.endsWith(".class") && !file.contains("$") && !file.endsWith("package-info.class")
                                && !file.endsWith("module-info.class"))
                        .map(file -> file.substring(0, file.length() - ".class".length()).replace('/', '.'))
                        .forEach(names::add);
            } catch (IOException | UncheckedIOException e) {
                return "";
            }
        }
        Optional<String> byName = ClosestName.of(mainClass, names);
        if (byName.isEmpty()) {
            String simple = simpleName(mainClass);
            Map<String, String> bySimple = new TreeMap<>();
            names.forEach(name -> bySimple.putIfAbsent(simpleName(name), name));
            byName = bySimple.containsKey(simple) ? Optional.of(bySimple.get(simple))
                    : ClosestName.of(simple, bySimple.keySet()).map(bySimple::get);
        }
        return byName.filter(name -> !name.equals(mainClass)).map(name -> " (did you mean " + name + "?)").orElse("");
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}

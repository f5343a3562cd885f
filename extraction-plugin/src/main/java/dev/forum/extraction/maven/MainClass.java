package dev.forum.extraction.maven;

import dev.forum.extraction.model.ExtractionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.springframework.boot.loader.tools.MainClassFinder;

/**
 * The two classes an application is known by, which Kotlin's {@code @SpringBootApplication class App} with a top-level
 * {@code fun main} (compiled into {@code AppKt}), or a Java {@code Launcher} calling
 * {@code SpringApplication.run(App.class, args)}, keeps apart:
 * <ul>
 * <li>the <b>launch class</b>, which has the main method: what Spring Boot's repackaging writes as the jar's
 * {@code Start-Class}, found as it finds it (this goal's {@code mainClass}, else spring-boot-maven-plugin's, its
 * repackage execution's or the plugin's, an unresolved property such as {@code spring-boot-starter-parent}'s
 * {@code ${start-class}} counting as unset, else Spring Boot's search: the one class with a main method annotated
 * {@code @SpringBootApplication}, else the one class with a main method). Each service jar and image starts it;</li>
 * <li>the <b>application class</b>, annotated {@code @SpringBootApplication}, {@code @Modulithic} or {@code @Modulith},
 * which Spring Modulith reads the modules from ({@link MainClassApplication}).</li>
 * </ul>
 */
final class MainClass {

    private static final String BOOT_GROUP = "org.springframework.boot";
    private static final String BOOT_ARTIFACT = "spring-boot-maven-plugin";
    private static final String BOOT_PLUGIN = BOOT_GROUP + ":" + BOOT_ARTIFACT;
    private static final String SPRING_BOOT_APPLICATION = "org.springframework.boot.autoconfigure.SpringBootApplication";
    private static final Pattern CLASS_NAME = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*");
    /** How a refusal names this goal's setting. */
    static final String OWN_SETTING = "this plugin's mainClass (-Dextract.mainClass or <mainClass>)";
    private static final String BOOT_SETTING = "spring-boot-maven-plugin's mainClass";
    /** What a main method is, as the refusals say it. */
    private static final String MAIN_METHOD = "public static void main(String[])";

    private MainClass() {
    }

    /**
     * The application's two classes.
     *
     * @param launch      the launch class, binary name: the service jars' {@code Start-Class}, the images' entry point
     * @param application the application class, binary name: what Spring Modulith reads the modules from (the launch
     *                    class itself when it is annotated)
     */
    record Classes(String launch, String application) {
    }

    /**
     * @param configured            this goal's {@code mainClass}, or null
     * @param configuredApplication this goal's {@code applicationClass}, or null
     * @param forService            true for the service goal, which needs the project packaged, not just compiled
     * @throws ExtractionException (one line) when the classes folder is missing; when no launch class is set and none
     *                             or several are found; when a name is not a class name or not a class of the folder;
     *                             when the launch class has no main method Spring Boot's launcher starts, or this goal's
     *                             {@code mainClass} is not the class Spring Boot's repackaging starts the application's
     *                             jar with; when the application class cannot be told ({@link MainClassApplication})
     */
    static Classes of(String configured, String configuredApplication, MavenProject project, boolean forService) {
        Path classes = Path.of(project.getBuild().getOutputDirectory());
        requireCompiled(classes, forService);
        String boot = fromBootPlugin(project);
        String launch = set(configured) ? configured.trim() : boot != null ? boot : search(classes);
        String namedBy = set(configured) ? OWN_SETTING : boot != null ? BOOT_SETTING : null;
        requireName(launch, namedBy == null ? "mainClass" : namedBy);
        CompiledClasses.Compiled compiled = read(classes, launch).orElseThrow(() -> new ExtractionException("Main class "
                + launch + " is not in " + classes + closest(classes, launch) + ": fix the main class named in "
                + (namedBy == null ? OWN_SETTING + " or " + BOOT_SETTING : namedBy)
                + " (a class whose source is new: run `compile` before the goal)"));
        if (!compiled.main()) {
            throw new ExtractionException(noMainMethod(compiled, namedBy, set(configured) ? startClass(project, boot, classes)
                    : Optional.empty()));
        }
        if (set(configured) && repackages(project)) {
            startClass(project, boot, classes).filter(start -> !start.equals(launch)).ifPresent(start -> {
                throw new ExtractionException("This plugin's mainClass " + launch + " is not " + start + ", the Start-Class"
                        + " spring-boot-maven-plugin's repackage gives the application's jar (" + (boot != null
                        ? "its mainClass" : "found by Spring Boot's rule") + "): a service starts as the application"
                        + " does; remove this plugin's mainClass, or set spring-boot-maven-plugin's <mainClass> to " + launch);
            });
        }
        return new Classes(launch, MainClassApplication.of(configuredApplication, compiled, classes));
    }

    /** @return whether {@code value} names a class: not null, not blank, no unresolved {@code ${...}} */
    static boolean set(String value) {
        return value != null && !value.isBlank() && !value.contains("${");
    }

    /**
     * @param what the setting, as the refusal names it
     * @throws ExtractionException (one line) when {@code name} is no class name
     */
    static void requireName(String name, String what) {
        if (!CLASS_NAME.matcher(name).matches()) {
            throw new ExtractionException(what + " '" + name + "' is not a class name: set it like com.example.Application");
        }
    }

    /**
     * spring-boot-maven-plugin's {@code mainClass} in {@code project}: its repackage execution's, else the plugin's.
     *
     * @return the class name, or null when it sets none (or an unresolved property)
     */
    static String fromBootPlugin(MavenProject project) {
        Optional<String> execution = PluginExecutions.configured(BOOT_GROUP, BOOT_ARTIFACT, "repackage", "mainClass",
                project.getBuildPlugins());
        if (execution.isPresent() && set(execution.get())) {
            return execution.get();
        }
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
     * The warning for a {@code -D} property that names a class setting Maven did not use: a POM's {@code <configuration>}
     * wins over a user property (Maven's rule), so {@code -Dextract.mainClass=...} beside a POM's {@code <mainClass>}
     * would be ignored without a word.
     *
     * @param property  the property, like {@code extract.mainClass}
     * @param parameter the goal's parameter it sets, like {@code mainClass}
     * @param given     the property's value on the command line, or null
     * @param used      the parameter's value Maven gave the goal, or null
     * @return the warning, when the property is given and the goal got another value
     */
    static Optional<String> ignoredProperty(String property, String parameter, String given, String used) {
        if (given == null || given.isBlank() || given.trim().equals(used == null ? null : used.trim())) {
            return Optional.empty();
        }
        return Optional.of("[extract] -D" + property + "=" + given.trim() + " is not used: this project's POM gives the"
                + " plugin's " + parameter + " " + (set(used) ? used.trim() : "'" + used + "'") + ", and a POM's"
                + " <configuration> wins over a -D property; change it there, or write <" + parameter + ">${" + property
                + "}</" + parameter + "> in the POM to let -D" + property + " set it");
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

    /** The refusal of a launch class without a main method, saying what to set instead. */
    private static String noMainMethod(CompiledClasses.Compiled compiled, String namedBy, Optional<String> startClass) {
        String line = "Main class " + compiled.name() + ", named by " + namedBy + ", has no " + MAIN_METHOD + ": a service jar"
                + " with it as Start-Class would not start";
        String start = startClass.filter(name -> !name.equals(compiled.name())).map(name -> " (Spring Boot's repackage"
                + " starts " + name + ")").orElse("");
        if (compiled.root() && OWN_SETTING.equals(namedBy)) {
            return line + "; it is the application class, which the plugin finds from the class with the main method:"
                    + " remove this plugin's mainClass" + start + ", or name it as applicationClass"
                    + " (-Dextract.applicationClass or <applicationClass>) if it is not found";
        }
        return line + "; set " + namedBy + " to the class with the main method" + start;
    }

    /**
     * The class Spring Boot's repackaging gives the application's jar as {@code Start-Class}: {@code boot}
     * (spring-boot-maven-plugin's setting), else what its search finds; empty when it finds none or several.
     */
    private static Optional<String> startClass(MavenProject project, String boot, Path classes) {
        if (boot != null) {
            return Optional.of(boot);
        }
        try {
            return Optional.ofNullable(MainClassFinder.findSingleMainClass(classes.toFile(), SPRING_BOOT_APPLICATION));
        } catch (IOException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    /** Whether the project runs spring-boot-maven-plugin's repackage: an execution of it in the project's build. */
    private static boolean repackages(MavenProject project) {
        return project.getBuildPlugins().stream().anyMatch(plugin -> BOOT_GROUP.equals(plugin.getGroupId())
                && BOOT_ARTIFACT.equals(plugin.getArtifactId())
                && plugin.getExecutions().stream().anyMatch(execution -> execution.getGoals().contains("repackage")));
    }

    private static Optional<CompiledClasses.Compiled> read(Path classes, String name) {
        try {
            return CompiledClasses.readOne(classes, name);
        } catch (IOException | RuntimeException e) {
            throw new ExtractionException("Cannot read the main class " + name + " in " + classes + " (" + e.getMessage()
                    + "): rebuild it with `compile`");
        }
    }

    private static String search(Path classes) {
        try {
            String found = MainClassFinder.findSingleMainClass(classes.toFile(), SPRING_BOOT_APPLICATION);
            if (found == null) {
                throw new ExtractionException("No main class: no class in " + classes + " has a " + MAIN_METHOD
                        + "; set <mainClass> in spring-boot-maven-plugin's (or this plugin's) configuration"
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

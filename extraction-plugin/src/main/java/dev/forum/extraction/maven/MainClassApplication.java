package dev.forum.extraction.maven;

import dev.forum.extraction.model.ExtractionException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The application class of a launch class ({@link MainClass}): the class Spring Modulith reads the modules from
 * ({@code ApplicationModules.of(...)}), annotated {@code @SpringBootApplication}, {@code @Modulithic} or
 * {@code @Modulith}. It is this goal's {@code applicationClass} when set; else the launch class when it is annotated
 * (a Java {@code @SpringBootApplication} class with its own {@code main}); else the one annotated class of the
 * classes folder nearest above the launch class: in its package, else in the package above, and so on (Kotlin's
 * {@code AppKt} beside {@code @SpringBootApplication class App}, a Java {@code Launcher} beside or below the
 * {@code App} it starts); else, none found, the launch class itself, as before the two were told apart. Only annotations
 * written on a class count in this search, so a launch class annotated with an annotation of its own that carries
 * {@code @SpringBootApplication} is found by that last rule, and Spring Modulith, which follows such annotations, reads
 * it or refuses it in one line.
 */
final class MainClassApplication {

    /** How a refusal names the setting. */
    static final String SETTING = "applicationClass (-Dextract.applicationClass or <applicationClass>)";
    private static final String ANNOTATIONS = "@SpringBootApplication, @Modulithic or @Modulith";

    private MainClassApplication() {
    }

    /**
     * @param configured this goal's {@code applicationClass}, or null
     * @param launch     the launch class, read
     * @param classes    the application's classes folder
     * @return the application class's binary name
     * @throws ExtractionException (one line) when {@code configured} is no class name or no class of the folder, or,
     *                             unset, when several annotated classes are nearest above the launch class (naming
     *                             them)
     */
    static String of(String configured, CompiledClasses.Compiled launch, Path classes) {
        if (MainClass.set(configured)) {
            String name = configured.trim();
            MainClass.requireName(name, SETTING);
            if (read(classes, name).isEmpty()) {
                throw new ExtractionException("Application class " + name + " is not in " + classes
                        + closest(name, all(classes)) + ": fix " + SETTING + " (a class whose source is new: run `compile`"
                        + " before the goal)");
            }
            return name;
        }
        if (launch.root()) {
            return launch.name();
        }
        List<CompiledClasses.Compiled> compiled = all(classes);
        List<String> roots = compiled.stream().filter(CompiledClasses.Compiled::root).map(CompiledClasses.Compiled::name)
                .toList();
        for (String pkg = packageOf(launch.name()); pkg != null; pkg = pkg.isEmpty() ? null : packageOf(pkg)) {
            String here = pkg;
            List<String> found = roots.stream().filter(name -> packageOf(name).equals(here)).toList();
            if (found.size() == 1) {
                return found.get(0);
            }
            if (found.size() > 1) {
                throw new ExtractionException("Several application classes for the main class " + launch.name() + " in "
                        + (here.isEmpty() ? "the unnamed package" : here) + ": " + String.join(", ", found)
                        + " (annotated " + ANNOTATIONS + "): name the one Spring Modulith reads the modules from with "
                        + SETTING);
            }
        }
        // None annotated directly: Spring Modulith follows composed annotations, so it decides (and refuses in one line).
        return launch.name();
    }

    /** The package of a binary class name; "" for the unnamed package. */
    static String packageOf(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(0, dot);
    }

    private static List<CompiledClasses.Compiled> all(Path classes) {
        try {
            return CompiledClasses.read(classes);
        } catch (IOException | RuntimeException e) {
            throw new ExtractionException("Cannot read the classes in " + classes + " for the application class ("
                    + e.getMessage() + "): rebuild them with `compile`");
        }
    }

    private static Optional<CompiledClasses.Compiled> read(Path classes, String name) {
        try {
            return CompiledClasses.readOne(classes, name);
        } catch (IOException | RuntimeException e) {
            throw new ExtractionException("Cannot read the application class " + name + " in " + classes + " ("
                    + e.getMessage() + "): rebuild it with `compile`");
        }
    }

    /** The "did you mean" of a mistyped application class: the closest annotated class, else the closest class. */
    private static String closest(String typed, List<CompiledClasses.Compiled> compiled) {
        List<String> roots = compiled.stream().filter(CompiledClasses.Compiled::root).map(CompiledClasses.Compiled::name)
                .toList();
        Optional<String> suggestion = CompiledClasses.closest(typed, roots);
        if (suggestion.isEmpty() && roots.size() == 1) {
            suggestion = Optional.of(roots.get(0));
        }
        if (suggestion.isEmpty()) {
            suggestion = CompiledClasses.closest(typed, compiled.stream().map(CompiledClasses.Compiled::name).toList());
        }
        return suggestion.map(name -> " (did you mean " + name + "?)").orElse("");
    }
}

package dev.forum.extraction.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.maven.project.MavenProject;

/**
 * The package of the application class as the application's main sources show it before anything is compiled (the
 * {@code check-request} goal's case, for {@link OffClassPath}'s hint), chosen by the plugin's own rules
 * ({@link MainClass}, {@link MainClassApplication}) applied to the {@code @SpringBootApplication} classes the sources
 * declare ({@link BootSource}: Java or Kotlin, in the project's compile source roots and its {@code src/main/java} and
 * {@code src/main/kotlin}, which Kotlin's compiler plugin adds to the roots only when it runs, after {@code validate};
 * test sources are not read, so a test application under {@code src/test} does not count). In this order:
 * <ol>
 * <li>the {@code applicationClass} set for the goal: its package;</li>
 * <li>every annotated class in one package: that package;</li>
 * <li>a launch class named ({@code mainClass} of this plugin or of spring-boot-maven-plugin): the annotated class it
 *     is, else those of its package or the nearest package above, else its own package;</li>
 * <li>none named: the one annotated class whose file has a main method, as Spring Boot's repackaging finds the launch
 *     class.</li>
 * </ol>
 * Anything else is ambiguous: the annotated classes are named, with how to choose.
 *
 * @param basePackage the application class's package ("" for the unnamed one), or empty when not known
 * @param ambiguity   when several annotated classes in several packages leave it unknown, the line naming them and
 *                    the setting that chooses ({@code [extract]}-prefixed); else empty
 */
record ApplicationSources(Optional<String> basePackage, Optional<String> ambiguity) {

    private static final ApplicationSources UNKNOWN = new ApplicationSources(Optional.empty(), Optional.empty());

    /**
     * @param application      the application's project
     * @param mainClass        this plugin's {@code mainClass}, or null
     * @param applicationClass this plugin's {@code applicationClass}, or null
     * @return the package, or why it is ambiguous; neither when there is no annotated class or a source cannot be read
     *         (no hint rather than a wrong one)
     */
    static ApplicationSources of(MavenProject application, String mainClass, String applicationClass) {
        String launch = MainClass.set(mainClass) ? mainClass.trim() : MainClass.fromBootPlugin(application);
        return declared(application).map(found -> choose(found, launch, applicationClass)).orElse(UNKNOWN);
    }

    /**
     * The rules of the class comment on what the sources declare.
     *
     * @param declared         the annotated classes of the main sources, in their files' order
     * @param launch           the launch class named ({@code mainClass}), or null
     * @param applicationClass the {@code applicationClass} set, or null
     */
    static ApplicationSources choose(List<BootSource.Declared> declared, String launch, String applicationClass) {
        if (MainClass.set(applicationClass)) {
            return known(MainClassApplication.packageOf(applicationClass.trim()));
        }
        Set<String> packages = new TreeSet<>(declared.stream().map(BootSource.Declared::packageName).toList());
        if (packages.size() == 1) {
            return known(packages.iterator().next());
        }
        if (launch != null) {
            for (String pkg = MainClassApplication.packageOf(launch); pkg != null;
                    pkg = pkg.isEmpty() ? null : MainClassApplication.packageOf(pkg)) {
                if (packages.contains(pkg)) {
                    return known(pkg);
                }
            }
            return known(MainClassApplication.packageOf(launch));
        }
        if (declared.isEmpty()) {
            return UNKNOWN;
        }
        List<BootSource.Declared> withMain = declared.stream().filter(BootSource.Declared::main).toList();
        if (withMain.size() == 1) {
            return known(withMain.get(0).packageName());
        }
        List<BootSource.Declared> named = withMain.isEmpty() ? declared : withMain;
        return new ApplicationSources(Optional.empty(), Optional.of("[extract] No line says where the code of an unknown"
                + " name is: the application's sources declare @SpringBootApplication classes in several packages, "
                + String.join(", ", named.stream().map(BootSource.Declared::name).toList())
                + (withMain.isEmpty() ? ", none with a main method in its file" : ", each with a main method in its file")
                + ", so the application class is not known before compiling: name the one Spring Modulith reads the"
                + " modules from with " + MainClassApplication.SETTING + ", or the launch class with <mainClass> in"
                + " spring-boot-maven-plugin's configuration"));
    }

    private static ApplicationSources known(String basePackage) {
        return new ApplicationSources(Optional.of(basePackage), Optional.empty());
    }

    /**
     * The annotated classes of {@code application}'s main sources, in path order; empty when a source cannot be read.
     */
    private static Optional<List<BootSource.Declared>> declared(MavenProject application) {
        Set<Path> sources = new TreeSet<>();
        for (Path root : OffClassPath.sourceRoots(application)) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> files = Files.walk(root)) {
                    files.filter(file -> file.toString().endsWith(".java") || file.toString().endsWith(".kt"))
                            .filter(Files::isRegularFile).forEach(sources::add);
                } catch (IOException | UncheckedIOException e) {
                    return Optional.empty();
                }
            }
        }
        List<BootSource.Declared> found = new ArrayList<>();
        for (Path source : sources) {
            try {
                BootSource.declared(Files.readString(source), source.toString().endsWith(".kt")).ifPresent(found::add);
            } catch (IOException | UncheckedIOException e) {
                return Optional.empty();
            }
        }
        return Optional.of(found);
    }
}

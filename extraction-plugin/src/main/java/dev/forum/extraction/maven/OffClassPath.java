package dev.forum.extraction.maven;

import dev.forum.extraction.model.ExtractionException;
import dev.forum.extraction.request.UnknownNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.project.MavenProject;

/**
 * Why a module is unknown in a multi-project build: its code is in another project of the build that the
 * application's project does not depend on, so Spring Modulith never sees it. Every refusal of unknown names
 * ({@link UnknownNames}: {@code -Dextract=}, {@code -Pextract=}, the topology file) gets a line per name whose code
 * such a project holds ({@link #withHints}), found from the names the refusal carries, not from its wording.
 */
final class OffClassPath {

    private OffClassPath() {
    }

    /**
     * The refusal with one line appended per unknown name it carries that {@link #hint} finds in a project of the
     * build (e.g. {@code billing: shop-billing, a project of this build, holds com.example.shop.billing but is not on
     * shop-app's class path: add it as a dependency of shop-app}).
     *
     * @param refusal     what the goal refuses; only an {@link UnknownNames} gets hints
     * @param basePackage the package of the application's main class (e.g. {@code com.example.shop}), or null when
     *                    not known: then {@code refusal} as it is
     * @param application the application's project
     * @param build       the projects of the build
     * @return {@code refusal} when no name gets a hint, else a copy with the hint lines (its summary kept, or one
     *         saying what the lines are when it had a single line)
     */
    static ExtractionException withHints(ExtractionException refusal, String basePackage, MavenProject application,
            Collection<MavenProject> build) {
        if (!(refusal instanceof UnknownNames unknown) || basePackage == null || build.size() < 2) {
            return refusal;
        }
        List<String> hints = unknown.names().stream()
                .flatMap(name -> hint(name, basePackage, application, build).map(hint -> name + ": " + hint).stream())
                .toList();
        if (hints.isEmpty()) {
            return refusal;
        }
        List<String> lines = new ArrayList<>(refusal.lines());
        lines.addAll(hints);
        String summary = refusal.summary() != null && refusal.lines().size() > 1 ? refusal.summary()
                : refusal.lines().get(0).lines().findFirst().orElse("") + (hints.size() == 1 ? " (and where its code is,"
                        + " the [extract] line above)" : " (and where their code is, the [extract] lines above)");
        ExtractionException hinted = new UnknownNames(lines, summary, unknown.names());
        hinted.setStackTrace(refusal.getStackTrace());
        return hinted;
    }

    /**
     * Where the unknown {@code module}'s code is when a project of the build holds the package
     * {@code <basePackage>.<module>} (in its compiled classes or its Java or Kotlin sources, {@link #holds}) and is not
     * on the application's class path: e.g. {@code shop-billing, a project of this build, holds com.example.shop.billing
     * but is not on shop-app's class path: add it as a dependency of shop-app}.
     *
     * @return the hint, or empty when no such project is in the build
     */
    static Optional<String> hint(String module, String basePackage, MavenProject application, Collection<MavenProject> build) {
        if (module.isBlank() || module.contains(".") || module.contains("/")) {
            return Optional.empty();
        }
        String pkg = basePackage.isEmpty() ? module : basePackage + "." + module;
        // Resolved artifacts once the goal resolves them; before (check-request, at validate) the build's projects the
        // application's POM uses, directly or through another.
        Set<String> onClassPath = application.getArtifacts().stream().map(OffClassPath::key)
                .collect(Collectors.toCollection(HashSet::new));
        new WholeBuild(List.copyOf(build), List.copyOf(build)).getUpstreamProjects(application, true)
                .forEach(project -> onClassPath.add(key(project)));
        List<String> holders = build.stream()
                .filter(project -> project != application && !onClassPath.contains(key(project)))
                .filter(project -> holds(project, pkg)).map(MavenProject::getArtifactId).toList();
        if (holders.isEmpty()) {
            return Optional.empty();
        }
        String app = application.getArtifactId();
        return Optional.of(String.join(", ", holders) + (holders.size() == 1 ? ", a project" : ", projects")
                + " of this build, " + (holders.size() == 1 ? "holds " : "hold ") + pkg + " but "
                + (holders.size() == 1 ? "is" : "are") + " not on " + app + "'s class path: add "
                + (holders.size() == 1 ? "it" : "the one meant") + " as a dependency of " + app);
    }

    /**
     * A project's main source folders before anything is compiled: its source roots, and its {@code src/main/java} and
     * {@code src/main/kotlin} (Kotlin's compiler plugin adds its folder to the roots only when it runs, after
     * {@code validate}), each once, absolute.
     */
    static Set<Path> sourceRoots(MavenProject project) {
        Set<Path> roots = new LinkedHashSet<>();
        project.getCompileSourceRoots().forEach(root -> roots.add(Path.of(root).toAbsolutePath().normalize()));
        if (project.getBasedir() != null) {
            for (String conventional : List.of("src/main/java", "src/main/kotlin")) {
                roots.add(project.getBasedir().toPath().resolve(conventional).toAbsolutePath().normalize());
            }
        }
        return roots;
    }

    /**
     * Whether {@code project} holds the package {@code pkg} or one below it, compiled or not: its folder in the
     * project's classes or a source folder ({@link #sourceRoots}; a Java source lies in its package's folder), or a
     * Kotlin source file ({@code .kt}) in a source folder declaring it, wherever the file lies (Kotlin leaves out the
     * common root package's folders, {@code src/main/kotlin/billing/} for {@code com.example.shop.billing}). A file
     * that cannot be read counts as none.
     */
    private static boolean holds(MavenProject project, String pkg) {
        String folder = pkg.replace('.', '/');
        Set<Path> roots = sourceRoots(project);
        if (Stream.concat(Stream.ofNullable(project.getBuild().getOutputDirectory()).map(Path::of), roots.stream())
                .anyMatch(root -> Files.isDirectory(root.resolve(folder)))) {
            return true;
        }
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> files = Files.walk(root)) {
                    if (files.filter(file -> file.toString().endsWith(".kt")).filter(Files::isRegularFile)
                            .map(OffClassPath::kotlinPackage)
                            .anyMatch(declared -> declared.equals(pkg) || declared.startsWith(pkg + "."))) {
                        return true;
                    }
                } catch (IOException | UncheckedIOException e) {
                    // unreadable: no hint rather than a wrong one
                }
            }
        }
        return false;
    }

    /** The package a Kotlin source file declares, or "" when it declares none or cannot be read. */
    private static String kotlinPackage(Path file) {
        try {
            return BootSource.packageOf(Files.readString(file), true);
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    private static String key(Artifact artifact) {
        return artifact.getGroupId() + ":" + artifact.getArtifactId();
    }

    private static String key(MavenProject project) {
        return project.getGroupId() + ":" + project.getArtifactId();
    }
}

package dev.forum.extraction.maven;

import dev.forum.extraction.model.ExtractionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.project.MavenProject;

/**
 * Why a module is unknown in a multi-project build: its code is in another project of the build that the
 * application's project does not depend on, so Spring Modulith never sees it. Every refusal naming an unknown module
 * ({@code -Dextract=}, {@code -Pextract=}, the topology file) gets the hint appended ({@link #withHints}).
 */
final class OffClassPath {

    /** How the refusals name an unknown module: {@code unknown module 'billing'}, {@code Unknown module or service 'x'}. */
    private static final Pattern UNKNOWN = Pattern.compile("[Uu]nknown module (?:or service )?'([^']+)'");

    private OffClassPath() {
    }

    /**
     * The refusal with the hint ({@link #hint}) appended to each line that names an unknown module it applies to (to
     * each such row of a line that holds several, as a topology file's mistakes do).
     *
     * @param refusal     what the goal refuses
     * @param basePackage the package of the application's main class (e.g. {@code com.example.shop}), or null when
     *                    not known: then {@code refusal} as it is
     * @param application the application's project
     * @param build       the projects of the build
     * @return {@code refusal} when no line gets a hint, else a copy with the hints (its summary kept)
     */
    static ExtractionException withHints(ExtractionException refusal, String basePackage, MavenProject application,
            Collection<MavenProject> build) {
        if (basePackage == null || build.size() < 2) {
            return refusal;
        }
        List<String> lines = new ArrayList<>();
        boolean hinted = false;
        for (String line : refusal.lines()) {
            // A topology file's several mistakes come as one line of rows (a count, then a row per mistake): each row
            // gets its own hints.
            List<String> rows = new ArrayList<>();
            for (String row : line.split("\n", -1)) {
                Matcher unknown = UNKNOWN.matcher(row);
                String hints = "";
                while (unknown.find()) {
                    hints += hint(unknown.group(1), basePackage, application, build).map(hint -> "; " + hint).orElse("");
                }
                hinted |= !hints.isEmpty();
                rows.add(row + hints);
            }
            lines.add(String.join("\n", rows));
        }
        if (!hinted) {
            return refusal;
        }
        ExtractionException hintedRefusal = lines.size() == 1 ? new ExtractionException(lines.get(0))
                : new ExtractionException(lines, refusal.summary());
        hintedRefusal.setStackTrace(refusal.getStackTrace());
        return hintedRefusal;
    }

    /**
     * Where the unknown {@code module}'s code is when a project of the build holds the package
     * {@code <basePackage>.<module>} (in its compiled classes or its sources) and is not on the application's class
     * path: e.g. {@code shop-billing, a project of this build, holds com.example.shop.billing but is not on shop-app's
     * class path: add it as a dependency of shop-app}.
     *
     * @return the hint, or empty when no such project is in the build
     */
    static Optional<String> hint(String module, String basePackage, MavenProject application, Collection<MavenProject> build) {
        if (module.isBlank() || module.contains(".") || module.contains("/")) {
            return Optional.empty();
        }
        String pkg = basePackage.isEmpty() ? module : basePackage + "." + module;
        String folder = pkg.replace('.', '/');
        Set<String> onClassPath = application.getArtifacts().stream().map(OffClassPath::key).collect(Collectors.toSet());
        List<String> holders = build.stream()
                .filter(project -> project != application && !onClassPath.contains(key(project)))
                .filter(project -> holds(project, folder)).map(MavenProject::getArtifactId).toList();
        if (holders.isEmpty()) {
            return Optional.empty();
        }
        String app = application.getArtifactId();
        return Optional.of(String.join(", ", holders) + (holders.size() == 1 ? ", a project" : ", projects")
                + " of this build, " + (holders.size() == 1 ? "holds " : "hold ") + pkg + " but "
                + (holders.size() == 1 ? "is" : "are") + " not on " + app + "'s class path: add "
                + (holders.size() == 1 ? "it" : "the one meant") + " as a dependency of " + app);
    }

    private static boolean holds(MavenProject project, String folder) {
        Stream<String> roots = Stream.concat(Stream.ofNullable(project.getBuild().getOutputDirectory()),
                project.getCompileSourceRoots().stream());
        return roots.anyMatch(root -> Files.isDirectory(Path.of(root).resolve(folder)));
    }

    private static String key(Artifact artifact) {
        return artifact.getGroupId() + ":" + artifact.getArtifactId();
    }

    private static String key(MavenProject project) {
        return project.getGroupId() + ":" + project.getArtifactId();
    }
}

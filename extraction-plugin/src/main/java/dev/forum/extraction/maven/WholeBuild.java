package dev.forum.extraction.maven;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.execution.ProjectDependencyGraph;
import org.apache.maven.model.Dependency;
import org.apache.maven.project.MavenProject;

/**
 * The projects of the whole multi-project build and which of them use which one's classes, even when the command line
 * builds only some ({@code mvn -pl <library> install}: Maven's own graph then leaves out the projects that depend on
 * the library). A project uses another when one of its dependencies names that project's group and artifact id and
 * its version (a version range, or none, names every version, as Maven's own graph takes it), is of type {@code jar}
 * without a classifier and not of scope {@code test}, and the project itself is not a {@code pom} project: a released
 * version of the project from a repository is another artifact, a classifier names another file than its classes, a
 * pom project (a distribution or assembly) packs what it depends on and a test scope only tests it; none of these runs
 * the project's classes as a library's.
 *
 * <p>{@link #getSortedProjects()} is the projects this run builds, {@link #getAllProjects()} every project of the
 * build.
 */
final class WholeBuild implements ProjectDependencyGraph {

    private final List<MavenProject> all;
    private final List<MavenProject> built;

    /**
     * @param all   every project of the build, built or not
     * @param built the projects this run builds, in the build's order
     */
    WholeBuild(List<MavenProject> all, List<MavenProject> built) {
        this.all = List.copyOf(all);
        this.built = List.copyOf(built);
    }

    /**
     * @param session the build; its {@code getAllProjects()} when Maven gives it, else the projects it builds
     * @return the whole build of {@code session}
     */
    static WholeBuild of(MavenSession session) {
        List<MavenProject> built = session.getProjects() == null ? List.of() : session.getProjects();
        List<MavenProject> all = session.getAllProjects() == null || session.getAllProjects().isEmpty() ? built
                : session.getAllProjects();
        return new WholeBuild(all, built);
    }

    @Override
    public List<MavenProject> getAllProjects() {
        return all;
    }

    @Override
    public List<MavenProject> getSortedProjects() {
        return built;
    }

    @Override
    public List<MavenProject> getDownstreamProjects(MavenProject project, boolean transitive) {
        Set<MavenProject> found = new LinkedHashSet<>();
        List<MavenProject> next = new ArrayList<>(List.of(project));
        while (!next.isEmpty()) {
            MavenProject used = next.remove(0);
            for (MavenProject user : all) {
                if (user != project && uses(user, used) && found.add(user) && transitive) {
                    next.add(user);
                }
            }
        }
        return all.stream().filter(found::contains).toList();
    }

    @Override
    public List<MavenProject> getUpstreamProjects(MavenProject project, boolean transitive) {
        Set<MavenProject> found = new LinkedHashSet<>();
        List<MavenProject> next = new ArrayList<>(List.of(project));
        while (!next.isEmpty()) {
            MavenProject user = next.remove(0);
            for (MavenProject used : all) {
                if (used != project && uses(user, used) && found.add(used) && transitive) {
                    next.add(used);
                }
            }
        }
        return all.stream().filter(found::contains).toList();
    }

    /** Whether {@code user} runs {@code used}'s classes as a library's (see the class comment). */
    static boolean uses(MavenProject user, MavenProject used) {
        if (user == used || "pom".equals(user.getPackaging())) {
            return false;
        }
        for (Dependency dependency : user.getDependencies()) {
            if (used.getGroupId().equals(dependency.getGroupId()) && used.getArtifactId().equals(dependency.getArtifactId())
                    && names(dependency.getVersion(), used.getVersion())
                    && "jar".equals(dependency.getType() == null ? "jar" : dependency.getType())
                    && (dependency.getClassifier() == null || dependency.getClassifier().isEmpty())
                    && !"test".equals(dependency.getScope())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a dependency's version names the project's, as Maven's {@code ProjectSorter} links them: an exact version
     * only the same one; a range ({@code [1.0,2.0)}) or none every version.
     */
    private static boolean names(String dependencyVersion, String projectVersion) {
        if (dependencyVersion == null || dependencyVersion.isEmpty() || dependencyVersion.startsWith("[")
                || dependencyVersion.startsWith("(")) {
            return true;
        }
        return dependencyVersion.equals(projectVersion);
    }
}

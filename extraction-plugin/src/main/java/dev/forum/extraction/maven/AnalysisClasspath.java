package dev.forum.extraction.maven;

import dev.forum.extraction.analyzer.ModulithAnalyzer;
import dev.forum.extraction.model.ExtractionException;
import dev.forum.extraction.runtime.topology.AsyncContractTypes;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.RepositoryUtils;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.util.artifact.JavaScopes;

/**
 * The class path of the forked analysis: first the plugin's own copy of the run-time library's jar, which holds the
 * list of contract types the run time cannot serve ({@link AsyncContractTypes}) and of the parameters it does not
 * send as the controller takes them ({@code UnsentParameters}), so that the analyzer always runs with
 * the list of its own version (an application's copy of another version, later on the class path, could lack what the
 * analyzer calls and crash the fork with a linkage error; {@link #runtimeMismatch} warns of such a copy); then the
 * application's classes and run-time libraries, then Spring Modulith's core with ArchUnit (the application's own, from
 * its test scope, as its {@code ApplicationModules.of(...)} test uses them; else resolved at the application's Spring
 * Modulith version with the application's managed versions), then the plugin's analyzer.
 */
final class AnalysisClasspath {

    static final String MODULITH_GROUP = "org.springframework.modulith";
    static final String MODULITH_CORE = MODULITH_GROUP + ":spring-modulith-core";
    static final String RUNTIME_GROUP = "dev.forum";
    static final String RUNTIME = "extraction-runtime";
    /** The run-time library's version the plugin was built with, whose copy the analysis uses. */
    static final String RUNTIME_VERSION = PluginVersions.get("extraction-runtime.version");

    private AnalysisClasspath() {
    }

    /**
     * @param application     the application's classes directory, then its run-time libraries
     * @param modulithVersion the application's Spring Modulith version, or the plugin's when it has none
     */
    static List<Path> of(List<Path> application, MavenProject project, MavenSession session, RepositorySystem repositories,
            String modulithVersion) {
        Set<Path> classpath = new LinkedHashSet<>();
        classpath.add(location(AsyncContractTypes.class));
        classpath.addAll(application);
        Set<String> present = new LinkedHashSet<>();
        project.getArtifacts().stream().filter(a -> RuntimeLibraries.RUNTIME_SCOPES.contains(a.getScope()))
                .forEach(a -> present.add(a.getGroupId() + ":" + a.getArtifactId()));
        List<Path> core = fromTestScope(project);
        if (core.isEmpty()) {
            core = resolve(project, session, repositories, modulithVersion, present);
        }
        classpath.addAll(core);
        classpath.add(location(ModulithAnalyzer.class));
        return new ArrayList<>(classpath);
    }

    /** spring-modulith-core and what it brings, where the application's tests already have it. */
    private static List<Path> fromTestScope(MavenProject project) {
        List<Path> found = new ArrayList<>();
        boolean hasCore = false;
        for (Artifact artifact : project.getArtifacts()) {
            String key = artifact.getGroupId() + ":" + artifact.getArtifactId();
            boolean core = key.equals(MODULITH_CORE);
            boolean viaCore = artifact.getDependencyTrail() != null
                    && artifact.getDependencyTrail().stream().anyMatch(t -> t.startsWith(MODULITH_CORE + ":"));
            if ((core || viaCore) && !RuntimeLibraries.RUNTIME_SCOPES.contains(artifact.getScope()) && artifact.getFile() != null) {
                found.add(artifact.getFile().toPath());
            }
            hasCore |= core && artifact.getFile() != null;
        }
        return hasCore ? found : List.of();
    }

    private static List<Path> resolve(MavenProject project, MavenSession session, RepositorySystem repositories,
            String version, Set<String> present) {
        CollectRequest collect = new CollectRequest(new Dependency(new DefaultArtifact(MODULITH_CORE + ":" + version),
                JavaScopes.RUNTIME), project.getRemoteProjectRepositories());
        if (project.getDependencyManagement() != null) {
            var types = session.getRepositorySession().getArtifactTypeRegistry();
            project.getDependencyManagement().getDependencies()
                    .forEach(d -> collect.addManagedDependency(RepositoryUtils.toDependency(d, types)));
        }
        try {
            List<Path> resolved = new ArrayList<>();
            for (ArtifactResult result : repositories.resolveDependencies(session.getRepositorySession(),
                    new DependencyRequest(collect, null)).getArtifactResults()) {
                var artifact = result.getArtifact();
                if (!present.contains(artifact.getGroupId() + ":" + artifact.getArtifactId())) {
                    resolved.add(artifact.getFile().toPath());
                }
            }
            return resolved;
        } catch (DependencyResolutionException e) {
            throw new ExtractionException("Cannot resolve " + MODULITH_CORE + ":" + version + " to read the application's"
                    + " modules (" + e.getMessage() + "): add it to the application's test dependencies"
                    + " (spring-modulith-starter-test), or make it reachable in a repository");
        }
    }

    /** The jar (or classes folder) that holds a class of the plugin's own class path: the analyzer, the run-time list. */
    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot locate the jar of the plugin's " + type.getName(), e);
        }
    }

    /**
     * A warning when the application depends on another version of the run-time library than the plugin's.
     *
     * @param project the application's project, its dependencies resolved
     * @return one line naming both versions; empty when the application has no extraction-runtime, or the plugin's
     */
    static Optional<String> runtimeMismatch(MavenProject project) {
        return version(project, RUNTIME_GROUP, RUNTIME).filter(version -> !version.equals(RUNTIME_VERSION))
                .map(version -> RUNTIME + " " + version + " is on the application's class path, the plugin is built with "
                        + RUNTIME_VERSION + ": the build checks the contract types by " + RUNTIME_VERSION + "'s list, which"
                        + " the run time " + version + " may not check the same way at start; use the plugin of the"
                        + " run time's version");
    }

    /** The version of the first artifact of a group among the project's artifacts (any scope), if any. */
    static Optional<String> version(MavenProject project, String groupId, String artifactId) {
        return project.getArtifacts().stream()
                .filter(a -> a.getGroupId().equals(groupId) && (artifactId == null || a.getArtifactId().equals(artifactId)))
                .map(Artifact::getBaseVersion).findFirst();
    }
}

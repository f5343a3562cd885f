package dev.forum.extraction.maven;

import dev.forum.extraction.model.ExtractionException;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.project.MavenProject;

/** The project's run-time artifacts (compile and runtime scopes), each checked to be something a service can nest. */
final class RuntimeLibraries {

    /** A test run may have resolved more scopes: only these reach the runtime class path. */
    static final Set<String> RUNTIME_SCOPES = Set.of(Artifact.SCOPE_COMPILE, Artifact.SCOPE_RUNTIME, Artifact.SCOPE_SYSTEM);

    /**
     * @param name   the artifact's id, as reports name it
     * @param file   its jar (or, for the analysis only, its classes folder)
     * @param notPacked why Spring Boot's repackaging would leave it out ({@link BootPackaging#leftOutBecause}); empty
     *                  when it packs it
     */
    record Entry(String name, Path file, java.util.Optional<String> notPacked) {

        /** An artifact Spring Boot's repackaging packs. */
        Entry(String name, Path file) {
            this(name, file, java.util.Optional.empty());
        }

        /** Whether Spring Boot's repackaging would pack it. */
        boolean packed() {
            return notPacked.isEmpty();
        }
    }

    /** Spring Boot Actuator's library, which opens the health endpoints; its starter only brings it along. */
    static final String ACTUATOR = "org.springframework.boot:spring-boot-actuator";

    private RuntimeLibraries() {
    }

    /**
     * @param requireJars whether every library must be a jar (to be packed); the analysis alone also reads the
     *                    classes folders a reactor build resolves its own modules to before {@code package}
     * @throws ExtractionException (one line) for an artifact that is not resolved or not a jar
     */
    static List<Entry> of(MavenProject project, boolean requireJars) {
        return project.getArtifacts().stream()
                .filter(a -> RUNTIME_SCOPES.contains(a.getScope()))
                .map(artifact -> entry(artifact, project, requireJars))
                .toList();
    }

    /**
     * The {@code groupId:artifactId} of every artifact on the application's runtime class path (the scopes of
     * {@link #RUNTIME_SCOPES}), sorted, optional ones too: what the analysis reads to know the application's event
     * publication registry. What the service jars hold is {@link #packed}. Nothing is checked or refused here.
     */
    static Set<String> ids(MavenProject project) {
        Set<String> ids = new TreeSet<>();
        project.getArtifacts().stream().filter(a -> RUNTIME_SCOPES.contains(a.getScope()))
                .forEach(a -> ids.add(a.getGroupId() + ":" + a.getArtifactId()));
        return ids;
    }

    /**
     * Whether the service jars hold Spring Boot Actuator at run time ({@value #ACTUATOR}, {@link #packs}): the one
     * answer of the service goal (an image gets health labels) and the {@code ecs} goal (whose tasks' health checks
     * would never pass without it, {@link TaskNeeds}). Actuator only in test or provided scope, or optional, is on the
     * build's class path but in no service's; its starter without {@value #ACTUATOR} (excluded) opens no endpoint.
     *
     * @param project the application's project, its dependencies resolved
     * @return true when a service's process has Actuator
     */
    static boolean actuator(MavenProject project) {
        return packs(project, ACTUATOR);
    }

    /**
     * Whether the service jars hold an artifact: resolved in a run-time scope ({@link #RUNTIME_SCOPES}) and packed by
     * Spring Boot's repackaging ({@link BootPackaging#leftOutBecause}: not optional, not left out by the Boot plugin's
     * settings or the jar's type). One in test or provided scope, or optional, is on the build's class path only.
     *
     * @param project the application's project, its dependencies resolved
     * @param id      the artifact's {@code groupId:artifactId}, e.g. {@code dev.forum:extraction-runtime}
     * @return true when the artifact is among the libraries every service jar nests
     */
    static boolean packs(MavenProject project, String id) {
        return project.getArtifacts().stream().anyMatch(a -> id.equals(a.getGroupId() + ":" + a.getArtifactId())
                && packed(a, project));
    }

    /**
     * The {@code groupId:artifactId} of every artifact the service jars hold ({@link #packs}, asked of each), sorted:
     * what the ecs goal decides the application's database clients and their drivers from ({@link TaskNeeds#clients}).
     *
     * @param project the application's project, its dependencies resolved
     * @return the ids; empty when the project has no run-time library Spring Boot packs
     */
    static Set<String> packed(MavenProject project) {
        Set<String> ids = new TreeSet<>();
        project.getArtifacts().stream().filter(a -> packed(a, project))
                .forEach(a -> ids.add(a.getGroupId() + ":" + a.getArtifactId()));
        return ids;
    }

    private static boolean packed(Artifact artifact, MavenProject project) {
        return RUNTIME_SCOPES.contains(artifact.getScope()) && BootPackaging.leftOutBecause(artifact, project).isEmpty();
    }

    private static Entry entry(Artifact artifact, MavenProject project, boolean requireJars) {
        File file = artifact.getFile();
        if (file == null) {
            throw new ExtractionException("Artifact " + artifact + " is not resolved: run `package` (not just compile)");
        }
        if (file.isDirectory() && !requireJars) {
            return new Entry(artifact.getId(), file.toPath());
        }
        if (file.isDirectory()) {
            throw new ExtractionException("Artifact " + artifact + " resolves to the folder " + file
                    + ", not a jar: run `package` so every module is a jar (e.g. ./mvnw package -Dextract=<module>)");
        }
        if (!file.getName().endsWith(".jar")) {
            throw new ExtractionException("Artifact " + artifact + " is not a jar (" + file.getName()
                    + "): a service nests jars only; drop the dependency or change its type");
        }
        return new Entry(artifact.getId(), file.toPath(), BootPackaging.leftOutBecause(artifact, project));
    }
}

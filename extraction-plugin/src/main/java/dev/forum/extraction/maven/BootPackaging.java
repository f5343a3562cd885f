package dev.forum.extraction.maven;

import dev.forum.extraction.assemble.BootRepackager;
import dev.forum.extraction.model.ExtractionException;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarFile;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.util.artifact.JavaScopes;

/**
 * What Spring Boot's repackaging ({@code spring-boot-maven-plugin:repackage}) packs for the same application, so a
 * service jar holds the same libraries as the monolith's jar: no devtools, no Docker Compose support, no optional
 * or system-scoped dependency, no jar whose manifest marks it an annotation processor, a dependencies starter or a
 * development tool ({@code Spring-Boot-Jar-Type}), nothing the Boot plugin's {@code excludes} or
 * {@code excludeGroupIds} leave out (and test scopes never reach the run-time class path). The launcher classes
 * come from spring-boot-loader-tools of the application's Spring Boot version.
 */
final class BootPackaging {

    private static final String BOOT_PLUGIN = "org.springframework.boot:spring-boot-maven-plugin";
    private static final Set<String> EXCLUDED_JAR_TYPES = Set.of("annotation-processor", "dependencies-starter", "development-tool");
    private static final Set<String> DEVELOPMENT_ONLY = Set.of("org.springframework.boot:spring-boot-devtools",
            "org.springframework.boot:spring-boot-docker-compose");

    private BootPackaging() {
    }

    /** Whether Spring Boot's repackaging would pack this run-time artifact. */
    static boolean packs(Artifact artifact, MavenProject project) {
        return leftOutBecause(artifact, project).isEmpty();
    }

    /**
     * Why Spring Boot's repackaging would leave this run-time artifact out, in the words of {@code contents.txt}
     * (e.g. {@code optional}); empty when it packs it.
     */
    static Optional<String> leftOutBecause(Artifact artifact, MavenProject project) {
        Xpp3Dom config = bootConfiguration(project);
        String key = artifact.getGroupId() + ":" + artifact.getArtifactId();
        if (DEVELOPMENT_ONLY.contains(key)) {
            boolean devtools = key.endsWith("devtools");
            return flag(config, devtools ? "excludeDevtools" : "excludeDockerCompose", true)
                    ? Optional.of(devtools ? "devtools" : "Docker Compose support") : Optional.empty();
        }
        if (artifact.isOptional() && !flag(config, "includeOptional", false)) {
            return Optional.of("optional");
        }
        if (Artifact.SCOPE_SYSTEM.equals(artifact.getScope()) && !flag(config, "includeSystemScope", false)) {
            return Optional.of("system scope");
        }
        if (excludedByConfiguration(artifact, config)) {
            return Optional.of("excluded in spring-boot-maven-plugin's configuration");
        }
        if (artifact.getFile() != null && artifact.getFile().isFile()) {
            String type = jarType(artifact);
            if (EXCLUDED_JAR_TYPES.contains(type)) {
                return Optional.of("Spring-Boot-Jar-Type: " + type);
            }
        }
        return Optional.empty();
    }

    /**
     * The repackager of the application's Spring Boot version: the plugin's own when they match (or the application
     * has no Spring Boot), else spring-boot-loader-tools of that version, resolved with what it needs.
     */
    static BootRepackager repackager(Optional<String> applicationVersion, MavenProject project, MavenSession session,
            RepositorySystem repositories) {
        String own = PluginVersions.get("spring-boot.version");
        if (applicationVersion.isEmpty() || applicationVersion.get().equals(own)) {
            return new BootRepackager(BootPackaging.class.getClassLoader(), own);
        }
        String version = applicationVersion.get();
        CollectRequest collect = new CollectRequest(new Dependency(new DefaultArtifact(
                "org.springframework.boot:spring-boot-loader-tools:" + version), JavaScopes.RUNTIME), project.getRemoteProjectRepositories());
        try {
            List<URL> urls = new ArrayList<>();
            for (ArtifactResult result : repositories.resolveDependencies(session.getRepositorySession(),
                    new DependencyRequest(collect, null)).getArtifactResults()) {
                urls.add(result.getArtifact().getFile().toURI().toURL());
            }
            return new BootRepackager(new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader()), version);
        } catch (DependencyResolutionException | MalformedURLException e) {
            throw new ExtractionException("Cannot resolve spring-boot-loader-tools " + version + " (the application's Spring Boot)"
                    + " to pack its service jars (" + e.getMessage() + "): make it reachable in a repository");
        }
    }

    private static boolean excludedByConfiguration(Artifact artifact, Xpp3Dom config) {
        if (config == null) {
            return false;
        }
        Xpp3Dom groups = config.getChild("excludeGroupIds");
        if (groups != null && groups.getValue() != null) {
            for (String group : groups.getValue().split(",")) {
                if (group.trim().equals(artifact.getGroupId())) {
                    return true;
                }
            }
        }
        Xpp3Dom excludes = config.getChild("excludes");
        if (excludes != null) {
            for (Xpp3Dom exclude : excludes.getChildren()) {
                if (matches(exclude, "groupId", artifact.getGroupId()) && matches(exclude, "artifactId", artifact.getArtifactId())
                        && (exclude.getChild("classifier") == null || matches(exclude, "classifier", artifact.getClassifier()))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean matches(Xpp3Dom parent, String child, String value) {
        Xpp3Dom node = parent.getChild(child);
        return node != null && node.getValue() != null && node.getValue().trim().equals(value == null ? "" : value);
    }

    private static boolean flag(Xpp3Dom config, String name, boolean defaultValue) {
        Xpp3Dom node = config == null ? null : config.getChild(name);
        return node == null || node.getValue() == null || node.getValue().contains("${") ? defaultValue
                : Boolean.parseBoolean(node.getValue().trim());
    }

    private static Xpp3Dom bootConfiguration(MavenProject project) {
        Plugin plugin = project.getBuild().getPluginsAsMap().get(BOOT_PLUGIN);
        return plugin != null && plugin.getConfiguration() instanceof Xpp3Dom config ? config : null;
    }

    private static String jarType(Artifact artifact) {
        try (JarFile jar = new JarFile(artifact.getFile())) {
            return jar.getManifest() == null ? "" : String.valueOf(jar.getManifest().getMainAttributes().getValue("Spring-Boot-Jar-Type"));
        } catch (IOException e) {
            return "";
        }
    }

    /** For messages: a library path's file name. */
    static String name(Path file) {
        return file.getFileName().toString();
    }
}

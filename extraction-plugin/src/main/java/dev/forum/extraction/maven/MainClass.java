package dev.forum.extraction.maven;

import dev.forum.extraction.model.ExtractionException;
import java.util.regex.Pattern;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/** The Spring Boot main class: the goal's own setting, else spring-boot-maven-plugin's. */
final class MainClass {

    private static final String BOOT_PLUGIN = "org.springframework.boot:spring-boot-maven-plugin";
    private static final Pattern CLASS_NAME = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*");

    private MainClass() {
    }

    static String of(String configured, MavenProject project) {
        String name = configured != null && !configured.isBlank() ? configured.trim() : fromBootPlugin(project);
        if (name == null) {
            throw new ExtractionException("No main class: set <mainClass> in the extraction plugin's configuration"
                    + " (or in spring-boot-maven-plugin's)");
        }
        if (!CLASS_NAME.matcher(name).matches()) {
            throw new ExtractionException("mainClass '" + name + "' is not a class name: set it like forum.ForumApplication");
        }
        return name;
    }

    private static String fromBootPlugin(MavenProject project) {
        Plugin plugin = project.getBuild().getPluginsAsMap().get(BOOT_PLUGIN);
        if (plugin != null && plugin.getConfiguration() instanceof Xpp3Dom configuration) {
            Xpp3Dom child = configuration.getChild("mainClass");
            if (child != null && child.getValue() != null && !child.getValue().isBlank()) {
                return child.getValue().trim();
            }
        }
        return null;
    }
}

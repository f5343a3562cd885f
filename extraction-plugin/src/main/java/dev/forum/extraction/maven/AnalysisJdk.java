package dev.forum.extraction.maven;

import dev.forum.extraction.analysis.SupportedVersions;
import dev.forum.extraction.model.ExtractionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;
import org.apache.maven.toolchain.Toolchain;
import org.apache.maven.toolchain.ToolchainManager;

/**
 * The JDK the analysis runs on: the application's own, i.e. the JDK toolchain its build selected (as
 * maven-toolchains-plugin's {@code select-jdk-toolchain} or {@code toolchain} goals do, and the compiler then
 * uses), else the JDK Maven runs on. Either must be at least the Java release the application is compiled for.
 */
final class AnalysisJdk {

    private AnalysisJdk() {
    }

    /**
     * @param release               the Java release of the application's classes
     * @param declaresToolchains    whether the build declares maven-toolchains-plugin: then a missing toolchain means
     *                              its goal did not run (a goal run alone, outside a lifecycle phase), not that it is
     *                              missing, and the refusal says so
     * @param goal                  the goal asking (e.g. {@code service}): the refusal shows it run after a phase,
     *                              {@code validate extract:service} (it reads the packaged project), else
     *                              {@code compile extract:<goal>}
     * @return the {@code java} launcher
     * @throws ExtractionException (one line) when neither JDK can run the application's classes
     */
    static Path find(ToolchainManager toolchains, MavenSession session, int release, boolean declaresToolchains, String goal) {
        Toolchain toolchain = toolchains == null ? null : toolchains.getToolchainFromBuildContext("jdk", session);
        if (toolchain != null && toolchain.findTool("java") != null) {
            Path java = Path.of(toolchain.findTool("java"));
            int version = version(java.getParent().getParent()).orElse(release);
            if (version < release) {
                throw new ExtractionException("The application is compiled for Java " + release + " but the build's JDK"
                        + " toolchain is Java " + version + " (" + java + "): select a JDK " + release + " toolchain");
            }
            return java;
        }
        Path home = Path.of(System.getProperty("java.home"));
        int version = SupportedVersions.feature(System.getProperty("java.specification.version"));
        if (version < release && declaresToolchains) {
            throw new ExtractionException("The application is compiled for Java " + release + ", but Maven runs on Java "
                    + version + " and maven-toolchains-plugin, which the build declares, selected no JDK toolchain in this"
                    + " run: its goal runs in a lifecycle phase, so run the extract goal after one (e.g. "
                    + ("service".equals(goal) ? "validate" : "compile") + " extract:" + goal + ", not extract:" + goal
                    + " alone), or run Maven on a JDK " + release);
        }
        if (version < release) {
            throw new ExtractionException("The application is compiled for Java " + release + ", but Maven runs on Java "
                    + version + " and the build selects no JDK toolchain: add maven-toolchains-plugin's select-jdk-toolchain"
                    + " goal with <version>[" + release + ",)</version> to the build, or run Maven on a JDK " + release);
        }
        return home.resolve("bin").resolve(isWindows() ? "java.exe" : "java");
    }

    /** Whether the project's build (its own POM or a parent's) has maven-toolchains-plugin among its plugins. */
    static boolean declaresToolchainsPlugin(MavenProject project) {
        return project.getBuildPlugins().stream().anyMatch(plugin -> "maven-toolchains-plugin".equals(plugin.getArtifactId()));
    }

    /** The feature version in a JDK's {@code release} file ({@code JAVA_VERSION="25.0.1"}). */
    private static Optional<Integer> version(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return Optional.empty();
        }
        try {
            return Files.readAllLines(release).stream().filter(l -> l.startsWith("JAVA_VERSION="))
                    .map(l -> l.substring("JAVA_VERSION=".length()).replace("\"", ""))
                    .map(SupportedVersions::feature).findFirst();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    }
}

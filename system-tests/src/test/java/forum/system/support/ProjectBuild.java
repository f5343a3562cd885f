package forum.system.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The project's own build as a user runs it: {@code ./mvnw} from the checkout's root, in a process of its
 * own, bounded by a timeout, its output in a log under {@code system-tests/target/system-tests/logs}. It
 * runs on the JDK that runs the outer Maven (17 here; the build itself then picks JDK 25 through
 * toolchains), not on the test's JDK 25, which the test JVM's {@code JAVA_HOME} would otherwise hand down.
 */
public final class ProjectBuild {

    private ProjectBuild() {
    }

    /** Runs {@code ./mvnw <arguments>}; a non-zero exit is returned, not thrown. */
    public static Command.Result mvnw(String logName, Duration timeout, String... arguments) {
        Path root = SystemTools.repositoryRoot();
        List<String> command = new ArrayList<>();
        command.add(root.resolve("mvnw").toString());
        command.addAll(List.of(arguments));
        String mavenJdk = System.getProperty("forum.maven.java.home");
        Map<String, String> environment = mavenJdk == null || mavenJdk.isBlank() ? Map.of() : Map.of("JAVA_HOME", mavenJdk);
        return Command.run(root, timeout, SystemTools.workDirectory("logs").resolve(logName), environment, command);
    }
}

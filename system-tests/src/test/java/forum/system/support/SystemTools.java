package forum.system.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The programs the system tests drive, found on this machine, and the places they work in: the checkout
 * (whose {@code ./mvnw} they run) and a folder under {@code system-tests/target}. Which programs are missing
 * or unusable here is {@link ToolProbe}'s answer.
 */
public final class SystemTools {

    /** Set (as {@code .ci/run} does) to make a missing or unusable tool fail the system tests instead of skipping them. */
    public static final String REQUIRED_ENV = "FORUM_REQUIRE_SYSTEM_TOOLS";
    public static final String PACKAGES = "docker-registry skopeo umoci podman runc";
    /** The JDK the JRE base image is made from (what {@code deploy/images/build-jre-base.sh} uses by default). */
    public static final Path JDK_25 = Path.of(System.getenv().getOrDefault("JDK", "/usr/lib/jvm/temurin-25-jdk-amd64"));
    /** Podman's settings, passed to every podman call as {@code CONTAINERS_CONF}; relative to the checkout. */
    public static final String CONTAINERS_CONF = "deploy/podman/containers.conf";

    /** Folders a root shell has on its PATH, which a user's PATH (or a test runner's) may lack. */
    static final List<String> SYSTEM_DIRS = List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin");

    private SystemTools() {
    }

    /** The folders searched for programs: this process's PATH, then {@link #SYSTEM_DIRS}. */
    public static List<Path> searchPath() {
        Set<String> dirs = new LinkedHashSet<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        dirs.addAll(SYSTEM_DIRS);
        return dirs.stream().filter(dir -> !dir.isBlank()).map(Path::of).toList();
    }

    /** The program's path, looked up like a shell would (plus the sbin folders, which a user's PATH may lack). */
    public static Optional<Path> find(String program) {
        return find(program, searchPath());
    }

    /** The first executable {@code program} in {@code dirs}. */
    public static Optional<Path> find(String program, List<Path> dirs) {
        return dirs.stream().map(dir -> dir.resolve(program)).filter(Files::isExecutable).findFirst();
    }

    /** {@link #CONTAINERS_CONF} in the checkout under test, as an absolute path. */
    public static Path containersConf() {
        return repositoryRoot().resolve(CONTAINERS_CONF);
    }

    public static boolean required() {
        return Boolean.parseBoolean(System.getenv(REQUIRED_ENV));
    }

    /** The checkout under test: the folder with the project's {@code ./mvnw}. */
    public static Path repositoryRoot() {
        Path root = Path.of(System.getProperty("forum.root", "..")).toAbsolutePath().normalize();
        if (!Files.isExecutable(root.resolve("mvnw"))) {
            throw new IllegalStateException("No ./mvnw in " + root + ": run the system tests through Maven (forum.root)");
        }
        return root;
    }

    /** A folder of the system tests' own under {@code system-tests/target}, created if missing. */
    public static Path workDirectory(String name) {
        Path base = Path.of(System.getProperty("forum.system.work", "target/system-tests")).toAbsolutePath().normalize();
        try {
            return Files.createDirectories(base.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The programs in {@code programs} that are not found in {@code dirs}. */
    static List<String> missing(List<Path> dirs, String... programs) {
        List<String> missing = new ArrayList<>();
        for (String program : programs) {
            if (find(program, dirs).isEmpty()) {
                missing.add(program);
            }
        }
        return missing;
    }
}

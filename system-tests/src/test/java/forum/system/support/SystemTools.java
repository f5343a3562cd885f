package forum.system.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The programs the system tests drive, found on this machine, and the places they work in: the checkout
 * (whose {@code ./mvnw} they run) and a folder under {@code system-tests/target}.
 */
public final class SystemTools {

    /** Set (as {@code .ci/run} does) to make a missing tool fail the system tests instead of skipping them. */
    public static final String REQUIRED_ENV = "FORUM_REQUIRE_SYSTEM_TOOLS";
    public static final String HOW_TO = "install them with `apt-get install docker-registry skopeo umoci podman runc`"
            + " and set up podman as DEVELOPERS.md says";
    /** The JDK the JRE base image is made from (what {@code deploy/images/build-jre-base.sh} uses by default). */
    public static final Path JDK_25 = Path.of(System.getenv().getOrDefault("JDK", "/usr/lib/jvm/temurin-25-jdk-amd64"));

    private static final List<String> SYSTEM_DIRS = List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin");

    private SystemTools() {
    }

    /** The program's path, looked up like a shell would (plus the sbin folders, which a user's PATH may lack). */
    public static Optional<Path> find(String program) {
        Set<String> dirs = new LinkedHashSet<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        dirs.addAll(SYSTEM_DIRS);
        return dirs.stream().filter(dir -> !dir.isBlank()).map(dir -> Path.of(dir, program))
                .filter(Files::isExecutable).findFirst();
    }

    /** Why tests needing these programs cannot run here, or null if they can. */
    public static String unavailableReason(String... programs) {
        List<String> missing = new ArrayList<>();
        for (String program : programs) {
            if (find(program).isEmpty()) {
                missing.add(program);
            }
        }
        if (!missing.isEmpty()) {
            return "missing " + String.join(", ", missing) + ": " + HOW_TO;
        }
        if (!Files.isExecutable(JDK_25.resolve("bin/jlink"))) {
            return "no JDK 25 at " + JDK_25 + " (the JRE base image is made with its jlink): install Temurin 25 or set JDK";
        }
        return null;
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
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

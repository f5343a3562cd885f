package forum.system.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The Java 25 JRE base image, made by the README's own script {@value #SCRIPT} (jlink from the local
 * JDK 25, umoci, skopeo). Its OCI layout is kept in {@code system-tests/target/system-tests/jre-base}, so a
 * build makes it once and only pushes it again to each new registry.
 */
public final class JreBaseImage {

    public static final String SCRIPT = "deploy/images/build-jre-base.sh";
    /** Where the base goes in a {@link LocalRegistry}. */
    public static final String REPOSITORY = "forum/jre";
    public static final String TAG = "25";
    private static final Duration BUILD_WITHIN = Duration.ofMinutes(5);

    private JreBaseImage() {
    }

    /**
     * Builds the base (or reuses this build's), pushes it to the registry as {@value #REPOSITORY}:{@value #TAG}
     * and returns its reference there pinned by digest, as a production base is.
     */
    public static String pushTo(LocalRegistry registry) {
        Path root = SystemTools.repositoryRoot();
        Command.run(root, BUILD_WITHIN, SystemTools.workDirectory("logs").resolve("jre-base.log"), Map.of(),
                List.of(root.resolve(SCRIPT).toString(), "--cache", SystemTools.workDirectory("jre-base").toString(),
                        "docker://" + registry.host() + "/" + REPOSITORY + ":" + TAG)).orThrow();
        return registry.host() + "/" + REPOSITORY + "@" + registry.manifest(REPOSITORY, TAG).digest();
    }

    /**
     * Builds the base (or reuses this build's) and writes it as a docker-save tar, for a Jib
     * {@code tar:///...} base; returns the tar.
     */
    public static Path writeTar(Path tar) {
        Path root = SystemTools.repositoryRoot();
        Command.run(root, BUILD_WITHIN, SystemTools.workDirectory("logs").resolve("jre-base-tar.log"), Map.of(),
                List.of(root.resolve(SCRIPT).toString(), "--cache", SystemTools.workDirectory("jre-base").toString(),
                        "docker-archive:" + tar.toAbsolutePath() + ":" + REPOSITORY + ":" + TAG)).orThrow();
        return tar.toAbsolutePath();
    }

    /** The Java modules jdeps finds in a Spring Boot executable jar (the script's {@code --print-modules}). */
    public static Set<String> modulesRequiredBy(Path bootJar) {
        Path root = SystemTools.repositoryRoot();
        Command.Result result = Command.run(root, BUILD_WITHIN, SystemTools.workDirectory("logs").resolve("jdeps.log"), Map.of(),
                List.of(root.resolve(SCRIPT).toString(), "--print-modules", bootJar.toString())).orThrow();
        String last = result.output().strip().lines().reduce((first, second) -> second).orElse("");
        return modules(last);
    }

    /** The modules named in {@code deploy/images/jre-modules.txt}: what the script links into the JRE. */
    public static Set<String> listedModules() {
        try {
            String text = Files.readAllLines(SystemTools.repositoryRoot().resolve("deploy/images/jre-modules.txt")).stream()
                    .filter(line -> !line.startsWith("#")).collect(Collectors.joining());
            return modules(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code a,b c} as a sorted set. */
    public static Set<String> modules(String text) {
        return Arrays.stream(text.split("[,\\s]+")).filter(name -> !name.isBlank())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}

package dev.forum.standin.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/** The JDK 25 that runs the forum's processes. */
public final class Jdk {

    /** Overrides the search: the {@code java} executable to use. */
    public static final String ENV = "FORUM_JAVA";

    private Jdk() {
    }

    /**
     * {@code $FORUM_JAVA}; else this JVM's own {@code java} when it is 25 or newer; else the newest
     * {@code /usr/lib/jvm/*25*}.
     */
    public static Path java() {
        String configured = System.getenv(ENV);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        if (Runtime.version().feature() >= 25) {
            Path own = Path.of(System.getProperty("java.home"), "bin", "java");
            if (Files.isExecutable(own)) {
                return own;
            }
        }
        return installed().orElseThrow(() -> new IllegalStateException(
                "no JDK 25 found: install Temurin 25 under /usr/lib/jvm or set " + ENV + " to its bin/java"));
    }

    private static Optional<Path> installed() {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> candidates = Files.list(jvms)) {
            return candidates.filter(dir -> dir.getFileName().toString().matches(".*(-|jdk)2[5-9].*"))
                    .map(dir -> dir.resolve("bin/java")).filter(Files::isExecutable)
                    .max(Comparator.comparing(Path::toString));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}

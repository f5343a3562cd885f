package dev.forum.standin.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.springframework.util.FileSystemUtils;

/**
 * A Spring Boot executable jar unpacked once into a folder with its own {@code tools} jar mode
 * ({@code java -Djarmode=tools -jar app.jar extract --destination DIR}): {@code DIR/app.jar} holds the application's
 * classes and names every library in {@code DIR/lib/} on its {@code Class-Path}. Started as {@code java -jar DIR/app.jar},
 * the JVM reads classes from plain jars instead of jars nested in one, and the forum is ready in about 60 % of the
 * time (measured on the monolith: 7.7 s to 4.5 s of wall time to a refreshed context, two cores). This is Spring
 * Boot's own advice for running a jar in production (reference, "Efficient Deployments", "Unpacking the Executable
 * JAR"); the images the extraction plugin builds are unpacked the same way.
 */
public final class UnpackedJar {

    /** How long unpacking may take (a 42 MB jar takes about 1 s). */
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private UnpackedJar() {
    }

    /**
     * Unpacks {@code jar} into {@code destination}, emptied first (a folder left by an earlier run may hold other
     * libraries).
     *
     * @param java        the JDK's {@code java} that runs the tool
     * @param jar         a Spring Boot executable jar (repackaged with its {@code tools} jar mode, Spring Boot's default)
     * @param destination the folder to unpack into; created, or emptied when it exists
     * @return the jar to start with {@code java -jar}: {@code destination/<jar's file name>}
     * @throws IllegalStateException when the tool fails (for example, a jar repackaged without the tools jar mode), with
     *                               its last line of output
     * @throws UncheckedIOException  when the folder cannot be emptied or the tool cannot be started
     */
    public static Path unpack(Path java, Path jar, Path destination) {
        return unpack(java, jar, destination, TIMEOUT);
    }

    /** {@link #unpack(Path, Path, Path)} with another bound on the tool's run than 120 s. */
    static Path unpack(Path java, Path jar, Path destination, Duration timeout) {
        try {
            FileSystemUtils.deleteRecursively(destination);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty " + destination + ": " + e.getMessage(), e);
        }
        List<String> command = List.of(java.toString(), "-Djarmode=tools", "-jar", jar.toString(), "extract",
                "--destination", destination.toString());
        Path output = null;
        try {
            // The tool's output goes to a file, so that the timeout holds even if the tool hangs with its output open.
            output = Files.createTempFile("unpack-", ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("cannot unpack " + jar + ": still running after " + Seconds.of(timeout));
            }
            Path unpacked = destination.resolve(jar.getFileName());
            if (process.exitValue() != 0 || !Files.isRegularFile(unpacked)) {
                throw new IllegalStateException("cannot unpack " + jar + " with its tools jar mode (exit "
                        + process.exitValue() + "): " + lastLine(Files.readString(output, StandardCharsets.UTF_8)));
            }
            return unpacked;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + jar + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while unpacking " + jar, e);
        } finally {
            if (output != null) {
                output.toFile().delete();
            }
        }
    }

    /**
     * The jar a service's processes start from: {@code jar} unpacked into {@code folder} ({@link #unpack}), or, when it
     * cannot be unpacked, {@code jar} itself, which runs all the same, only slower to start.
     *
     * @param log takes one line: where the jar was unpacked and in how long, or why it could not be and that it runs as
     *            it is
     * @throws UncheckedIOException as {@link #unpack} does
     */
    public static Path startJar(Path java, Path jar, Path folder, Consumer<String> log) {
        try {
            long start = System.nanoTime();
            Path unpacked = unpack(java, jar, folder);
            log.accept(jar.getFileName() + " unpacked into " + folder + " in " + Seconds.since(start)
                    + ": its processes start from there");
            return unpacked;
        } catch (IllegalStateException e) {
            log.accept(e.getMessage() + ": starting it as it is");
            return jar;
        }
    }

    private static String lastLine(String output) {
        List<String> lines = output.lines().map(String::strip)
                .filter(line -> !line.isEmpty()).toList();
        return lines.isEmpty() ? "no output" : lines.getLast();
    }
}

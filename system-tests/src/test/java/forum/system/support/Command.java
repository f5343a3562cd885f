package forum.system.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program to its end, bounded by a timeout, its output (stdout and stderr) kept in a log file; and
 * stops processes by pid, their children first. Every program the system tests start goes through here.
 */
public final class Command {

    private static final Duration GRACE = Duration.ofSeconds(10);
    private static final int TAIL_LINES = 40;

    /**
     * @param command  what ran
     * @param exitCode its exit code
     * @param output   everything it printed
     * @param log      the file that holds the output
     */
    public record Result(List<String> command, int exitCode, String output, Path log) {

        public boolean succeeded() {
            return exitCode == 0;
        }

        /** The result, or an exception naming the command, its exit code and the end of its output. */
        public Result orThrow() {
            if (!succeeded()) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + exitCode + " (log " + log
                        + "):\n" + tail(output));
            }
            return this;
        }
    }

    private Command() {
    }

    /** Runs {@code command} in {@code directory}, its output to {@code log}; kills it (and its children) on timeout. */
    public static Result run(Path directory, Duration timeout, Path log, Map<String, String> environment, List<String> command) {
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            boolean ended;
            try {
                ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } finally {
                if (process.isAlive()) {
                    stop(process.toHandle());
                }
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (!ended) {
                throw new IllegalStateException(String.join(" ", command) + " did not end within " + timeout.toSeconds()
                        + " s and was stopped (log " + log + "):\n" + tail(output));
            }
            return new Result(List.copyOf(command), process.exitValue(), output, log);
        } catch (IOException e) {
            throw new UncheckedIOException(String.join(" ", command) + " could not run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@link #run} in a temporary log, for short commands whose output is the answer. */
    public static Result run(Duration timeout, String... command) {
        return run(timeout, Map.of(), command);
    }

    /** {@link #run} in a temporary log, with {@code environment} added to this process's. */
    public static Result run(Duration timeout, Map<String, String> environment, String... command) {
        try {
            Path log = Files.createTempFile(SystemTools.workDirectory("logs"), "command-", ".log");
            return run(Path.of("/"), timeout, log, environment, List.of(command));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stops a process started by the tests, by its pid: its descendants and then itself get SIGTERM, and
     * SIGKILL after a grace period. Give the handle of the {@link Process} (not {@code ProcessHandle.of(pid)}
     * later), so that a pid reused after the process ended is never signalled.
     */
    static void stop(ProcessHandle process) {
        List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            process.onExit().get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception notYet) {
            process.destroyForcibly();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** The last lines of a program's output, for failure messages. */
    public static String tail(String output) {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
    }
}

package forum.system.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether the system tests' programs are installed <em>and usable</em> here, found out in seconds, before any
 * work: each program answers {@code --version}; podman runs a container (a copy of {@code /usr/bin/true} as its
 * root file system, no image needed, with a port published on 127.0.0.1) under the project's
 * {@value SystemTools#CONTAINERS_CONF}; {@code docker-registry} starts and answers {@code GET /v2/}.
 *
 * <p>The answer is null (usable) or one line that names the program, what failed and the fix.
 *
 * @param path           the folders programs are looked up in, in order
 * @param jdk25          the JDK the JRE base image is linked from (its {@code bin/jlink} must run)
 * @param containersConf the file podman gets as {@code CONTAINERS_CONF}
 * @param workDir        where the probes keep their logs, the container's root file system and the registry
 * @param within         how long one probe may take before it counts as failed
 */
public record ToolProbe(List<Path> path, Path jdk25, Path containersConf, Path workDir, Duration within) {

    private static final Pattern LIBRARY = Pattern.compile("(/\\S+)");

    public ToolProbe {
        path = List.copyOf(path);
    }

    /** The probe of this machine: PATH and the sbin folders, {@link SystemTools#JDK_25}, the checkout's podman settings. */
    public static ToolProbe ofThisMachine() {
        return new ToolProbe(SystemTools.searchPath(), SystemTools.JDK_25, SystemTools.containersConf(),
                SystemTools.workDirectory("probe"), Duration.ofSeconds(30));
    }

    /** Why tests needing these programs cannot run here (one line naming the fix), or null if they can. */
    public String unavailableReason(String... programs) {
        List<String> missing = SystemTools.missing(path, programs);
        if (!missing.isEmpty()) {
            return "missing " + String.join(", ", missing) + ": install them with `apt-get install " + SystemTools.PACKAGES
                    + "` (DEVELOPERS.md, \"Tools\")";
        }
        if (!Files.isExecutable(jdk25.resolve("bin/jlink"))) {
            return "no JDK 25 at " + jdk25 + " (the JRE base image is made with its jlink): install Temurin 25 or set JDK";
        }
        for (String program : programs) {
            String reason = probe(program);
            if (reason != null) {
                return reason;
            }
        }
        return null;
    }

    private String probe(String program) {
        String reason = version(program);
        if (reason != null) {
            return reason;
        }
        return switch (program) {
            case Podman.PROGRAM -> podman();
            case LocalRegistry.PROGRAM -> registry();
            default -> null;
        };
    }

    /** {@code <program> --version} exits 0 within {@link #within}. */
    private String version(String program) {
        Path executable = SystemTools.find(program, path).orElseThrow();
        Map<String, String> environment = program.equals(Podman.PROGRAM) ? Podman.environment(containersConf) : Map.of();
        Outcome outcome = run(program + "-version", environment, executable.toString(), "--version");
        if (outcome.failure() == null) {
            return null;
        }
        return program + " is installed (" + executable + ") but `" + program + " --version` " + outcome.failure()
                + ": reinstall it (`apt-get install --reinstall " + program + "`)";
    }

    /** A container from a root file system holding only {@code true}, its port published on loopback, under our settings. */
    private String podman() {
        Path executable = SystemTools.find(Podman.PROGRAM, path).orElseThrow();
        if (!Files.isRegularFile(containersConf)) {
            return "podman's settings " + containersConf + " are missing: restore " + SystemTools.CONTAINERS_CONF
                    + " from the repository";
        }
        Path rootfs;
        try {
            rootfs = trueRootfs();
        } catch (IOException | RuntimeException e) {
            return "cannot make the root file system podman's probe runs (" + e.getMessage() + "): the probe needs "
                    + "`true` and `ldd` (Debian: coreutils, libc-bin)";
        }
        int port;
        try {
            port = LocalRegistry.freePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Outcome outcome = run("podman-run", Podman.environment(containersConf), executable.toString(), "run", "--rm",
                "--publish", "127.0.0.1:" + port + ":3000", "--rootfs", rootfs.toString(), "/true");
        if (outcome.failure() == null) {
            return null;
        }
        return "podman is installed but cannot run a container with CONTAINERS_CONF=" + containersConf + " ("
                + firstErrorLine(outcome.output()) + "; " + outcome.failure() + "): " + podmanFix(outcome.output())
                + " until `CONTAINERS_CONF=" + containersConf + " podman run --rm --rootfs " + rootfs
                + " /true` succeeds (DEVELOPERS.md, \"Podman settings\")";
    }

    private static String podmanFix(String output) {
        if (output.contains("rlimit")) {
            return "lower default_ulimits in " + SystemTools.CONTAINERS_CONF + " to what this machine allows (ulimit -Hn, ulimit -Hu)";
        }
        if (output.contains("crun") || output.contains("cgroup")) {
            return "keep runtime = \"runc\" in " + SystemTools.CONTAINERS_CONF + " and install runc";
        }
        return "fix podman";
    }

    /** A registry of our own on a free loopback port answers {@code GET /v2/}; then it is stopped. */
    private String registry() {
        Path executable = SystemTools.find(LocalRegistry.PROGRAM, path).orElseThrow();
        try (LocalRegistry registry = LocalRegistry.startOnce(executable, workDir.resolve("registry"), within)) {
            return null;
        } catch (IOException | RuntimeException e) {
            return "docker-registry is installed (" + executable + ") but does not start a registry on 127.0.0.1 ("
                    + firstLine(e.getMessage()) + "): fix it until `docker-registry serve CONFIG` answers GET /v2/ "
                    + "(DEVELOPERS.md, \"A local registry\")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while starting docker-registry";
        }
    }

    /** A folder with {@code /true} and the shared libraries it loads ({@code ldd}), as a container's root. */
    private Path trueRootfs() throws IOException {
        Path rootfs = Files.createDirectories(workDir.resolve("podman-rootfs"));
        Path binary = SystemTools.find("true", path).orElseThrow(() -> new IOException("no `true` program"));
        Files.copy(binary, rootfs.resolve("true"), StandardCopyOption.REPLACE_EXISTING);
        Path ldd = SystemTools.find("ldd", path).orElseThrow(() -> new IOException("no `ldd` program"));
        Outcome libraries = run("ldd", Map.of(), ldd.toString(), binary.toString());
        if (libraries.failure() != null) {
            throw new IOException("ldd " + binary + " " + libraries.failure());
        }
        Matcher matcher = LIBRARY.matcher(libraries.output());
        while (matcher.find()) {
            Path library = Path.of(matcher.group(1));
            if (Files.isRegularFile(library)) {
                Path copy = rootfs.resolve(library.toString().substring(1));
                Files.createDirectories(copy.getParent());
                Files.copy(library, copy, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return rootfs;
    }

    /** What a probe command printed, and why it counts as failed (null: it exited 0 in time). */
    private record Outcome(String output, String failure) {
    }

    private Outcome run(String name, Map<String, String> environment, String... command) {
        Path log = workDir.resolve("logs").resolve("probe-" + name + ".log");
        try {
            Files.createDirectories(workDir);
            Command.Result result = Command.run(workDir, within, log, environment, List.of(command));
            return new Outcome(result.output(), result.succeeded() ? null
                    : "exited with " + result.exitCode() + " (log " + log + ")");
        } catch (IllegalStateException timedOut) {
            return new Outcome(readQuietly(log), "did not end within " + within.toSeconds() + " s and was stopped (log " + log + ")");
        } catch (IOException | UncheckedIOException cannotRun) {
            return new Outcome("", "could not run: " + firstLine(cannotRun.getMessage()));
        }
    }

    private static String readQuietly(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    /** The line of a program's output that says what went wrong: the first naming an error, else the last. */
    static String firstErrorLine(String output) {
        List<String> lines = new ArrayList<>(output.strip().lines().filter(line -> !line.isBlank()).toList());
        if (lines.isEmpty()) {
            return "no output";
        }
        return lines.stream().filter(line -> line.toLowerCase(java.util.Locale.ROOT).contains("error")).findFirst()
                .orElse(lines.getLast()).strip();
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.strip().lines().findFirst().orElse("").strip();
    }
}

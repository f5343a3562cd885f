package forum.system.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Podman, as a user runs it: pulls from the {@link LocalRegistry} (plain HTTP, {@code --tls-verify=false}),
 * runs a container with its port published on 127.0.0.1 only, and removes the container and the image by
 * their ids. Every call gets the project's settings, {@code CONTAINERS_CONF=}{@value SystemTools#CONTAINERS_CONF}
 * (runc, ulimits a JVM can live with), so nothing under {@code /etc} is needed or read.
 */
public final class Podman {

    public static final String PROGRAM = "podman";
    private static final Duration PULL_WITHIN = Duration.ofMinutes(3);
    private static final Duration COMMAND_WITHIN = Duration.ofMinutes(1);

    private Podman() {
    }

    /** Pulls an image from a loopback registry; returns its image id. */
    public static String pull(String reference) {
        String output = podman(PULL_WITHIN, "pull", "--quiet", "--tls-verify=false", reference).output().strip();
        return output.lines().reduce((first, second) -> second).orElseThrow();
    }

    /** Loads an image tar (OCI or docker-save); returns its image id. */
    public static String load(java.nio.file.Path tar) {
        String output = podman(PULL_WITHIN, "load", "--quiet", "--input", tar.toString()).output().strip();
        String last = output.lines().reduce((first, second) -> second).orElseThrow();
        // "Loaded image: NAME" (podman 4) or "Loaded image(s): NAME": the id is what inspect says of the name.
        String name = last.substring(last.indexOf(':') + 1).strip();
        return podman(COMMAND_WITHIN, "image", "inspect", "--format", "{{.Id}}", name).output().strip();
    }

    /**
     * Runs a container in the foreground to its end ({@code --rm}), {@code options} before the image and
     * {@code arguments} after it; its exit code and output are returned, not thrown.
     */
    public static Command.Result runToEnd(String image, List<String> options, Map<String, String> environment,
            List<String> arguments) {
        List<String> command = new ArrayList<>(List.of("run", "--rm"));
        command.addAll(options);
        new TreeMap<>(environment).forEach((name, value) -> command.addAll(List.of("--env", name + "=" + value)));
        command.add(image);
        command.addAll(arguments);
        return Command.run(COMMAND_WITHIN, environment(), command(command.toArray(String[]::new)));
    }

    /** Removes an image by its id (and every tag of it). */
    public static void removeImage(String imageId) {
        podman(COMMAND_WITHIN, "rmi", "--force", imageId);
    }

    /**
     * What an ECS task of ours runs with (the rendered task definitions): a read-only root filesystem with a volume
     * at /tmp (Fargate has no tmpfs, so podman's own tmpfs mounts are turned off), no Linux capability, an init
     * process, and the images' non-root user.
     */
    public static final List<String> AS_ECS_RUNS_IT = List.of("--read-only", "--read-only-tmpfs=false",
            "--mount", "type=volume,destination=/tmp", "--cap-drop=ALL", "--init", "--user", "65532:65532");

    /**
     * Starts a container in the background with each {@code 127.0.0.1:<host port>} of {@code published} published to
     * its container port, and {@code options} before the image. Close the container to remove it (with its
     * anonymous volumes).
     */
    public static Container run(String image, Map<Integer, Integer> published, List<String> options,
            Map<String, String> environment) {
        List<String> command = new ArrayList<>(List.of("run", "--detach"));
        new TreeMap<>(published).forEach((host, container) -> command.addAll(List.of("--publish",
                "127.0.0.1:" + host + ":" + container)));
        command.addAll(options);
        new TreeMap<>(environment).forEach((name, value) -> command.addAll(List.of("--env", name + "=" + value)));
        command.add(image);
        String id = podman(COMMAND_WITHIN, command.toArray(String[]::new)).output().strip();
        Container container = new Container(id.lines().reduce((first, second) -> second).orElseThrow());
        // Also removed if the test JVM is ended early (a failsafe timeout, Ctrl-C).
        Runtime.getRuntime().addShutdownHook(new Thread(container::removeIfPresent, "remove-container-" + container.id()));
        return container;
    }

    /** A running container, removed (stopped first, with a short grace period) by its id on close. */
    public record Container(String id) implements AutoCloseable {

        /** What the container printed so far. */
        public String logs() {
            return Command.run(COMMAND_WITHIN, environment(), command("logs", id)).output();
        }

        /** Its state as podman reports it, e.g. {@code running} or {@code exited (1)}. */
        public String state() {
            return Command.run(COMMAND_WITHIN, environment(),
                    command("inspect", "--format", "{{.State.Status}} ({{.State.ExitCode}})", id)).output().strip();
        }

        /** A value of {@code podman inspect}, e.g. {@code {{.HostConfig.ReadonlyRootfs}}}. */
        public String inspect(String format) {
            return Command.run(COMMAND_WITHIN, environment(), command("inspect", "--format", format, id)).output().strip();
        }

        @Override
        public void close() {
            podman(COMMAND_WITHIN, "rm", "--force", "--volumes", "--time", "5", id);
        }

        /** {@link #close} for a shutdown hook: a container already removed is no error. */
        void removeIfPresent() {
            try {
                Command.run(COMMAND_WITHIN, environment(), command("rm", "--force", "--volumes", "--ignore", "--time", "5", id));
            } catch (RuntimeException e) {
                System.err.println("Could not remove container " + id + ": " + e.getMessage());
            }
        }
    }

    /** The environment every podman call gets: {@code CONTAINERS_CONF} pointing at {@code containersConf}. */
    public static Map<String, String> environment(java.nio.file.Path containersConf) {
        return Map.of("CONTAINERS_CONF", containersConf.toString());
    }

    private static Map<String, String> environment() {
        return environment(SystemTools.containersConf());
    }

    private static String[] command(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(SystemTools.find(PROGRAM).orElseThrow().toString());
        command.addAll(List.of(arguments));
        return command.toArray(String[]::new);
    }

    private static Command.Result podman(Duration timeout, String... arguments) {
        return Command.run(timeout, environment(), command(arguments)).orThrow();
    }
}

package dev.forum.extraction.image;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Port;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Builds one service's image with Jib. Jib fixes the creation time and every file's time to the epoch,
 * so the same base and the same files give the same image digest.
 */
public final class ServiceImage {

    /** Not root: the distroless "nonroot" ids, which need no entry in the base image's /etc/passwd. */
    public static final String USER = "65532:65532";
    /** The JVM sizes its heap from the container's memory limit and exits (to be restarted) when it runs out. */
    public static final List<String> JVM_FLAGS = List.of("-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError");

    /** Jib's steps that get the base image: a failure there is the base's, whatever the exception says. */
    private static final Set<String> BASE_STEPS = Set.of(
            "com.google.cloud.tools.jib.builder.steps.PullBaseImageStep",
            "com.google.cloud.tools.jib.builder.steps.LocalBaseImageSteps",
            "com.google.cloud.tools.jib.builder.steps.ObtainBaseImageLayerStep");
    private static final int MAX_WHY = 200;

    /**
     * @param digest  the manifest digest (what a registry and a deploy pin)
     * @param imageId the config digest
     */
    public record Built(String digest, String imageId) {
    }

    /**
     * Where Jib keeps layers between builds.
     *
     * @param baseLayers        pulled base layers; null for Jib's per-user cache, shared by every build
     * @param applicationLayers the service's own layers
     */
    public record Caches(Path baseLayers, Path applicationLayers) {
    }

    private ServiceImage() {
    }

    /** The entrypoint: {@code java}, the container flags, the class path and the main class. */
    public static List<String> entrypoint(String mainClass) {
        List<String> command = new ArrayList<>();
        command.add("java");
        command.addAll(JVM_FLAGS);
        command.addAll(List.of("-cp", ImageLayout.CLASS_PATH, mainClass));
        return command;
    }

    /**
     * Builds the image and writes, pushes or loads it.
     *
     * @param settings  the port it exposes (and SERVER_PORT, so the application listens on it) and its health labels
     *                  (SPRING_PROFILES_ACTIVE is left to the deploy)
     * @param warnings  gets Jib's warnings once the image is built; on a failure they are dropped, as Jib's
     *                  retries say many lines that the one-line error already sums up
     * @return the image's digests
     * @throws dev.forum.extraction.model.ExtractionException (one line) when the base cannot be had or the target
     *                                                       cannot be written
     */
    public static Built build(ImageLayout layout, String mainClass, ImageBase base, ImageTarget target, Caches caches,
            ContainerSettings settings, Consumer<String> warnings) throws IOException, InterruptedException {
        List<String> said = Collections.synchronizedList(new ArrayList<>());
        Consumer<LogEvent> log = event -> {
            boolean warning = event.getLevel() == LogEvent.Level.WARN || event.getLevel() == LogEvent.Level.ERROR;
            if (warning && !Registries.isLoopbackTlsFallback(event.getMessage())) {
                said.add("[extract] jib: " + event.getMessage());
            }
        };
        Registries registries = new Registries(log);
        JibContainerBuilder builder = base.builder(registries)
                .setFormat(ImageFormat.OCI)
                .setEntrypoint(entrypoint(mainClass))
                .setUser(USER)
                .setWorkingDirectory(AbsoluteUnixPath.get(ImageLayout.APP))
                .setExposedPorts(Port.tcp(settings.port()))
                .setEnvironment(settings.environment())
                .setLabels(settings.labels())
                .setCreationTime(Instant.EPOCH);
        for (ImageLayout.Layer layer : layout.layers()) {
            FileEntriesLayer.Builder entries = FileEntriesLayer.builder().setName(layer.name());
            layer.files().forEach((path, file) -> entries.addEntry(file, AbsoluteUnixPath.get(path)));
            builder.addFileEntriesLayer(entries.build());
        }
        Containerizer containerizer = target.containerizer(registries)
                .setToolName("extraction-maven-plugin")
                .setAllowInsecureRegistries(onlyLoopback(base.reference(), target.registry()))
                .setApplicationLayersCache(caches.applicationLayers())
                .addEventHandler(LogEvent.class, log);
        if (caches.baseLayers() != null) {
            containerizer.setBaseImageLayersCache(caches.baseLayers());
        }
        try {
            JibContainer container = builder.containerize(containerizer);
            said.forEach(warnings);
            return new Built(container.getDigest().toString(), container.getImageId().toString());
        } catch (ExecutionException | RegistryException | IOException | CacheDirectoryCreationException e) {
            throw fromBaseSteps(e) ? base.cannotPull(why(e)) : target.cannotWrite(e);
        }
    }

    /** Jib's insecure switch covers every registry of the build, so it is on only when all of them are local. */
    private static boolean onlyLoopback(ImageReference... registries) {
        List<ImageReference> used = Stream.of(registries).filter(Objects::nonNull).toList();
        return !used.isEmpty() && used.stream().allMatch(Registries::isLoopback);
    }

    private static boolean fromBaseSteps(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                if (BASE_STEPS.contains(frame.getClassName())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The innermost cause on one line: the part of Jib's error a reader can act on. */
    static String why(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null || root.getMessage().isBlank() ? root.getClass().getSimpleName()
                : root.getClass().getSimpleName() + ": " + root.getMessage();
        String line = message.replaceAll("\\s+", " ").trim();
        return line.length() > MAX_WHY ? line.substring(0, MAX_WHY) + "..." : line;
    }
}

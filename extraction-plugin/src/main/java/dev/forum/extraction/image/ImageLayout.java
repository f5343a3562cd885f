package dev.forum.extraction.image;

import dev.forum.extraction.assemble.JarEntries;
import dev.forum.extraction.assemble.PlainJar;
import dev.forum.extraction.model.ExtractionException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The files of a service image, one layer per rate of change: third-party jars change least, so they
 * come first and a rebuild after a code change re-sends only the small layers after them.
 *
 * @param layers the non-empty layers, bottom first
 */
public record ImageLayout(List<Layer> layers) {

    public static final String APP = "/app";

    /**
     * The class path of the image's java command: resources and classes first, as in the monolith's jar. Only jars:
     * the JDK's AOT cache (JEP 483) is refused for a class path with a non-empty directory on it.
     */
    public static final String CLASS_PATH = APP + "/resources/resources.jar:" + APP + "/classes/classes.jar:"
            + APP + "/modules/*:" + APP + "/libs/*";

    /**
     * One layer.
     *
     * @param name  libs, modules, resources or classes
     * @param files each path in the image to its source file, sorted
     */
    public record Layer(String name, Map<String, Path> files) {

        public Layer {
            files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
        }

        public long bytes() {
            return files.values().stream().mapToLong(ImageLayout::size).sum();
        }
    }

    public ImageLayout {
        layers = List.copyOf(layers);
    }

    /**
     * The same layout with {@code files} (path in the image to file, see {@link ImageFiles}) as a layer named
     * {@code files} after the libraries: they change as rarely.
     */
    public ImageLayout withFiles(Map<String, Path> files) {
        if (files.isEmpty()) {
            return this;
        }
        List<Layer> with = new ArrayList<>();
        for (Layer layer : layers) {
            with.add(layer);
            if (layer.name().equals("libs")) {
                with.add(new Layer("files", files));
            }
        }
        if (with.size() == layers.size()) {
            with.add(0, new Layer("files", files));
        }
        return new ImageLayout(with);
    }

    /**
     * @param jars              the service's libraries (as packed in its jar)
     * @param isProjectJar      true for this project's own jars (module jars and shared kernel), which go to
     *                          {@code /app/modules}; the others go to {@code /app/libs}
     * @param classesDirectory  the application's own classes and resources (exploded)
     * @param include           which of its files the service holds, by path
     * @param jarDirectory      where the application's classes and resources are packed as two jars
     */
    public static ImageLayout of(List<Path> jars, Predicate<Path> isProjectJar, Path classesDirectory, Predicate<String> include,
                                 Path jarDirectory) throws IOException {
        Map<String, Path> libs = new LinkedHashMap<>();
        Map<String, Path> modules = new LinkedHashMap<>();
        for (Path jar : jars) {
            if (!Files.isRegularFile(jar)) {
                throw new ExtractionException(jar + " is not a jar file: run `package` so every module is a jar");
            }
            boolean own = isProjectJar.test(jar);
            Map<String, Path> layer = own ? modules : libs;
            String target = APP + (own ? "/modules/" : "/libs/") + jar.getFileName();
            Path other = layer.putIfAbsent(target, jar);
            if (other != null) {
                throw new ExtractionException("Two jars would both be " + target + " (" + other + " and "
                        + jar + "): keep one of them on the runtime class path");
            }
        }
        Map<String, Path> resources = packed(classesDirectory, jarDirectory, "resources", name -> !name.endsWith(".class") && include.test(name));
        Map<String, Path> classes = packed(classesDirectory, jarDirectory, "classes", name -> name.endsWith(".class") && include.test(name));
        List<Layer> layers = new ArrayList<>();
        for (Layer layer : List.of(new Layer("libs", sorted(libs)), new Layer("modules", sorted(modules)),
                new Layer("resources", resources), new Layer("classes", classes))) {
            if (!layer.files().isEmpty()) {
                layers.add(layer);
            }
        }
        return new ImageLayout(layers);
    }

    /**
     * {@code /app/<name>/<name>.jar} holding the application's files that {@code include} takes, with its folders as
     * entries (Spring's scanning finds packages through them) at a fixed time, so its bytes (and the image digest)
     * depend on its content only; none if it takes none.
     */
    private static Map<String, Path> packed(Path classesDirectory, Path jarDirectory, String name, Predicate<String> include)
            throws IOException {
        Path jar = jarDirectory.resolve(name + ".jar");
        if (PlainJar.write(classesDirectory, jar, JarEntries.DEFAULT_TIME, include) == 0) {
            Files.delete(jar);
            return Map.of();
        }
        return Map.of(APP + "/" + name + "/" + name + ".jar", jar);
    }

    /** Jars sorted by name, so the plan's order (which follows Maven's) never changes the digest. */
    private static Map<String, Path> sorted(Map<String, Path> files) {
        return new TreeMap<>(files);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

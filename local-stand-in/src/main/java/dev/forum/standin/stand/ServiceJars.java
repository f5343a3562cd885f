package dev.forum.standin.stand;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Where each service's jar is, in a built checkout: the monolith is {@code forum-app/target/forum-app-*.jar}; an
 * extracted service is {@code forum-app/target/services/<service>/<service>.jar}, built by
 * {@code ./mvnw -Dextract=<service> package}.
 */
public final class ServiceJars {

    private final Path root;

    public ServiceJars(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** The monolith's executable jar. */
    public Path monolith() {
        Path target = root.resolve("forum-app/target");
        try (Stream<Path> files = Files.isDirectory(target) ? Files.list(target) : Stream.empty()) {
            List<Path> jars = files.filter(f -> f.getFileName().toString().matches("forum-app-.*\\.jar")
                    && !f.getFileName().toString().matches(".*-(sources|javadoc|tests)\\.jar")).sorted().toList();
            if (jars.isEmpty()) {
                throw new IllegalStateException("no monolith jar in " + target + ": build it with `./mvnw package -DskipTests`");
            }
            return jars.getLast();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The service jar built by the extraction plugin, if there is one. */
    public Optional<Path> extracted(String service) {
        Path jar = root.resolve("forum-app/target/services").resolve(service).resolve(service + ".jar");
        return Files.isRegularFile(jar) ? Optional.of(jar) : Optional.empty();
    }

    /**
     * Why a service jar does not match the monolith jar, or null when it does: every module jar and class of the
     * application it holds must be byte for byte the monolith's (compared by CRC). File times cannot tell, as the
     * build writes the same time into every jar (reproducible builds).
     */
    public String staleness(Path serviceJar) {
        Path monolith = monolith();
        try (ZipFile service = new ZipFile(serviceJar.toFile()); ZipFile app = new ZipFile(monolith.toFile())) {
            for (ZipEntry entry : Collections.list(service.entries())) {
                String name = entry.getName();
                boolean own = name.startsWith("BOOT-INF/classes/") || name.matches("BOOT-INF/lib/forum-[^/]*\\.jar");
                if (!own || entry.isDirectory()) {
                    continue;
                }
                ZipEntry same = app.getEntry(name);
                if (same == null) {
                    return name + " is not in " + monolith.getFileName();
                }
                if (same.getCrc() != entry.getCrc()) {
                    return name + " differs from the monolith jar's";
                }
            }
            return null;
        } catch (IOException e) {
            return "cannot read " + serviceJar + ": " + e.getMessage();
        }
    }

    /** The command that builds a service's jar. */
    public static String buildCommand(String service) {
        return "./mvnw -Dextract=" + service + " -Dextract.image=false package -DskipTests";
    }
}

package dev.forum.extraction.ecs;

import dev.forum.topology.ModuleRoute;
import dev.forum.topology.Topology;
import dev.forum.topology.TopologyFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The forum's own topology files (deploy/topologies/*.yml and topology.yml) and modules, in the order the plugin
 * reads them from the bytecode (by name). The forum-app tests check these prefixes against the real contracts.
 */
final class ForumTopologies {

    static final List<ModuleRoute> MODULES = List.of(
            new ModuleRoute("posts", "/api/posts"),
            new ModuleRoute("threads", "/api/threads"),
            new ModuleRoute("users", "/api/users"));

    private ForumTopologies() {
    }

    static Path root() {
        return Path.of(System.getProperty("forum.root", "..")).toAbsolutePath().normalize();
    }

    /** The five example topologies and the root file. */
    static Stream<Path> files() {
        try (Stream<Path> files = Files.list(root().resolve("deploy/topologies"))) {
            return Stream.concat(files.filter(f -> f.toString().endsWith(".yml")).sorted().toList().stream(),
                    Stream.of(root().resolve("topology.yml")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Topology topology(Path file) {
        return Topology.resolve(TopologyFile.read(file, "forum"), MODULES);
    }

    static Topology topology(String yaml) {
        return Topology.resolve(TopologyFile.parse(yaml, "topology.yml", "forum"), MODULES);
    }

    static EcsSettings settings() {
        return EcsSettings.defaults("forum", "deploy/images/build-db-bootstrap.sh", "../../..", "forum-app",
                "forum-app/target/services");
    }
}

package dev.forum.extraction.ecs;

import dev.forum.topology.ModuleRoute;
import dev.forum.topology.Topology;
import dev.forum.topology.TopologyFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /**
     * The forum's calls between modules through HTTP contracts, as its module metadata lists them
     * ({@code module.<name>.calls}): posts calls threads and users ({@code ThreadsApi}, {@code UsersApi}), threads calls
     * users. forum-app's {@code ModuleCallsUnitTest} checks them against the metadata the plugin writes.
     */
    static final Map<String, Set<String>> CALLS = Map.of(
            "posts", Set.of("threads", "users"),
            "threads", Set.of("users"));

    /**
     * The forum's services whose tasks reach the internal load balancer, in every one of its topologies: each holds a
     * module that calls one it does not hold (posts, threads and content; the users service calls none and issues
     * the tokens). The monolith never does: in each step it holds every module its modules call, and users.
     */
    static final Set<String> CALLING_OUT = Set.of("posts", "threads", "content");

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
                "forum-app/target/services").moduleCalls(CALLS);
    }
}

package dev.forum.extraction.maven;

import dev.forum.extraction.model.ExtractionException;
import dev.forum.topology.ModuleRoute;
import dev.forum.topology.Topology;
import dev.forum.topology.TopologyException;
import dev.forum.topology.TopologyFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.execution.MavenSession;

/** Where the topology file is: a relative setting is taken from the project's root (where {@code .mvn} is). */
final class TopologyLocation {

    private TopologyLocation() {
    }

    static Path resolve(String setting, MavenSession session) {
        Path path = Path.of(setting);
        if (path.isAbsolute()) {
            return path.normalize();
        }
        java.io.File root = session.getRequest().getMultiModuleProjectDirectory();
        Path base = root != null ? root.toPath() : Path.of(session.getExecutionRootDirectory());
        return base.resolve(path).normalize();
    }

    /** The topology read and checked against the application's modules; a mistake is one line naming the fix. */
    static Topology read(Path file, List<ModuleRoute> modules) {
        try {
            return Topology.resolve(TopologyFile.read(file), modules);
        } catch (TopologyException e) {
            throw new ExtractionException(e.getMessage());
        }
    }

    static boolean exists(Path file) {
        return Files.isRegularFile(file);
    }
}

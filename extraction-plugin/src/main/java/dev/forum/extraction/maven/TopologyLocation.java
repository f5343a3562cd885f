package dev.forum.extraction.maven;

import dev.forum.extraction.model.ExtractionException;
import dev.forum.extraction.model.ModuleChecks;
import dev.forum.extraction.model.ModulithModel;
import dev.forum.topology.ServiceSpec;
import dev.forum.topology.Topology;
import dev.forum.topology.TopologyException;
import dev.forum.topology.TopologyFile;
import dev.forum.topology.TopologySpec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/**
 * Where the topology file is: a relative setting is taken from the project's root, the directory of the top-most
 * parent POM the build read from this checkout (the forum's root for forum-app, however Maven was started).
 */
final class TopologyLocation {

    /** The topology file looked for when none is named; without it only module names are accepted. */
    static final String DEFAULT = "topology.yml";

    private TopologyLocation() {
    }

    static Path resolve(String setting, MavenProject project) {
        Path path = Path.of(setting);
        if (path.isAbsolute()) {
            return path.normalize();
        }
        return root(project).resolve(path).normalize();
    }

    /** The top-most ancestor project whose directory contains this project's (not a parent POM from a repository). */
    static Path root(MavenProject project) {
        Path root = project.getBasedir().toPath().toAbsolutePath().normalize();
        for (MavenProject parent = project.getParent(); parent != null; parent = parent.getParent()) {
            if (parent.getFile() == null) {
                break;
            }
            Path directory = parent.getFile().toPath().toAbsolutePath().normalize().getParent();
            if (!root.startsWith(directory)) {
                break;
            }
            root = directory;
        }
        return root;
    }

    /**
     * The topology read and checked against the application's modules, the route prefixes of the modules its extracted
     * services hold included ({@link ModuleRoutes}).
     *
     * @throws ExtractionException a mistake in the file, one line naming the file, the line and the fix (a module
     *                             that runs in every service named in a service's modules among them)
     */
    static Topology read(Path file, ModulithModel model) {
        try {
            TopologySpec spec = TopologyFile.read(file);
            for (ServiceSpec service : spec.services()) {
                // A module that runs in every service is one of the application's, not an unknown one: say why it
                // cannot be named here.
                service.modules().stream().filter(module -> model.module(module).isPresent()).forEach(module ->
                        ModuleChecks.requireExtractable(model, module, "in service '" + service.name() + "' ("
                                + spec.source() + ":" + service.line() + ")"));
            }
            Topology topology = Topology.resolve(spec, ModuleRoutes.of(model));
            ModuleRoutes.requireRoutes(topology, model);
            return topology;
        } catch (TopologyException e) {
            throw new ExtractionException(e.getMessage());
        }
    }

    /**
     * The topology file of the service and report goals, read and checked when it is there; else null.
     *
     * @param setting the goal's {@code extract.topology}
     * @throws ExtractionException when a file named in the settings (not the default {@value #DEFAULT}) is not there: a
     *                             mistyped path must not quietly mean "no services"; a mistake in the file (see
     *                             {@link #read})
     */
    static Topology optional(String setting, MavenProject project, MavenSession session, ModulithModel model, Log log) {
        Path file = resolve(setting, project);
        if (!exists(file)) {
            if (!DEFAULT.equals(setting) || session.getUserProperties().containsKey("extract.topology")) {
                throw new ExtractionException("No topology file at " + file + " (extract.topology=" + setting
                        + ", a relative path is taken from " + root(project) + "): fix the path, or leave"
                        + " extract.topology out to extract modules by name");
            }
            log.debug("[extract] no topology file at " + file + ": module names only");
            return null;
        }
        return read(file, model);
    }

    static boolean exists(Path file) {
        return Files.isRegularFile(file);
    }
}

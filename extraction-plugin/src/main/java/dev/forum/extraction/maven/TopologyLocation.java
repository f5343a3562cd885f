package dev.forum.extraction.maven;

import dev.forum.extraction.model.ExtractionException;
import dev.forum.extraction.model.ModuleChecks;
import dev.forum.extraction.model.ModulithModel;
import dev.forum.extraction.request.UnknownNames;
import dev.forum.topology.ModuleRoute;
import dev.forum.topology.ServiceOutline;
import dev.forum.topology.Topology;
import dev.forum.topology.TopologyException;
import dev.forum.topology.TopologyCheck;
import dev.forum.topology.TopologyFile;
import dev.forum.topology.TopologySpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/**
 * Where the topology file is, and the file read and checked against the application's modules once they are known.
 * A relative setting is taken from the project's root, the directory of the top-most parent POM the build read from
 * this checkout (the forum's root for forum-app, however Maven was started). Whether a build uses the file, and its
 * own mistakes before anything compiles: {@link TopologyInUse}; which of its services cannot be built:
 * {@link BlockedServices}.
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

    /**
     * The topology's name when its file has none (it prefixes every deployed resource): the artifactId of the
     * project's root ({@link #root}), made a topology name (lower case, '-' for anything else, at most 20 characters,
     * starting with a letter: {@code Shop_App} is {@code shop-app}); {@link TopologyFile#DEFAULT_NAME} when nothing of
     * it is left.
     */
    static String defaultName(MavenProject project) {
        MavenProject top = project;
        Path root = root(project);
        for (MavenProject parent = project.getParent(); parent != null && parent.getFile() != null; parent = parent.getParent()) {
            if (root.equals(parent.getFile().toPath().toAbsolutePath().normalize().getParent())) {
                top = parent;
            }
        }
        return topologyName(top.getArtifactId());
    }

    /** {@code Shop_App} to {@code shop-app}; {@link TopologyFile#DEFAULT_NAME} for a name with no letter to start it. */
    static String topologyName(String artifactId) {
        String name = TopologyFile.nameLike(artifactId);
        return name.isEmpty() ? TopologyFile.DEFAULT_NAME : name;
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
     * The topology read and checked against the application's modules, with the route prefixes of its modules
     * ({@link ModuleRoutes}); a service the load balancer cannot route to is not refused here but by
     * {@link BlockedServices}, so that it blocks only itself.
     *
     * @throws ExtractionException the file's mistakes, one line each naming the file, the line and the fix, all of
     *                             them at once below a line counting them when there are several (its message, which
     *                             Maven prints as it is: {@link dev.forum.topology.TopologyException}); or a module that
     *                             runs in every service named in a service's modules, one line
     */
    static Topology read(Path file, ModulithModel model, MavenProject project) {
        return read(file, model, defaultName(project));
    }

    /**
     * As {@link #read(Path, ModulithModel, MavenProject)}.
     *
     * @param defaultName the topology's name when the file has no {@code name:} ({@link #defaultName})
     */
    static Topology read(Path file, ModulithModel model, String defaultName) {
        Reading reading = check(file, model, defaultName);
        if (!reading.mistakes().isEmpty()) {
            throw reading.refusal(List.of(reading.message()), null);
        }
        return reading.topology();
    }

    /**
     * A topology file read and checked against the application, every mistake kept.
     *
     * @param source   the file as its messages name it
     * @param spec     the file as written; when it has mistakes of its own (a value of the wrong kind, a key misspelt),
     *                 its services read right ({@link TopologyException#readRight}); null when it is no topology at
     *                 all (not YAML, empty): nothing of it can be checked further
     * @param topology the topology checked against the application's modules; null when there is any mistake
     * @param mistakes every mistake found, one line each naming what to fix (file:line where there is one): the file's
     *                 own, a module that runs in every service, and the checks across services, together
     * @param unknown  the modules a service of the file lists that the application does not have, each once
     */
    record Reading(String source, TopologySpec spec, Topology topology, List<String> mistakes, List<String> unknown) {

        /** The mistakes as {@link #read} refuses them: a line alone, or a line counting several and then each. */
        String message() {
            return new TopologyException(source, mistakes).getMessage();
        }

        /**
         * @param lines   the refusal's lines
         * @param summary what the build fails with when there are several lines; null: the default
         * @return the refusal, an {@link UnknownNames} carrying {@link #unknown} when the file names any
         */
        ExtractionException refusal(List<String> lines, String summary) {
            return unknown.isEmpty() ? new ExtractionException(lines, summary) : new UnknownNames(lines, summary, unknown);
        }
    }

    /**
     * As {@link #read(Path, ModulithModel, String)}, but keeping every mistake instead of throwing: the file's own,
     * a module that runs in every service and the checks across services ({@link TopologyCheck#mistakes}: an unknown module,
     * a module in two services, two monoliths) are reported together, the latter on every named service's readable
     * parts ({@link TopologyException#outlines}) when the file has mistakes of its own, so that a service's wrong
     * {@code memory} does not hide its unknown module. Only a file that is no topology at all (not YAML, empty) stops
     * the later checks.
     */
    static Reading check(Path file, ModulithModel model, String defaultName) {
        TopologyCheck check = TopologyCheck.of(file, defaultName);
        if (!check.read()) {
            return new Reading(check.source(), null, null, check.own(), List.of());
        }
        List<String> mistakes = new ArrayList<>();
        List<ModuleRoute> routes = new ArrayList<>(ModuleRoutes.of(model));
        for (ServiceOutline service : check.services()) {
            if (Boolean.TRUE.equals(service.monolith())) {
                continue; // its modules list is its own mistake
            }
            // A module that runs in every service is one of the application's, not an unknown one: say why it
            // cannot be named here, on the line where it is named, as the file's other mistakes.
            for (int i = 0; i < service.modules().size(); i++) {
                String module = service.modules().get(i);
                if (model.module(module).map(found -> ModuleChecks.whyEverywhere(model, found)).isEmpty()) {
                    continue;
                }
                mistakes.add(check.source() + ":" + service.moduleLine(i) + ": " + service.name() + ": "
                        + ModuleChecks.runsEverywhere(model, module, "", "modules"));
                // Known to the checks across services, which would call it unknown as well.
                if (routes.stream().noneMatch(route -> route.module().equals(module))) {
                    routes.add(ModuleRoute.unrouted(module));
                }
            }
        }
        List<String> all = check.mistakes(routes, mistakes);
        // The modules the file names that the application lacks, as data: a goal says where their code is (OffClassPath).
        List<String> unknown = check.services().stream().filter(service -> !Boolean.TRUE.equals(service.monolith()))
                .flatMap(service -> service.modules().stream())
                .filter(module -> routes.stream().noneMatch(route -> route.module().equals(module))).distinct().toList();
        return new Reading(check.source(), check.spec(), all.isEmpty() ? check.topology(routes) : null, all, unknown);
    }

    /**
     * The topology file of the modules, report and service goals, read and checked when it is there; else null.
     *
     * @param setting the goal's {@code extract.topology}
     * @param ecs     the ecs goal's checks of the file and of its settings when this build runs it later
     *                ({@link EcsChecksAhead#NONE} when not), asked only when the file is there: refused with the file's
     *                own mistakes, so that one run names them all
     * @throws ExtractionException when a file named in the settings (not the default {@value #DEFAULT}) is not there: a
     *                             mistyped path must not quietly mean "no services"; a mistake in the file (see
     *                             {@link #read}), with the ecs goal's as {@link EcsRefusals#of} gives them
     */
    static Topology optional(String setting, MavenProject project, MavenSession session, ModulithModel model, Log log,
            Supplier<EcsChecksAhead> ecs) {
        Path file = existing(setting, project, session, log);
        if (file == null) {
            return null;
        }
        Reading reading = check(file, model, defaultName(project));
        EcsChecksAhead ahead = ecs.get();
        List<String> deployment = ahead.mistakes(reading.spec());
        if (!reading.mistakes().isEmpty() || !deployment.isEmpty()) {
            // The ecs goal's settings too, as it would refuse them after the file's: this run names them all.
            throw EcsRefusals.of(reading, deployment, ahead.settings(reading.spec()));
        }
        return reading.topology();
    }

    /** The topology file when it is there, else null; refused when a file named in the settings is not there. */
    static Path existing(String setting, MavenProject project, MavenSession session, Log log) {
        Path file = resolve(setting, project);
        refuseDirectory(file, setting, project);
        if (!exists(file)) {
            if (!DEFAULT.equals(setting) || session.getUserProperties().containsKey("extract.topology")) {
                Path fallback = resolve(DEFAULT, project);
                throw new ExtractionException("No topology file at " + file + " (extract.topology=" + setting
                        + ", a relative path is taken from " + root(project) + "): fix the path, or leave"
                        + " extract.topology out to " + (!fallback.equals(file) && exists(fallback)
                                ? "use " + fallback : "extract modules by name"));
            }
            log.debug("[extract] no topology file at " + file + ": module names only");
            return null;
        }
        return file;
    }

    /**
     * Refuses a setting that names a directory, which is no topology file (the refusal of a missing file would
     * mislead: something is there).
     *
     * @param file    the setting resolved ({@link #resolve})
     * @param setting {@code extract.topology} as given
     * @throws ExtractionException when {@code file} is a directory: one line naming the setting and a file to name
     */
    static void refuseDirectory(Path file, String setting, MavenProject project) {
        if (Files.isDirectory(file)) {
            String example = setting.endsWith("/") ? setting + DEFAULT : setting + "/" + DEFAULT;
            throw new ExtractionException(file + " is a directory, not a topology file (extract.topology=" + setting
                    + ", a relative path is taken from " + root(project) + "): name the file in it, e.g."
                    + " -Dextract.topology=" + example);
        }
    }

    static boolean exists(Path file) {
        return Files.isRegularFile(file);
    }
}

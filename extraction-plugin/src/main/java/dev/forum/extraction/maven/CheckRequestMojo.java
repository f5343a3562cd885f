package dev.forum.extraction.maven;

import dev.forum.extraction.request.ExtractRequests;
import dev.forum.extraction.request.RequestConflicts;
import dev.forum.extraction.request.UnknownNames;
import dev.forum.extraction.model.ExtractionException;
import dev.forum.topology.ServiceOutline;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Refuses, at the start of the application's build ({@code validate}) before it compiles, a mistyped request and a
 * topology file that cannot be used. Maven alone only warns about a {@code -Pextract=<name>} profile that does not
 * exist, and the {@code modules}, {@code report}, {@code service} and {@code ecs} goals read the file and the names only
 * once the application's modules are compiled.
 *
 * <p>The topology file, when this build uses it ({@link TopologyInUse#inUse}: something is requested, or a goal that
 * reads it runs in this build, at or before the command line's last phase, and is not skipped), is refused for its own mistakes, all at once ({@link TopologyInUse#written}): what it says wrong in
 * itself, a module in two of its services or twice in one, no monolith or two, two services with one name; a file
 * named with {@code extract.topology} that is not there too. A module it names that the application lacks is known only
 * once compiled: the later goals refuse it.
 *
 * <p>Requested names: before compiling, the valid names are the build's {@code extract=<module>} profiles and the
 * topology file's services: when the build declares such profiles, a name that is none of them is refused, one line
 * each with the option as typed, the closest valid name and the valid ones
 * ({@link ExtractRequests#refuseUnknownBeforeCompile}). So are, as in every goal, a module named beside the topology
 * file's service that holds it, or two services that both hold a module, and a service named like a module it does not
 * hold alone ({@link RequestConflicts#refuseBeforeCompile}); a profile that looks like a mistyped {@code extract=}, an
 * empty entry, a name written twice, and a {@code -D} property in the plugin's name that no goal reads. With a mistake
 * of the file, these are refused in the same build, one line each. An unknown name whose package (below the package of
 * the application class, as its sources show it: {@link ApplicationSources}) a project of the build holds that the
 * application's POM does not use gets a line saying so ({@link OffClassPath}). Reads no class and runs no JVM; the later goals
 * still check everything (modules that run everywhere, blocked services) once the modules are known.
 */
@Mojo(name = "check-request", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class CheckRequestMojo extends RequestingMojo {

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        perform("check the requested services", () -> {
            List<ExtractRequests.Requested> names = requestedNames();
            if (!TopologyInUse.inUse(!names.isEmpty(), session, mojoExecution, lifecycle)) {
                return;
            }
            // Before dependencies are resolved: the ecs goal's checks that need to know whether the application reads a
            // database are left to the modules goal.
            TopologyInUse.Written file = TopologyInUse.written(topology, project, session, getLog(),
                    () -> EcsChecksAhead.of(session, mojoExecution, lifecycle, project, false));
            Set<String> profileNames = ExtractRequests.profileNames(declaredProfiles());
            refuse(names, profileNames, file);
            checkedLater(names, profileNames, file).ifPresent(getLog()::info);
            if (!names.isEmpty()) {
                getLog().debug("[extract] requested before compiling: "
                        + String.join(", ", names.stream().map(ExtractRequests.Requested::name).toList()));
            }
        });
    }

    /**
     * Refuses the file's own mistakes and the request's, all in one refusal when both have some. A file not read as a
     * topology at all ({@link TopologyInUse.Written#read}) is refused for its mistakes alone: its services are
     * unknown, so no requested name is checked against them.
     *
     * @param names        the requested services
     * @param profileNames the names of the build's {@code extract=} profiles
     * @param file         the topology file as written, or null when there is none
     * @throws ExtractionException one line per mistake
     */
    static void refuse(List<ExtractRequests.Requested> names, Set<String> profileNames, TopologyInUse.Written file) {
        if (file != null && !file.read()) {
            throw file.refusal();
        }
        List<String> mistakes = file == null ? List.of() : file.mistakes();
        List<String> refused = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        if (!names.isEmpty()) {
            List<ServiceOutline> outlines = file == null ? List.of() : file.services();
            String source = file == null ? null : file.source();
            try {
                ExtractRequests.refuseUnknownBeforeCompile(names, profileNames,
                        outlines.stream().map(ServiceOutline::name).toList(), source);
                RequestConflicts.refuseBeforeCompile(names, source, outlines);
            } catch (ExtractionException e) {
                if (mistakes.isEmpty()) {
                    throw e;
                }
                refused.addAll(e.lines());
                if (e instanceof UnknownNames named) {
                    unknown.addAll(named.names());
                }
            }
        }
        if (!mistakes.isEmpty() && refused.isEmpty()) {
            throw file.refusal();
        }
        if (!mistakes.isEmpty()) {
            List<String> lines = new ArrayList<>(mistakes);
            lines.addAll(refused);
            String summary = lines.size() + " problems in " + file.source() + " and in the request, one per [extract]"
                    + " line above: fix each before the build can extract";
            // The unknown names stay data, for where their code is (OffClassPath).
            throw unknown.isEmpty() ? new ExtractionException(lines, summary) : new UnknownNames(lines, summary, unknown);
        }
    }

    /**
     * The requested names this goal cannot check before compiling, in one line that says so, so that a build that binds
     * the goal is not left thinking a name passed: without {@code extract=<module>} profiles the build names its modules
     * nowhere before they are compiled, and a name that is no service of the topology file is checked as a module once
     * the application is compiled (by the service goal).
     *
     * @param names        the requested services and modules
     * @param profileNames the names of the build's {@code extract=} profiles
     * @param file         the topology file as written, or null when there is none
     * @return the line, {@code [extract]}-prefixed; empty when every name was checked here (or none was requested)
     */
    static Optional<String> checkedLater(List<ExtractRequests.Requested> names, Set<String> profileNames,
            TopologyInUse.Written file) {
        if (!profileNames.isEmpty()) {
            return Optional.empty();
        }
        List<String> services = file == null ? List.of() : file.services().stream().map(ServiceOutline::name).toList();
        List<String> later = names.stream().map(ExtractRequests.Requested::name).filter(n -> !services.contains(n))
                .distinct().toList();
        if (later.isEmpty()) {
            return Optional.empty();
        }
        String where = file == null ? "there is no topology file" : "no service of " + file.source() + " has "
                + (later.size() == 1 ? "this name" : "these names");
        return Optional.of("[extract] " + String.join(", ", later) + ": checked as module name" + (later.size() == 1 ? "" : "s")
                + " once the application is compiled (" + where + ", and the build declares no extract=<module> profile"
                + " to check a module name against before compiling)");
    }

    /** Reads no module: nothing is built here. */
    @Override
    protected boolean buildsFromModules() {
        return false;
    }
}

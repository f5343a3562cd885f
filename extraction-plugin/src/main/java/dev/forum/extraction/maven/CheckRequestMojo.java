package dev.forum.extraction.maven;

import dev.forum.extraction.request.ExtractRequests;
import dev.forum.extraction.request.RequestConflicts;
import dev.forum.topology.ServiceSpec;
import dev.forum.topology.TopologySpec;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Refuses a mistyped request at the start of the application's build ({@code validate}), before it compiles:
 * Maven alone only warns about a {@code -Pextract=<name>} profile that does not exist, and the {@code modules} and
 * {@code report} goals can check a name only once the application's modules are compiled and read. Before that, the
 * valid names are the build's {@code extract=<module>} profiles and the topology file's services: when the build
 * declares such profiles, a name that is none of them is refused, one line each with the option as typed, the
 * closest valid name and the valid ones ({@link ExtractRequests#refuseUnknownBeforeCompile}). So are, as in every
 * goal, a module named beside the topology file's service that holds it, or two services that both hold a module, and
 * a service named like a module it does not hold alone ({@link RequestConflicts#refuseBeforeCompile}); a profile that
 * looks like a mistyped {@code extract=}, an empty entry, a name written twice, a topology file
 * named with {@code extract.topology} that is not there, a mistake of the file itself, and a {@code -D} property in the
 * plugin's name that no goal reads. Nothing requested: nothing is checked. Reads no class and runs no JVM; the later goals
 * still check everything (modules that run everywhere, blocked services) once the modules are known.
 */
@Mojo(name = "check-request", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class CheckRequestMojo extends RequestingMojo {

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        perform("check the requested services", () -> {
            List<ExtractRequests.Requested> names = requestedNames();
            if (names.isEmpty()) {
                return;
            }
            TopologySpec file = TopologyLocation.spec(topology, project, session, getLog());
            List<String> services = file == null ? List.of() : file.services().stream().map(ServiceSpec::name).toList();
            ExtractRequests.refuseUnknownBeforeCompile(names, ExtractRequests.profileNames(declaredProfiles()), services,
                    file == null ? null : file.source());
            RequestConflicts.refuseBeforeCompile(names, file);
            getLog().debug("[extract] requested before compiling: "
                    + String.join(", ", names.stream().map(ExtractRequests.Requested::name).toList()));
        });
    }

    /** Reads no module: nothing is built here. */
    @Override
    protected boolean buildsFromModules() {
        return false;
    }
}

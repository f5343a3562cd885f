package dev.forum.extraction.maven;

import dev.forum.extraction.model.ModuleChecks;
import dev.forum.extraction.model.ModulithModel;
import dev.forum.extraction.model.Planner;
import dev.forum.extraction.model.ScannedArtifact;
import dev.forum.extraction.model.ServicePlan;
import dev.forum.extraction.model.ServiceRequest;
import dev.forum.extraction.model.TopologyServices;
import dev.forum.extraction.request.ExtractRequests;
import dev.forum.extraction.request.RequestedNames;
import dev.forum.topology.Topology;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.lifecycle.LifecycleExecutor;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * A goal that reads the services requested ({@code -Dextract}, {@code -Pextract=<name>}) and the topology file: the
 * service goal builds them, and the goals bound to {@code process-classes} (modules, report) refuse an unknown or
 * blocked name there already ({@link #refuseEarly}), before the tests and the package phase run.
 */
abstract class RequestingMojo extends AnalysingMojo {

    /**
     * The services to build, comma-separated: a service of the topology file builds one service holding
     * that service's modules (the monolith: every module), a module name builds that module alone.
     * Profiles named {@code extract=<name>} request their name too, and so does the rest of such a list
     * ({@code -Pextract=posts,threads}, which Maven splits into profiles {@code extract=posts} and {@code threads}).
     * Empty: the service goal builds nothing (one INFO line; run from the command line it refuses); the modules and
     * report goals check the names only.
     */
    @Parameter(property = "extract")
    protected String extract;

    /**
     * The topology file, whose services are the names {@code extract} accepts besides the modules (see
     * the README, "Topology file"). A relative path is taken from the project's root directory (that of
     * its top-most parent POM). Without the file only module names are accepted.
     */
    @Parameter(property = "extract.topology", defaultValue = TopologyLocation.DEFAULT)
    protected String topology;

    /** Maven's execution plan of this build: which goals that read the topology file run ({@link TopologyInUse#inUse}). */
    @Component
    protected LifecycleExecutor lifecycle;

    /**
     * The ecs goal's checks of the topology file when this build runs that goal after this one, to refuse with the
     * file's own mistakes ({@link EcsChecksAhead}); this goal has the project's dependencies resolved.
     */
    protected EcsChecksAhead ecsChecksAhead() {
        return EcsChecksAhead.of(session, mojoExecution, lifecycle, project, true);
    }

    /**
     * The names requested, from {@code extract} and the active {@code extract=} profiles; empty when none.
     *
     * @throws dev.forum.extraction.model.ExtractionException for an empty entry, a mistyped {@code extract=} profile or
     *                                                        a name written twice
     */
    protected List<ExtractRequests.Requested> requestedNames() {
        // Typed with -D (which wins over what an extract= profile sets): a -P list naming it too names it twice.
        boolean typed = extract != null && extract.equals(session.getUserProperties().getProperty("extract"));
        return RequestedNames.of(extract, typed, session.getRequest().getActiveProfiles(),
                declaredProfiles());
    }

    /** The topology file's services for planning's messages, the file named by its path (or where it is looked for). */
    protected TopologyServices topologyServices(Topology file) {
        return ExtractRequests.topologyServices(file, TopologyLocation.resolve(topology, project).toString());
    }

    /**
     * Refuses, at the phase the goal runs in, what the service goal would refuse later for the names requested: a name
     * that is neither a module nor a service of the topology file (one line with the closest and the valid names), a
     * module in two services (named beside the service holding it, say: {@link ExtractRequests#resolve}), a service the
     * load balancer cannot route to, and a service or module whose plan is blocked. Nothing is requested: nothing is
     * checked.
     *
     * @param file     the topology file read, or null for none
     * @param scanned  the application's classes and libraries, read
     * @throws dev.forum.extraction.model.ExtractionException the refusals, one line each
     */
    protected void refuseEarly(ModulithModel model, Topology file, List<ScannedArtifact> scanned) {
        List<ExtractRequests.Requested> names = requestedNames();
        if (names.isEmpty()) {
            return;
        }
        ModuleChecks.requireModules(model);
        plans(names, model, file, scanned);
    }

    /**
     * The plan of each service requested, once nothing refuses them: each name resolved ({@link ExtractRequests#resolve}),
     * then a service of the topology file the load balancer cannot route to refused
     * ({@link BlockedServices#refuseUnrouted}), then any blocker of a plan ({@link Planner#refuseBlocked}). The one
     * way both the service goal and the checks ahead of it ({@link #refuseEarly}) refuse a request.
     *
     * @param names    the names requested ({@link #requestedNames}), not empty
     * @param file     the topology file read, or null for none
     * @param scanned  the application's classes and libraries, read
     * @throws dev.forum.extraction.model.ExtractionException the refusals, one line each
     */
    protected List<ServicePlan> plans(List<ExtractRequests.Requested> names, ModulithModel model, Topology file,
            List<ScannedArtifact> scanned) {
        List<ServiceRequest> requests = ExtractRequests.resolve(names, file, model);
        if (file != null) {
            BlockedServices.refuseUnrouted(names.stream().map(ExtractRequests.Requested::name).toList(), file, model);
        }
        List<ServicePlan> plans = Planner.plan(model, scanned, requests, topologyServices(file));
        Planner.refuseBlocked(plans);
        return plans;
    }

    /** Every profile id a POM of this build (or a parent of one) or the settings declare. */
    protected Set<String> declaredProfiles() {
        Set<String> ids = new HashSet<>();
        List<MavenProject> projects = new ArrayList<>(session.getProjects());
        projects.add(project);
        for (MavenProject each : projects) {
            for (MavenProject p = each; p != null; p = p.getParent()) {
                p.getModel().getProfiles().forEach(profile -> ids.add(profile.getId()));
            }
        }
        if (session.getSettings() != null) {
            session.getSettings().getProfiles().forEach(profile -> ids.add(profile.getId()));
        }
        return ids;
    }
}

package dev.forum.extraction.model;

import dev.forum.extraction.model.ModulithModel.Module;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Cuts each requested service by package, from Spring Modulith's model and the class path's bytecode: the
 * service holds its own modules, the open and shared modules, the main class's module, the application classes
 * outside every module, every library, and of the other modules only the published types it references (an
 * artifact that holds nothing but one module's published types comes whole: it is that module's API). Then it
 * decides every dependency that crosses the service's boundary ({@link Boundary}) and lists what blocks it, a
 * module that configures the whole application left out of a service or taken into one, out of the monolith
 * ({@link ApplicationWideModules}: a module the service's modules depend on is left out too, its beans run elsewhere).
 *
 * <p>A published type it holds never brings its module's internals along (they would run that module's code, its
 * beans and tables, in the wrong service): one whose own code needs them blocks the service, as that type's problem,
 * not as the service's own use of internals. So a service that can be built holds every application class its
 * classes reference.
 */
public final class Planner {

    /** Service names become folder and file names. */
    private static final Pattern SERVICE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private Planner() {
    }

    /**
     * Checks the requests against the model (each name once, each module extractable and in one service) and plans
     * each service. A plan may carry blockers: see {@link #refuseBlocked(List)}.
     *
     * @throws ExtractionException (one line) for a request that names no service, an unknown or unextractable
     *                             module, or an application with no module at all; for a module in two services, one
     *                             line each ({@link ModuleChecks#requireOneService}, the request taken as typed with
     *                             {@code -Dextract})
     */
    public static List<ServicePlan> plan(ModulithModel model, List<ScannedArtifact> artifacts, List<ServiceRequest> requests) {
        return plan(model, artifacts, requests, TopologyServices.NONE);
    }

    /**
     * As {@link #plan(ModulithModel, List, List)}, with the topology file's services named in the blockers.
     *
     * @param services the topology file's services ({@link TopologyServices#NONE} without one)
     * @throws ExtractionException (one line) as {@link #plan(ModulithModel, List, List)}
     */
    public static List<ServicePlan> plan(ModulithModel model, List<ScannedArtifact> artifacts, List<ServiceRequest> requests,
            TopologyServices services) {
        if (requests.isEmpty()) {
            throw new ExtractionException("No service requested: name one with -Dextract=<module or service>");
        }
        ModuleChecks.requireModules(model);
        Set<String> names = new LinkedHashSet<>();
        for (ServiceRequest request : requests) {
            if (!SERVICE_NAME.matcher(request.name()).matches()) {
                throw new ExtractionException("Service name '" + request.name()
                        + "' is not a file name: use letters, digits, '.', '_' or '-'");
            }
            if (!names.add(request.name())) {
                throw new ExtractionException("Service '" + request.name() + "' is requested twice: request it once");
            }
            if (request.modules().isEmpty()) {
                throw new ExtractionException("Service '" + request.name() + "' has no module: give it at least one");
            }
            if (!request.monolith()) {
                request.modules().forEach(module ->
                        ModuleChecks.requireExtractable(model, module, "in service '" + request.name() + "'"));
            }
        }
        // The goals refuse this on the request as typed (ExtractRequests); here for requests made otherwise.
        String typed = "-Dextract=" + String.join(",", names);
        ModuleChecks.requireOneService(requests, name -> typed);
        return requests.stream().map(request -> plan(model, artifacts, request, services)).toList();
    }

    /** Fails with every blocker of every plan, one line each; returns when none is blocked. */
    public static void refuseBlocked(List<ServicePlan> plans) {
        List<String> lines = new ArrayList<>();
        plans.forEach(plan -> plan.blockers().forEach(blocker -> lines.add(blocker.message())));
        if (!lines.isEmpty()) {
            throw new ExtractionException(lines);
        }
    }

    /** One service's plan; its blockers are listed, not thrown. */
    public static ServicePlan plan(ModulithModel model, List<ScannedArtifact> artifacts, ServiceRequest request) {
        return plan(model, artifacts, request, TopologyServices.NONE);
    }

    /**
     * One service's plan, its blockers listed (not thrown) and naming the topology file's services.
     *
     * @param services the topology file's services ({@link TopologyServices#NONE} without one)
     */
    public static ServicePlan plan(ModulithModel model, List<ScannedArtifact> artifacts, ServiceRequest request,
            TopologyServices services) {
        Set<String> modules = new TreeSet<>(request.modules());
        modules.addAll(model.everywhereModules());
        ClassIndex index = new ClassIndex(model, artifacts);

        Set<String> own = new HashSet<>();
        for (ScannedArtifact artifact : artifacts) {
            for (String type : artifact.classes()) {
                if (model.isApplicationClass(type) && model.moduleOf(type).map(m -> modules.contains(m.name())).orElse(true)) {
                    own.add(type);
                }
            }
        }
        ServiceClosure closure = ServiceClosure.of(model, index, own, Set.of());
        Set<String> classes = closure.classes();
        Set<String> publishedTypesOf = new TreeSet<>(closure.publishedTypesOf());
        // A service of its own is named after its modules; the monolith holds every module under its own name.
        List<Blocker> blockers = new ArrayList<>(request.monolith() ? List.of() : ModuleNames.blockers(request.modules(),
                model.modules().stream().map(ModulithModel.Module::name).toList()));
        blockers.addAll(ApplicationWideModules.blockers(model, request));
        List<Blocker> first = new Boundary(model, request, services, List.of()).blockers();
        // A bean the service uses is reported as its bean-call only (the main class's getBean(X.class) of an
        // internal X, say), never as an internal reference too.
        Set<String> calledBeans = new HashSet<>();
        first.stream().filter(b -> b.kind() == Blocker.Kind.BEAN_CALL).forEach(b -> calledBeans.add(b.source() + " " + b.target()));
        closure.ownInternals().forEach((from, targets) -> targets.stream().filter(to -> !classes.contains(to))
                .filter(to -> !calledBeans.contains(from + " " + to))
                .forEach(to -> blockers.add(Boundary.internalReference(model, request, from, to))));
        // A copied published type that needs its module's internals cannot work in the service. Unless a bean-call
        // blocker already names it (the service calls it as a bean, which cannot cross anyway, and either fix of that
        // blocker takes it out of the service), that is what the service is blocked by: the type, why it is there,
        // and what it needs, never as though the service's own classes used those internals.
        Set<String> beanCalls = new TreeSet<>();
        first.stream().filter(b -> b.kind() == Blocker.Kind.BEAN_CALL && !request.modules().contains(b.targetModule()))
                .forEach(b -> beanCalls.add(b.target()));
        ServiceClosure reported = beanCalls.isEmpty() ? closure : ServiceClosure.of(model, index, own, beanCalls);
        Map<String, Set<String>> needingInternals = new LinkedHashMap<>();
        Set<String> tied = new LinkedHashSet<>();
        reported.copiedInternals().forEach((published, targets) -> {
            Set<String> missing = new TreeSet<>(targets);
            missing.removeAll(classes);
            if (!missing.isEmpty()) {
                needingInternals.put(published, missing);
                String user = model.moduleOf(reported.usedBy().get(published)).map(Module::name).orElse(null);
                String owner = model.moduleOf(published).map(Module::name).orElse(null);
                if (user != null && owner != null && request.modules().contains(user) && !user.equals(owner)) {
                    tied.add(owner);
                }
            }
        });
        // Every blocker of the service advises the same one service: its modules and every module they must stay with.
        List<String> group = group(model, request, services, tied);
        Boundary boundary = new Boundary(model, request, services, group);
        List<Blocker> crossing = boundary.blockers();
        needingInternals.forEach((published, missing) -> blockers.add(boundary.publishedTypeNeedsInternals(
                reported.usedBy().get(published), reported.through().get(published), published, missing)));
        blockers.addAll(crossing);

        Map<ScannedArtifact, String> included = new LinkedHashMap<>();
        Set<ScannedArtifact> filtered = new LinkedHashSet<>();
        Map<ScannedArtifact, String> excluded = new LinkedHashMap<>();
        Map<String, String> leftOut = new TreeMap<>();
        for (ScannedArtifact artifact : artifacts) {
            Set<String> application = index.applicationClasses(artifact);
            application.stream().filter(type -> !classes.contains(type))
                    .forEach(type -> leftOut.put(type, model.moduleOf(type).map(Module::name).orElse("no module")));
            Set<String> kept = new TreeSet<>(application);
            kept.retainAll(classes);
            String why = ArtifactReasons.describe(model, application, kept, modules);
            if (application.isEmpty() || kept.size() == application.size()) {
                included.put(artifact, why);
            } else if (kept.isEmpty() && !artifact.location().equals(artifacts.get(0).location())) {
                excluded.put(artifact, why);
            } else {
                included.put(artifact, why);
                filtered.add(artifact);
            }
        }
        publishedTypesOf.removeAll(modules);
        return new ServicePlan(request, modules, new ArrayList<>(publishedTypesOf), boundary.remoteContracts(), classes, included,
                filtered, excluded, leftOut, blockers);
    }

    /**
     * The service's modules, then every module a blocker advises keeping with them ({@code tied} and the modules its
     * bean calls, events, entities and tables cross to), followed from module to module until a service of them all
     * would have no such blocker left: what one service must hold for the advice to be followed in one step.
     */
    static List<String> group(ModulithModel model, ServiceRequest request, TopologyServices services, Set<String> tied) {
        Set<String> group = new LinkedHashSet<>(request.modules());
        group.addAll(tied);
        while (true) {
            Boundary boundary = new Boundary(model, new ServiceRequest(request.name(), List.copyOf(group)), services, List.of());
            boundary.blockers();
            if (!group.addAll(boundary.partners())) {
                return List.copyOf(group);
            }
        }
    }
}

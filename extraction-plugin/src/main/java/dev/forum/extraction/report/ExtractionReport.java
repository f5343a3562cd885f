package dev.forum.extraction.report;

import dev.forum.extraction.model.ApplicationWideModules;
import dev.forum.extraction.model.Blocker;
import dev.forum.extraction.model.FunctionalRoutes;
import dev.forum.extraction.model.MigrationFolders;
import dev.forum.extraction.model.ModuleCycles;
import dev.forum.extraction.model.ModulithModel;
import dev.forum.extraction.model.Planner;
import dev.forum.extraction.model.PublicationRegistry;
import dev.forum.extraction.model.ScannedArtifact;
import dev.forum.extraction.model.ServicePlan;
import dev.forum.extraction.model.ServiceRequest;
import dev.forum.extraction.model.SharedPublications;
import dev.forum.extraction.model.TopologyServices;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * For every module of the application: whether it can be extracted alone now (as a service of its own, every other
 * module staying in the monolith) and, if not, every blocker; what it calls over HTTP and who calls it. With a topology
 * file, the same for each of its services: whether {@code -Dextract=<service>} builds now. And the cycles among the
 * modules and every other violation of Spring Modulith's rules, which extraction allows but its {@code verify()} does
 * not.
 *
 * @param application what was analysed: {@code mainClass}, {@code rootPackages}, {@code springModulith},
 *                    {@code springBoot} ("" without), {@code java} (the JVM that read the model)
 * @param modules     one entry per module, in name order
 * @param topology    the topology file's name; "" without one
 * @param services    one entry per service of the topology file, the monolith first, then in the file's order
 * @param cycles      the cycles among the modules, which Spring Modulith's {@code verify()} rejects; empty for none
 * @param warnings    what builds but may fail at run time, one per situation naming every plan it applies to; empty
 *                    for none
 */
public record ExtractionReport(Map<String, Object> application, List<ModuleEntry> modules, String topology,
        List<ServiceEntry> services, List<ModuleCycles.Cycle> cycles, List<Warning> warnings) {

    /**
     * One situation that builds but may fail at run time, with every plan it applies to.
     *
     * @param kind     {@code shared-event-publications} ({@link SharedPublications}): the plans' processes may share
     *                 Spring Modulith's event publication table; {@code modulith-verification}: Spring Modulith's own
     *                 {@code ApplicationModules.verify()} rejects the application ({@link ModulithModel#violations});
     *                 {@code misnamed-migration-folder}: a folder of {@code db/migration/} is named so that its
     *                 migrations do not run as their module's: after no module, so they never run, or a nested
     *                 module's inside its parent module's, so they run twice ({@link MigrationFolders#misnamed});
     *                 {@code functional-routes}: a module serves functional endpoints ({@code RouterFunction}) whose
     *                 paths the plugin cannot read, in the file's service that holds it, else as a service of its own
     *                 ({@link FunctionalRoutes}); {@code in-process-difference}: a call of an HTTP contract that some
     *                 plan calls over HTTP behaves differently in process and over HTTP (a handler of the module's own,
     *                 an exception's type, a default or regex Spring MVC applies only over HTTP, ...), one line per
     *                 cause, once even where several called contracts share it
     *                 ({@link dev.forum.extraction.model.HttpContract#differences}); {@code application-wide-left-out}:
     *                 a plan runs without, or holds, a module whose filters, customizers or other beans Spring applies
     *                 to every module, one line per plan and module ({@link ApplicationWideModules#warnings})
     * @param registry the registry's kind ({@code jpa}, {@code jdbc}); "" for a warning of another kind
     * @param plans    the buildable plans it applies to, each extractable module's plan alone
     *                 ({@code Module 'loans' alone}, in name order), then the topology file's buildable services
     *                 ({@link SharedPublications.Plan#services}), each with its processes and the processes that store
     *                 publications; empty for a warning of the application, not of a plan
     * @param lines    the warning, several short lines: one per plan, then the explanation and advice once
     */
    public record Warning(String kind, String registry, List<SharedPublications.Sharing> plans, List<String> lines) {

        /** The kind of {@link SharedPublications}' warning. */
        public static final String SHARED_EVENT_PUBLICATIONS = "shared-event-publications";

        /** The kind of a violation Spring Modulith's {@code ApplicationModules.verify()} rejects. */
        public static final String MODULITH_VERIFICATION = "modulith-verification";

        /** The kind of a folder of {@code db/migration/} whose migrations do not run as their module's ({@link MigrationFolders}). */
        public static final String MISNAMED_MIGRATION_FOLDER = "misnamed-migration-folder";

        /** The kind of a module serving functional endpoints the load balancer may not route ({@link FunctionalRoutes}). */
        public static final String FUNCTIONAL_ROUTES = "functional-routes";

        /** The kind of a contract's call that differs in process and over HTTP ({@link dev.forum.extraction.model.HttpContract#differences}). */
        public static final String IN_PROCESS_DIFFERENCE = "in-process-difference";

        /** The kind of a plan that runs without, or holds, a module's application-wide beans that may be its own ({@link ApplicationWideModules#warnings}). */
        public static final String APPLICATION_WIDE_LEFT_OUT = "application-wide-left-out";

        public Warning {
            plans = List.copyOf(plans);
            lines = List.copyOf(lines);
        }
    }

    /** How a module takes part in services. */
    public enum Kind {
        /** A module that can be a service of its own. */
        MODULE,
        /** An open module: part of every service. */
        OPEN,
        /** A shared module ({@code @Modulithic(sharedModules)}): part of every service. */
        SHARED,
        /** The module of the main class: part of every service. */
        MAIN;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * @param name        the module
     * @param kind        how it takes part in services
     * @param extractable whether {@code -Dextract=<name>} builds now (false for every kind but {@link Kind#MODULE})
     * @param callsOverHttp the HTTP contracts it calls in other modules, each to its module
     * @param calledOverHttpBy the modules that call its HTTP contracts
     * @param blockers    what keeps it from being extracted alone, empty when it can be
     * @param service     the topology file's service that runs it (its extracted service, else the monolith); "" without
     *                    a file or for a module that runs in every service
     */
    public record ModuleEntry(String name, Kind kind, boolean extractable, Map<String, String> callsOverHttp,
            List<String> calledOverHttpBy, List<Blocker> blockers, String service) {
    }

    /**
     * @param name          the service
     * @param monolith      whether it is the file's monolith (which holds every module)
     * @param modules       the modules it holds
     * @param buildable     whether {@code -Dextract=<name>} builds now
     * @param callsOverHttp the HTTP contracts of modules outside it that it calls, each to its module
     * @param blockers      what keeps it from being built, empty when it can be
     */
    public record ServiceEntry(String name, boolean monolith, List<String> modules, boolean buildable,
            Map<String, String> callsOverHttp, List<Blocker> blockers) {
    }

    /**
     * Plans each module that can be a service as a service of its own and each service of the topology file, gathers
     * their blockers (which name the file's services), and warns of what Spring Modulith's {@code verify()} rejects, of
     * the buildable plans whose processes may share the registry's publication table ({@link SharedPublications}), of
     * each folder of {@code db/migration/} whose migrations do not run as their module's ({@link MigrationFolders#misnamed}),
     * of the modules' functional routes, of each plan left without, or holding, a module's filters, customizers and the like
     * ({@link ApplicationWideModules#warnings}) and of each call of a contract called over HTTP that differs in process
     * and over HTTP, in that order ({@link ReportWarnings}).
     *
     * @param model      the application's modules
     * @param artifacts  the scanned artifacts of its run-time class path
     * @param springBoot its Spring Boot version, empty without Spring Boot
     * @param services   the topology file's services ({@link TopologyServices#NONE} without one)
     * @param unrouted   service name to the one line that refuses it for its routes (the route check of the goals): each
     *                   such service of the file is blocked by that line too ({@link Blocker.Kind#NO_ROUTE}, first), as
     *                   {@code -Dextract=<service>} refuses it; empty for none
     * @param registry   the application's event publication registry ({@link PublicationRegistry#NONE} without one)
     * @param misnamedMigrationFolders the warnings for the folders of {@code db/migration/} in the application's
     *                   artifacts whose migrations do not run as their module's ({@link MigrationFolders#misnamed}), one
     *                   line each; empty when there is none or the application does not run its migrations per module
     * @return the report: every module, the file's services, the cycles and the warnings
     */
    public static ExtractionReport of(ModulithModel model, List<ScannedArtifact> artifacts, Optional<String> springBoot,
            TopologyServices services, Map<String, String> unrouted, PublicationRegistry registry,
            List<String> misnamedMigrationFolders) {
        Map<String, Object> application = new TreeMap<>();
        application.put("mainClass", model.mainClass());
        application.put("rootPackages", model.rootPackages());
        application.put("springModulith", model.springModulith());
        application.put("springBoot", springBoot.orElse(""));
        application.put("java", model.java());
        Map<String, ServicePlan> plans = new TreeMap<>();
        for (String module : model.extractableModules()) {
            plans.put(module, Planner.plan(model, artifacts, new ServiceRequest(module, List.of(module)), services));
        }
        Optional<ModulithModel.Module> main = model.mainModule();
        List<ModuleEntry> entries = new ArrayList<>();
        for (ModulithModel.Module module : model.modules()) {
            Kind kind = module.open() ? Kind.OPEN : module.shared() ? Kind.SHARED
                    : main.map(module::equals).orElse(false) ? Kind.MAIN : Kind.MODULE;
            ServicePlan plan = plans.get(module.name());
            if (plan == null) {
                entries.add(new ModuleEntry(module.name(), kind, false, Map.of(), List.of(), List.of(), ""));
                continue;
            }
            List<String> callers = plans.entrySet().stream()
                    .filter(e -> e.getValue().remoteContracts().containsValue(module.name()))
                    .map(Map.Entry::getKey).sorted().toList();
            String service = !services.present() ? "" : services.holder(module.name()).orElse(services.monolith());
            entries.add(new ModuleEntry(module.name(), kind, plan.blockers().isEmpty(), new TreeMap<>(plan.remoteContracts()),
                    callers, plan.blockers(), service));
        }
        List<ServiceEntry> serviceEntries = services(model, artifacts, services, unrouted);
        List<ModuleCycles.Cycle> cycles = ModuleCycles.of(model, services);
        List<Warning> warnings = ReportWarnings.of(model, registry, entries, services, serviceEntries, plans.values(),
                misnamedMigrationFolders, !cycles.isEmpty());
        return new ExtractionReport(application, entries, services.file(), serviceEntries, cycles, warnings);
    }

    /** Each service of the file planned as {@code -Dextract=<service>} plans it. */
    private static List<ServiceEntry> services(ModulithModel model, List<ScannedArtifact> artifacts, TopologyServices services,
            Map<String, String> unrouted) {
        List<ServiceEntry> entries = new ArrayList<>();
        if (!services.present()) {
            return entries;
        }
        List<ServiceRequest> requests = new ArrayList<>();
        requests.add(new ServiceRequest(services.monolith(), model.extractableModules(), true, true));
        services.extracted().forEach((name, modules) -> requests.add(new ServiceRequest(name, modules, false, true)));
        for (ServiceRequest request : requests) {
            ServicePlan plan = Planner.plan(model, artifacts, request, services);
            List<Blocker> blockers = new ArrayList<>();
            if (!request.monolith() && unrouted.containsKey(request.name())) {
                blockers.add(new Blocker(Blocker.Kind.NO_ROUTE, request.name(), "", services.path(), "", "",
                        unrouted.get(request.name())));
            }
            blockers.addAll(plan.blockers());
            entries.add(new ServiceEntry(request.name(), request.monolith(), request.modules(), blockers.isEmpty(),
                    new TreeMap<>(plan.remoteContracts()), List.copyOf(blockers)));
        }
        return entries;
    }

    /** The modules {@code -Dextract=<module>} builds now, in name order. */
    public List<String> extractable() {
        return modules.stream().filter(ModuleEntry::extractable).map(ModuleEntry::name).toList();
    }

    /** The topology file's services {@code -Dextract=<service>} builds now, in the report's order. */
    public List<String> buildableServices() {
        return services.stream().filter(ServiceEntry::buildable).map(ServiceEntry::name).toList();
    }

    /** The service of the topology file named {@code name}, if there is one. */
    public Optional<ServiceEntry> service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}

package dev.forum.extraction.report;

import dev.forum.extraction.model.Blocker;
import dev.forum.extraction.model.ModulithModel;
import dev.forum.extraction.model.Planner;
import dev.forum.extraction.model.ScannedArtifact;
import dev.forum.extraction.model.ServicePlan;
import dev.forum.extraction.model.ServiceRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * For every module of the application: whether it can be extracted now (as a service of its own, every other
 * module staying in the monolith) and, if not, every blocker; what it calls over HTTP and who calls it.
 *
 * @param application what was analysed: {@code mainClass}, {@code rootPackages}, {@code springModulith},
 *                    {@code springBoot} ("" without), {@code java} (the JVM that read the model)
 * @param modules     one entry per module, in name order
 */
public record ExtractionReport(Map<String, Object> application, List<ModuleEntry> modules) {

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
     * @param blockers    what keeps it from being extracted, empty when it can be
     */
    public record ModuleEntry(String name, Kind kind, boolean extractable, Map<String, String> callsOverHttp,
            List<String> calledOverHttpBy, List<Blocker> blockers) {
    }

    /** Plans each module that can be a service as a service of its own and gathers its blockers. */
    public static ExtractionReport of(ModulithModel model, List<ScannedArtifact> artifacts, Optional<String> springBoot) {
        Map<String, Object> application = new TreeMap<>();
        application.put("mainClass", model.mainClass());
        application.put("rootPackages", model.rootPackages());
        application.put("springModulith", model.springModulith());
        application.put("springBoot", springBoot.orElse(""));
        application.put("java", model.java());
        Map<String, ServicePlan> plans = new TreeMap<>();
        for (String module : model.extractableModules()) {
            plans.put(module, Planner.plan(model, artifacts, new ServiceRequest(module, List.of(module))));
        }
        Optional<ModulithModel.Module> main = model.mainModule();
        List<ModuleEntry> entries = new ArrayList<>();
        for (ModulithModel.Module module : model.modules()) {
            Kind kind = module.open() ? Kind.OPEN : module.shared() ? Kind.SHARED
                    : main.map(module::equals).orElse(false) ? Kind.MAIN : Kind.MODULE;
            ServicePlan plan = plans.get(module.name());
            if (plan == null) {
                entries.add(new ModuleEntry(module.name(), kind, false, Map.of(), List.of(), List.of()));
                continue;
            }
            List<String> callers = plans.entrySet().stream()
                    .filter(e -> e.getValue().remoteContracts().containsValue(module.name()))
                    .map(Map.Entry::getKey).sorted().toList();
            entries.add(new ModuleEntry(module.name(), kind, plan.blockers().isEmpty(), new TreeMap<>(plan.remoteContracts()),
                    callers, plan.blockers()));
        }
        return new ExtractionReport(application, entries);
    }

    public List<String> extractable() {
        return modules.stream().filter(ModuleEntry::extractable).map(ModuleEntry::name).toList();
    }
}

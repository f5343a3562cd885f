package dev.forum.extraction.report;

import dev.forum.extraction.model.ApplicationWideModules;
import dev.forum.extraction.model.FunctionalRoutes;
import dev.forum.extraction.model.MigrationFolders;
import dev.forum.extraction.model.ModulithModel;
import dev.forum.extraction.model.PublicationRegistry;
import dev.forum.extraction.model.ServicePlan;
import dev.forum.extraction.model.ServiceRequest;
import dev.forum.extraction.model.SharedPublications;
import dev.forum.extraction.model.TopologyServices;
import dev.forum.extraction.report.ExtractionReport.ModuleEntry;
import dev.forum.extraction.report.ExtractionReport.ServiceEntry;
import dev.forum.extraction.report.ExtractionReport.Warning;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report's warnings ({@link ExtractionReport#warnings}), gathered from its plans in the order it lists them: what
 * Spring Modulith's {@code verify()} rejects, the buildable plans whose processes may share the registry's publication
 * table ({@link SharedPublications}), each folder of {@code db/migration/} whose migrations do not run as their
 * module's ({@link MigrationFolders#misnamed}), the modules' functional routes ({@link FunctionalRoutes}), each plan
 * left without, or holding, a module's filters, customizers and the like ({@link ApplicationWideModules#warnings}),
 * and each call of a contract called over HTTP that differs in process and over HTTP. Nothing is refused here.
 */
final class ReportWarnings {

    private ReportWarnings() {
    }

    /**
     * @param model          the application's modules
     * @param registry       the application's event publication registry ({@link PublicationRegistry#NONE} without one)
     * @param moduleEntries  the report's module entries
     * @param services       the topology file's services ({@link TopologyServices#NONE} without one)
     * @param serviceEntries the report's entries of the file's services
     * @param plans          each extractable module's plan alone, in module name order
     * @param misnamedMigrationFolders one line per misnamed folder of {@code db/migration/}; empty for none
     * @param cyclesReported whether the report lists cycles of its own (Spring Modulith's cycle violations are then left
     *                       out)
     * @return the warnings, in the report's order; empty for none
     */
    static List<Warning> of(ModulithModel model, PublicationRegistry registry, List<ModuleEntry> moduleEntries,
            TopologyServices services, List<ServiceEntry> serviceEntries, Collection<ServicePlan> plans,
            List<String> misnamedMigrationFolders, boolean cyclesReported) {
        List<Warning> warnings = new ArrayList<>(verification(model, cyclesReported));
        warnings.addAll(sharedPublications(model, registry, moduleEntries, services, serviceEntries));
        misnamedMigrationFolders.forEach(line -> warnings.add(new Warning(Warning.MISNAMED_MIGRATION_FOLDER, "", List.of(), List.of(line))));
        for (String module : model.extractableModules()) {
            String service = services.holder(module).orElse("Module '" + module + "' alone");
            FunctionalRoutes.warnings(model, service, List.of(module))
                    .forEach(line -> warnings.add(new Warning(Warning.FUNCTIONAL_ROUTES, "", List.of(), List.of(line))));
        }
        plans.forEach(plan -> ApplicationWideModules.warnings(model, plan.request())
                .forEach(line -> warnings.add(new Warning(Warning.APPLICATION_WIDE_LEFT_OUT, "", List.of(), List.of(line)))));
        services.extracted().forEach((name, modules) -> ApplicationWideModules.warnings(model, new ServiceRequest(name,
                modules, false, true)).forEach(line -> warnings.add(new Warning(Warning.APPLICATION_WIDE_LEFT_OUT, "",
                List.of(), List.of(line)))));
        // Only a contract some plan calls over HTTP is called both ways; in contract name order. A contract and one it
        // extends, served by one controller, share their lines for the same cause: each is one warning.
        java.util.TreeSet<String> called = new java.util.TreeSet<>();
        plans.forEach(plan -> called.addAll(plan.remoteContracts().keySet()));
        serviceEntries.forEach(service -> called.addAll(service.callsOverHttp().keySet()));
        called.stream().map(model.httpContracts()::get).filter(java.util.Objects::nonNull)
                .flatMap(contract -> contract.differences().stream()).distinct()
                .forEach(line -> warnings.add(new Warning(Warning.IN_PROCESS_DIFFERENCE, "", List.of(), List.of(line))));
        return warnings;
    }

    /**
     * One warning per violation Spring Modulith's own {@code ApplicationModules.verify()} rejects, in its words: a
     * dependency its {@code allowedDependencies} does not allow, one on another module's internal type, ...; extraction
     * builds either way, but the application's verify() test fails. Spring Modulith words a dependency once per place
     * in the code (its first line the same, then the place): those are one warning, each place a line of it. Its
     * cycles are left out when the report has cycles of its own, which name the same with a dependency per step and
     * advice.
     *
     * @param cyclesReported whether the report lists cycles of its own
     */
    private static List<Warning> verification(ModulithModel model, boolean cyclesReported) {
        Map<String, List<String>> places = new LinkedHashMap<>();
        for (String violation : model.violations()) {
            if (cyclesReported && violation.strip().startsWith("Cycle detected")) {
                continue;
            }
            List<String> message = violation.strip().lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
            if (message.isEmpty()) {
                continue;
            }
            List<String> more = places.computeIfAbsent(message.get(0), first -> new ArrayList<>());
            message.subList(1, message.size()).stream().filter(line -> !more.contains(line)).forEach(more::add);
        }
        List<Warning> warnings = new ArrayList<>();
        places.forEach((first, more) -> {
            List<String> lines = new ArrayList<>();
            lines.add("Spring Modulith's ApplicationModules.verify() rejects: " + first);
            lines.addAll(more);
            lines.add("the application's own verify() test fails until it is fixed;"
                    + " the blockers above say whether extraction needs it too");
            warnings.add(new Warning(Warning.MODULITH_VERIFICATION, "", List.of(), lines));
        });
        return warnings;
    }

    /**
     * The one warning of the buildable plans that share the table: each module that {@code -Dextract=<module>} builds,
     * alone (it and the monolith with the rest), then the file's services that build, the modules of a blocked one
     * staying in the monolith (as the ecs goal renders them). A blocked plan is reported by its blockers instead.
     */
    private static List<Warning> sharedPublications(ModulithModel model, PublicationRegistry registry, List<ModuleEntry> modules,
            TopologyServices services, List<ServiceEntry> serviceEntries) {
        List<SharedPublications.Plan> plans = new ArrayList<>();
        for (ModuleEntry entry : modules) {
            if (!entry.extractable()) {
                continue;
            }
            Map<String, List<String>> processes = new LinkedHashMap<>();
            processes.put(entry.name(), List.of(entry.name()));
            processes.put("monolith", model.extractableModules().stream().filter(m -> !m.equals(entry.name())).toList());
            plans.add(new SharedPublications.Plan("Module '" + entry.name() + "' alone", processes));
        }
        if (services.present()) {
            Map<String, List<String>> extracted = new LinkedHashMap<>();
            serviceEntries.stream().filter(service -> !service.monolith() && service.buildable())
                    .forEach(service -> extracted.put(service.name(), service.modules()));
            Map<String, List<String>> processes = new LinkedHashMap<>();
            processes.put(services.monolith(), model.extractableModules().stream()
                    .filter(m -> extracted.values().stream().noneMatch(held -> held.contains(m))).toList());
            processes.putAll(extracted);
            plans.add(SharedPublications.Plan.services(services.file(), processes));
        }
        return SharedPublications.of(model, registry, plans, SharedPublications.Target.REPORT)
                .map(found -> new Warning(Warning.SHARED_EVENT_PUBLICATIONS, registry.kind().id(), found.plans(),
                        found.lines()))
                .stream().toList();
    }
}

package dev.forum.extraction.model;

import dev.forum.extraction.model.ModulithModel.Module;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The modules that configure the whole application although Spring Modulith takes them as modules like any other:
 * one whose classes declare what Spring applies to every request, controller or bean (a {@code SecurityFilterChain},
 * an unscoped {@code @ControllerAdvice}, an {@code @Enable*}, a Jackson customizer, the run time's
 * {@code RemoteCallHeaders}, ...: the analyzer's rules, {@code dev.forum.extraction.analyzer.ApplicationWideBeans}).
 * No module depends on such a module, so nothing else ties it to a service; a process without it starts on Spring
 * Boot's defaults instead (a generated password, no method security, other error answers and JSON). Such a module
 * blocks every service that is not the monolith: the service runs without it, or, holding it, leaves every other
 * process without it. Open and shared modules and the main class's module run in every process and block nothing.
 */
final class ApplicationWideModules {

    private ApplicationWideModules() {
    }

    /**
     * One {@link Blocker.Kind#APPLICATION_WIDE_MODULE} blocker per ordinary module that configures the whole
     * application, for a service that is not the monolith; none for the monolith, nor for a service that holds every
     * module that can be a service (no process runs without them).
     *
     * @param model   the application's modules, with {@link ModulithModel#applicationWideOf} read by the analyzer
     * @param request the service
     * @return the blockers, in module name order; empty for none
     */
    static List<Blocker> blockers(ModulithModel model, ServiceRequest request) {
        List<Blocker> blockers = new ArrayList<>();
        if (request.monolith() || request.modules().containsAll(model.extractableModules())) {
            return blockers;
        }
        for (String module : model.extractableModules()) {
            Map<String, List<String>> classes = model.applicationWideOf(module);
            if (classes.isEmpty()) {
                continue;
            }
            String first = classes.keySet().iterator().next();
            blockers.add(new Blocker(Blocker.Kind.APPLICATION_WIDE_MODULE, first, "", model.sourcePath(first), module,
                    module, message(model, request, module, classes)));
        }
        return blockers;
    }

    /**
     * {@code Service 'people' (or Module 'people' alone) would run without module config, whose classes configure the whole application: <class>
     * (<what>); ...: Spring applies them to every module, so the service would run without them, on Spring Boot's
     * defaults: make config a module every service runs, @Modulithic(sharedModules = "config") on <main class>, or move
     * these classes into <root package>, outside every module}.
     */
    private static String message(ModulithModel model, ServiceRequest request, String module,
            Map<String, List<String>> classes) {
        List<String> what = new ArrayList<>();
        classes.forEach((type, configures) -> what.add(type + " (" + String.join(", ", configures) + ")"));
        boolean holds = request.modules().contains(module);
        String without = holds
                ? request.subject() + " would take module " + module + " out of the monolith and every other service, and"
                        + " its classes configure the whole application: " + String.join("; ", what) + ": Spring applies"
                        + " them to every module, so those processes would run without them, on Spring Boot's defaults"
                : request.subject() + " would run without module " + module + ", whose classes configure the whole"
                        + " application: " + String.join("; ", what) + ": Spring applies them to every module, so the"
                        + " service would run without them, on Spring Boot's defaults";
        TreeSet<String> shared = new TreeSet<>();
        model.modules().stream().filter(Module::shared).forEach(m -> shared.add(m.name()));
        shared.add(module);
        String root = model.rootPackages().isEmpty() ? ModulithModel.packageOf(model.mainClass()) : model.rootPackages().get(0);
        return without + ": make " + module + " a module every service runs, @Modulithic(sharedModules = "
                + (shared.size() == 1 ? "\"" + module + "\"" : "{\"" + String.join("\", \"", shared) + "\"}") + ") on "
                + model.mainClass() + ", or move these classes into " + root + ", outside every module";
    }
}

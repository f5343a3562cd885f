package dev.forum.extraction.model;

import dev.forum.extraction.model.ApplicationWide.Effect;
import dev.forum.extraction.model.ApplicationWide.Setting;
import dev.forum.extraction.model.ModulithModel.Module;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The modules that configure the whole application although Spring Modulith takes them as modules like any other:
 * one whose classes declare what Spring applies to every request, controller or bean (a {@code SecurityFilterChain},
 * an unscoped {@code @ControllerAdvice}, an {@code @Enable*}, a filter, the run time's {@code RemoteCallHeaders}, ...:
 * the analyzer's rules, {@code dev.forum.extraction.analyzer.ApplicationWideBeans}, which also say what leaving each
 * out does, {@link ApplicationWide.Effect}).
 *
 * <p>A service runs such a module when it holds it: as one of its modules, as an open or shared module, or through
 * the dependencies of those (a module its modules depend on, directly or through others, goes with them). A service
 * that does not run it starts without its classes. That blocks the service when they change its answers
 * ({@link Effect#BLOCKS}: a generated password, no method security, other error answers and JSON) or when they turn
 * on a feature a module it runs uses ({@link Effect#ENABLES}: {@code @EnableScheduling} and a {@code @Scheduled}
 * method); the rest ({@link Effect#WARNS}: a filter, a customizer, a {@code BeanPostProcessor}, often meant for their
 * own module only) is a warning. The monolith holds every module and is never blocked.
 */
public final class ApplicationWideModules {

    private ApplicationWideModules() {
    }

    /**
     * One {@link Blocker.Kind#APPLICATION_WIDE_MODULE} blocker per ordinary module the service does not run whose
     * classes change its answers or turn on a feature a module it runs uses; none for the monolith.
     *
     * @param model   the application's modules, with {@link ModulithModel#applicationWideOf} read by the analyzer
     * @param request the service
     * @return the blockers, in module name order; empty for none
     */
    static List<Blocker> blockers(ModulithModel model, ServiceRequest request) {
        List<Blocker> blockers = new ArrayList<>();
        if (request.monolith()) {
            return blockers;
        }
        Set<String> runs = runs(model, request);
        Map<String, Set<String>> usedBy = featureUses(model, runs);
        leftOut(model, runs).forEach(module -> {
            Map<String, List<String>> classes = new TreeMap<>();
            model.applicationWideOf(module).forEach((type, settings) -> settings.forEach(setting -> {
                String needed = neededBy(setting, usedBy);
                if (setting.effect() == Effect.BLOCKS || !needed.isEmpty()) {
                    classes.computeIfAbsent(type, t -> new ArrayList<>()).add(setting.what() + needed);
                }
            }));
            if (!classes.isEmpty()) {
                String first = classes.keySet().iterator().next();
                blockers.add(new Blocker(Blocker.Kind.APPLICATION_WIDE_MODULE, first, "", model.sourcePath(first), module,
                        module, request.subject() + " would run without module " + module + ", whose classes configure"
                        + " the whole application: " + listed(classes) + ": Spring applies them to every module, so the"
                        + " service would run without them, on Spring Boot's defaults: " + fixes(model, module, "these classes")));
            }
        });
        return blockers;
    }

    /**
     * The warnings of a service that does not run a module whose classes Spring applies to the whole application but
     * that may be meant for their own module only ({@link Effect#WARNS}); none for the monolith.
     *
     * @param model   the application's modules
     * @param request the service
     * @return one line per such module, in module name order, naming its classes, what each configures and the fixes;
     *         empty for none
     */
    public static List<String> warnings(ModulithModel model, ServiceRequest request) {
        List<String> lines = new ArrayList<>();
        if (request.monolith()) {
            return lines;
        }
        leftOut(model, runs(model, request)).forEach(module -> {
            Map<String, List<String>> classes = new TreeMap<>();
            model.applicationWideOf(module).forEach((type, settings) -> settings.stream()
                    .filter(setting -> setting.effect() == Effect.WARNS)
                    .forEach(setting -> classes.computeIfAbsent(type, t -> new ArrayList<>()).add(setting.what())));
            if (!classes.isEmpty()) {
                lines.add(request.subject() + " runs without module " + module + ", whose classes Spring applies to every"
                        + " module, not to their own alone: " + listed(classes) + ": the service's requests, clients and"
                        + " beans go without them; if they are meant for every module, " + fixes(model, module, "them"));
            }
        });
        return lines;
    }

    /** The modules the service runs: its own, the open and shared ones, and every module those depend on. */
    private static Set<String> runs(ModulithModel model, ServiceRequest request) {
        Set<String> runs = new TreeSet<>();
        Deque<String> toFollow = new ArrayDeque<>(request.modules());
        toFollow.addAll(model.everywhereModules());
        while (!toFollow.isEmpty()) {
            String next = toFollow.pop();
            if (runs.add(next)) {
                model.module(next).ifPresent(m -> m.dependencies().forEach(d -> toFollow.add(d.module())));
            }
        }
        return runs;
    }

    /** The ordinary modules the service does not run, in name order. */
    private static List<String> leftOut(ModulithModel model, Set<String> runs) {
        return model.extractableModules().stream().filter(module -> !runs.contains(module)).sorted().toList();
    }

    /** Each feature annotation the modules the service runs use, by class name, to those modules. */
    private static Map<String, Set<String>> featureUses(ModulithModel model, Set<String> runs) {
        Map<String, Set<String>> usedBy = new LinkedHashMap<>();
        runs.forEach(module -> model.featureUsesOf(module)
                .forEach(annotation -> usedBy.computeIfAbsent(annotation, a -> new TreeSet<>()).add(module)));
        return usedBy;
    }

    /** {@code , which @Scheduled in module b needs} when the service uses what the setting turns on; else "". */
    private static String neededBy(Setting setting, Map<String, Set<String>> usedBy) {
        if (setting.effect() != Effect.ENABLES) {
            return "";
        }
        List<String> uses = new ArrayList<>();
        setting.needs().stream().filter(usedBy::containsKey).forEach(annotation -> uses.add("@"
                + annotation.substring(annotation.lastIndexOf('.') + 1) + " in module " + String.join(", ", usedBy.get(annotation))));
        return uses.isEmpty() ? "" : ", which " + String.join(" and ", uses) + " need" + (uses.size() == 1 ? "s" : "");
    }

    /** {@code <class> (<what>, <what>); <class> (<what>)}. */
    private static String listed(Map<String, List<String>> classes) {
        List<String> what = new ArrayList<>();
        classes.forEach((type, configures) -> what.add(type + " (" + String.join(", ", configures) + ")"));
        return String.join("; ", what);
    }

    /** {@code make <module> a module every service runs, @Modulithic(sharedModules = "<module>") on <main>, or move <these> into <root>, outside every module}. */
    private static String fixes(ModulithModel model, String module, String these) {
        TreeSet<String> shared = new TreeSet<>();
        model.modules().stream().filter(Module::shared).forEach(m -> shared.add(m.name()));
        shared.add(module);
        String root = model.rootPackages().isEmpty() ? ModulithModel.packageOf(model.mainClass()) : model.rootPackages().get(0);
        return "make " + module + " a module every service runs, @Modulithic(sharedModules = "
                + (shared.size() == 1 ? "\"" + module + "\"" : "{\"" + String.join("\", \"", shared) + "\"}") + ") on "
                + model.mainClass() + ", or move " + these + " into " + root + ", outside every module";
    }
}

package dev.forum.extraction.model;

import dev.forum.extraction.model.ApplicationWide.Effect;
import dev.forum.extraction.model.ApplicationWide.Setting;
import dev.forum.extraction.model.ModulithModel.Module;
import java.util.ArrayList;
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
 * <p>A process runs such a module only where the module is local: a service runs its own modules and the open and
 * shared ones (and the main class's); the monolith runs every module no service takes. A module a service's modules
 * depend on does not run with them: the service holds only its published types (the run time drops the beans of every
 * module that is not local). So each ordinary module runs in exactly one process once a service takes it, and:
 * <ul>
 * <li>what changes every answer ({@link Effect#BLOCKS}: a generated password, no method security, other error answers
 *     and JSON) blocks every service that is not the monolith: one without the module answers differently, and one
 *     holding it takes it out of the monolith and every other service;</li>
 * <li>a feature switch ({@link Effect#ENABLES}: {@code @EnableScheduling} and a {@code @Scheduled} method) blocks a
 *     service that does not run it when a module the service runs, or a class outside every module, uses the feature;
 *     and a service that holds it when a module the service does not hold, or a class outside every module, uses the
 *     feature (those then run in the monolith or elsewhere without it);</li>
 * <li>the rest ({@link Effect#WARNS}: a filter, a customizer, a {@code BeanPostProcessor}, often meant for their own
 *     module only) is a warning for a service that does not run it, and for one that holds it (it takes them out of
 *     the monolith and every other service).</li>
 * </ul>
 * The monolith is never blocked nor warned: the services that would leave it without such a module are. Nor is a
 * service that holds every module that can be a service (a second monolith): the monolith it leaves runs no ordinary
 * module, and a process with none is not deployed (the {@code ecs} goal's {@code deploy.sh} retires the monolith the
 * topology leaves nothing; the run time refuses to start one with no local module), so no process runs without its
 * classes, the root classes' uses of a feature switch included.
 */
public final class ApplicationWideModules {

    /** How the lines name the classes outside every module that use a feature. */
    private static final String OUTSIDE = "classes outside every module";

    private ApplicationWideModules() {
    }

    /**
     * One {@link Blocker.Kind#APPLICATION_WIDE_MODULE} blocker per ordinary module whose classes change every answer,
     * or turn on a feature that a process without the module uses, for a service that is not the monolith.
     *
     * @param model   the application's modules, with {@link ModulithModel#applicationWide()} read by the analyzer
     * @param request the service
     * @return the blockers, in module name order; empty for none, for the monolith and for a service that holds every
     *         module that can be a service
     */
    static List<Blocker> blockers(ModulithModel model, ServiceRequest request) {
        List<Blocker> blockers = new ArrayList<>();
        if (request.monolith() || holdsEvery(model, request)) {
            // A second monolith: no process runs without these classes (the class comment), so neither what changes
            // every answer nor a feature switch, not even one a class outside every module uses, blocks it.
            return blockers;
        }
        Set<String> runs = runs(model, request);
        Map<String, Set<String>> usedHere = featureUses(model, model.modules().stream().map(Module::name)
                .filter(runs::contains).toList());
        Map<String, Set<String>> usedElsewhere = featureUses(model, model.modules().stream().map(Module::name)
                .filter(module -> !request.modules().contains(module)).toList());
        model.extractableModules().stream().sorted().forEach(module -> {
            boolean holds = runs.contains(module);
            Map<String, List<String>> classes = new TreeMap<>();
            classesOf(model, module).forEach((type, settings) -> settings.forEach(setting -> {
                String needed = neededBy(setting, holds ? usedElsewhere : usedHere);
                if (setting.effect() == Effect.BLOCKS || !needed.isEmpty()) {
                    classes.computeIfAbsent(type, t -> new ArrayList<>()).add(setting.what() + needed);
                }
            }));
            if (!classes.isEmpty()) {
                String first = classes.keySet().iterator().next();
                String without = holds
                        ? request.subject() + " would take module " + module + " out of the monolith and every other"
                                + " service, and its classes configure the whole application: " + listed(classes)
                                + ": Spring applies them to every module, so those processes would run without them"
                        : request.subject() + " would run without module " + module + ", whose classes configure the"
                                + " whole application: " + listed(classes) + ": Spring applies them to every module, so"
                                + " the service would run without them";
                blockers.add(new Blocker(Blocker.Kind.APPLICATION_WIDE_MODULE, first, "", model.sourcePath(first), module,
                        module, without + ", on Spring Boot's defaults: " + fixes(model, module, "these classes")));
            }
        });
        return blockers;
    }

    /**
     * The warnings of a service about a module whose classes Spring applies to the whole application but that may be
     * meant for their own module only ({@link Effect#WARNS}): a service that does not run the module goes without
     * them, and one that holds it takes them out of the monolith and every other service. None for the monolith, nor
     * for a service that holds every module that can be a service (no process runs without them: the class comment).
     *
     * @param model   the application's modules
     * @param request the service
     * @return one line per such module, in module name order, naming its classes, what each configures and the fixes;
     *         empty for none
     */
    public static List<String> warnings(ModulithModel model, ServiceRequest request) {
        List<String> lines = new ArrayList<>();
        if (request.monolith() || holdsEvery(model, request)) {
            return lines;
        }
        Set<String> runs = runs(model, request);
        model.extractableModules().stream().sorted().forEach(module -> {
            Map<String, List<String>> classes = new TreeMap<>();
            classesOf(model, module).forEach((type, settings) -> settings.stream()
                    .filter(setting -> setting.effect() == Effect.WARNS)
                    .forEach(setting -> classes.computeIfAbsent(type, t -> new ArrayList<>()).add(setting.what())));
            if (classes.isEmpty()) {
                return;
            }
            String advice = "; if they are meant for every module, " + fixes(model, module, "them");
            lines.add(runs.contains(module)
                    ? request.subject() + " would take the classes of module " + module + " that Spring applies to every"
                            + " module, not to their own alone, out of the monolith and every other service: " + listed(classes)
                            + ": those processes' requests, clients and beans go without them" + advice
                    : request.subject() + " runs without module " + module + ", whose classes Spring applies to every"
                            + " module, not to their own alone: " + listed(classes) + ": the service's requests, clients"
                            + " and beans go without them" + advice);
        });
        return lines;
    }

    /**
     * The classes of {@code module} that configure the whole application, by name, each to what it configures
     * ({@code a SecurityFilterChain bean from api()}, {@code @EnableMethodSecurity}) and what leaving it out does.
     *
     * @param model  the application's modules
     * @param module a module's name
     * @return the classes in name order; empty for none
     */
    public static Map<String, List<Setting>> classesOf(ModulithModel model, String module) {
        Map<String, List<Setting>> of = new TreeMap<>();
        model.applicationWide().classes().forEach((type, what) -> {
            if (moduleName(model, type).equals(module)) {
                of.put(type, what);
            }
        });
        return of;
    }

    /**
     * What an {@code @Enable*} turns on ({@code @Scheduled}, {@code @Async}, ..., Spring Data's {@code Auditable}) that
     * the classes of {@code module} use.
     *
     * @param model  the application's modules
     * @param module a module's name; {@code ""} for the classes outside every module (which every process holds)
     * @return the uses' names ({@link ApplicationWide#featureUses}: the annotations' class names, ...), sorted; empty
     *         for none
     */
    public static Set<String> featureUsesOf(ModulithModel model, String module) {
        Set<String> of = new TreeSet<>();
        model.applicationWide().featureUses().forEach((type, annotations) -> {
            if (moduleName(model, type).equals(module)) {
                of.addAll(annotations);
            }
        });
        return of;
    }

    private static String moduleName(ModulithModel model, String type) {
        return model.moduleOf(type).map(Module::name).orElse("");
    }

    /**
     * Whether the service holds every module that can be a service: a second monolith, beside which the monolith runs
     * no ordinary module.
     */
    private static boolean holdsEvery(ModulithModel model, ServiceRequest request) {
        return request.modules().containsAll(model.extractableModules());
    }

    /** The modules the service runs: its own, the open and shared ones and the main class's; none it depends on. */
    private static Set<String> runs(ModulithModel model, ServiceRequest request) {
        Set<String> runs = new TreeSet<>(request.modules());
        runs.addAll(model.everywhereModules());
        return runs;
    }

    /**
     * Each feature use ({@link ApplicationWide#featureUses}) of {@code modules}' classes or the classes outside every
     * module, by name, to where ({@code module b}, {@link #OUTSIDE}).
     */
    private static Map<String, Set<String>> featureUses(ModulithModel model, List<String> modules) {
        Map<String, Set<String>> usedBy = new LinkedHashMap<>();
        modules.forEach(module -> featureUsesOf(model, module).forEach(annotation ->
                usedBy.computeIfAbsent(annotation, a -> new TreeSet<>()).add("module " + module)));
        featureUsesOf(model, "").forEach(annotation -> usedBy.computeIfAbsent(annotation, a -> new TreeSet<>()).add(OUTSIDE));
        return usedBy;
    }

    /** {@code , which @Scheduled in module b needs} when a process uses what the setting turns on; else "" ({@link ApplicationWide#words}). */
    private static String neededBy(Setting setting, Map<String, Set<String>> usedBy) {
        if (setting.effect() != Effect.ENABLES) {
            return "";
        }
        List<String> uses = new ArrayList<>();
        setting.needs().stream().filter(usedBy::containsKey).forEach(use -> uses.add(ApplicationWide.words(use) + " in "
                + String.join(", ", usedBy.get(use))));
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

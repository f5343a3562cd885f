package dev.forum.extraction.model;

import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The application's modules as Spring Modulith's {@code ApplicationModules} reports them (read by the analyzer in a
 * JVM of the application's Java version): every module with its types, which of them it publishes, its
 * dependencies and their type, the events it publishes; the HTTP contracts, event listeners, persistent types and
 * externalized events of the whole application. Pure data with lookups; no I/O.
 *
 * <p>Constructor arguments: the application class the model was read from; the packages whose direct
 * sub-packages are modules (Spring Modulith's root packages); every module; each interface Spring can turn into
 * an HTTP client ({@link HttpContract}), by class name; every controller class ({@code @Controller}, {@code @RestController}) to its
 * class-level {@code @RequestMapping} paths (empty when it has none); every method that listens to an event in process; JPA entities and Spring Data
 * relational aggregates with their tables; each event type annotated {@code @Externalized} to its target ("" when
 * it names none); each type to its source file's name (from the class file); the Spring Modulith version and the
 * JVM version that read the model; what Spring Modulith's own verification rejects ({@link #violations}); the
 * functional endpoints ({@link #routerFunctionsOf}); the classes that configure the whole application
 * ({@link #applicationWide}); and the modules' beans the classes outside every module use ({@link #outsideBeanReferences}).
 */
public final class ModulithModel {

    private final String mainClass;
    private final List<String> rootPackages;
    private final List<Module> modules;
    private final Map<String, HttpContract> httpContracts;
    private final Map<String, List<String>> controllers;
    private final List<Listener> listeners;
    private final List<Entity> entities;
    private final Map<String, String> externalizedEvents;
    private final Map<String, String> sourceFiles;
    private final String springModulith;
    private final String java;
    private final List<String> violations;
    private final Map<String, List<String>> routerFunctions;
    private final ApplicationWide applicationWide;
    private final List<Dependency> outsideBeanReferences;
    private final Map<String, Module> moduleOfType = new HashMap<>();

    public ModulithModel(String mainClass, List<String> rootPackages, List<Module> modules,
            Map<String, HttpContract> httpContracts, Map<String, List<String>> controllers, List<Listener> listeners,
            List<Entity> entities, Map<String, String> externalizedEvents, Map<String, String> sourceFiles,
            String springModulith, String java) {
        this(mainClass, rootPackages, modules, httpContracts, controllers, listeners, entities, externalizedEvents,
                sourceFiles, springModulith, java, List.of());
    }

    /**
     * As the constructor above, with what Spring Modulith's own verification rejects.
     *
     * @param violations the message of each violation {@code ApplicationModules.verify()} fails on, as Spring Modulith
     *                   words it (a message may hold several lines); empty when it passes
     */
    public ModulithModel(String mainClass, List<String> rootPackages, List<Module> modules,
            Map<String, HttpContract> httpContracts, Map<String, List<String>> controllers, List<Listener> listeners,
            List<Entity> entities, Map<String, String> externalizedEvents, Map<String, String> sourceFiles,
            String springModulith, String java, List<String> violations) {
        this(mainClass, rootPackages, modules, httpContracts, controllers, listeners, entities, externalizedEvents,
                sourceFiles, springModulith, java, violations, Map.of());
    }

    /**
     * As the constructor above, with the functional endpoints.
     *
     * @param routerFunctions each class declaring a Spring WebFlux or Spring MVC {@code RouterFunction} to the methods
     *                        returning one ({@code ""}: the class is one itself); empty for none
     */
    public ModulithModel(String mainClass, List<String> rootPackages, List<Module> modules,
            Map<String, HttpContract> httpContracts, Map<String, List<String>> controllers, List<Listener> listeners,
            List<Entity> entities, Map<String, String> externalizedEvents, Map<String, String> sourceFiles,
            String springModulith, String java, List<String> violations, Map<String, List<String>> routerFunctions) {
        this(mainClass, rootPackages, modules, httpContracts, controllers, listeners, entities, externalizedEvents,
                sourceFiles, springModulith, java, violations, routerFunctions, ApplicationWide.NONE);
    }

    /**
     * As the constructor above, with the classes that configure the whole application.
     *
     * @param applicationWide each class of a module that configures the whole application (a {@code SecurityFilterChain}
     *                        bean, an unscoped {@code @ControllerAdvice}, an {@code @Enable*}, ...) to what it configures,
     *                        and the classes that use what an {@code @Enable*} turns on; {@link ApplicationWide#NONE}
     */
    public ModulithModel(String mainClass, List<String> rootPackages, List<Module> modules,
            Map<String, HttpContract> httpContracts, Map<String, List<String>> controllers, List<Listener> listeners,
            List<Entity> entities, Map<String, String> externalizedEvents, Map<String, String> sourceFiles,
            String springModulith, String java, List<String> violations, Map<String, List<String>> routerFunctions,
            ApplicationWide applicationWide) {
        this(mainClass, rootPackages, modules, httpContracts, controllers, listeners, entities, externalizedEvents,
                sourceFiles, springModulith, java, violations, routerFunctions, applicationWide, List.of());
    }

    /**
     * As the constructor above, with the modules' beans that the classes outside every module use.
     *
     * @param outsideBeanReferences each bean of a module that a class outside every module (the main class, another
     *                              class of a root package) looks up, calls or has injected, as a {@link Dependency}
     *                              ({@code USES_COMPONENT}) whose source is that class; empty for none
     */
    public ModulithModel(String mainClass, List<String> rootPackages, List<Module> modules,
            Map<String, HttpContract> httpContracts, Map<String, List<String>> controllers, List<Listener> listeners,
            List<Entity> entities, Map<String, String> externalizedEvents, Map<String, String> sourceFiles,
            String springModulith, String java, List<String> violations, Map<String, List<String>> routerFunctions,
            ApplicationWide applicationWide, List<Dependency> outsideBeanReferences) {
        this.outsideBeanReferences = List.copyOf(outsideBeanReferences);
        this.applicationWide = applicationWide;
        Map<String, List<String>> routes = new TreeMap<>();
        routerFunctions.forEach((type, methods) -> routes.put(type, List.copyOf(methods)));
        this.routerFunctions = Collections.unmodifiableMap(routes);
        this.violations = List.copyOf(violations);
        this.mainClass = mainClass;
        this.rootPackages = List.copyOf(rootPackages);
        this.modules = modules.stream().sorted(Comparator.comparing(Module::name)).toList();
        this.httpContracts = Map.copyOf(httpContracts);
        Map<String, List<String>> paths = new TreeMap<>();
        controllers.forEach((controller, declared) -> paths.put(controller, List.copyOf(declared)));
        this.controllers = Collections.unmodifiableMap(paths);
        this.listeners = List.copyOf(listeners);
        this.entities = List.copyOf(entities);
        this.externalizedEvents = Map.copyOf(externalizedEvents);
        this.sourceFiles = Map.copyOf(sourceFiles);
        this.springModulith = springModulith;
        this.java = java;
        for (Module module : this.modules) {
            module.types().forEach(type -> moduleOfType.put(type, module));
        }
    }

    /** As the constructor above, with controllers none of which has a class-level {@code @RequestMapping}. */
    public ModulithModel(String mainClass, List<String> rootPackages, List<Module> modules,
            Map<String, HttpContract> httpContracts, Set<String> controllers, List<Listener> listeners, List<Entity> entities,
            Map<String, String> externalizedEvents, Map<String, String> sourceFiles, String springModulith, String java) {
        this(mainClass, rootPackages, modules, httpContracts, withoutPaths(controllers), listeners, entities,
                externalizedEvents, sourceFiles, springModulith, java);
    }

    private static Map<String, List<String>> withoutPaths(Set<String> controllers) {
        Map<String, List<String>> none = new TreeMap<>();
        controllers.forEach(controller -> none.put(controller, List.of()));
        return none;
    }

    public String mainClass() {
        return mainClass;
    }

    /**
     * The modules' beans that the classes outside every module use, which every process holds: each a
     * {@code USES_COMPONENT} {@link Dependency} from such a class (looked up with {@code getBean(X.class)} and the
     * like, called, or injected); empty for none.
     */
    public List<Dependency> outsideBeanReferences() {
        return outsideBeanReferences;
    }

    /**
     * What Spring Modulith's own {@code ApplicationModules.verify()} rejects in the application, each violation's
     * message as it words it (a cycle, a dependency on another module's internal type or one its
     * {@code allowedDependencies} does not allow, ...); empty when verify() passes. Extraction does not need them gone.
     */
    public List<String> violations() {
        return violations;
    }

    public List<String> rootPackages() {
        return rootPackages;
    }

    public List<Module> modules() {
        return modules;
    }

    public Map<String, HttpContract> httpContracts() {
        return httpContracts;
    }

    /**
     * The functional endpoints of {@code module}: each of its classes declaring a Spring WebFlux or Spring MVC
     * {@code RouterFunction}, by name, to the methods returning one ({@code ""}: the class is one itself); empty for none.
     */
    public Map<String, List<String>> routerFunctionsOf(String module) {
        Map<String, List<String>> of = new TreeMap<>();
        routerFunctions.forEach((type, methods) -> {
            if (moduleOf(type).map(m -> m.name().equals(module)).orElse(false)) {
                of.put(type, methods);
            }
        });
        return of;
    }

    /**
     * The classes that configure the whole application and those that use a feature an {@code @Enable*} turns on, as
     * the analyzer read them ({@link ApplicationWide#NONE} when it did not); {@link ApplicationWideModules} looks them
     * up by module.
     */
    public ApplicationWide applicationWide() {
        return applicationWide;
    }

    /** Every controller class of the application's modules. */
    public Set<String> controllers() {
        return controllers.keySet();
    }

    /**
     * The class-level {@code @RequestMapping} paths of a controller (on it, a supertype, or through a composed
     * annotation), as the analyzer read them: every route of it lies below one of them. Empty when it declares none
     * (its routes are then its methods' own paths, which the plugin does not read) or is no controller.
     */
    public List<String> controllerPaths(String controller) {
        return controllers.getOrDefault(controller, List.of());
    }

    /** The controllers of one module, by name; a module with none serves no HTTP route of its own. */
    public Set<String> controllersOf(String module) {
        Set<String> found = new TreeSet<>();
        controllers.keySet().stream().filter(c -> moduleOf(c).map(m -> m.name().equals(module)).orElse(false)).forEach(found::add);
        return found;
    }

    public List<Listener> listeners() {
        return listeners;
    }

    public List<Entity> entities() {
        return entities;
    }

    public Map<String, String> externalizedEvents() {
        return externalizedEvents;
    }

    public String springModulith() {
        return springModulith;
    }

    public String java() {
        return java;
    }

    /**
     * One application module.
     *
     * @param name            its identifier (e.g. {@code orders})
     * @param basePackage     its base package
     * @param open            an open module ({@code @ApplicationModule(type = OPEN)}): every module may use all of it
     * @param shared          listed in {@code @Modulithic(sharedModules = ...)}
     * @param types           every class of the module (nested classes included, binary names)
     * @param publishedTypes  the types other modules may use: its named interfaces (by default its base package)
     * @param publishedEvents the event types it publishes, each with the methods that publish it
     * @param dependencies    its dependencies on other modules, as Spring Modulith types them
     */
    public record Module(String name, String basePackage, boolean open, boolean shared, Set<String> types,
            Set<String> publishedTypes, Map<String, List<String>> publishedEvents, List<Dependency> dependencies) {

        public Module {
            types = Set.copyOf(types);
            // A published package's package-info goes with it (Spring Modulith counts it as no type at all).
            Set<String> published = new TreeSet<>(publishedTypes);
            Set<String> packages = new TreeSet<>();
            publishedTypes.forEach(type -> packages.add(packageOf(type)));
            types.stream().filter(t -> t.endsWith(".package-info") && packages.contains(packageOf(t))).forEach(published::add);
            publishedTypes = Set.copyOf(published);
            publishedEvents = Map.copyOf(publishedEvents);
            dependencies = List.copyOf(dependencies);
        }

        /** Open and shared modules are part of every service. */
        public boolean everywhere() {
            return open || shared;
        }
    }

    /**
     * A dependency of one module on another.
     *
     * @param type   Spring Modulith's {@code DependencyType}: {@code USES_COMPONENT} (a bean reference),
     *               {@code EVENT_LISTENER}, {@code ENTITY} or {@code DEFAULT} (any other type reference)
     * @param source the depending type
     * @param target the type depended on
     * @param module the module holding {@code target}
     */
    public record Dependency(String type, String source, String target, String module) {

        public boolean isBeanReference() {
            return "USES_COMPONENT".equals(type);
        }
    }

    /**
     * {@code listener.method} listens to {@code event} in process (its declared type, a {@code PayloadApplicationEvent}'s
     * payload unwrapped) and so receives every published event assignable to it.
     *
     * @param receives the application's event classes assignable to {@code event}, as the analyzer found them (the
     *                 published events and the modules' concrete classes; {@code event} itself unless it receives
     *                 every event)
     */
    public record Listener(String event, String listener, String method, List<String> receives) {

        public Listener {
            receives = List.copyOf(receives);
        }

        /** A listener that receives {@code event} alone. */
        public Listener(String event, String listener, String method) {
            this(event, listener, method, List.of(event));
        }
    }

    /** A persistent type and its table ({@code schema.table} when a schema is named), lower case. */
    public record Entity(String type, String table, String store) {
    }

    public Optional<Module> module(String name) {
        return modules.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** The module holding a class (a nested class belongs to its outer class's module). */
    public Optional<Module> moduleOf(String className) {
        Module found = moduleOfType.get(className);
        if (found == null && className.indexOf('$') > 0) {
            found = moduleOfType.get(className.substring(0, className.indexOf('$')));
        }
        return Optional.ofNullable(found);
    }

    /** Whether a class lies in one of the root packages (the application's own code, in a module or not). */
    public boolean isApplicationClass(String className) {
        String pkg = packageOf(className);
        return rootPackages.stream().anyMatch(root -> pkg.equals(root) || pkg.startsWith(root + "."));
    }

    /** The module that holds the main class, if any (it then runs in every service). */
    public Optional<Module> mainModule() {
        return moduleOf(mainClass);
    }

    /** The modules that can be a service of their own: not open, not shared, not the main class's. */
    public List<String> extractableModules() {
        Optional<Module> main = mainModule();
        return modules.stream().filter(m -> !m.everywhere() && !main.map(m::equals).orElse(false)).map(Module::name).toList();
    }

    /** The modules a request's module set implies in every service: open, shared, and the main class's module. */
    public Set<String> everywhereModules() {
        Set<String> names = new TreeSet<>();
        modules.stream().filter(Module::everywhere).forEach(m -> names.add(m.name()));
        mainModule().ifPresent(m -> names.add(m.name()));
        return names;
    }

    public Optional<Entity> entity(String type) {
        return entities.stream().filter(e -> e.type().equals(type)).findFirst();
    }

    /** The source file of a type, as {@code pkg/path/File.java}, or the class's own path when unknown. */
    public String sourcePath(String className) {
        String top = className.indexOf('$') > 0 ? className.substring(0, className.indexOf('$')) : className;
        String pkg = packageOf(top);
        String file = sourceFiles.getOrDefault(className, sourceFiles.getOrDefault(top,
                top.substring(top.lastIndexOf('.') + 1) + ".java"));
        return pkg.isEmpty() ? file : pkg.replace('.', '/') + "/" + file;
    }

    /** The package of a dotted class name ("" for the default package). */
    public static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }

    /** Every module's name, for messages. */
    public static String names(Collection<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", new TreeSet<>(names));
    }
}

package dev.forum.extraction.model;

import java.util.Collection;
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
 * externalized events of the whole application. Pure data with lookups; no I/O. Made with {@link #builder} and the
 * setters of {@link ModulithModelBuilder}, which say what each part holds and what a part left unset is.
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

    /** What {@code built} holds ({@link ModulithModelBuilder#build()}), each part an unmodifiable copy already. */
    ModulithModel(ModulithModelBuilder built) {
        this.mainClass = built.mainClass;
        this.rootPackages = built.rootPackages;
        this.modules = built.modules;
        this.httpContracts = built.httpContracts;
        this.controllers = built.controllers;
        this.listeners = built.listeners;
        this.entities = built.entities;
        this.externalizedEvents = built.externalizedEvents;
        this.sourceFiles = built.sourceFiles;
        this.springModulith = built.springModulith;
        this.java = built.java;
        this.violations = built.violations;
        this.routerFunctions = built.routerFunctions;
        this.applicationWide = built.applicationWide;
        this.outsideBeanReferences = built.outsideBeanReferences;
        for (Module module : this.modules) {
            module.types().forEach(type -> moduleOfType.put(type, module));
        }
    }

    /**
     * @param mainClass    the application class the model was read from (binary name, e.g. {@code shop.ShopApplication})
     * @param rootPackages the packages whose direct sub-packages are modules (Spring Modulith's root packages)
     * @param modules      every module, in any order (the model sorts them by name); empty for an application without modules
     * @return a builder of a model of these and nothing else until its setters add more
     */
    public static ModulithModelBuilder builder(String mainClass, List<String> rootPackages, List<Module> modules) {
        return new ModulithModelBuilder(mainClass, rootPackages, modules);
    }

    public String mainClass() {
        return mainClass;
    }

    /**
     * The modules' beans that code every process runs uses, each a {@link Dependency} from the using class; empty for
     * none. {@code USES_COMPONENT}: a class outside every module looks the bean up ({@code getBean(X.class)} and the
     * like), calls it or has it injected. {@code MAIN_USES_COMPONENT}: a launch class, any class declaring a static
     * {@code main} (the main class, Kotlin's {@code AppKt}, a Java {@code Launcher}), uses it; every service jar starts
     * it, so outside every module the whole class counts, inside a module its {@code main} method alone.
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
            if (inModule(type, module)) {
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
        return new TreeSet<>(controllers.keySet().stream().filter(c -> inModule(c, module)).toList());
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
     *               {@code EVENT_LISTENER}, {@code ENTITY} or {@code DEFAULT} (any other type reference); in
     *               {@link #outsideBeanReferences} also {@code MAIN_USES_COMPONENT} (a launch class's use)
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

    private boolean inModule(String className, String module) {
        return moduleOf(className).map(m -> m.name().equals(module)).orElse(false);
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

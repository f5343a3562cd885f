package dev.forum.extraction.model;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The one way to make a {@link ModulithModel}: {@link ModulithModel#builder(String, List, List)} with what every model
 * has, then a setter for each part the caller knows, then {@link #build()}. A part left unset is empty (none found):
 * no HTTP contract, controller, listener, entity, externalized event, source file name, violation, functional endpoint,
 * application-wide class ({@link ApplicationWide#NONE}) or outside bean reference; and {@code ""} for both versions.
 * Each setter keeps an unmodifiable copy of what it is given (a later change to the argument does not reach the model),
 * replaces what an earlier call set and returns this builder; a {@code null} part or element throws
 * {@link NullPointerException}. The builder may be built again after more setters.
 */
public final class ModulithModelBuilder {

    final String mainClass;
    final List<String> rootPackages;
    final List<ModulithModel.Module> modules;
    Map<String, HttpContract> httpContracts = Map.of();
    Map<String, List<String>> controllers = Map.of();
    List<ModulithModel.Listener> listeners = List.of();
    List<ModulithModel.Entity> entities = List.of();
    Map<String, String> externalizedEvents = Map.of();
    Map<String, String> sourceFiles = Map.of();
    String springModulith = "";
    String java = "";
    List<String> violations = List.of();
    Map<String, List<String>> routerFunctions = Map.of();
    ApplicationWide applicationWide = ApplicationWide.NONE;
    List<ModulithModel.Dependency> outsideBeanReferences = List.of();

    ModulithModelBuilder(String mainClass, List<String> rootPackages, List<ModulithModel.Module> modules) {
        this.mainClass = Objects.requireNonNull(mainClass, "mainClass");
        this.rootPackages = List.copyOf(rootPackages);
        this.modules = modules.stream().sorted(Comparator.comparing(ModulithModel.Module::name)).toList();
    }

    /** @param httpContracts each interface Spring can turn into an HTTP client, by class name; default none */
    public ModulithModelBuilder httpContracts(Map<String, HttpContract> httpContracts) {
        this.httpContracts = Map.copyOf(httpContracts);
        return this;
    }

    /**
     * @param controllers every controller class of the modules ({@code @Controller}, {@code @RestController}), by name,
     *                    to its class-level {@code @RequestMapping} paths (an empty list when it declares none);
     *                    default none
     */
    public ModulithModelBuilder controllers(Map<String, List<String>> controllers) {
        this.controllers = sortedCopy(controllers);
        return this;
    }

    /** @param listeners every method that listens to an event in process; default none */
    public ModulithModelBuilder listeners(List<ModulithModel.Listener> listeners) {
        this.listeners = List.copyOf(listeners);
        return this;
    }

    /** @param entities the JPA entities and Spring Data relational aggregates with their tables; default none */
    public ModulithModelBuilder entities(List<ModulithModel.Entity> entities) {
        this.entities = List.copyOf(entities);
        return this;
    }

    /**
     * @param externalizedEvents each event type annotated {@code @Externalized}, by class name, to its target
     *                           ({@code ""} when it names none); default none
     */
    public ModulithModelBuilder externalizedEvents(Map<String, String> externalizedEvents) {
        this.externalizedEvents = Map.copyOf(externalizedEvents);
        return this;
    }

    /**
     * @param sourceFiles each class, by binary name, to its source file's name as the class file records it
     *                    ({@code App.kt}, {@code Orders.java}), for the modules' classes and those outside every module;
     *                    default none ({@link ModulithModel#sourcePath} then takes {@code Class.java})
     */
    public ModulithModelBuilder sourceFiles(Map<String, String> sourceFiles) {
        this.sourceFiles = Map.copyOf(sourceFiles);
        return this;
    }

    /**
     * @param springModulith the version of Spring Modulith that read the model ({@code 2.1.1}); default {@code ""}
     * @param java           the version of the JVM that read it ({@code 25}, {@code 17.0.12}); default {@code ""}
     */
    public ModulithModelBuilder versions(String springModulith, String java) {
        this.springModulith = Objects.requireNonNull(springModulith, "springModulith");
        this.java = Objects.requireNonNull(java, "java");
        return this;
    }

    /**
     * @param violations the message of each violation {@code ApplicationModules.verify()} fails on, as Spring Modulith
     *                   words it (a message may hold several lines); default none (verify() passes)
     */
    public ModulithModelBuilder violations(List<String> violations) {
        this.violations = List.copyOf(violations);
        return this;
    }

    /**
     * @param routerFunctions each class declaring a Spring WebFlux or Spring MVC {@code RouterFunction}, by name, to the
     *                        methods returning one ({@code ""}: the class is one itself); default none
     */
    public ModulithModelBuilder routerFunctions(Map<String, List<String>> routerFunctions) {
        this.routerFunctions = sortedCopy(routerFunctions);
        return this;
    }

    /**
     * @param applicationWide each class of a module that configures the whole application (a {@code SecurityFilterChain}
     *                        bean, an unscoped {@code @ControllerAdvice}, an {@code @Enable*}, ...) to what it
     *                        configures, and the classes that use what an {@code @Enable*} turns on; default
     *                        {@link ApplicationWide#NONE}
     */
    public ModulithModelBuilder applicationWide(ApplicationWide applicationWide) {
        this.applicationWide = Objects.requireNonNull(applicationWide, "applicationWide");
        return this;
    }

    /**
     * @param outsideBeanReferences the modules' beans that code every process runs uses, as {@link ModulithModel.Dependency}
     *                              values: see {@link ModulithModel#outsideBeanReferences()} for their source and type;
     *                              default none
     */
    public ModulithModelBuilder outsideBeanReferences(List<ModulithModel.Dependency> outsideBeanReferences) {
        this.outsideBeanReferences = List.copyOf(outsideBeanReferences);
        return this;
    }

    /** @return a model of what was set, the modules sorted by name, the controllers and functional endpoints by class */
    public ModulithModel build() {
        return new ModulithModel(this);
    }

    private static Map<String, List<String>> sortedCopy(Map<String, List<String>> lists) {
        Map<String, List<String>> sorted = new TreeMap<>();
        lists.forEach((key, values) -> sorted.put(key, List.copyOf(values)));
        return Collections.unmodifiableMap(sorted);
    }
}

package dev.forum.extraction.analyzer;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModuleDependency;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.EventType;
import org.springframework.modulith.core.NamedInterface;

/**
 * Reads an application's modules from Spring Modulith's own model ({@code ApplicationModules.of(mainClass)}) and
 * writes them as JSON for the extraction plugin. It runs in a JVM of its own, started by the plugin with the
 * application's JDK and the application's class path (plus Spring Modulith's core and ArchUnit), so it sees the
 * application exactly as the application's own {@code ApplicationModules.of(...)} test would.
 *
 * <p>Arguments: the application class (annotated {@code @SpringBootApplication} or {@code @Modulithic}), the dotted
 * name of the HTTP contract annotation ({@code org.springframework.web.service.annotation.HttpExchange}) and the JSON file to write. The JSON holds
 * {@code modules} (name, base package, open or shared, every type with whether it is published, named
 * interfaces, published events, dependencies with Spring Modulith's dependency type), {@code httpContracts}
 * (interfaces with HTTP exchange annotations, their class-level prefix (their own, else a super-interface's, as Spring
 * finds it: {@link ContractPaths#classUrl}), the controllers implementing them and, as
 * {@code unsendable}, each method parameter or return type that cannot travel over HTTP: {@link ContractTypes}, and
 * as {@code emptySegments}, each method whose client path holds {@code //}: {@link ContractPaths}, and as
 * {@code differences}, one line per method, handler, exception (those the contract's methods can meet) or
 * {@code @Validated} controller whose call differs in process and over HTTP: {@link ContractDifferences}; a parameter whose name the class file lacks is {@code unsendable} too),
 * {@code controllers} (every class of a module that is a Spring {@code @Controller}, {@code @RestController} included),
 * {@code controllerPaths} (each controller to its class-level {@code @RequestMapping} paths, empty when it has none:
 * {@link RequestMappings}), {@code routerFunctions} (each class of a module declaring functional endpoints, a Spring
 * WebFlux or Spring MVC {@code RouterFunction}, to the methods returning one: {@link FunctionalEndpoints}),
 * {@code applicationWide} and {@code featureUses} (what configures the whole application, and the classes using a
 * feature an {@code @Enable*} turns on: {@link ApplicationWideClasses}), {@code outsideBeanReferences} (the modules' beans
 * that the classes outside every module, the main class among them, and a launch class's {@code main} inside a module
 * use, as {@code dependencies}: {@link OutsideBeanUses}), {@code listeners} (with the application's event classes each
 * receives: {@link EventListeners}), {@code entities} (JPA entities and Spring Data aggregates with their table),
 * {@code externalizedEvents}, {@code sourceFiles} (each class's source file name, outside every module too:
 * {@link SourceFiles}), and as {@code violations} the message of each violation Spring Modulith's own
 * {@code ApplicationModules.verify()} rejects ({@code detectViolations()}: a cycle, a dependency on a module's
 * internal type, one its {@code allowedDependencies} does not allow, ...). On a refusal by Spring Modulith (e.g. a
 * class it cannot read) it writes {@code {"error": "..."}} and exits with status 2.
 */
public final class ModulithAnalyzer {

    static final String FORMAT = "1";
    private static final String CONTROLLER = "org.springframework.stereotype.Controller";
    private static final String HTTP_EXCHANGE = "org.springframework.web.service.annotation.HttpExchange";
    private static final String ADVICE = "org.springframework.web.bind.annotation.ControllerAdvice";
    private static final List<String> EXTERNALIZED = List.of("org.springframework.modulith.events.Externalized",
            "org.jmolecules.event.annotation.Externalized");

    private final String routeAnnotation;

    private ModulithAnalyzer(String routeAnnotation) {
        this.routeAnnotation = routeAnnotation;
    }

    /** {@code <application class> <HTTP contract annotation> <output JSON file>}: the class Spring Modulith reads the modules from. */
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: ModulithAnalyzer <application class> <HTTP contract annotation> <output.json>");
            System.exit(64);
        }
        Path out = Path.of(args[2]);
        Map<String, Object> result;
        int status = 0;
        try {
            Class<?> main = Class.forName(args[0], false, ModulithAnalyzer.class.getClassLoader());
            result = new ModulithAnalyzer(args[1]).analyze(main, ApplicationModules.of(main));
        } catch (ClassNotFoundException | LinkageError e) {
            result = error("the application class " + args[0] + " cannot be loaded (" + e + ")");
            status = 2;
        } catch (IllegalArgumentException | IllegalStateException e) {
            result = error("Spring Modulith cannot read modules from " + args[0] + " (" + e.getMessage() + "): it takes each"
                    + " direct sub-package of the application class's package as a module and needs that class annotated"
                    + " @SpringBootApplication or @Modulithic; annotate it, or name the class that is with the plugin's"
                    + " applicationClass (-Dextract.applicationClass)");
            status = 2;
        } catch (RuntimeException e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            result = error("Spring Modulith could not read the application: " + e + "\n" + trace);
            status = 3;
        }
        Files.writeString(out, JsonText.write(result), StandardCharsets.UTF_8);
        System.exit(status);
    }

    private static Map<String, Object> error(String message) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("format", FORMAT);
        result.put("error", message);
        return result;
    }

    Map<String, Object> analyze(Class<?> main, ApplicationModules modules) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("format", FORMAT);
        result.put("springModulith", Optional.ofNullable(ApplicationModules.class.getPackage().getImplementationVersion()).orElse(""));
        result.put("java", System.getProperty("java.version"));
        result.put("mainClass", main.getName());
        result.put("systemName", modules.getSystemName().orElse(null));
        result.put("rootPackages", modules.getRootPackages().stream().map(p -> p.getName()).toList());
        List<String> shared = modules.getSharedModules().stream().map(m -> m.getIdentifier().toString()).sorted().toList();
        result.put("sharedModules", shared);

        Map<String, JavaClass> types = new TreeMap<>();
        List<Object> moduleList = new ArrayList<>();
        for (ApplicationModule module : modules.stream().sorted().toList()) {
            moduleList.add(module(module, modules, shared, types));
        }
        result.put("modules", moduleList);
        List<String> roots = modules.getRootPackages().stream().map(p -> p.getName()).toList();
        result.put("httpContracts", httpContracts(types.values(), roots, modules, new HeldAdvices(modules, main)));
        result.put("controllers", types.values().stream().filter(ModulithAnalyzer::isController).map(JavaClass::getName).toList());
        Map<String, Object> controllerPaths = new TreeMap<>();
        types.values().stream().filter(ModulithAnalyzer::isController)
                .forEach(type -> controllerPaths.put(type.getName(), RequestMappings.of(type)));
        result.put("controllerPaths", controllerPaths);
        result.put("routerFunctions", FunctionalEndpoints.find(types.values()));
        ApplicationWideClasses.read(modules, types.values(), result);
        result.put("outsideBeanReferences", OutsideBeanUses.of(ApplicationWideClasses.outsideEveryModule(modules),
                types.values(), type -> modules.getModuleByType(type).filter(module -> !module.isRootModule())
                        .map(module -> module.getIdentifier().toString())));
        result.put("listeners", new EventListeners(types.values(), publishedEvents(modules)).find());
        result.put("entities", entities(types.values()));
        Map<String, Object> externalized = new TreeMap<>();
        for (JavaClass type : types.values()) {
            externalized(type).ifPresent(target -> externalized.put(type.getName(), target));
        }
        result.put("externalizedEvents", externalized);
        result.put("sourceFiles", SourceFiles.of(types.values(), ApplicationWideClasses.outsideEveryModule(modules)));
        // What the application's own ApplicationModules.verify() test would fail on, each violation's message as
        // Spring Modulith words it: the plugin warns of them without failing.
        result.put("violations", modules.detectViolations().getMessages());
        return result;
    }

    private Map<String, Object> module(ApplicationModule module, ApplicationModules modules, List<String> shared,
            Map<String, JavaClass> allTypes) {
        String name = module.getIdentifier().toString();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", name);
        json.put("displayName", module.getDisplayName());
        json.put("basePackage", module.getBasePackage().getName());
        json.put("open", module.isOpen());
        json.put("shared", shared.contains(name));
        TreeSet<String> types = new TreeSet<>();
        TreeSet<String> published = new TreeSet<>();
        List<JavaClass> own = new ArrayList<>();
        for (JavaClass type : module.getBasePackage()) {
            if (!module.contains(type)) {
                continue; // a nested module's type
            }
            own.add(type);
            types.add(type.getName());
            allTypes.put(type.getName(), type);
            if (module.isExposed(type)) {
                published.add(type.getName());
            }
        }
        json.put("types", new ArrayList<>(types));
        json.put("publishedTypes", new ArrayList<>(published));
        Map<String, Object> interfaces = new TreeMap<>();
        for (NamedInterface named : module.getNamedInterfaces()) {
            interfaces.put(named.getName(), named.asJavaClasses().map(JavaClass::getName).sorted().toList());
        }
        json.put("namedInterfaces", interfaces);
        List<Object> events = new ArrayList<>();
        for (EventType event : module.getPublishedEvents()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("type", event.getType().getName());
            e.put("sources", event.getSources().stream().map(s -> s.toString(module)).sorted().toList());
            events.add(e);
        }
        json.put("publishedEvents", events);
        List<Object> dependencies = new ArrayList<>();
        Stream.concat(module.getDirectDependencies(modules).stream().map(dependency -> dependency(dependency)),
                        IndirectBeanReferences.of(own, name, type -> modules.getModuleByType(type)
                                .map(owner -> owner.getIdentifier().toString())).stream())
                .distinct()
                .sorted((a, b) -> a.toString().compareTo(b.toString()))
                .forEach(dependencies::add);
        json.put("dependencies", dependencies);
        return json;
    }

    private static Map<String, Object> dependency(ApplicationModuleDependency dependency) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", dependency.getDependencyType().name());
        json.put("source", dependency.getSourceType().getName());
        json.put("target", dependency.getTargetType().getName());
        json.put("module", dependency.getTargetModule().getIdentifier().toString());
        return json;
    }

    /** Interfaces that Spring can turn into HTTP clients: a class-level or method-level HTTP exchange annotation. */
    private List<Object> httpContracts(Collection<JavaClass> types, List<String> roots, ApplicationModules modules,
            HeldAdvices held) {
        List<Object> contracts = new ArrayList<>();
        Predicate<String> own = name -> roots.stream().anyMatch(root -> name.startsWith(root + "."));
        ContractTypes carriable = new ContractTypes(own);
        ContractDifferences differences = new ContractDifferences(own, new ReachableExceptions(types, own));
        List<Class<?>> advices = types.stream().filter(type -> type.isMetaAnnotatedWith(ADVICE) || type.isAnnotatedWith(ADVICE))
                .map(type -> load(type.getName())).flatMap(Optional::stream).toList();
        for (JavaClass type : types) {
            if (!type.isInterface() || type.isAnnotation()) {
                continue;
            }
            Optional<? extends JavaAnnotation<?>> route = type.tryGetAnnotationOfType(routeAnnotation);
            boolean exchanges = type.getMethods().stream().anyMatch(m -> m.isMetaAnnotatedWith(HTTP_EXCHANGE)
                    || m.isAnnotatedWith(HTTP_EXCHANGE));
            if (route.isEmpty() && !exchanges && !type.isMetaAnnotatedWith(HTTP_EXCHANGE)) {
                continue;
            }
            Optional<Class<?>> loaded = load(type.getName());
            List<String> controllers = types.stream()
                    .filter(candidate -> !candidate.isInterface() && candidate.getAllRawInterfaces().contains(type))
                    .filter(ModulithAnalyzer::isController)
                    .map(JavaClass::getName).sorted().toList();
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("type", type.getName());
            json.put("prefix", loaded.flatMap(c -> ContractPaths.classUrl(c, routeAnnotation)).orElse(null));
            json.put("controllers", controllers);
            json.put("unsendable", loaded.map(c -> Stream.concat(carriable.problems(c).stream(),
                    ContractDifferences.unnamed(c).stream()).map(p -> (Object) p.json()).toList()).orElse(List.of()));
            json.put("emptySegments", loaded.map(c -> ContractPaths.problems(c).stream().map(j -> (Object) j.json())
                    .toList()).orElse(List.of()));
            json.put("differences", loaded.map(c -> differences.of(c,
                    controllers.stream().map(ModulithAnalyzer::load).flatMap(Optional::stream).toList(),
                    held.of(c.getName(), advices), moduleExceptions(type, types, modules))).orElse(List.of()));
            contracts.add(json);
        }
        return contracts;
    }

    /** The exception classes of the contract's module, loaded: what its code may throw to its callers. */
    private static List<Class<?>> moduleExceptions(JavaClass contract, Collection<JavaClass> types, ApplicationModules modules) {
        Optional<ApplicationModule> module = modules.getModuleByType(contract);
        if (module.isEmpty()) {
            return List.of();
        }
        return types.stream().filter(module.get()::contains).filter(type -> type.isAssignableTo(Throwable.class))
                .map(type -> load(type.getName())).flatMap(Optional::stream).toList();
    }

    /**
     * The contract's class, for its class-level url, its own or one it inherits from a super-interface as Spring finds
     * it ({@link ContractPaths#classUrl}: the route prefix), what its methods take or return that cannot travel over
     * HTTP ({@link ContractTypes}) and the paths its client sends with an empty segment ({@link ContractPaths}); empty
     * when it cannot be loaded (a super-interface or annotation missing from the class path, so that Spring could not
     * build its client either), which is left to the run time.
     */
    private static Optional<Class<?>> load(String contract) {
        try {
            return Optional.of(Class.forName(contract, false, ModulithAnalyzer.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }

    /** A Spring MVC or WebFlux controller: {@code @Controller}, {@code @RestController} or another annotation built on them. */
    private static boolean isController(JavaClass type) {
        return !type.isInterface() && (type.isAnnotatedWith(CONTROLLER) || type.isMetaAnnotatedWith(CONTROLLER));
    }

    /** Every event class Spring Modulith saw a module publish. */
    private static List<JavaClass> publishedEvents(ApplicationModules modules) {
        return modules.stream().flatMap(m -> m.getPublishedEvents().stream()).map(EventType::getType).distinct().toList();
    }

    private static Optional<String> externalized(JavaClass type) {
        for (String annotation : EXTERNALIZED) {
            Optional<? extends JavaAnnotation<?>> found = type.tryGetAnnotationOfType(annotation);
            if (found.isPresent()) {
                String target = String.valueOf(found.get().get("value").or(() -> found.get().get("target")).orElse(""));
                return Optional.of(target);
            }
        }
        return Optional.empty();
    }

    private static List<Object> entities(Collection<JavaClass> types) {
        return EntityTables.find(types);
    }
}

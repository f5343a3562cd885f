package dev.forum.extraction.model;

import dev.forum.topology.ModuleRoute;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The application's modules as found in scanned artifacts: an API artifact holds an interface
 * annotated as a module API, an implementation artifact has all its classes below that API's
 * {@code .internal} package, every other artifact is shared.
 */
public final class ApplicationModules {

    private final List<ScannedArtifact> artifacts;
    private final Map<String, AppModule> modules;

    private ApplicationModules(List<ScannedArtifact> artifacts, Map<String, AppModule> modules) {
        this.artifacts = List.copyOf(artifacts);
        this.modules = modules;
    }

    /** Finds the modules; refuses a module declared twice or implemented twice. */
    public static ApplicationModules of(List<ScannedArtifact> artifacts) {
        Map<String, AppModule> modules = new TreeMap<>();
        for (ScannedArtifact artifact : artifacts) {
            for (Map.Entry<String, String> api : new TreeMap<>(artifact.moduleApis()).entrySet()) {
                String name = api.getValue();
                AppModule known = modules.get(name);
                if (known != null) {
                    throw new ExtractionException("Module '" + name + "' is declared twice (in " + known.api() + " and "
                            + artifact + "): keep one module-API interface per module");
                }
                modules.put(name, new AppModule(name, ScannedArtifact.packageOf(api.getKey()), artifact, null,
                        artifact.routes().get(api.getKey())));
            }
        }
        for (ScannedArtifact artifact : artifacts) {
            if (!artifact.moduleApis().isEmpty() || artifact.classes().isEmpty()) {
                continue;
            }
            for (AppModule module : modules.values()) {
                if (artifact.classes().stream().allMatch(module::isInternalClass)) {
                    if (module.implementation() != null) {
                        throw new ExtractionException("Module '" + module.name() + "' has two implementation artifacts ("
                                + module.implementation() + " and " + artifact + "): keep one on the class path");
                    }
                    modules.put(module.name(), module.withImplementation(artifact));
                }
            }
        }
        return new ApplicationModules(artifacts, modules);
    }

    public List<ScannedArtifact> artifacts() {
        return artifacts;
    }

    public Collection<AppModule> modules() {
        return modules.values();
    }

    public Optional<AppModule> module(String name) {
        return Optional.ofNullable(modules.get(name));
    }

    /** The modules that can run in a service: those whose implementation is on the class path. */
    public List<String> implementedModules() {
        return modules.values().stream().filter(m -> m.implementation() != null).map(AppModule::name).toList();
    }

    /**
     * The implemented modules with the route prefix each API contract declares, in name order (the topology
     * model numbers the load balancer's rules from the names, {@code Topology.priorityOf}, whatever this order). Refuses a module whose API declares no usable prefix.
     */
    public List<ModuleRoute> moduleRoutes() {
        List<ModuleRoute> routes = new ArrayList<>();
        for (AppModule module : modules.values()) {
            if (module.implementation() == null) {
                continue;
            }
            String apiInterface = module.api().moduleApis().entrySet().stream()
                    .filter(e -> e.getValue().equals(module.name())).map(Map.Entry::getKey).findFirst().orElse("?");
            if (module.routePrefix() == null) {
                throw new ExtractionException("Module '" + module.name() + "' declares no route prefix: annotate "
                        + apiInterface + " with its HTTP contract's prefix, e.g. @HttpExchange(\"/api/" + module.name()
                        + "\") (the load balancer's path rules come from it)");
            }
            try {
                routes.add(new ModuleRoute(module.name(), module.routePrefix()));
            } catch (IllegalArgumentException e) {
                throw new ExtractionException("Module '" + module.name() + "' (" + apiInterface + "): " + e.getMessage());
            }
        }
        return routes;
    }

    /** The module whose API or implementation artifact this is, if any. */
    public Optional<AppModule> ownerOf(ScannedArtifact artifact) {
        return modules.values().stream()
                .filter(m -> m.api().equals(artifact) || artifact.equals(m.implementation()))
                .findFirst();
    }

    /** The other modules whose API the artifact's classes reference. */
    public TreeSet<String> calls(ScannedArtifact artifact) {
        Optional<AppModule> owner = ownerOf(artifact);
        TreeSet<String> called = new TreeSet<>();
        for (Collection<String> refs : artifact.references().values()) {
            for (String ref : refs) {
                for (AppModule module : modules.values()) {
                    if (module.isApiClass(ref) && owner.map(o -> !o.equals(module)).orElse(true)) {
                        called.add(module.name());
                    }
                }
            }
        }
        return called;
    }

    /** "a.internal.X -> b.internal.Y" for each reference from the artifact into the given module's internals. */
    public List<String> internalReferences(ScannedArtifact artifact, AppModule target) {
        List<String> found = new ArrayList<>();
        new TreeMap<>(artifact.references()).forEach((from, refs) -> new TreeSet<>(refs).stream()
                .filter(target::isInternalClass)
                .forEach(to -> found.add(from + " -> " + to)));
        return found;
    }
}

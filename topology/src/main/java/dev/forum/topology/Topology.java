package dev.forum.topology;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A topology checked against the application's modules: every question the renderers (service builds, ECS
 * templates, the local load balancer) ask is answered here, once.
 *
 * <p>The monolith holds every module that no extracted service takes at 100 %: during a cutover both the
 * monolith and the service hold the module and the load balancer splits its routes between them; at 100 % the
 * monolith treats it as remote. A monolith left with no module is not deployed, and requests no rule matches
 * get a 404 from the load balancer itself.
 */
public final class Topology {

    /** Rule priorities are spaced so that a hand-written rule can go between two of ours. */
    static final int PRIORITY_STEP = 10;
    /** The order of modules, and so of rule priorities: by name. Whoever lists the modules, in whatever order. */
    private static final Comparator<ModuleRoute> MODULE_ORDER = Comparator.comparing(ModuleRoute::module);

    private final TopologySpec spec;
    private final List<ModuleRoute> modules;
    private final ServiceSpec monolith;
    private final List<ServiceSpec> extracted;
    private final Map<String, ServiceSpec> holders;

    private Topology(TopologySpec spec, List<ModuleRoute> modules, ServiceSpec monolith, List<ServiceSpec> extracted,
            Map<String, ServiceSpec> holders) {
        this.spec = spec;
        this.modules = List.copyOf(modules);
        this.monolith = monolith;
        this.extracted = List.copyOf(extracted);
        this.holders = Map.copyOf(holders);
    }

    /**
     * Checks {@code spec} against the application's modules, given in any order: the model orders them by name, and
     * rule priorities follow that order ({@link #priorityOf}), so every load balancer rendered from it (the ALB's
     * listener rules, the local stand-in's HAProxy) numbers its rules alike.
     *
     * <p>The checks span services ({@link CrossServiceChecks}) and need the application's modules, which the file's
     * reader does not know; a file with mistakes of its own has them checked on its services' outlines
     * ({@link TopologyException#outlines}) in the same build.
     *
     * @param spec      the topology as written
     * @param unordered the application's modules with their route prefixes, each once
     * @return the topology, ready for the renderers
     * @throws TopologyException every mistake found, one line each naming the line and what to fix, sorted by line (as
     *                           {@link TopologyFile#parse(String, String, String)} gives them): an unknown module, a
     *                           module in two services or twice in one, no monolith or two, two services with one name
     * @throws IllegalArgumentException when {@code unordered} names a module twice
     */
    public static Topology resolve(TopologySpec spec, List<ModuleRoute> unordered) {
        List<ModuleRoute> modules = unordered.stream().sorted(MODULE_ORDER).toList();
        for (int i = 1; i < modules.size(); i++) {
            if (modules.get(i).module().equals(modules.get(i - 1).module())) {
                throw new IllegalArgumentException("module " + modules.get(i).module() + " is listed twice");
            }
        }
        TopologyMistakes mistakes = new TopologyMistakes(spec.source());
        CrossServiceChecks.check(spec.services().stream().map(ServiceOutline::of).toList(),
                modules.stream().map(ModuleRoute::module).toList(), true, mistakes);
        mistakes.throwIfAny();
        List<ServiceSpec> monoliths = spec.services().stream().filter(ServiceSpec::monolith).toList();
        List<ServiceSpec> extracted = spec.services().stream().filter(s -> !s.monolith()).toList();
        Map<String, ServiceSpec> holders = new HashMap<>();
        extracted.forEach(service -> service.modules().forEach(module -> holders.put(module, service)));
        return new Topology(spec, modules, monoliths.get(0), extracted, holders);
    }

    /** The application's name, the prefix of every deployed resource. */
    public String name() {
        return spec.name();
    }

    public String source() {
        return spec.source();
    }

    /** The public edge: TLS certificate and the firewall's rate limit. */
    public EdgeSpec edge() {
        return spec.edge();
    }

    /** The database's availability and the connection pool of each module in each task. */
    public DatabaseSpec database() {
        return spec.database();
    }

    /**
     * The services that may run {@code module} in their own process at some step of a deployment: its extracted
     * holder, and the monolith while it is deployed (it takes every module back when it widens).
     */
    public List<ServiceSpec> possibleHolders(String module) {
        List<ServiceSpec> services = new ArrayList<>();
        if (monolithDeployed()) {
            services.add(monolith);
        }
        ServiceSpec holder = holders.get(module);
        if (holder != null) {
            services.add(holder);
        }
        return services;
    }

    /** The application's modules with their route prefixes, in priority order (by name). */
    public List<ModuleRoute> modules() {
        return modules;
    }

    public ServiceSpec monolith() {
        return monolith;
    }

    /** The extracted services, in the file's order. */
    public List<ServiceSpec> extracted() {
        return extracted;
    }

    /** The services that run: the monolith (when it holds a module) and every extracted service. */
    public List<ServiceSpec> deployedServices() {
        List<ServiceSpec> services = new ArrayList<>();
        if (monolithDeployed()) {
            services.add(monolith);
        }
        services.addAll(extracted);
        return services;
    }

    /** Whether the monolith still holds a module; when it does not, it is not deployed. */
    public boolean monolithDeployed() {
        return !localModules(monolith.name()).isEmpty();
    }

    public Optional<ServiceSpec> service(String name) {
        if (monolith.name().equals(name)) {
            return Optional.of(monolith);
        }
        return extracted.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The extracted service that holds {@code module}, if any. */
    public Optional<ServiceSpec> extractedHolder(String module) {
        return Optional.ofNullable(holders.get(module));
    }

    /**
     * The modules {@code service} runs in its own process, in module order. For the monolith: every module no
     * extracted service takes at 100 %.
     */
    public Set<String> localModules(String service) {
        ServiceSpec spec = require(service);
        Set<String> local = new LinkedHashSet<>();
        for (ModuleRoute module : modules) {
            ServiceSpec holder = holders.get(module.module());
            boolean held = spec.monolith() ? holder == null || holder.traffic() < 100 : holder == spec;
            if (held) {
                local.add(module.module());
            }
        }
        return local;
    }

    /** The modules {@code service} reaches over HTTP: all the others. */
    public Set<String> remoteModules(String service) {
        Set<String> local = localModules(service);
        Set<String> remote = new LinkedHashSet<>();
        for (ModuleRoute module : modules) {
            if (!local.contains(module.module())) {
                remote.add(module.module());
            }
        }
        return remote;
    }

    /**
     * The priority of {@code module}'s rule: 10 for the first module by name, 20 for the second, ... (posts 10,
     * threads 20, users 30). It depends only on the application's modules, so a rule keeps its priority when its
     * module moves between services, and every renderer uses the same number.
     *
     * @throws IllegalArgumentException for a module the application does not have
     */
    public int priorityOf(String module) {
        for (int i = 0; i < modules.size(); i++) {
            if (modules.get(i).module().equals(module)) {
                return (i + 1) * PRIORITY_STEP;
            }
        }
        throw new IllegalArgumentException("no module named " + module);
    }

    /**
     * The rules a load balancer needs in front of the default route (the monolith): one per module held by an
     * extracted service that has a route prefix, splitting its routes by the service's traffic share, in priority
     * order ({@link #priorityOf}). A module without a prefix serves no route of its own: no rule.
     */
    public List<RoutingRule> routingRules() {
        List<RoutingRule> rules = new ArrayList<>();
        for (int i = 0; i < modules.size(); i++) {
            ModuleRoute module = modules.get(i);
            ServiceSpec holder = holders.get(module.module());
            if (holder == null || module.prefix() == null) {
                continue;
            }
            List<WeightedTarget> targets = new ArrayList<>();
            if (monolithDeployed()) {
                targets.add(new WeightedTarget(monolith.name(), 100 - holder.traffic()));
                targets.add(new WeightedTarget(holder.name(), holder.traffic()));
            } else {
                targets.add(new WeightedTarget(holder.name(), 100));
            }
            rules.add(new RoutingRule(priorityOf(module.module()), module.module(), module.patterns(), targets));
        }
        return rules;
    }

    /**
     * The service a request for {@code path} can reach, with the weight it gets there; the monolith answers
     * what no rule matches. An empty map means the load balancer itself answers 404.
     */
    public Map<String, Integer> routeOf(String path) {
        for (RoutingRule rule : routingRules()) {
            if (rule.patterns().stream().anyMatch(p -> p.matches(path))) {
                Map<String, Integer> weights = new HashMap<>();
                rule.targets().forEach(t -> weights.merge(t.service(), t.weight(), Integer::sum));
                return weights;
            }
        }
        return monolithDeployed() ? Map.of(monolith.name(), 100) : Map.of();
    }

    private ServiceSpec require(String name) {
        return service(name).orElseThrow(() -> new IllegalArgumentException("no service named " + name));
    }
}

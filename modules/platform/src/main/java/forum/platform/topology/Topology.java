package forum.platform.topology;

import forum.platform.ModuleApi;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.web.service.annotation.HttpExchange;

/**
 * This process's topology, validated: every module known from the class path, which of them are local,
 * and the URL of every other one. Built once at start-up; an inconsistent configuration is refused
 * with an {@link InvalidTopologyException} that names the fix.
 */
public final class Topology {

    private final Map<String, ModuleContract> modules;
    private final Set<String> local;
    private final Map<String, URI> remote;
    private final TopologySettings settings;

    private Topology(Map<String, ModuleContract> modules, Set<String> local, Map<String, URI> remote,
                     TopologySettings settings) {
        this.modules = modules;
        this.local = local;
        this.remote = remote;
        this.settings = settings;
    }

    /**
     * Finds the modules below {@code basePackage}: their APIs ({@link ModuleApi} interfaces) and which of
     * them have their implementation here (beans marked {@link ConditionalOnLocalModule}), then checks
     * the settings against them.
     */
    public static Topology resolve(TopologySettings settings, String basePackage, ClassLoader classLoader) {
        return resolve(settings, findContracts(basePackage, classLoader), findImplementations(basePackage, classLoader));
    }

    static Topology resolve(TopologySettings settings, Map<String, ModuleContract> known, Set<String> implemented) {
        String moduleList = String.join(", ", new TreeSet<>(known.keySet()));
        for (String name : settings.localModules()) {
            if (!known.containsKey(name)) {
                throw new InvalidTopologyException("forum.topology.local-modules names unknown module '" + name
                        + "'; the modules are: " + moduleList);
            }
            if (!implemented.contains(name)) {
                throw new InvalidTopologyException("Module '" + name + "' is set to run here (forum.topology.local-modules)"
                        + " but its implementation is not on the class path; run it where it is, or add its jar");
            }
        }
        for (String name : settings.remoteUrls().keySet()) {
            if (!known.containsKey(name)) {
                throw new InvalidTopologyException("forum.topology.remote-urls names unknown module '" + name
                        + "'; the modules are: " + moduleList);
            }
        }
        Set<String> local = new LinkedHashSet<>(settings.localModules().isEmpty() ? implemented : settings.localModules());
        local.retainAll(known.keySet());
        if (local.isEmpty()) {
            throw new InvalidTopologyException("No module runs in this process: set forum.topology.local-modules to one or"
                    + " more of: " + moduleList + " (and put their implementation jars on the class path)");
        }
        Map<String, URI> remote = new TreeMap<>();
        for (String name : known.keySet()) {
            if (!local.contains(name)) {
                remote.put(name, remoteUrl(name, settings));
            }
        }
        return new Topology(Map.copyOf(known), Set.copyOf(local), Map.copyOf(remote), settings);
    }

    private static URI remoteUrl(String module, TopologySettings settings) {
        URI url = settings.remoteUrls().getOrDefault(module, settings.remoteBaseUrl());
        if (url == null) {
            throw new InvalidTopologyException("Module '" + module + "' is remote but has no URL: set"
                    + " forum.topology.remote-base-url (FORUM_TOPOLOGY_REMOTE_BASE_URL) or forum.topology.remote-urls."
                    + module + " (FORUM_TOPOLOGY_REMOTEURLS_" + module.toUpperCase(Locale.ROOT) + ")");
        }
        if (!url.isAbsolute() || !("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
            throw new InvalidTopologyException("The URL of remote module '" + module + "' must be an absolute http(s) URL,"
                    + " like http://alb.example.com, not '" + url + "'");
        }
        return url;
    }

    public boolean isLocal(String module) {
        return local.contains(module);
    }

    public Set<String> localModules() {
        return local;
    }

    /** Module name to URL, for every module that is not local. */
    public Map<String, URI> remoteModules() {
        return remote;
    }

    /** Every module's contract, local or remote, in module name order. */
    public List<ModuleContract> contracts() {
        return new TreeMap<>(modules).values().stream().toList();
    }

    public ModuleContract contract(String module) {
        return modules.get(module);
    }

    public TopologySettings settings() {
        return settings;
    }

    /** The module whose routes include this request path, if any. */
    public Optional<ModuleContract> moduleOwning(String requestPath) {
        return modules.values().stream().filter(module -> module.owns(requestPath)).findFirst();
    }

    @Override
    public String toString() {
        return "local " + new TreeSet<>(local) + ", remote " + remote;
    }

    private static Map<String, ModuleContract> findContracts(String basePackage, ClassLoader classLoader) {
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isInterface();
            }
        };
        scanner.addIncludeFilter(new AnnotationTypeFilter(ModuleApi.class));
        Map<String, ModuleContract> contracts = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
            Class<?> api = ClassUtils.resolveClassName(candidate.getBeanClassName(), classLoader);
            String name = api.getAnnotation(ModuleApi.class).value();
            HttpExchange exchange = AnnotatedElementUtils.findMergedAnnotation(api, HttpExchange.class);
            if (exchange == null || exchange.url().isBlank()) {
                problems.add(api.getName() + " has no @HttpExchange path");
                continue;
            }
            ModuleContract previous = contracts.put(name, new ModuleContract(name, api, exchange.url()));
            if (previous != null) {
                problems.add("module '" + name + "' is declared by both " + previous.api().getName() + " and " + api.getName());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidTopologyException("Module APIs are inconsistent: " + String.join("; ", problems));
        }
        return contracts;
    }

    private static Set<String> findImplementations(String basePackage, ClassLoader classLoader) {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConditionalOnLocalModule.class));
        Set<String> implemented = new TreeSet<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
            Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), classLoader);
            implemented.add(type.getAnnotation(ConditionalOnLocalModule.class).value());
        }
        return implemented;
    }
}

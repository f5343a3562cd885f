package dev.forum.extraction.runtime.remote;

import dev.forum.extraction.runtime.topology.InvalidTopologyException;
import dev.forum.extraction.runtime.topology.ModuleMetadata;
import dev.forum.extraction.runtime.topology.Topology;
import dev.forum.extraction.runtime.topology.TopologySettings;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.ConstructorArgumentValues;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Before any bean is made: resolves this process's {@link Topology} (refusing one that cannot work), leaves out
 * every bean of a module that is not local (its components, configuration classes and their {@code @Bean}s, its
 * Spring Data repositories: so a remote module starts nothing here, no routes, no listeners), and registers a client
 * bean of each remote module's HTTP contracts that the process carries ({@link Topology#remoteContracts}: one per most
 * specific contract, a super-interface served by its sub-interface's client; names by {@link #clientName}), so callers
 * inject the contract the same way whether its module is local or not, and the run time's defaults for each such module's
 * retry and circuit breaker ({@link RemoteModuleResilience}). Runs after the application's bean definitions are all registered (lowest precedence).
 */
public final class RemoteModuleRegistrar implements BeanDefinitionRegistryPostProcessor, EnvironmentAware, Ordered {

    /** The bean name of this process's {@link Topology}. */
    public static final String TOPOLOGY_BEAN = "moduleTopology";

    private static final Logger log = LoggerFactory.getLogger(RemoteModuleRegistrar.class);

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        ConfigurableListableBeanFactory beanFactory = (ConfigurableListableBeanFactory) registry;
        ClassLoader classLoader = beanFactory.getBeanClassLoader();
        Optional<ModuleMetadata> metadata = ModuleMetadata.load(classLoader);
        TopologySettings settings = TopologySettings.from(environment,
                metadata.map(ModuleMetadata::runnableModules).orElse(List.of()));
        if (metadata.isEmpty()) {
            if (!settings.localModules().isEmpty()) {
                throw new InvalidTopologyException("extraction.topology.local-modules is set, but the application carries no module"
                        + " metadata (" + ModuleMetadata.LOCATION + "): add the extraction plugin's `modules` goal to its build");
            }
            log.debug("No module metadata ({}): every module is local", ModuleMetadata.LOCATION);
            return;
        }
        Topology topology = Topology.resolve(settings, metadata.get());
        beanFactory.registerSingleton(TOPOLOGY_BEAN, topology);
        log.info("Topology: {}", topology);
        List<String> dropped = dropRemoteBeans(registry, topology);
        if (!dropped.isEmpty()) {
            log.info("Left out {} bean(s) of remote modules", dropped.size());
            log.debug("Left out: {}", dropped);
        }
        Map<String, List<Class<?>>> remoteContracts = topology.remoteContracts(classLoader);
        for (Map.Entry<String, List<Class<?>>> contracts : remoteContracts.entrySet()) {
            URI url = topology.remoteModules().get(contracts.getKey());
            for (Class<?> api : contracts.getValue()) {
                registerClient(registry, beanFactory, contracts.getKey(), url, api, clientName(contracts.getKey(), api, contracts.getValue()));
            }
        }
        if (!remoteContracts.isEmpty()) {
            registerResilienceDefaults(registry, remoteContracts.keySet());
        }
    }

    /** Removes the definitions of remote modules' beans, and of beans their configuration classes declare, until none is left. */
    static List<String> dropRemoteBeans(BeanDefinitionRegistry registry, Topology topology) {
        List<String> dropped = new ArrayList<>();
        Set<String> droppedNames = new TreeSet<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String name : registry.getBeanDefinitionNames()) {
                BeanDefinition definition = registry.getBeanDefinition(name);
                boolean remote = declaringClasses(definition).stream().anyMatch(topology::isRemoteClass)
                        || (definition.getFactoryBeanName() != null && droppedNames.contains(definition.getFactoryBeanName()));
                if (remote) {
                    registry.removeBeanDefinition(name);
                    droppedNames.add(name);
                    dropped.add(name);
                    changed = true;
                }
            }
        }
        return dropped;
    }

    /** The application classes a definition stands for: its bean class, and a Spring Data repository's interface. */
    private static List<String> declaringClasses(BeanDefinition definition) {
        List<String> classes = new ArrayList<>();
        if (definition.getBeanClassName() != null) {
            classes.add(definition.getBeanClassName());
        }
        Object objectType = definition.getAttribute("factoryBeanObjectType");
        if (objectType instanceof String type) {
            classes.add(type);
        } else if (objectType instanceof Class<?> type) {
            classes.add(type.getName());
        }
        ConstructorArgumentValues.ValueHolder first = definition.getConstructorArgumentValues().getIndexedArgumentValue(0, null);
        if (first != null && first.getValue() instanceof String repositoryInterface) {
            classes.add(repositoryInterface);
        }
        return classes;
    }

    /**
     * The bean name of a module's client of a contract: {@code <module>RemoteClient<SimpleName>}
     * ({@code catalogRemoteClientCatalogApi}), with the qualified name instead of the simple one when another contract of
     * the module that gets a client has the same simple name (two packages), so no two clients share a name.
     */
    static String clientName(String module, Class<?> api, List<Class<?>> clients) {
        boolean shared = clients.stream().anyMatch(other -> other != api && other.getSimpleName().equals(api.getSimpleName()));
        return module + "RemoteClient" + (shared ? api.getName() : api.getSimpleName());
    }

    private static <T> void registerClient(BeanDefinitionRegistry registry, ConfigurableListableBeanFactory beanFactory,
            String module, URI url, Class<T> api, String name) {
        RootBeanDefinition client = new RootBeanDefinition(api);
        client.setInstanceSupplier(() -> beanFactory.getBean(RemoteModuleClients.class).create(module, url, api));
        // Made when first needed, but a contract with an API version at start: where no setting says where its version
        // goes, the start fails in one line (RemoteApiVersions), not the first call.
        client.setLazyInit(RemoteApiVersions.versionedMethod(api) == null);
        registry.registerBeanDefinition(name, client);
    }

    /**
     * The run time's defaults for the remote modules' retries and circuit breakers ({@link RemoteModuleResilience}, a
     * priority-ordered bean post-processor that applies them to the registries Resilience4j's Spring Boot support makes,
     * infrastructure: made with no dependency, so registering it makes no other bean early).
     */
    private static void registerResilienceDefaults(BeanDefinitionRegistry registry, Set<String> modules) {
        Set<String> names = Set.copyOf(modules);
        RootBeanDefinition defaults = new RootBeanDefinition(RemoteModuleResilience.class);
        defaults.setInstanceSupplier(() -> new RemoteModuleResilience(names));
        defaults.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
        registry.registerBeanDefinition(RemoteModuleResilience.class.getName(), defaults);
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    }
}

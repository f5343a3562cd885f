package forum.platform.remote;

import forum.platform.topology.ModuleContract;
import forum.platform.topology.Topology;
import forum.platform.topology.TopologySettings;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Resolves this process's {@link Topology} before any bean is made, refusing an inconsistent one, and
 * registers a client bean of every remote module's API interface, so callers inject {@code UsersApi}
 * the same way whether users is local or not.
 */
public final class RemoteModuleRegistrar implements BeanDefinitionRegistryPostProcessor, EnvironmentAware {

    private static final Logger log = LoggerFactory.getLogger(RemoteModuleRegistrar.class);

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        ConfigurableListableBeanFactory beanFactory = (ConfigurableListableBeanFactory) registry;
        TopologySettings settings = TopologySettings.from(environment);
        List<String> packages = AutoConfigurationPackages.has(beanFactory) ? AutoConfigurationPackages.get(beanFactory) : List.of();
        String basePackage = packages.isEmpty() ? "forum" : rootOf(packages);
        Topology topology = Topology.resolve(settings, basePackage, beanFactory.getBeanClassLoader());
        beanFactory.registerSingleton("topology", topology);
        log.info("Topology: {}", topology);

        for (Map.Entry<String, URI> remote : topology.remoteModules().entrySet()) {
            ModuleContract module = topology.contract(remote.getKey());
            registerClient(registry, beanFactory, module, remote.getValue(), module.api());
        }
    }

    private static <T> void registerClient(BeanDefinitionRegistry registry, ConfigurableListableBeanFactory beanFactory,
                                           ModuleContract module, URI url, Class<T> api) {
        RootBeanDefinition client = new RootBeanDefinition(api);
        client.setInstanceSupplier(() -> beanFactory.getBean(RemoteModuleClients.class).create(module, url, api));
        registry.registerBeanDefinition(module.name() + "RemoteClient", client);
    }

    /** The shortest of the application's packages: module packages live below it. */
    private static String rootOf(List<String> packages) {
        return packages.stream().reduce((a, b) -> a.length() <= b.length() ? a : b).orElseThrow();
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    }
}

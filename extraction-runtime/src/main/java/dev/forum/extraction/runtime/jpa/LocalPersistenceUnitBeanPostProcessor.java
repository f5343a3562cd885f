package dev.forum.extraction.runtime.jpa;

import dev.forum.extraction.runtime.topology.Topology;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.persistenceunit.DefaultPersistenceUnitManager;
import org.springframework.orm.jpa.persistenceunit.PersistenceUnitPostProcessor;
import org.springframework.util.ClassUtils;

/**
 * Gives every persistence unit of the context's entity manager factories a {@link LocalPersistenceUnitPostProcessor},
 * run after the application's own post-processors (which are kept), before the JPA provider reads the unit:
 * <ul>
 * <li>each {@link LocalContainerEntityManagerFactoryBean} bean (Spring Boot's, or the application's own, one or
 * several), for the units its own persistence unit manager builds (from {@code packagesToScan},
 * {@code setManagedTypes}, a {@code persistence.xml});</li>
 * <li>each {@link DefaultPersistenceUnitManager} bean, for an application that gives a factory a persistence unit
 * manager of its own ({@code setPersistenceUnitManager}).</li>
 * </ul>
 * A factory whose unit still holds a remote module's managed class when it is made (its persistence unit manager is
 * the application's own and no {@link DefaultPersistenceUnitManager} bean) is named in one WARN line.
 */
public final class LocalPersistenceUnitBeanPostProcessor implements BeanPostProcessor, BeanClassLoaderAware {

    private static final Logger log = LoggerFactory.getLogger(LocalPersistenceUnitBeanPostProcessor.class);

    private final ObjectProvider<Topology> topology;
    private ClassLoader classLoader = ClassUtils.getDefaultClassLoader();

    /** @param topology this process's topology, looked up when a persistence unit is post-processed */
    public LocalPersistenceUnitBeanPostProcessor(ObjectProvider<Topology> topology) {
        this.topology = topology;
    }

    @Override
    public void setBeanClassLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    /**
     * @return the same bean: a {@link LocalContainerEntityManagerFactoryBean} whose own persistence unit manager, or a
     *         {@link DefaultPersistenceUnitManager} that, now runs a {@link LocalPersistenceUnitPostProcessor} after its
     *         other post-processors; any other bean untouched
     * @throws IllegalStateException (one line, {@link SpringOrmFields}) when this Spring ORM's factory no longer has
     *                               the persistence unit manager field read here
     */
    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (!(bean instanceof LocalContainerEntityManagerFactoryBean) && !(bean instanceof DefaultPersistenceUnitManager)
                || topology.getIfAvailable() == null) {
            return bean; // no module metadata: every module is local, and the factory is left as it is
        }
        if (bean instanceof LocalContainerEntityManagerFactoryBean factory) {
            DefaultPersistenceUnitManager manager = internalPersistenceUnitManager(factory, beanName);
            String owner = "entity manager factory '" + beanName + "'";
            addTo(manager, owner, factory.getJpaPropertyMap(), BuiltUnit.of(factory, manager, owner));
        } else if (bean instanceof DefaultPersistenceUnitManager manager) {
            addTo(manager, "persistence unit manager '" + beanName + "'", Map.of(), BuiltUnit.every());
        }
        return bean;
    }

    /** Warns of a factory whose unit was not reached: see the class comment. */
    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        Topology resolved = bean instanceof LocalContainerEntityManagerFactoryBean ? topology.getIfAvailable() : null;
        if (resolved != null && bean instanceof LocalContainerEntityManagerFactoryBean factory
                && factory.getPersistenceUnitInfo() != null) {
            List<String> remote = factory.getPersistenceUnitInfo().getManagedClassNames().stream()
                    .filter(resolved::isRemoteClass).toList();
            if (!remote.isEmpty()) {
                log.warn("Entity manager factory '{}' has a persistence unit manager of the application's own that is no"
                        + " DefaultPersistenceUnitManager bean: its persistence unit still holds {}, of remote modules;"
                        + " declare that manager as a bean, or leave those classes out of it", beanName, remote);
            }
        }
        return bean;
    }

    private void addTo(DefaultPersistenceUnitManager manager, String owner, Map<String, ?> jpaProperties,
            Predicate<String> built) {
        PersistenceUnitPostProcessor[] own = Objects.requireNonNullElse(manager.getPersistenceUnitPostProcessors(),
                new PersistenceUnitPostProcessor[0]);
        if (Arrays.stream(own).noneMatch(LocalPersistenceUnitPostProcessor.class::isInstance)) {
            PersistenceUnitPostProcessor[] all = Arrays.copyOf(own, own.length + 1);
            all[own.length] = new LocalPersistenceUnitPostProcessor(topology, classLoader, owner, jpaProperties, built);
            manager.setPersistenceUnitPostProcessors(all);
        }
    }

    /**
     * The manager that builds the factory's units when the application gives it none. Read from the private field:
     * Spring ORM has no getter for it, and {@code setPersistenceUnitPostProcessors}, the factory's only way to it,
     * replaces the post-processors the application set there (its only copy of them), so a post-processor cannot be
     * added without reading the manager.
     */
    private static DefaultPersistenceUnitManager internalPersistenceUnitManager(
            LocalContainerEntityManagerFactoryBean factory, String beanName) {
        return SpringOrmFields.read(factory, "internalPersistenceUnitManager", DefaultPersistenceUnitManager.class,
                "entity manager factory '" + beanName + "'", "");
    }
}

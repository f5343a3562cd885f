package dev.forum.extraction.runtime.jpa;

import dev.forum.extraction.runtime.topology.InvalidTopologyException;
import dev.forum.extraction.runtime.topology.ModuleMetadata.ModuleInfo;
import dev.forum.extraction.runtime.topology.Topology;
import java.net.URL;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.orm.jpa.EntityManagerFactoryInfo;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes;
import org.springframework.util.ClassUtils;

/**
 * Leaves remote modules' managed classes (entities, embeddables, mapped superclasses, converters) and managed packages
 * out of every {@link PersistenceManagedTypes} bean (Spring Boot's is scanned from the auto-configuration and
 * {@code @EntityScan} packages, every module's included): so Hibernate neither maps nor validates the tables of a
 * module that runs in another process, whose migrations do not run here. Without module metadata (no
 * {@link Topology}) the bean is left as it is.
 *
 * <p>Only a {@link PersistenceManagedTypes} bean is filtered. Spring Boot makes one only when the application defines no
 * entity manager factory of its own; an application's own factory that does not take its managed classes from such a
 * bean ({@code LocalContainerEntityManagerFactoryBean#setManagedTypes}) is not filtered: when a remote module exists,
 * one WARN line says so.
 *
 * <p>A local managed class that maps a remote module's managed class (a field, its own or a superclass's, of that
 * type, or with it as a type argument such as {@code List<Patient>}, or one that extends it) is refused with one line
 * ({@link InvalidTopologyException}, see {@link RemoteEntityMappings}).
 */
public final class LocalManagedTypesPostProcessor implements BeanPostProcessor, BeanClassLoaderAware {

    private static final Logger log = LoggerFactory.getLogger(LocalManagedTypesPostProcessor.class);

    private final ObjectProvider<Topology> topology;
    private ClassLoader classLoader = ClassUtils.getDefaultClassLoader();
    private volatile boolean filtered;
    private volatile boolean warned;

    /** @param topology this process's topology, looked up when a {@link PersistenceManagedTypes} bean is made */
    public LocalManagedTypesPostProcessor(ObjectProvider<Topology> topology) {
        this.topology = topology;
    }

    @Override
    public void setBeanClassLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    /**
     * Also warns (once) when an entity manager factory is made, a remote module exists and no
     * {@link PersistenceManagedTypes} bean was filtered before it: its persistence unit still holds remote modules'
     * managed classes.
     *
     * @return a {@link PersistenceManagedTypes} bean without remote modules' classes and packages (the same bean when
     *         there is no topology or it lists none); any other bean as it is
     * @throws InvalidTopologyException when a local managed class maps a remote module's managed class
     */
    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof EntityManagerFactoryInfo) {
            warnIfUnfiltered(beanName);
        }
        if (!(bean instanceof PersistenceManagedTypes types)) {
            return bean;
        }
        Topology resolved = topology.getIfAvailable();
        if (resolved == null) {
            return bean; // no module metadata: every module is local
        }
        filtered = true;
        Set<String> remote = types.getManagedClassNames().stream().filter(resolved::isRemoteClass)
                .collect(Collectors.toSet());
        Set<String> remotePackages = types.getManagedPackages().stream()
                .filter(p -> resolved.isRemoteClass(p + ".package-info")).collect(Collectors.toSet());
        if (remote.isEmpty() && remotePackages.isEmpty()) {
            return bean;
        }
        List<String> local = types.getManagedClassNames().stream().filter(c -> !remote.contains(c)).toList();
        new RemoteEntityMappings(resolved, remote, classLoader).refuseIn(local);
        log.info("Left out {} managed class(es) of remote modules from the persistence unit", remote.size());
        log.debug("Left out: {}, packages {}", remote, remotePackages);
        return new LocalManagedTypes(local,
                types.getManagedPackages().stream().filter(p -> !remotePackages.contains(p)).toList(),
                types.getPersistenceUnitRootUrl());
    }

    private void warnIfUnfiltered(String beanName) {
        Topology resolved = topology.getIfAvailable();
        List<String> remoteModules = resolved == null ? List.of() : resolved.metadata().modules().stream()
                .map(ModuleInfo::name).filter(m -> !resolved.isLocal(m)).toList();
        if (filtered || warned || remoteModules.isEmpty()) {
            return;
        }
        warned = true;
        log.warn("Entity manager factory '{}' is the application's own, not built from a PersistenceManagedTypes bean:"
                + " its persistence unit still holds the managed classes of remote modules {}; build it with"
                + " setManagedTypes(PersistenceManagedTypes) or scan the local modules' packages only",
                beanName, remoteModules);
    }

    /**
     * The local part of the scanned types. {@link PersistenceManagedTypes#of(List, List)} has no persistence unit root
     * URL, so the scan's is kept here.
     */
    private record LocalManagedTypes(List<String> managedClassNames, List<String> managedPackages, URL persistenceUnitRootUrl)
            implements PersistenceManagedTypes {

        @Override
        public List<String> getManagedClassNames() {
            return managedClassNames;
        }

        @Override
        public List<String> getManagedPackages() {
            return managedPackages;
        }

        @Override
        public URL getPersistenceUnitRootUrl() {
            return persistenceUnitRootUrl;
        }
    }
}

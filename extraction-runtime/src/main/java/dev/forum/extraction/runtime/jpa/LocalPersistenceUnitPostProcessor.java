package dev.forum.extraction.runtime.jpa;

import dev.forum.extraction.runtime.topology.InvalidTopologyException;
import dev.forum.extraction.runtime.topology.Topology;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.orm.jpa.persistenceunit.MutablePersistenceUnitInfo;
import org.springframework.orm.jpa.persistenceunit.PersistenceUnitPostProcessor;

/**
 * Leaves remote modules' managed classes (entities, embeddables, mapped superclasses, converters) and managed packages
 * out of a persistence unit, whatever filled it (a scan of {@code packagesToScan}, {@code PersistenceManagedTypes}, a
 * {@code persistence.xml}'s list, another {@link PersistenceUnitPostProcessor} that ran before): so the JPA provider
 * neither maps nor validates the tables of a module that runs in another process, whose migrations do not run here.
 * The unit's other settings (its root URL, data sources, properties) are kept. Without module metadata (no
 * {@link Topology}) the unit is left as it is.
 *
 * <p>A local managed class that maps a remote module's managed class (a field, its own or a superclass's, of that
 * type, or with it as a type argument such as {@code List<Patient>}, or one that extends it) is refused with one line
 * ({@link InvalidTopologyException}, see {@link RemoteEntityMappings}).
 *
 * <p>So is the unit its owner builds ({@link BuiltUnit}) when the JPA provider would scan a root or jar file of it that
 * holds a remote module's classes: the provider would add the managed classes it finds there, remote modules' included,
 * after this post-processor, and validate, create or update their tables from this process, which does not own them
 * ({@link UnlistedClassesScan}).
 */
final class LocalPersistenceUnitPostProcessor implements PersistenceUnitPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(LocalPersistenceUnitPostProcessor.class);

    private final ObjectProvider<Topology> topology;
    private final ClassLoader classLoader;
    private final String owner;
    private final Map<String, ?> jpaProperties;
    private final Predicate<String> built;

    /**
     * @param topology      this process's topology, looked up when a unit is post-processed
     * @param classLoader   the application's (the bean class loader), from which the local managed classes are read
     * @param owner         what builds the unit, for the log and refusals: {@code entity manager factory 'archive'}
     * @param jpaProperties the factory's JPA properties, which the provider reads with the unit's own (empty for a
     *                      persistence unit manager bean, whose factories are not known)
     * @param built         whether the owner builds the unit of a given name ({@link BuiltUnit}): only such a unit is
     *                      checked for a scan, the manager post-processing every unit it reads
     */
    LocalPersistenceUnitPostProcessor(ObjectProvider<Topology> topology, ClassLoader classLoader, String owner,
            Map<String, ?> jpaProperties, Predicate<String> built) {
        this.topology = topology;
        this.classLoader = classLoader;
        this.owner = owner;
        this.jpaProperties = jpaProperties;
        this.built = built;
    }

    /**
     * Removes remote modules' classes and packages from the unit's lists (Spring's live lists, which the provider
     * reads).
     *
     * @throws InvalidTopologyException when a local managed class maps a remote module's managed class, or cannot be
     *                                  loaded; or when the provider would scan the unit for unlisted classes while a
     *                                  remote module's classes are on the class path
     */
    @Override
    public void postProcessPersistenceUnitInfo(MutablePersistenceUnitInfo unit) {
        Topology resolved = topology.getIfAvailable();
        if (resolved == null) {
            return; // no module metadata: every module is local
        }
        if (built.test(unit.getPersistenceUnitName())) {
            new UnlistedClassesScan(resolved, classLoader).refuse(unit, owner, jpaProperties);
        }
        List<String> remote = unit.getManagedClassNames().stream().filter(resolved::isRemoteClass).toList();
        List<String> remotePackages = unit.getManagedPackages().stream()
                .filter(p -> resolved.isRemoteClass(p + ".package-info")).toList();
        if (remote.isEmpty() && remotePackages.isEmpty()) {
            return;
        }
        unit.getManagedClassNames().removeAll(remote);
        unit.getManagedPackages().removeAll(remotePackages);
        new RemoteEntityMappings(resolved, remote, classLoader).refuseIn(unit.getManagedClassNames());
        log.info("Left out {} managed class(es) of remote modules from the persistence unit '{}' of {}", remote.size(),
                unit.getPersistenceUnitName(), owner);
        log.debug("Left out of '{}' of {}: {}, packages {}", unit.getPersistenceUnitName(), owner, remote, remotePackages);
    }
}

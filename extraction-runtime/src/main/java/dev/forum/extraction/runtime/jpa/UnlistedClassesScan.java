package dev.forum.extraction.runtime.jpa;

import dev.forum.extraction.runtime.topology.InvalidTopologyException;
import dev.forum.extraction.runtime.topology.Topology;
import java.util.List;
import java.util.Map;
import org.springframework.orm.jpa.persistenceunit.MutablePersistenceUnitInfo;
import org.springframework.util.ClassUtils;

/**
 * Refuses a persistence unit whose JPA provider would scan for managed classes the unit does not list while a remote
 * module's classes are on the class path. A unit that does not exclude unlisted classes
 * ({@code PersistenceUnitInfo.excludeUnlistedClasses()} false: Spring reads it from a {@code persistence.xml}'s
 * {@code <exclude-unlisted-classes>}, false when the element is absent, true when it is empty or {@code true}; its units
 * from {@code packagesToScan} or managed types exclude them) lets the provider add the managed classes it finds under
 * the unit's root and jar files when it builds the factory, after every unit post-processor: the remote modules'
 * entities left out of the unit's lists would come back, and the provider would validate, create or update (with
 * {@code create-drop}, drop) their tables from a process that does not own them. Refused rather than warned of: a table
 * of another module would be written.
 *
 * <p>Hibernate 7 scans only with a scanner: a {@code ScannerFactory} service on the class path
 * ({@code hibernate-scan-jandex}) or the {@code hibernate.archive.scanner} property (the unit's or the factory's); without
 * one it maps the listed classes only, and the unit is left alone. Another provider, or a Hibernate without
 * {@code ScannerFactory}, is taken to scan, as the JPA specification has it. The remote modules counted are those whose
 * classes this jar holds: every remote module in the application's jar, none that a service jar was not built for.
 */
final class UnlistedClassesScan {

    /** Hibernate's scanner service (Hibernate 7), which {@code hibernate-scan-jandex} provides. */
    static final String SCANNER_FACTORY = "org.hibernate.boot.archive.scan.spi.ScannerFactory";

    /** Hibernate's setting of a scanner class or instance. */
    static final String SCANNER = "hibernate.archive.scanner";

    private final Topology topology;
    private final ClassLoader classLoader;

    /**
     * @param topology    this process's topology
     * @param classLoader the application's (the bean class loader), on which the provider finds its scanner
     */
    UnlistedClassesScan(Topology topology, ClassLoader classLoader) {
        this.topology = topology;
        this.classLoader = classLoader;
    }

    /**
     * @param unit          the persistence unit, before the provider reads it
     * @param owner         what builds the unit: {@code entity manager factory 'archive'}
     * @param jpaProperties the factory's JPA properties, read with the unit's own (empty when not known)
     * @throws InvalidTopologyException (one line) when the unit does not exclude unlisted classes, the provider scans,
     *                                  and a remote module's classes are in this jar; naming the unit, its root, the
     *                                  remote modules and what to add to the {@code persistence.xml}
     */
    void refuse(MutablePersistenceUnitInfo unit, String owner, Map<String, ?> jpaProperties) {
        if (unit.excludeUnlistedClasses() || !scans(unit, jpaProperties)) {
            return;
        }
        List<String> remote = topology.metadata().runnableModules().stream().filter(m -> !topology.isLocal(m)).toList();
        if (remote.isEmpty()) {
            return;
        }
        throw new InvalidTopologyException("Persistence unit '" + unit.getPersistenceUnitName() + "' of " + owner
                + " does not exclude unlisted classes, so the JPA provider adds the managed classes it finds under "
                + unit.getPersistenceUnitRootUrl() + " to it, those of remote module" + (remote.size() == 1 ? " " : "s ")
                + String.join(", ", remote) + " too, and would validate, create or update their tables from this"
                + " process: add <exclude-unlisted-classes>true</exclude-unlisted-classes> to that <persistence-unit> of"
                + " its persistence.xml, and list the managed classes it needs in <class> elements");
    }

    /** Whether the provider scans a unit that does not exclude unlisted classes: see the class comment. */
    private boolean scans(MutablePersistenceUnitInfo unit, Map<String, ?> jpaProperties) {
        return !ClassUtils.isPresent(SCANNER_FACTORY, classLoader)
                || classLoader.getResource("META-INF/services/" + SCANNER_FACTORY) != null
                || unit.getProperties().containsKey(SCANNER) || jpaProperties.containsKey(SCANNER);
    }
}

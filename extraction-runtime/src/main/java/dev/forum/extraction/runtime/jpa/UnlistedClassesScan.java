package dev.forum.extraction.runtime.jpa;

import dev.forum.extraction.runtime.topology.InvalidTopologyException;
import dev.forum.extraction.runtime.topology.ModuleMetadata.ModuleInfo;
import dev.forum.extraction.runtime.topology.Topology;
import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.orm.jpa.persistenceunit.MutablePersistenceUnitInfo;
import org.springframework.util.ClassUtils;

/**
 * Refuses a persistence unit whose JPA provider would scan a root or jar file that holds a remote module's classes: the
 * provider adds the managed classes it finds there when it builds the factory, after every unit post-processor, so the
 * remote modules' entities left out of the unit's lists would come back, and the provider would validate, create or
 * update (with {@code create-drop}, drop) their tables from a process that does not own them. Refused rather than
 * warned of: a table of another module would be written.
 *
 * <p>What is scanned is Hibernate 7's rule ({@code StandardScanOptions}): without {@value #AUTODETECTION} it detects
 * classes under the unit's root when the unit does not exclude unlisted classes
 * ({@code PersistenceUnitInfo.excludeUnlistedClasses()} false: a {@code persistence.xml} without
 * {@code <exclude-unlisted-classes>}; Spring's units from {@code packagesToScan} or managed types exclude them), and in
 * its {@code <jar-file>}s always, excluded or not; with it, in both only when the value contains {@code class}
 * ({@code hbm} or empty: no classes detected, so nothing refused). It and {@value #SCANNER} below are read from the
 * sources Hibernate merges for the unit, the first that has it winning ({@link HibernateSettings}): the factory's JPA
 * properties, a {@code <property>} of the file named by {@code hibernate.cfg_xml_file}, the unit's {@code <property>}, a
 * JVM system property, {@code hibernate.properties}.
 *
 * <p>A location holds a remote module when a class under it ({@link ArchiveClasses}: named by its class file, so a jar
 * without directory entries and a Spring Boot jar's {@code BOOT-INF/classes/} too) is of a remote module's package
 * ({@code ModuleMetadata.moduleOf}). A location Hibernate cannot open (none there, no folder and no zip) holds nothing,
 * as Hibernate skips it: one WARN line names it. One Hibernate's scanner fails the start on (a {@code .class} entry in
 * it that is no class file or cannot be opened, a zip stream that breaks off, a {@code jar:} URL inside a {@code jar:}
 * URL) is refused in one line naming the location, what is wrong and what to do. So a
 * {@code persistence.xml} in a local module's own jar (each module a jar, as in {@code BOOT-INF/lib}) is left alone,
 * and a service jar built without a remote module holds none of it.
 *
 * <p>Hibernate 7 scans only with a scanner: a {@code ScannerFactory} service on the class path
 * ({@code hibernate-scan-jandex}) or the {@code hibernate.archive.scanner} setting; without one it maps the listed
 * classes only, and the unit is left alone. Another provider, or a Hibernate without {@code ScannerFactory}, is taken to
 * scan as Hibernate 7 does.
 */
final class UnlistedClassesScan {

    /** Hibernate's scanner service (Hibernate 7), which {@code hibernate-scan-jandex} provides. */
    static final String SCANNER_FACTORY = "org.hibernate.boot.archive.scan.spi.ScannerFactory";

    /** Hibernate's setting of a scanner class or instance. */
    static final String SCANNER = "hibernate.archive.scanner";

    /** Hibernate's setting of what its scanner detects: {@code class}, {@code hbm}, both (comma-separated) or nothing. */
    static final String AUTODETECTION = "hibernate.archive.autodetection";

    private static final Logger log = LoggerFactory.getLogger(UnlistedClassesScan.class);

    private final Topology topology;
    private final ClassLoader classLoader;

    /**
     * @param topology    this process's topology
     * @param classLoader the application's (the bean class loader), on which the provider finds its scanner and
     *                    {@code hibernate.properties}
     */
    UnlistedClassesScan(Topology topology, ClassLoader classLoader) {
        this.topology = topology;
        this.classLoader = classLoader;
    }

    /**
     * @param unit          the persistence unit, before the provider reads it
     * @param owner         what builds the unit: {@code entity manager factory 'archive'}
     * @param jpaProperties the factory's JPA properties, read with the unit's own (empty when not known)
     * @throws InvalidTopologyException (one line) when the provider scans a root or jar file of the unit that holds a
     *                                  remote module's classes; naming the unit, each cause (where
     *                                  {@value #AUTODETECTION} is set, when it is), the locations, the remote modules
     *                                  and a fix per cause; or that Hibernate's scanner fails on
     *                                  ({@link ArchiveClasses.UnscannableException}), naming the location, what is
     *                                  wrong and the fix
     */
    void refuse(MutablePersistenceUnitInfo unit, String owner, Map<String, ?> jpaProperties) {
        HibernateSettings settings = new HibernateSettings(unit, jpaProperties, classLoader);
        Optional<HibernateSetting> detection = settings.get(AUTODETECTION);
        boolean inRoot = detection.map(d -> d.value().contains("class")).orElse(!unit.excludeUnlistedClasses());
        boolean inJarFiles = detection.map(d -> d.value().contains("class")).orElse(true);
        if (!inRoot && !inJarFiles || !scans(settings)) {
            return;
        }
        List<String> remote = topology.metadata().runnableModules().stream().filter(m -> !topology.isLocal(m)).toList();
        if (remote.isEmpty()) {
            return;
        }
        Set<String> found = new HashSet<>();
        URL root = unit.getPersistenceUnitRootUrl();
        boolean rootHolds = inRoot && root != null && found.addAll(remoteIn(root, remote, unit, owner));
        Set<URL> jarFilesHolding = new LinkedHashSet<>();
        for (URL jarFile : inJarFiles ? unit.getJarFileUrls() : List.<URL>of()) {
            Set<String> held = remoteIn(jarFile, remote, unit, owner);
            if (!held.isEmpty()) {
                found.addAll(held);
                jarFilesHolding.add(jarFile);
            }
        }
        if (found.isEmpty()) {
            return;
        }
        List<String> modules = remote.stream().filter(found::contains).toList();
        Set<String> where = new LinkedHashSet<>();
        if (rootHolds) {
            where.add(root.toExternalForm());
        }
        jarFilesHolding.forEach(jarFile -> where.add(jarFile.toExternalForm()));
        String why = detection.map(HibernateSetting::why)
                .orElseGet(() -> String.join(" and ", causes(rootHolds, jarFilesHolding)));
        String fix = detection.map(d -> "set " + AUTODETECTION + " to hbm, which detects no classes, in " + d.place())
                .orElseGet(() -> fixes(rootHolds, jarFilesHolding)
                        + ", and list the managed classes it needs in <class> elements");
        throw new InvalidTopologyException("Persistence unit '" + unit.getPersistenceUnitName() + "' of " + owner + " "
                + why + ", so the JPA provider adds the managed classes it finds under " + String.join(", ", where)
                + " to it, those of remote module" + (modules.size() == 1 ? " " : "s ") + String.join(", ", modules)
                + " too, and would validate, create or update their tables from this process: " + fix);
    }

    /** Why the provider scans, without {@value #AUTODETECTION}: one reason per cause. */
    private static List<String> causes(boolean rootHolds, Set<URL> jarFilesHolding) {
        List<String> causes = new ArrayList<>();
        if (rootHolds) {
            causes.add("does not exclude unlisted classes");
        }
        if (!jarFilesHolding.isEmpty()) {
            causes.add("names a <jar-file> (Hibernate scans those even when unlisted classes are excluded)");
        }
        return causes;
    }

    /** What to change in the unit's {@code <persistence-unit>}, without {@value #AUTODETECTION}: one per cause. */
    private static String fixes(boolean rootHolds, Set<URL> jarFilesHolding) {
        String element = "that <persistence-unit> of its persistence.xml";
        List<String> fixes = new ArrayList<>();
        if (!jarFilesHolding.isEmpty()) {
            fixes.add("remove the <jar-file> elements of " + String.join(", ",
                    jarFilesHolding.stream().map(URL::toExternalForm).toList()) + " from " + element);
        }
        if (rootHolds) {
            fixes.add("add <exclude-unlisted-classes>true</exclude-unlisted-classes> to "
                    + (fixes.isEmpty() ? element : "it"));
        }
        return String.join(", ", fixes);
    }

    /** Whether the provider scans at all: see the class comment. */
    private boolean scans(HibernateSettings settings) {
        return !ClassUtils.isPresent(SCANNER_FACTORY, classLoader)
                || classLoader.getResource("META-INF/services/" + SCANNER_FACTORY) != null
                || settings.get(SCANNER).isPresent();
    }

    /**
     * The remote modules of which a class lies under a root or jar file of the unit: none when it cannot be opened, as
     * Hibernate skips it; refused when Hibernate's scanner fails on it.
     */
    private Set<String> remoteIn(URL location, List<String> remote, MutablePersistenceUnitInfo unit, String owner) {
        List<String> classes;
        try {
            classes = ArchiveClasses.of(location);
        } catch (ArchiveClasses.UnscannableException ex) {
            throw new InvalidTopologyException("Persistence unit '" + unit.getPersistenceUnitName() + "' of " + owner
                    + " is scanned by the JPA provider under " + location + ", " + ex.getMessage()
                    + ", and Hibernate's scanner fails the start on it: " + ex.fix());
        } catch (IOException ex) {
            log.warn("Cannot read {}, which the JPA provider scans for persistence unit '{}' of {}: {} ({}); Hibernate"
                    + " skips it too, so no remote module's class is looked for there: fix that location or remove it"
                    + " from the unit", location, unit.getPersistenceUnitName(), owner, ex.getMessage(),
                    ex.getClass().getSimpleName());
            return Set.of();
        }
        Set<String> modules = new HashSet<>();
        for (String name : classes) {
            topology.metadata().moduleOf(name).map(ModuleInfo::name).filter(remote::contains).ifPresent(modules::add);
        }
        return modules;
    }
}

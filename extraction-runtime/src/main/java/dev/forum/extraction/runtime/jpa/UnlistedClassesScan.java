package dev.forum.extraction.runtime.jpa;

import dev.forum.extraction.runtime.topology.InvalidTopologyException;
import dev.forum.extraction.runtime.topology.Topology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * its {@code <jar-file>}s always, excluded or not; with it (the unit's property or the factory's, the factory's first),
 * in both only when the value contains {@code class} ({@code hbm} or empty: no classes detected, so nothing refused).
 * Only those two places are read, for it and for {@value #SCANNER} below: a value only in {@code hibernate.properties}
 * or a system property, which Hibernate reads too, is not seen (the unit is checked as if the setting were absent).
 *
 * <p>A location holds a remote module when one of the module's packages, found through the class loader's
 * {@code getResources} (the directory entry of the package, which Maven and Spring Boot jars have), lies under it: the
 * resource's URL less the package path is compared with the unit's root URL and jar file URLs, each without a
 * {@code jar:} prefix or a trailing {@code !/} or {@code /}, {@code file:} ones as normalized paths ({@code nested:}
 * ones of a Spring Boot jar as they are). So a {@code persistence.xml} in a local module's own jar (each module a jar,
 * as in {@code BOOT-INF/lib}) is left alone, and a service jar built without a remote module holds none of it.
 *
 * <p>Hibernate 7 scans only with a scanner: a {@code ScannerFactory} service on the class path
 * ({@code hibernate-scan-jandex}) or the {@code hibernate.archive.scanner} property (the unit's or the factory's); without
 * one it maps the listed classes only, and the unit is left alone. Another provider, or a Hibernate without
 * {@code ScannerFactory}, is taken to scan as Hibernate 7 does.
 */
final class UnlistedClassesScan {

    /** Hibernate's scanner service (Hibernate 7), which {@code hibernate-scan-jandex} provides. */
    static final String SCANNER_FACTORY = "org.hibernate.boot.archive.scan.spi.ScannerFactory";

    /** Hibernate's setting of a scanner class or instance. */
    static final String SCANNER = "hibernate.archive.scanner";

    /** Hibernate's setting of what its scanner detects: {@code class}, {@code hbm}, both (comma-separated) or nothing. */
    static final String AUTODETECTION = "hibernate.archive.autodetection";

    private final Topology topology;
    private final ClassLoader classLoader;

    /**
     * @param topology    this process's topology
     * @param classLoader the application's (the bean class loader), on which the provider finds its scanner and the
     *                    remote modules' packages are looked up
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
     *                                  and a fix per cause
     * @throws UncheckedIOException     when the class loader cannot list a remote module's package
     */
    void refuse(MutablePersistenceUnitInfo unit, String owner, Map<String, ?> jpaProperties) {
        boolean factorySets = jpaProperties.containsKey(AUTODETECTION);
        Object detection = factorySets ? jpaProperties.get(AUTODETECTION)
                : unit.getProperties().getProperty(AUTODETECTION);
        boolean inRoot = detection == null ? !unit.excludeUnlistedClasses() : detection.toString().contains("class");
        boolean inJarFiles = detection == null || detection.toString().contains("class");
        if (!inRoot && !inJarFiles || !scans(unit, jpaProperties)) {
            return;
        }
        List<String> remote = topology.metadata().runnableModules().stream().filter(m -> !topology.isLocal(m)).toList();
        Set<String> modules = new LinkedHashSet<>();
        boolean rootHolds = false;
        Set<URL> jarFilesHolding = new LinkedHashSet<>();
        for (String module : remote) {
            Set<String> roots = roots(module);
            if (inRoot && unit.getPersistenceUnitRootUrl() != null
                    && roots.contains(location(unit.getPersistenceUnitRootUrl().toExternalForm()))) {
                modules.add(module);
                rootHolds = true;
            }
            for (URL jarFile : inJarFiles ? unit.getJarFileUrls() : List.<URL>of()) {
                if (roots.contains(location(jarFile.toExternalForm()))) {
                    modules.add(module);
                    jarFilesHolding.add(jarFile);
                }
            }
        }
        if (modules.isEmpty()) {
            return;
        }
        Set<String> where = new LinkedHashSet<>();
        if (rootHolds) {
            where.add(unit.getPersistenceUnitRootUrl().toExternalForm());
        }
        jarFilesHolding.forEach(jarFile -> where.add(jarFile.toExternalForm()));
        String why = detection == null ? String.join(" and ", causes(rootHolds, jarFilesHolding))
                : factorySets ? "gets " + AUTODETECTION + " '" + detection + "' from the JPA properties of its factory"
                        + " (spring.jpa.properties.* with Spring Boot)"
                : "sets " + AUTODETECTION + " to '" + detection + "' in a <property> of its persistence.xml";
        String fix = detection == null
                ? fixes(rootHolds, jarFilesHolding) + ", and list the managed classes it needs in <class> elements"
                : "set " + AUTODETECTION + " to hbm, which detects no classes, in " + (factorySets
                        ? "the JPA properties of its factory" : "that <property> of its persistence.xml");
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
    private boolean scans(MutablePersistenceUnitInfo unit, Map<String, ?> jpaProperties) {
        return !ClassUtils.isPresent(SCANNER_FACTORY, classLoader)
                || classLoader.getResource("META-INF/services/" + SCANNER_FACTORY) != null
                || unit.getProperties().containsKey(SCANNER) || jpaProperties.containsKey(SCANNER);
    }

    /** The locations ({@link #location}) of the class path entries that hold a package of the module. */
    private Set<String> roots(String module) {
        Set<String> roots = new LinkedHashSet<>();
        for (String pkg : topology.metadata().module(module).orElseThrow().packages()) {
            String path = pkg.replace('.', '/');
            try {
                for (URL found : Collections.list(classLoader.getResources(path))) {
                    String url = strip(found.toExternalForm());
                    if (url.endsWith(path)) {
                        roots.add(location(url.substring(0, url.length() - path.length())));
                    }
                }
            } catch (IOException ex) {
                throw new UncheckedIOException("Cannot list package " + pkg + " of module " + module, ex);
            }
        }
        return roots;
    }

    /** A URL without a {@code jar:} prefix or trailing {@code !/} or {@code /}; a {@code file:} one as a normal path. */
    static String location(String url) {
        String bare = strip(url.startsWith("jar:") ? url.substring("jar:".length()) : url);
        if (bare.startsWith("file:")) {
            try {
                return "file:" + Path.of(new URI(bare)).toAbsolutePath().normalize();
            } catch (URISyntaxException | IllegalArgumentException ex) {
                return bare; // not a plain file URL: compared as written
            }
        }
        return bare;
    }

    private static String strip(String url) {
        String bare = url;
        while (bare.endsWith("/") || bare.endsWith("!")) {
            bare = bare.substring(0, bare.length() - 1);
        }
        return bare;
    }
}

package dev.forum.extraction.runtime.jpa;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forum.extraction.runtime.jpa.fixture.patients.Patient;
import dev.forum.extraction.runtime.jpa.fixture.visits.Visit;
import dev.forum.extraction.runtime.topology.InvalidTopologyException;
import dev.forum.extraction.runtime.topology.ModuleMetadata;
import dev.forum.extraction.runtime.topology.Topology;
import dev.forum.extraction.runtime.topology.TopologySettings;
import java.io.IOException;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.orm.jpa.persistenceunit.MutablePersistenceUnitInfo;

/**
 * When a persistence unit that does not exclude unlisted classes is refused: only when the provider scans and a remote
 * module's classes are in the jar.
 */
class UnlistedClassesScanUnitTest {

    static final String MODULES = """
            format=1
            modules=patients,visits
            module.patients.packages=dev.forum.extraction.runtime.jpa.fixture.patients
            module.visits.packages=dev.forum.extraction.runtime.jpa.fixture.visits
            """;

    /** The test's class path has Hibernate 7 without a scanner service; this one has hibernate-scan-jandex's too. */
    private static final ClassLoader NO_SCANNER = UnlistedClassesScanUnitTest.class.getClassLoader();

    static final ClassLoader SCANNER = new ClassLoader(NO_SCANNER) {
        @Override
        public URL getResource(String name) {
            return name.equals("META-INF/services/" + UnlistedClassesScan.SCANNER_FACTORY)
                    ? NO_SCANNER.getResource("META-INF/archive-persistence.xml") : super.getResource(name);
        }
    };

    static Topology topology(String metadata, String... local) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(metadata));
        return Topology.resolve(new TopologySettings(Set.of(local), null, Map.of(), Duration.ofMillis(250),
                Duration.ofMillis(800)), ModuleMetadata.parse(properties, "test"));
    }

    /** The class path entry of the fixtures: every module's classes, as the application's jar holds them. */
    static final URL ALL_MODULES = Patient.class.getProtectionDomain().getCodeSource().getLocation();

    @TempDir
    Path dir;

    /**
     * A unit as Spring reads it from a persistence.xml without {@code <exclude-unlisted-classes>}, at the root of the
     * class path entry that holds every module.
     */
    private static MutablePersistenceUnitInfo scanning() {
        return scanning(ALL_MODULES);
    }

    static MutablePersistenceUnitInfo scanning(URL root) {
        MutablePersistenceUnitInfo unit = new MutablePersistenceUnitInfo();
        unit.setPersistenceUnitName("archive");
        unit.setPersistenceUnitRootUrl(root);
        return unit;
    }

    /** A jar of the given entities' classes, with the directory entries of their packages, as Maven builds it. */
    private Path jar(String name, Class<?>... entities) throws IOException, URISyntaxException {
        return UnlistedClassesScanJarUnitTest.jar(dir.resolve(name), true, entities);
    }

    /** A class path directory of the given entities' classes, as Maven's target/classes of one module. */
    private Path classes(String name, Class<?>... entities) throws IOException, URISyntaxException {
        Path directory = dir.resolve(name);
        Path all = Path.of(ALL_MODULES.toURI());
        for (Class<?> entity : entities) {
            String file = entity.getName().replace('.', '/') + ".class";
            Files.createDirectories(directory.resolve(file).getParent());
            Files.copy(all.resolve(file), directory.resolve(file));
        }
        return directory;
    }

    @Test
    void aScanningUnitWithARemoteModuleInTheJarIsRefusedInOneLine() throws IOException {
        UnlistedClassesScan scan = new UnlistedClassesScan(topology(MODULES, "visits"), SCANNER);
        assertThatThrownBy(() -> scan.refuse(scanning(), "entity manager factory 'archive'", Map.of()))
                .isInstanceOf(InvalidTopologyException.class)
                .hasMessage("Persistence unit 'archive' of entity manager factory 'archive' does not exclude unlisted"
                        + " classes, so the JPA provider adds the managed classes it finds under " + ALL_MODULES + " to it,"
                        + " those of remote module patients too, and would validate, create or update their tables from"
                        + " this process: add <exclude-unlisted-classes>true</exclude-unlisted-classes> to that"
                        + " <persistence-unit> of its persistence.xml, and list the managed classes it needs in <class>"
                        + " elements");
    }

    @Test
    void hibernateWithoutAScannerMapsTheListedClassesOnlySoTheUnitIsLeftAlone() throws IOException {
        Topology topology = topology(MODULES, "visits");
        assertThatCode(() -> new UnlistedClassesScan(topology, NO_SCANNER).refuse(scanning(), "f", Map.of()))
                .doesNotThrowAnyException();
        // A scanner named in the factory's JPA properties, or the unit's: it scans.
        assertThatThrownBy(() -> new UnlistedClassesScan(topology, NO_SCANNER).refuse(scanning(), "f",
                Map.of(UnlistedClassesScan.SCANNER, "my.Scanner"))).isInstanceOf(InvalidTopologyException.class);
        MutablePersistenceUnitInfo unit = scanning();
        unit.addProperty(UnlistedClassesScan.SCANNER, "my.Scanner");
        assertThatThrownBy(() -> new UnlistedClassesScan(topology, NO_SCANNER).refuse(unit, "f", Map.of()))
                .isInstanceOf(InvalidTopologyException.class);
    }

    @Test
    void aUnitThatExcludesUnlistedClassesOrNoRemoteModuleInTheJarIsLeftAlone() throws IOException {
        MutablePersistenceUnitInfo excluding = scanning();
        excluding.setExcludeUnlistedClasses(true);
        assertThatCode(() -> new UnlistedClassesScan(topology(MODULES, "visits"), SCANNER)
                .refuse(excluding, "f", Map.of())).doesNotThrowAnyException();
        // Every module local.
        assertThatCode(() -> new UnlistedClassesScan(topology(MODULES), SCANNER)
                .refuse(scanning(), "f", Map.of())).doesNotThrowAnyException();
        // A service jar built for visits: patients' classes are not in it.
        assertThatCode(() -> new UnlistedClassesScan(topology(MODULES + "service=visits\n"), SCANNER)
                .refuse(scanning(), "f", Map.of())).doesNotThrowAnyException();
    }

    @Test
    void onlyARootOrJarFileThatHoldsARemoteModuleIsRefused() throws Exception {
        Topology topology = topology(MODULES, "visits");
        // A persistence.xml in a local module's own directory or jar (each module a jar, as in BOOT-INF/lib), while
        // the remote module's classes are in a directory whose name starts with the local one's, and in a jar.
        Path visitsClasses = classes("classes", Visit.class);
        Path patientsClasses = classes("classes-patients", Patient.class);
        Path visits = jar("visits.jar", Visit.class);
        Path patients = jar("patients.jar", Patient.class);
        try (URLClassLoader jars = new URLClassLoader(new URL[] {visitsClasses.toUri().toURL(),
                patientsClasses.toUri().toURL(), visits.toUri().toURL(), patients.toUri().toURL()}, SCANNER)) {
            UnlistedClassesScan scan = new UnlistedClassesScan(topology, jars);
            assertThatCode(() -> scan.refuse(scanning(visitsClasses.toUri().toURL()), "f", Map.of()))
                    .doesNotThrowAnyException();
            URL patientsRoot = visitsClasses.resolve("../classes-patients/").toUri().toURL(); // as written: normalized
            assertThatThrownBy(() -> scan.refuse(scanning(patientsRoot), "f", Map.of()))
                    .isInstanceOf(InvalidTopologyException.class)
                    .hasMessageContaining("finds under " + patientsRoot + " to it, those of remote module patients");
            assertThatCode(() -> scan.refuse(scanning(visits.toUri().toURL()), "f", Map.of()))
                    .doesNotThrowAnyException();
            assertThatThrownBy(() -> scan.refuse(scanning(patients.toUri().toURL()), "f", Map.of()))
                    .isInstanceOf(InvalidTopologyException.class)
                    .hasMessageContaining("finds under " + patients.toUri().toURL() + " to it, those of remote module"
                            + " patients too");
        }
    }

    @Test
    void aJarFileThatHoldsARemoteModuleIsRefusedEvenWhenUnlistedClassesAreExcluded() throws Exception {
        Topology topology = topology(MODULES, "visits");
        Path visits = jar("visits.jar", Visit.class);
        Path patients = jar("patients.jar", Patient.class);
        URL patientsJar = patients.toUri().toURL();
        MutablePersistenceUnitInfo unit = scanning(dir.toUri().toURL());
        unit.setExcludeUnlistedClasses(true);
        unit.addJarFileUrl(ALL_MODULES);
        unit.addJarFileUrl(visits.toUri().toURL());
        unit.addJarFileUrl(patientsJar);
        try (URLClassLoader jars = new URLClassLoader(new URL[] {visits.toUri().toURL(), patientsJar}, SCANNER)) {
            assertThatThrownBy(() -> new UnlistedClassesScan(topology, jars).refuse(unit, "entity manager factory 'a'",
                    Map.of())).isInstanceOf(InvalidTopologyException.class)
                    .hasMessage("Persistence unit 'archive' of entity manager factory 'a' names a <jar-file> (Hibernate"
                            + " scans those even when unlisted classes are excluded), so the JPA provider adds the"
                            + " managed classes it finds under " + ALL_MODULES + ", " + patientsJar + " to it, those of"
                            + " remote module patients too, and would validate, create or update their tables from this"
                            + " process: remove the <jar-file> elements of " + ALL_MODULES + ", " + patientsJar
                            + " from that <persistence-unit> of its persistence.xml, and list the managed classes it"
                            + " needs in <class> elements");
        }
        MutablePersistenceUnitInfo local = scanning(dir.toUri().toURL());
        local.setExcludeUnlistedClasses(true);
        local.addJarFileUrl(dir.toUri().toURL());
        assertThatCode(() -> new UnlistedClassesScan(topology, SCANNER).refuse(local, "f", Map.of()))
                .doesNotThrowAnyException();
    }

    @Test
    void hibernateArchiveAutodetectionDecidesWhetherClassesAreDetected() throws IOException {
        UnlistedClassesScan scan = new UnlistedClassesScan(topology(MODULES, "visits"), SCANNER);
        for (String noClasses : new String[] {"hbm", ""}) {
            assertThatCode(() -> scan.refuse(scanning(), "f", Map.of(UnlistedClassesScan.AUTODETECTION, noClasses)))
                    .doesNotThrowAnyException();
            MutablePersistenceUnitInfo unit = scanning();
            unit.addJarFileUrl(ALL_MODULES);
            unit.addProperty(UnlistedClassesScan.AUTODETECTION, noClasses);
            assertThatCode(() -> scan.refuse(unit, "f", Map.of())).doesNotThrowAnyException();
        }
        // "class" detects classes under the root even when the unit excludes unlisted ones; the refusal names where
        // it is set: the factory's JPA properties (read first) or the unit's <property>.
        MutablePersistenceUnitInfo excluding = scanning();
        excluding.setExcludeUnlistedClasses(true);
        excluding.addProperty(UnlistedClassesScan.AUTODETECTION, "hbm");
        assertThatThrownBy(() -> scan.refuse(excluding, "entity manager factory 'a'",
                Map.of(UnlistedClassesScan.AUTODETECTION, "class,hbm"))).isInstanceOf(InvalidTopologyException.class)
                .hasMessage("Persistence unit 'archive' of entity manager factory 'a' gets"
                        + " hibernate.archive.autodetection 'class,hbm' from the JPA properties of its factory"
                        + " (spring.jpa.properties.* with Spring Boot), so the JPA provider adds the managed classes it"
                        + " finds under " + ALL_MODULES + " to it, those of remote module patients too, and would"
                        + " validate, create or update their tables from this process: set"
                        + " hibernate.archive.autodetection to hbm, which detects no classes, in the JPA properties of"
                        + " its factory");
        MutablePersistenceUnitInfo own = scanning();
        own.setExcludeUnlistedClasses(true);
        own.addProperty(UnlistedClassesScan.AUTODETECTION, "class");
        assertThatThrownBy(() -> scan.refuse(own, "entity manager factory 'a'", Map.of()))
                .isInstanceOf(InvalidTopologyException.class)
                .hasMessage("Persistence unit 'archive' of entity manager factory 'a' sets"
                        + " hibernate.archive.autodetection to 'class' in a <property> of its persistence.xml, so the JPA"
                        + " provider adds the managed classes it finds under " + ALL_MODULES + " to it, those of remote"
                        + " module patients too, and would validate, create or update their tables from this process:"
                        + " set hibernate.archive.autodetection to hbm, which detects no classes, in that <property> of"
                        + " its persistence.xml");
        assertThatCode(() -> scan.refuse(own, "f", Map.of(UnlistedClassesScan.AUTODETECTION, "hbm")))
                .doesNotThrowAnyException();
    }

    @Test
    void aRootAndAJarFileThatHoldARemoteModuleAreEachNamedWithTheirOwnFix() throws Exception {
        Path patients = jar("patients.jar", Patient.class);
        URL patientsJar = patients.toUri().toURL();
        MutablePersistenceUnitInfo both = scanning(); // does not exclude unlisted classes, at the root of every module
        both.addJarFileUrl(patientsJar);
        try (URLClassLoader jars = new URLClassLoader(new URL[] {patientsJar}, SCANNER)) {
            UnlistedClassesScan scan = new UnlistedClassesScan(topology(MODULES, "visits"), jars);
            assertThatThrownBy(() -> scan.refuse(both, "entity manager factory 'a'", Map.of()))
                    .isInstanceOf(InvalidTopologyException.class)
                    .hasMessage("Persistence unit 'archive' of entity manager factory 'a' does not exclude unlisted"
                            + " classes and names a <jar-file> (Hibernate scans those even when unlisted classes are"
                            + " excluded), so the JPA provider adds the managed classes it finds under " + ALL_MODULES
                            + ", " + patientsJar + " to it, those of remote module patients too, and would validate,"
                            + " create or update their tables from this process: remove the <jar-file> elements of "
                            + patientsJar + " from that <persistence-unit> of its persistence.xml, add"
                            + " <exclude-unlisted-classes>true</exclude-unlisted-classes> to it, and list the managed"
                            + " classes it needs in <class> elements");
            // A root that holds no remote module is scanned harmlessly: only the jar file is a cause.
            MutablePersistenceUnitInfo jarOnly = scanning(dir.toUri().toURL());
            jarOnly.addJarFileUrl(patientsJar);
            assertThatThrownBy(() -> scan.refuse(jarOnly, "f", Map.of()))
                    .isInstanceOf(InvalidTopologyException.class)
                    .hasMessageContaining(" names a <jar-file> (Hibernate scans those even when unlisted classes are"
                            + " excluded), so the JPA provider adds the managed classes it finds under " + patientsJar
                            + " to it,")
                    .hasMessageEndingWith(": remove the <jar-file> elements of " + patientsJar + " from that"
                            + " <persistence-unit> of its persistence.xml, and list the managed classes it needs in"
                            + " <class> elements");
        }
    }
}

package dev.forum.extraction.runtime.jpa;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forum.extraction.runtime.topology.InvalidTopologyException;
import dev.forum.extraction.runtime.topology.ModuleMetadata;
import dev.forum.extraction.runtime.topology.Topology;
import dev.forum.extraction.runtime.topology.TopologySettings;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.orm.jpa.persistenceunit.MutablePersistenceUnitInfo;

/**
 * When a persistence unit that does not exclude unlisted classes is refused: only when the provider scans and a remote
 * module's classes are in the jar.
 */
class UnlistedClassesScanUnitTest {

    private static final String MODULES = """
            format=1
            modules=patients,visits
            module.patients.packages=dev.forum.extraction.runtime.jpa.fixture.patients
            module.visits.packages=dev.forum.extraction.runtime.jpa.fixture.visits
            """;

    /** The test's class path has Hibernate 7 without a scanner service; this one has hibernate-scan-jandex's too. */
    private static final ClassLoader NO_SCANNER = UnlistedClassesScanUnitTest.class.getClassLoader();

    private static final ClassLoader SCANNER = new ClassLoader(NO_SCANNER) {
        @Override
        public URL getResource(String name) {
            return name.equals("META-INF/services/" + UnlistedClassesScan.SCANNER_FACTORY)
                    ? NO_SCANNER.getResource("META-INF/archive-persistence.xml") : super.getResource(name);
        }
    };

    private static Topology topology(String metadata, String... local) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(metadata));
        return Topology.resolve(new TopologySettings(Set.of(local), null, Map.of(), Duration.ofMillis(250),
                Duration.ofMillis(800)), ModuleMetadata.parse(properties, "test"));
    }

    /** A unit as Spring reads it from a persistence.xml without {@code <exclude-unlisted-classes>}. */
    private static MutablePersistenceUnitInfo scanning() throws IOException {
        MutablePersistenceUnitInfo unit = new MutablePersistenceUnitInfo();
        unit.setPersistenceUnitName("archive");
        unit.setPersistenceUnitRootUrl(URI.create("file:/app/classes/").toURL());
        return unit;
    }

    @Test
    void aScanningUnitWithARemoteModuleInTheJarIsRefusedInOneLine() throws IOException {
        UnlistedClassesScan scan = new UnlistedClassesScan(topology(MODULES, "visits"), SCANNER);
        assertThatThrownBy(() -> scan.refuse(scanning(), "entity manager factory 'archive'", Map.of()))
                .isInstanceOf(InvalidTopologyException.class)
                .hasMessage("Persistence unit 'archive' of entity manager factory 'archive' does not exclude unlisted"
                        + " classes, so the JPA provider adds the managed classes it finds under file:/app/classes/ to it,"
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
}

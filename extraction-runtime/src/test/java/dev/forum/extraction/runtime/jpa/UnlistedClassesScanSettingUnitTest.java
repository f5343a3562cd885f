package dev.forum.extraction.runtime.jpa;

import static dev.forum.extraction.runtime.jpa.UnlistedClassesScan.AUTODETECTION;
import static dev.forum.extraction.runtime.jpa.UnlistedClassesScanUnitTest.ALL_MODULES;
import static dev.forum.extraction.runtime.jpa.UnlistedClassesScanUnitTest.MODULES;
import static dev.forum.extraction.runtime.jpa.UnlistedClassesScanUnitTest.SCANNER;
import static dev.forum.extraction.runtime.jpa.UnlistedClassesScanUnitTest.topology;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forum.extraction.runtime.topology.InvalidTopologyException;
import dev.forum.extraction.runtime.topology.Topology;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.orm.jpa.persistenceunit.MutablePersistenceUnitInfo;

/**
 * {@code hibernate.archive.autodetection} and {@code hibernate.archive.scanner} from every source Hibernate 7 merges for
 * a unit, the first that has them winning: the factory's JPA properties (a null value removes the setting), the unit's
 * {@code <property>}, a JVM system property, {@code hibernate.properties}.
 */
class UnlistedClassesScanSettingUnitTest {

    private static final String TAIL = ", so the JPA provider adds the managed classes it finds under " + ALL_MODULES
            + " to it, those of remote module patients too, and would validate, create or update their tables from this"
            + " process: set hibernate.archive.autodetection to hbm, which detects no classes, in ";

    @TempDir
    Path dir;

    @AfterEach
    void clearSystemProperties() {
        System.clearProperty(AUTODETECTION);
        System.clearProperty(UnlistedClassesScan.SCANNER);
    }

    /** A unit that excludes unlisted classes: only an autodetection with {@code class} scans its root. */
    private static MutablePersistenceUnitInfo excluding() {
        MutablePersistenceUnitInfo unit = scanning();
        unit.setExcludeUnlistedClasses(true);
        return unit;
    }

    private static MutablePersistenceUnitInfo scanning() {
        return UnlistedClassesScanUnitTest.scanning(ALL_MODULES);
    }

    /** The application's class loader, with a hibernate.properties of the given content at its root. */
    private ClassLoader withHibernateProperties(String content, ClassLoader parent) throws IOException {
        URL file = Files.writeString(dir.resolve("hibernate.properties"), content).toUri().toURL();
        return new ClassLoader(parent) {
            @Override
            public URL getResource(String name) {
                return name.equals("hibernate.properties") ? file : super.getResource(name);
            }
        };
    }

    private URL hibernateProperties() throws MalformedURLException {
        return dir.resolve("hibernate.properties").toUri().toURL();
    }

    @Test
    void aSystemPropertyTurnsClassDetectionOnOrOffUnderTheUnitsAndTheFactorysSettings() throws IOException {
        UnlistedClassesScan scan = new UnlistedClassesScan(topology(MODULES, "visits"), SCANNER);
        System.setProperty(AUTODETECTION, "hbm");
        assertThatCode(() -> scan.refuse(scanning(), "f", Map.of())).doesNotThrowAnyException();
        System.setProperty(AUTODETECTION, "class");
        assertThatThrownBy(() -> scan.refuse(excluding(), "entity manager factory 'a'", Map.of()))
                .isInstanceOf(InvalidTopologyException.class)
                .hasMessage("Persistence unit 'archive' of entity manager factory 'a' gets"
                        + " hibernate.archive.autodetection 'class' from the JVM system property of that name" + TAIL
                        + "that system property (-Dhibernate.archive.autodetection=...)");
        // The unit's <property> and the factory's JPA properties come first.
        MutablePersistenceUnitInfo own = excluding();
        own.addProperty(AUTODETECTION, "hbm");
        assertThatCode(() -> scan.refuse(own, "f", Map.of())).doesNotThrowAnyException();
        assertThatCode(() -> scan.refuse(excluding(), "f", Map.of(AUTODETECTION, "hbm"))).doesNotThrowAnyException();
    }

    @Test
    void hibernatePropertiesTurnsClassDetectionOnOrOffUnderASystemProperty() throws IOException {
        Topology topology = topology(MODULES, "visits");
        UnlistedClassesScan off = new UnlistedClassesScan(topology, withHibernateProperties(AUTODETECTION + "=hbm\n",
                SCANNER));
        assertThatCode(() -> off.refuse(scanning(), "f", Map.of())).doesNotThrowAnyException();
        UnlistedClassesScan on = new UnlistedClassesScan(topology, withHibernateProperties(AUTODETECTION + "=class\n",
                SCANNER));
        assertThatThrownBy(() -> on.refuse(excluding(), "entity manager factory 'a'", Map.of()))
                .isInstanceOf(InvalidTopologyException.class)
                .hasMessage("Persistence unit 'archive' of entity manager factory 'a' gets"
                        + " hibernate.archive.autodetection 'class' from the hibernate.properties at "
                        + hibernateProperties() + TAIL + "that hibernate.properties");
        System.setProperty(AUTODETECTION, "hbm");
        assertThatCode(() -> on.refuse(excluding(), "f", Map.of())).doesNotThrowAnyException();
        // Without the setting, hibernate.properties' other settings change nothing.
        UnlistedClassesScan other = new UnlistedClassesScan(topology, withHibernateProperties("hibernate.x=1\n",
                SCANNER));
        System.clearProperty(AUTODETECTION);
        assertThatCode(() -> other.refuse(excluding(), "f", Map.of())).doesNotThrowAnyException();
        assertThatThrownBy(() -> other.refuse(scanning(), "f", Map.of())).isInstanceOf(InvalidTopologyException.class)
                .hasMessageContaining(" does not exclude unlisted classes, so");
    }

    @Test
    void aNullInTheFactorysJpaPropertiesRemovesTheSettingAsHibernateDoes() throws IOException {
        UnlistedClassesScan scan = new UnlistedClassesScan(topology(MODULES, "visits"), SCANNER);
        MutablePersistenceUnitInfo own = excluding();
        own.addProperty(AUTODETECTION, "class");
        Map<String, Object> removed = new HashMap<>();
        removed.put(AUTODETECTION, null);
        assertThatCode(() -> scan.refuse(own, "f", removed)).doesNotThrowAnyException();
        assertThatThrownBy(() -> scan.refuse(own, "f", Map.of())).isInstanceOf(InvalidTopologyException.class);
    }

    @Test
    void aScannerNamedInASystemPropertyOrHibernatePropertiesScans() throws IOException {
        Topology topology = topology(MODULES, "visits");
        ClassLoader noScanner = UnlistedClassesScanSettingUnitTest.class.getClassLoader();
        assertThatCode(() -> new UnlistedClassesScan(topology, noScanner).refuse(scanning(), "f", Map.of()))
                .doesNotThrowAnyException();
        UnlistedClassesScan named = new UnlistedClassesScan(topology,
                withHibernateProperties(UnlistedClassesScan.SCANNER + "=my.Scanner\n", noScanner));
        assertThatThrownBy(() -> named.refuse(scanning(), "f", Map.of())).isInstanceOf(InvalidTopologyException.class);
        System.setProperty(UnlistedClassesScan.SCANNER, "my.Scanner");
        assertThatThrownBy(() -> new UnlistedClassesScan(topology, noScanner).refuse(scanning(), "f", Map.of()))
                .isInstanceOf(InvalidTopologyException.class);
    }
}

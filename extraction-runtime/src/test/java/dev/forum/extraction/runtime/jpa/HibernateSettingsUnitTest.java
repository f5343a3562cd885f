package dev.forum.extraction.runtime.jpa;

import static dev.forum.extraction.runtime.jpa.UnlistedClassesScan.AUTODETECTION;
import static dev.forum.extraction.runtime.jpa.UnlistedClassesScanUnitTest.ALL_MODULES;
import static dev.forum.extraction.runtime.jpa.UnlistedClassesScanUnitTest.MODULES;
import static dev.forum.extraction.runtime.jpa.UnlistedClassesScanUnitTest.SCANNER;
import static dev.forum.extraction.runtime.jpa.UnlistedClassesScanUnitTest.topology;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forum.extraction.runtime.topology.InvalidTopologyException;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.orm.jpa.persistenceunit.MutablePersistenceUnitInfo;

/**
 * The Hibernate configuration file named by {@code hibernate.cfg_xml_file}, whose {@code <property>} elements
 * Hibernate 7 puts over the unit's properties and under the factory's map; and the files Hibernate cannot read, which hold nothing.
 */
@ExtendWith(OutputCaptureExtension.class)
class HibernateSettingsUnitTest {

    private static final String CFG_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE hibernate-configuration PUBLIC "-//Hibernate/Hibernate Configuration DTD 3.0//EN"
                "http://www.hibernate.org/dtd/hibernate-configuration-3.0.dtd">
            <hibernate-configuration>
              <session-factory>
                <property name="hibernate.show_sql">true</property>
                <property name="%s"> %s </property>
              </session-factory>
            </hibernate-configuration>
            """;

    /** Hibernate's setting of the configuration file (CFG_XML_FILE). */
    private static final String CFG_XML_FILE = "hibernate.cfg_xml_file";

    @TempDir
    Path dir;

    private URL cfgXml(String name, String value) throws IOException {
        return Files.writeString(dir.resolve("hibernate.cfg.xml"), CFG_XML.formatted(name, value)).toUri().toURL();
    }

    /** A unit at the root of every fixture module that excludes unlisted classes, naming a configuration file. */
    private static MutablePersistenceUnitInfo excluding(String cfgXmlFile) {
        MutablePersistenceUnitInfo unit = UnlistedClassesScanUnitTest.scanning(ALL_MODULES);
        unit.setExcludeUnlistedClasses(true);
        if (cfgXmlFile != null) {
            unit.addProperty(CFG_XML_FILE, cfgXmlFile);
        }
        return unit;
    }

    @Test
    void theConfigurationFilesPropertyComesOverTheUnitsAndUnderTheFactorys() throws Exception {
        URL file = cfgXml(AUTODETECTION, "class");
        UnlistedClassesScan scan = new UnlistedClassesScan(topology(MODULES, "visits"), SCANNER);
        assertThatThrownBy(() -> scan.refuse(excluding(file.toString()), "entity manager factory 'a'", Map.of()))
                .isInstanceOf(InvalidTopologyException.class)
                .hasMessage("Persistence unit 'archive' of entity manager factory 'a' gets"
                        + " hibernate.archive.autodetection 'class' from a <property> of the Hibernate configuration file " + file
                        + " (hibernate.cfg_xml_file), so the JPA provider adds the managed classes it finds under "
                        + ALL_MODULES + " to it, those of remote module patients too, and would validate, create or"
                        + " update their tables from this process: set hibernate.archive.autodetection to hbm, which"
                        + " detects no classes, in that <property> of " + file);
        MutablePersistenceUnitInfo own = excluding(file.toString());
        own.addProperty(AUTODETECTION, "hbm");
        assertThatThrownBy(() -> scan.refuse(own, "f", Map.of())).isInstanceOf(InvalidTopologyException.class);
        assertThatCode(() -> scan.refuse(own, "f", Map.of(AUTODETECTION, "hbm"))).doesNotThrowAnyException();
    }

    @Test
    void aNameWithASpaceIsFoundAsAFileUrlAndOnTheClassPath() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("with space"));
        URL file = Files.writeString(folder.resolve("hibernate.cfg.xml"), CFG_XML.formatted("archive.autodetection",
                "hbm")).toUri().toURL();
        ClassLoader application = new ClassLoader(SCANNER) {
            @Override
            public URL getResource(String name) {
                return name.equals("my config/hibernate.cfg.xml") ? file : super.getResource(name);
            }
        };
        UnlistedClassesScan scan = new UnlistedClassesScan(topology(MODULES, "visits"), application);
        MutablePersistenceUnitInfo scanning = UnlistedClassesScanUnitTest.scanning(ALL_MODULES);
        assertThatThrownBy(() -> scan.refuse(scanning, "f", Map.of(CFG_XML_FILE, "my config/absent.cfg.xml")))
                .isInstanceOf(InvalidTopologyException.class);
        for (String name : new String[] {"my config/hibernate.cfg.xml", "file:" + folder + "/hibernate.cfg.xml"}) {
            assertThatCode(() -> scan.refuse(scanning, "f", Map.of(CFG_XML_FILE, name))).as(name)
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void aConfigurationFileNamedByTheFactoryIsFoundOnTheClassPathAndItsShortNamesGetHibernatesPrefix()
            throws Exception {
        URL file = cfgXml("archive.autodetection", "hbm");
        ClassLoader application = new ClassLoader(SCANNER) {
            @Override
            public URL getResource(String name) {
                return name.equals("config/hibernate.cfg.xml") ? file : super.getResource(name);
            }
        };
        UnlistedClassesScan scan = new UnlistedClassesScan(topology(MODULES, "visits"), application);
        MutablePersistenceUnitInfo scanning = UnlistedClassesScanUnitTest.scanning(ALL_MODULES);
        assertThatThrownBy(() -> scan.refuse(scanning, "f", Map.of())).isInstanceOf(InvalidTopologyException.class);
        assertThatCode(() -> scan.refuse(scanning, "f", Map.of(CFG_XML_FILE,
                "/config/hibernate.cfg.xml"))).doesNotThrowAnyException();
        assertThatCode(() -> scan.refuse(scanning, "f", Map.of(CFG_XML_FILE, "classpath:config/hibernate.cfg.xml")))
                .doesNotThrowAnyException();
    }

    @Test
    void aFileHibernateCannotReadHoldsNothingWithOneWarning(CapturedOutput output) throws Exception {
        URL absent = dir.resolve("absent.properties").toUri().toURL();
        ClassLoader application = new ClassLoader(SCANNER) {
            @Override
            public URL getResource(String name) {
                return name.equals("hibernate.properties") ? absent : super.getResource(name);
            }
        };
        UnlistedClassesScan scan = new UnlistedClassesScan(topology(MODULES, "visits"), application);
        assertThatCode(() -> scan.refuse(excluding(null), "f", Map.of())).doesNotThrowAnyException();
        assertThat(output.getOut()).contains("Cannot read " + absent + ", the hibernate.properties Hibernate reads"
                + " (Hibernate logs it and goes on without it), so its settings are not checked: ");
        String missing = dir.resolve("missing.cfg.xml").toUri().toString();
        assertThatCode(() -> scan.refuse(excluding(missing), "f", Map.of())).doesNotThrowAnyException();
        assertThat(output.getOut()).contains("Cannot read " + missing + ", the Hibernate configuration file"
                + " hibernate.cfg_xml_file names (Hibernate fails to start without it), so its settings are not"
                + " checked: ");
    }

    @Test
    void hibernatePropertiesIsLookedUpOncePerCheck() throws Exception {
        URL file = Files.writeString(dir.resolve("hibernate.properties"), "hibernate.x=1\n").toUri().toURL();
        AtomicInteger lookups = new AtomicInteger();
        // No scanner service: the check reads both the autodetection and the scanner settings.
        ClassLoader application = new ClassLoader(HibernateSettingsUnitTest.class.getClassLoader()) {
            @Override
            public URL getResource(String name) {
                if (name.equals("hibernate.properties")) {
                    lookups.incrementAndGet();
                    return file;
                }
                return super.getResource(name);
            }
        };
        new UnlistedClassesScan(topology(MODULES, "visits"), application).refuse(excluding(null), "f", Map.of());
        assertThat(lookups).hasValue(1);
    }
}

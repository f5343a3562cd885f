package dev.forum.extraction.runtime.jpa;

import static dev.forum.extraction.runtime.jpa.UnlistedClassesScan.location;
import static dev.forum.extraction.runtime.jpa.UnlistedClassesScanUnitTest.MODULES;
import static dev.forum.extraction.runtime.jpa.UnlistedClassesScanUnitTest.SCANNER;
import static dev.forum.extraction.runtime.jpa.UnlistedClassesScanUnitTest.scanning;
import static dev.forum.extraction.runtime.jpa.UnlistedClassesScanUnitTest.topology;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forum.extraction.runtime.jpa.fixture.patients.Patient;
import dev.forum.extraction.runtime.jpa.fixture.visits.Visit;
import dev.forum.extraction.runtime.topology.InvalidTopologyException;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Locations as a Spring Boot jar's class loader ({@code jar:nested:} URLs of a package) and Spring ORM (the root of a
 * {@code persistence.xml}: the jar URL less {@code !/META-INF/persistence.xml}, {@code ResourceUtils.extractJarFileURL})
 * write them, for {@code BOOT-INF/classes} and a module jar in {@code BOOT-INF/lib}.
 */
class UnlistedClassesScanLocationUnitTest {

    private static final String APP = "nested:/app/forum.jar/!";

    /** Spring Boot's {@code nested:} and {@code jar:} handlers, which only name the location here. */
    private static final URLStreamHandler NESTED = new URLStreamHandler() {
        @Override
        protected URLConnection openConnection(URL url) throws IOException {
            throw new IOException("Not opened in this test: " + url);
        }
    };

    private static URL nested(String entry) throws MalformedURLException {
        return new URL(null, APP + entry, NESTED); // URL.of(URI, handler) is past this module's release 17
    }

    @Test
    void aSpringBootJarsClassesAndLibJarsAreEachTheirOwnLocation() {
        assertThat(location("jar:" + APP + "BOOT-INF/classes/!/")).isEqualTo(location(APP + "BOOT-INF/classes/"))
                .isEqualTo(APP + "BOOT-INF/classes");
        assertThat(location("jar:" + APP + "BOOT-INF/lib/visits.jar!/"))
                .isEqualTo(location(APP + "BOOT-INF/lib/visits.jar")).isEqualTo(APP + "BOOT-INF/lib/visits.jar");
        assertThat(location(APP + "BOOT-INF/lib/visits.jar")).isNotEqualTo(location(APP + "BOOT-INF/classes"))
                .isNotEqualTo(location("file:/app/forum.jar"));
        // A plain jar: its jar: URL and its file: URL, as a normal path.
        assertThat(location("jar:file:/app/lib/visits.jar!/")).isEqualTo(location("file:/app/lib/./visits.jar"))
                .isEqualTo("file:/app/lib/visits.jar");
    }

    @Test
    void aPersistenceXmlInBootInfClassesIsRefusedAndOneInALocalModulesLibJarIsNot() throws IOException {
        String patients = Patient.class.getPackageName().replace('.', '/');
        String visits = Visit.class.getPackageName().replace('.', '/');
        // Spring Boot's class loader: patients' classes in BOOT-INF/classes, visits' in its own BOOT-INF/lib jar.
        ClassLoader boot = new ClassLoader(SCANNER) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                String entry = name.equals(patients) ? "BOOT-INF/classes/!/" : name.equals(visits)
                        ? "BOOT-INF/lib/visits.jar!/" : null;
                if (entry == null) {
                    return super.getResources(name);
                }
                return Collections.enumeration(List.of(new URL(null, "jar:" + APP + entry + name + "/", NESTED)));
            }
        };
        UnlistedClassesScan scan = new UnlistedClassesScan(topology(MODULES, "visits"), boot);
        URL classes = nested("BOOT-INF/classes/");
        assertThatThrownBy(() -> scan.refuse(scanning(classes), "f", Map.of()))
                .isInstanceOf(InvalidTopologyException.class)
                .hasMessageContaining("finds under " + APP + "BOOT-INF/classes/ to it, those of remote module patients");
        assertThatCode(() -> scan.refuse(scanning(nested("BOOT-INF/lib/visits.jar")), "f", Map.of()))
                .doesNotThrowAnyException();
    }
}

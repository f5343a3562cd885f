package dev.forum.extraction.runtime.jpa;

import static dev.forum.extraction.runtime.jpa.UnlistedClassesScanUnitTest.MODULES;
import static dev.forum.extraction.runtime.jpa.UnlistedClassesScanUnitTest.SCANNER;
import static dev.forum.extraction.runtime.jpa.UnlistedClassesScanUnitTest.scanning;
import static dev.forum.extraction.runtime.jpa.UnlistedClassesScanUnitTest.topology;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forum.extraction.runtime.jpa.fixture.patients.Patient;
import dev.forum.extraction.runtime.jpa.fixture.visits.Visit;
import dev.forum.extraction.runtime.topology.InvalidTopologyException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Locations as Spring ORM writes the root of a {@code persistence.xml} in a Spring Boot jar (the jar URL less
 * {@code !/META-INF/persistence.xml}, {@code ResourceUtils.extractJarFileURL}): {@code nested:} URLs of
 * {@code BOOT-INF/classes/} and of a module jar in {@code BOOT-INF/lib}, each read as the zip stream Spring Boot's
 * handler serves (for a folder, a zip of the entries under it), here without directory entries.
 */
class UnlistedClassesScanLocationUnitTest {

    private static final String APP = "nested:/app/forum.jar/!";

    /**
     * Spring Boot's {@code nested:} handler, as it serves BOOT-INF/classes (patients' classes) and BOOT-INF/lib/visits.jar.
     */
    private static final URLStreamHandler NESTED = new URLStreamHandler() {
        @Override
        protected URLConnection openConnection(URL url) {
            return new URLConnection(url) {
                @Override
                public void connect() {
                }

                @Override
                public InputStream getInputStream() throws IOException {
                    Class<?> entity = url.toExternalForm().endsWith("BOOT-INF/classes/") ? Patient.class
                            : url.toExternalForm().endsWith("BOOT-INF/lib/visits.jar") ? Visit.class : null;
                    if (entity == null) {
                        throw new IOException("No such entry: " + url);
                    }
                    ByteArrayOutputStream zip = new ByteArrayOutputStream();
                    try {
                        UnlistedClassesScanJarUnitTest.write(zip, "", false, entity);
                    } catch (URISyntaxException ex) {
                        throw new IOException(ex);
                    }
                    return new ByteArrayInputStream(zip.toByteArray());
                }
            };
        }
    };

    private static URL nested(String entry) throws MalformedURLException {
        return new URL(null, APP + entry, NESTED); // URL.of(URI, handler) is past this module's release 17
    }

    @Test
    void aPersistenceXmlInBootInfClassesIsRefusedAndOneInALocalModulesLibJarIsNot() throws IOException {
        UnlistedClassesScan scan = new UnlistedClassesScan(topology(MODULES, "visits"), SCANNER);
        URL classes = nested("BOOT-INF/classes/");
        assertThatThrownBy(() -> scan.refuse(scanning(classes), "f", Map.of()))
                .isInstanceOf(InvalidTopologyException.class)
                .hasMessageContaining("finds under " + APP + "BOOT-INF/classes/ to it, those of remote module patients");
        assertThatCode(() -> scan.refuse(scanning(nested("BOOT-INF/lib/visits.jar")), "f", Map.of()))
                .doesNotThrowAnyException();
    }
}

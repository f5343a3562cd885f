package dev.forum.extraction.runtime.jpa;

import static dev.forum.extraction.runtime.jpa.UnlistedClassesScanUnitTest.ALL_MODULES;
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
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.loader.net.protocol.Handlers;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The roots and jar files of an application run from its Spring Boot jar, read through spring-boot-loader's own
 * {@code nested:} and {@code jar:} handlers (registered as the launcher registers them): its {@code BOOT-INF/classes/}
 * and a {@code BOOT-INF/lib} jar, as {@code nested:} and {@code jar:nested:} URLs.
 */
class ArchiveClassesBootJarUnitTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void registerSpringBootHandlers() {
        Handlers.register();
    }

    /** A Spring Boot jar: the patients' classes in BOOT-INF/classes/, the visits' in BOOT-INF/lib/visits.jar. */
    private Path bootJar(boolean directories) throws Exception {
        ByteArrayOutputStream lib = new ByteArrayOutputStream();
        UnlistedClassesScanJarUnitTest.write(lib, "", directories, Visit.class);
        Path app = dir.resolve("app-" + directories + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(app))) {
            String folder = "BOOT-INF/classes/" + Patient.class.getPackageName().replace('.', '/') + "/";
            for (int i = directories ? folder.indexOf('/') : -1; i > 0; i = folder.indexOf('/', i + 1)) {
                out.putNextEntry(new JarEntry(folder.substring(0, i + 1)));
            }
            out.putNextEntry(new JarEntry("BOOT-INF/classes/" + Patient.class.getName().replace('.', '/') + ".class"));
            out.write(Files.readAllBytes(Path.of(ALL_MODULES.toURI())
                    .resolve(Patient.class.getName().replace('.', '/') + ".class")));
            if (directories) {
                out.putNextEntry(new JarEntry("BOOT-INF/lib/"));
            }
            JarEntry jar = new JarEntry("BOOT-INF/lib/visits.jar"); // stored, as Spring Boot stores a nested jar
            jar.setMethod(JarEntry.STORED);
            jar.setSize(lib.size());
            CRC32 crc = new CRC32();
            crc.update(lib.toByteArray());
            jar.setCrc(crc.getValue());
            out.putNextEntry(jar);
            out.write(lib.toByteArray());
        }
        return app;
    }

    @Test
    void theClassesAndALibJarOfABootJarWithDirectoryEntriesAreReadThroughSpringBootsHandlers() throws Exception {
        Path app = bootJar(true);
        URL classes = new URL("nested:" + app + "/!BOOT-INF/classes/");
        URL lib = new URL("nested:" + app + "/!BOOT-INF/lib/visits.jar");
        assertThat(ArchiveClasses.of(classes)).containsExactly(Patient.class.getName());
        assertThat(ArchiveClasses.of(new URL("jar:" + classes + "!/"))).containsExactly(Patient.class.getName());
        assertThat(ArchiveClasses.of(lib)).containsExactly(Visit.class.getName());
        assertThat(ArchiveClasses.of(new URL("jar:" + lib + "!/"))).containsExactly(Visit.class.getName());
        assertThat(ArchiveClasses.of(app.toUri().toURL())).containsExactly(Patient.class.getName());
        UnlistedClassesScan scan = new UnlistedClassesScan(topology(MODULES, "visits"), SCANNER);
        assertThatThrownBy(() -> scan.refuse(scanning(classes), "f", Map.of()))
                .isInstanceOf(InvalidTopologyException.class)
                .hasMessageContaining("finds under " + classes + " to it, those of remote module patients too");
        assertThatCode(() -> scan.refuse(scanning(lib), "f", Map.of())).doesNotThrowAnyException();
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void withoutDirectoryEntriesItsLibJarIsReadAndItsClassesFolderThatSpringBootCannotOpenHoldsNothing(
            CapturedOutput output) throws Exception {
        Path app = bootJar(false);
        URL lib = new URL("nested:" + app + "/!BOOT-INF/lib/visits.jar");
        assertThat(ArchiveClasses.of(lib)).containsExactly(Visit.class.getName());
        assertThat(ArchiveClasses.of(app.toUri().toURL())).containsExactly(Patient.class.getName());
        URL classes = new URL("nested:" + app + "/!BOOT-INF/classes/");
        URL absent = new URL("nested:" + app + "/!BOOT-INF/lib/absent.jar");
        UnlistedClassesScan scan = new UnlistedClassesScan(topology(MODULES, "visits"), SCANNER);
        for (URL url : new URL[] {classes, absent}) {
            assertThatCode(() -> scan.refuse(scanning(url), "entity manager factory 'a'", Map.of()))
                    .doesNotThrowAnyException();
            assertThat(output.getOut()).contains("Cannot read " + url + ", which the JPA provider scans for"
                    + " persistence unit 'archive' of entity manager factory 'a': ");
        }
    }
}

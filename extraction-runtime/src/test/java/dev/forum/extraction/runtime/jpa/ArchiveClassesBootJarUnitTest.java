package dev.forum.extraction.runtime.jpa;

import static dev.forum.extraction.runtime.jpa.UnlistedClassesScanJarUnitTest.url;
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
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterAll;
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
 * and a {@code BOOT-INF/lib} jar, as {@code nested:} URLs (a zip stream, as Hibernate reads a URL of a scheme it does
 * not know) and {@code jar:nested:} URLs.
 *
 * <p>The handlers are the JVM's: {@link Handlers#register()} adds Boot's package to the system property
 * {@code java.protocol.handler.pkgs} and empties the JDK's cache of handlers. So that the test classes after this one
 * read {@code jar:} URLs through the JDK's handler again, {@link #restoreTheJdksHandlers()} puts the property back as
 * it was and empties that cache the same way (allowed while no {@code URLStreamHandlerFactory} is set, which Boot's
 * registration relies on too), then checks that {@code jar:} is the JDK's and {@code nested:} unknown again.
 */
class ArchiveClassesBootJarUnitTest {

    private static final String HANDLER_PACKAGES = "java.protocol.handler.pkgs";

    private static String handlerPackages;

    @TempDir
    Path dir;

    @BeforeAll
    static void registerSpringBootHandlers() {
        handlerPackages = System.getProperty(HANDLER_PACKAGES);
        Handlers.register();
    }

    @AfterAll
    static void restoreTheJdksHandlers() throws Exception {
        if (handlerPackages == null) {
            System.clearProperty(HANDLER_PACKAGES);
        } else {
            System.setProperty(HANDLER_PACKAGES, handlerPackages);
        }
        URL.setURLStreamHandlerFactory(null); // empties the JDK's handler cache; no factory is set (see above)
        assertThat(url("jar:file:/app.jar!/").openConnection().getClass().getName()).startsWith("sun.net.www.");
        assertThatThrownBy(() -> url("nested:/app.jar/!BOOT-INF/classes/")).isInstanceOf(MalformedURLException.class);
    }

    /** How a Boot jar's folders have entries of their own. */
    private enum Folders {
        /** every folder, as Spring Boot's plugins write it. */
        ALL,
        /** {@code BOOT-INF/classes/} and {@code BOOT-INF/lib/} only, not the packages' folders. */
        ROOTS,
        /** none. */
        NONE
    }

    /** A Spring Boot jar: the patients' classes in BOOT-INF/classes/, the visits' in BOOT-INF/lib/visits.jar. */
    private Path bootJar(Folders folders) throws Exception {
        ByteArrayOutputStream lib = new ByteArrayOutputStream();
        UnlistedClassesScanJarUnitTest.write(lib, "", folders == Folders.ALL, Visit.class);
        Path app = dir.resolve("app-" + folders + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(app))) {
            String folder = "BOOT-INF/classes/" + Patient.class.getPackageName().replace('.', '/') + "/";
            for (int i = folder.indexOf('/'); folders != Folders.NONE && i > 0; i = folder.indexOf('/', i + 1)) {
                if (folders == Folders.ALL || i == "BOOT-INF/classes".length()) {
                    out.putNextEntry(new JarEntry(folder.substring(0, i + 1)));
                }
            }
            out.putNextEntry(new JarEntry("BOOT-INF/classes/" + Patient.class.getName().replace('.', '/') + ".class"));
            out.write(ArchiveClassesUnitTest.bytes(Patient.class));
            if (folders != Folders.NONE) {
                out.putNextEntry(new JarEntry("BOOT-INF/lib/"));
            }
            out.putNextEntry(stored("BOOT-INF/lib/visits.jar", lib.toByteArray()));
            out.write(lib.toByteArray());
        }
        return app;
    }

    /** An entry of these bytes, stored, as Spring Boot stores a nested jar (it refuses a compressed one). */
    private static JarEntry stored(String name, byte[] bytes) {
        JarEntry entry = new JarEntry(name);
        entry.setMethod(JarEntry.STORED);
        entry.setSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        entry.setCrc(crc.getValue());
        return entry;
    }

    @Test
    void theClassesAndALibJarOfABootJarAreReadThroughSpringBootsHandlersWithOrWithoutThePackagesFolders()
            throws Exception {
        for (Folders folders : new Folders[] {Folders.ALL, Folders.ROOTS}) {
            Path app = bootJar(folders);
            URL classes = url("nested:" + app + "/!BOOT-INF/classes/");
            URL lib = url("nested:" + app + "/!BOOT-INF/lib/visits.jar");
            assertThat(ArchiveClasses.of(classes)).as(classes.toString()).containsExactly(Patient.class.getName());
            assertThat(ArchiveClasses.of(url("jar:" + classes + "!/"))).containsExactly(Patient.class.getName());
            assertThat(ArchiveClasses.of(lib)).as(lib.toString()).containsExactly(Visit.class.getName());
            assertThat(ArchiveClasses.of(url("jar:" + lib + "!/"))).containsExactly(Visit.class.getName());
            assertThat(ArchiveClasses.of(app.toUri().toURL())).containsExactly(Patient.class.getName());
            ArchiveClassesHibernateUnitTest.assertSameClasses(List.of(classes, url("jar:" + classes + "!/"), lib,
                    url("jar:" + lib + "!/"), app.toUri().toURL()));
            UnlistedClassesScan scan = new UnlistedClassesScan(topology(MODULES, "visits"), SCANNER);
            assertThatThrownBy(() -> scan.refuse(scanning(classes), "f", Map.of()))
                    .isInstanceOf(InvalidTopologyException.class)
                    .hasMessageContaining("finds under " + classes + " to it, those of remote module patients too");
            assertThatCode(() -> scan.refuse(scanning(lib), "f", Map.of())).doesNotThrowAnyException();
        }
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void withoutAnyFolderEntryItsLibJarIsReadAndItsClassesFolderThatSpringBootCannotOpenHoldsNothing(
            CapturedOutput output) throws Exception {
        Path app = bootJar(Folders.NONE);
        URL lib = url("nested:" + app + "/!BOOT-INF/lib/visits.jar");
        assertThat(ArchiveClasses.of(lib)).containsExactly(Visit.class.getName());
        assertThat(ArchiveClasses.of(app.toUri().toURL())).containsExactly(Patient.class.getName());
        URL classes = url("nested:" + app + "/!BOOT-INF/classes/");
        URL absent = url("nested:" + app + "/!BOOT-INF/lib/absent.jar");
        UnlistedClassesScan scan = new UnlistedClassesScan(topology(MODULES, "visits"), SCANNER);
        for (URL url : new URL[] {classes, absent}) {
            assertThatCode(() -> scan.refuse(scanning(url), "entity manager factory 'a'", Map.of()))
                    .doesNotThrowAnyException();
            assertThat(output.getOut()).contains("Cannot read " + url + ", which the JPA provider scans for"
                    + " persistence unit 'archive' of entity manager factory 'a': ");
        }
    }

    @Test
    void aNestedUrlIsReadAsTheZipStreamItsHandlerGivesByItsLocalHeadersAsHibernateReadsIt() throws Exception {
        // A lib jar whose central directory names the class file Patient.clazz (a name as long), its local header
        // Patient.class: Hibernate's JarInputStream reads the local header, so it scans (and maps) Patient; a jar:
        // URL's JarFile would read the central directory and find no class.
        ByteArrayOutputStream lib = new ByteArrayOutputStream();
        UnlistedClassesScanJarUnitTest.write(lib, "", false, Patient.class);
        String name = Patient.class.getName().replace('.', '/') + ".class";
        String bytes = lib.toString(StandardCharsets.ISO_8859_1);
        int central = bytes.indexOf(name, bytes.indexOf(name) + 1);
        byte[] odd = (bytes.substring(0, central) + name.replace(".class", ".clazz")
                + bytes.substring(central + name.length())).getBytes(StandardCharsets.ISO_8859_1);
        Path app = dir.resolve("app.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(app))) {
            out.putNextEntry(stored("BOOT-INF/lib/odd.jar", odd));
            out.write(odd);
        }
        URL nested = url("nested:" + app + "/!BOOT-INF/lib/odd.jar");
        assertThat(ArchiveClasses.of(nested)).containsExactly(Patient.class.getName());
        assertThat(ArchiveClasses.of(url("jar:" + nested + "!/"))).containsExactly(Patient.class.getName());
        ArchiveClassesHibernateUnitTest.assertSameClasses(List.of(nested, url("jar:" + nested + "!/")));
        assertThatThrownBy(() -> new UnlistedClassesScan(topology(MODULES, "visits"), SCANNER)
                .refuse(scanning(nested), "f", Map.of())).isInstanceOf(InvalidTopologyException.class)
                .hasMessageContaining("finds under " + nested + " to it, those of remote module patients too");
    }

    @Test
    void aClassEntryOfANestedUrlThatIsNoClassFileIsRefusedNamingIt() throws Exception {
        ByteArrayOutputStream lib = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(lib)) {
            out.putNextEntry(new JarEntry(Patient.class.getName().replace('.', '/') + ".class"));
            out.write(ArchiveClassesUnitTest.bytes(Patient.class));
            out.putNextEntry(new JarEntry("broken/Broken.class"));
            out.write("garbage".getBytes(StandardCharsets.UTF_8));
        }
        Path app = dir.resolve("app.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(app))) {
            out.putNextEntry(stored("BOOT-INF/lib/broken.jar", lib.toByteArray()));
            out.write(lib.toByteArray());
        }
        URL nested = url("nested:" + app + "/!BOOT-INF/lib/broken.jar");
        assertThatThrownBy(() -> new UnlistedClassesScan(topology(MODULES, "visits"), SCANNER)
                .refuse(scanning(nested), "f", Map.of())).isInstanceOf(InvalidTopologyException.class)
                .hasMessageContaining("under " + nested + ", whose entry broken/Broken.class cannot be scanned (it"
                        + " does not start with 0xCAFEBABE)");
    }
}

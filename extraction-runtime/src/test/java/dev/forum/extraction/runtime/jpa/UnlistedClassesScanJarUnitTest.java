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
import dev.forum.extraction.runtime.topology.Topology;
import java.io.IOException;
import java.io.OutputStream;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.orm.jpa.persistenceunit.MutablePersistenceUnitInfo;

/**
 * A remote module's classes are found by their class files' names, so a jar built without directory entries (as
 * {@code zip -D} makes one) is refused as one with them is, as a root and as a jar file, by its {@code file:} and
 * {@code jar:} URLs; a jar in a jar is read as Hibernate reads it; a class is named by its class file; and a location
 * that cannot be opened holds nothing, with a warning, as Hibernate skips it.
 */
class UnlistedClassesScanJarUnitTest {

    @TempDir
    Path dir;

    /**
     * Writes the entities' class files under a prefix, with the directory entries of their packages (as Maven builds a
     * jar) or without.
     *
     * @param out         the jar's stream, left open
     * @param prefix      where in the jar the class path starts: empty, or {@code BOOT-INF/classes/}
     * @param directories whether to write directory entries
     */
    static void write(OutputStream out, String prefix, boolean directories, Class<?>... entities)
            throws IOException, URISyntaxException {
        JarOutputStream jar = new JarOutputStream(out);
        Path classes = Path.of(ALL_MODULES.toURI());
        Set<String> folders = new TreeSet<>();
        for (Class<?> entity : entities) {
            String path = prefix + entity.getPackageName().replace('.', '/');
            for (int i = path.indexOf('/'); i > 0; i = path.indexOf('/', i + 1)) {
                folders.add(path.substring(0, i + 1));
            }
            folders.add(path + "/");
        }
        for (String folder : directories ? folders : Set.<String>of()) {
            jar.putNextEntry(new JarEntry(folder));
        }
        for (Class<?> entity : entities) {
            String file = entity.getName().replace('.', '/') + ".class";
            jar.putNextEntry(new JarEntry(prefix + file));
            jar.write(Files.readAllBytes(classes.resolve(file)));
        }
        jar.finish();
    }

    /** A URL of a spec, by the handler of its scheme (no deprecated {@code new URL(String)}). */
    static URL url(String spec) throws MalformedURLException {
        return URI.create(spec).toURL();
    }

    /** A jar file of the entities' classes: {@link #write} at its root. */
    static Path jar(Path jar, boolean directories, Class<?>... entities) throws IOException, URISyntaxException {
        try (OutputStream out = Files.newOutputStream(jar)) {
            write(out, "", directories, entities);
        }
        return jar;
    }

    @Test
    void aJarWithOrWithoutDirectoryEntriesThatHoldsARemoteModuleIsRefusedAsARootAndAsAJarFile() throws Exception {
        Topology topology = topology(MODULES, "visits");
        for (boolean directories : new boolean[] {false, true}) {
            Path patients = jar(dir.resolve("patients-" + directories + ".jar"), directories, Patient.class);
            Path visits = jar(dir.resolve("visits-" + directories + ".jar"), directories, Visit.class);
            URL[] classPath = {patients.toUri().toURL(), visits.toUri().toURL()};
            try (URLClassLoader application = new URLClassLoader(classPath, SCANNER)) {
                UnlistedClassesScan scan = new UnlistedClassesScan(topology, application);
                for (URL url : List.of(patients.toUri().toURL(), url("jar:" + patients.toUri() + "!/"))) {
                    assertThatThrownBy(() -> scan.refuse(scanning(url), "f", Map.of())).as(url.toString())
                            .isInstanceOf(InvalidTopologyException.class)
                            .hasMessageContaining(" does not exclude unlisted classes, so the JPA provider adds the"
                                    + " managed classes it finds under " + url + " to it, those of remote module"
                                    + " patients too");
                    MutablePersistenceUnitInfo excluding = scanning(dir.toUri().toURL());
                    excluding.setExcludeUnlistedClasses(true);
                    excluding.addJarFileUrl(url);
                    assertThatThrownBy(() -> scan.refuse(excluding, "f", Map.of())).as(url.toString())
                            .isInstanceOf(InvalidTopologyException.class)
                            .hasMessageContaining(": remove the <jar-file> elements of " + url + " from that");
                }
                for (URL url : List.of(visits.toUri().toURL(), url("jar:" + visits.toUri() + "!/"))) {
                    MutablePersistenceUnitInfo local = scanning(url);
                    local.addJarFileUrl(url);
                    assertThatCode(() -> scan.refuse(local, "f", Map.of())).as(url.toString())
                            .doesNotThrowAnyException();
                }
            }
        }
    }

    @Test
    void aJarUrlOfAFolderInAJarReadsTheClassesUnderThatFolderOnlyAndAJarOfABootJarNamesThemByTheirClassFiles()
            throws Exception {
        Path app = dir.resolve("app.jar");
        try (OutputStream out = Files.newOutputStream(app)) {
            write(out, "BOOT-INF/classes/", false, Patient.class, Visit.class);
        }
        URL classes = url("jar:" + app.toUri() + "!/BOOT-INF/classes/");
        assertThat(ArchiveClasses.of(classes)).containsExactlyInAnyOrder(Patient.class.getName(),
                Visit.class.getName());
        // Hibernate's scanner names a class by its bytes: the whole fat jar as a root holds the same classes.
        assertThat(ArchiveClasses.of(app.toUri().toURL())).containsExactlyInAnyOrder(Patient.class.getName(),
                Visit.class.getName());
        assertThatThrownBy(() -> new UnlistedClassesScan(topology(MODULES, "visits"), SCANNER)
                .refuse(scanning(classes), "f", Map.of())).isInstanceOf(InvalidTopologyException.class)
                .hasMessageContaining("finds under " + classes + " to it, those of remote module patients too");
        assertThatThrownBy(() -> new UnlistedClassesScan(topology(MODULES, "visits"), SCANNER)
                .refuse(scanning(app.toUri().toURL()), "f", Map.of())).isInstanceOf(InvalidTopologyException.class)
                .hasMessageContaining("finds under " + app.toUri().toURL() + " to it, those of remote module patients");
    }

    @Test
    void aJarUrlOfAJarInAJarReadsThatJarAsHibernateReadsANestedJar() throws Exception {
        Path lib = jar(dir.resolve("patients.jar"), false, Patient.class);
        Path app = dir.resolve("app.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(app))) {
            out.putNextEntry(new JarEntry("lib/patients.jar"));
            out.write(Files.readAllBytes(lib));
        }
        URL nested = url("jar:" + app.toUri() + "!/lib/patients.jar");
        assertThat(ArchiveClasses.of(nested)).containsExactly(Patient.class.getName());
        MutablePersistenceUnitInfo unit = scanning(dir.toUri().toURL());
        unit.setExcludeUnlistedClasses(true);
        unit.addJarFileUrl(nested);
        assertThatThrownBy(() -> new UnlistedClassesScan(topology(MODULES, "visits"), SCANNER)
                .refuse(unit, "f", Map.of())).isInstanceOf(InvalidTopologyException.class)
                .hasMessageContaining(": remove the <jar-file> elements of " + nested + " from that");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aLocationHibernateCannotOpenHoldsNothingWithOneWarningWhateverItsScheme(CapturedOutput output)
            throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.jar"), "not a zip");
        Path app = jar(dir.resolve("app.jar"), true, Visit.class);
        List<URL> unreadable = List.of(dir.resolve("absent.jar").toUri().toURL(), broken.toUri().toURL(),
                url("jar:" + dir.resolve("absent.jar").toUri() + "!/"), url("jar:" + broken.toUri() + "!/"),
                url("jar:" + app.toUri() + "!/lib/absent.jar"));
        UnlistedClassesScan scan = new UnlistedClassesScan(topology(MODULES, "visits"), SCANNER);
        for (URL url : unreadable) {
            MutablePersistenceUnitInfo unit = scanning(url);
            unit.addJarFileUrl(url);
            assertThatCode(() -> scan.refuse(unit, "entity manager factory 'a'", Map.of())).as(url.toString())
                    .doesNotThrowAnyException();
            assertThat(output.getOut()).as(url.toString()).contains("Cannot read " + url + ", which the JPA provider"
                    + " scans for persistence unit 'archive' of entity manager factory 'a': ");
        }
        assertThat(output.getOut()).contains("; Hibernate skips it too, so no remote module's class is looked for"
                + " there: fix that location or remove it from the unit");
    }
}

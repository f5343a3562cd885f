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
import org.junit.jupiter.api.io.TempDir;
import org.springframework.orm.jpa.persistenceunit.MutablePersistenceUnitInfo;

/**
 * A remote module's classes are found by their class files' names, so a jar built without directory entries (as
 * {@code zip -D} makes one) is refused as one with them is, as a root and as a jar file, by its {@code file:} and
 * {@code jar:} URLs.
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
                for (URL url : List.of(patients.toUri().toURL(), new URL("jar:" + patients.toUri() + "!/"))) {
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
                for (URL url : List.of(visits.toUri().toURL(), new URL("jar:" + visits.toUri() + "!/"))) {
                    MutablePersistenceUnitInfo local = scanning(url);
                    local.addJarFileUrl(url);
                    assertThatCode(() -> scan.refuse(local, "f", Map.of())).as(url.toString())
                            .doesNotThrowAnyException();
                }
            }
        }
    }

    @Test
    void aJarUrlOfAFolderInAJarReadsTheClassesUnderThatFolderOnly() throws Exception {
        Path app = dir.resolve("app.jar");
        try (OutputStream out = Files.newOutputStream(app)) {
            write(out, "BOOT-INF/classes/", false, Patient.class, Visit.class);
        }
        URL classes = new URL("jar:" + app.toUri() + "!/BOOT-INF/classes/");
        assertThat(ArchiveClasses.of(classes)).containsExactlyInAnyOrder(Patient.class.getName(),
                Visit.class.getName());
        assertThat(ArchiveClasses.of(app.toUri().toURL())).containsExactlyInAnyOrder(
                "BOOT-INF.classes." + Patient.class.getName(), "BOOT-INF.classes." + Visit.class.getName());
        assertThatThrownBy(() -> new UnlistedClassesScan(topology(MODULES, "visits"), SCANNER)
                .refuse(scanning(classes), "f", Map.of())).isInstanceOf(InvalidTopologyException.class)
                .hasMessageContaining("finds under " + classes + " to it, those of remote module patients too");
        // A file: URL of nothing holds no class; one that cannot be read is named in one line.
        assertThat(ArchiveClasses.of(dir.resolve("absent").toUri().toURL())).isEmpty();
        Path broken = Files.writeString(dir.resolve("broken.jar"), "not a zip");
        MutablePersistenceUnitInfo unit = scanning(broken.toUri().toURL());
        assertThatThrownBy(() -> new UnlistedClassesScan(topology(MODULES, "visits"), SCANNER)
                .refuse(unit, "entity manager factory 'a'", Map.of()))
                .isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessageStartingWith("Cannot read " + broken.toUri().toURL() + ", which the JPA provider scans for"
                        + " persistence unit 'archive' of entity manager factory 'a', to find remote modules' classes"
                        + " in it: ")
                .hasMessageEndingWith("; make that location readable or the unit not scan it");
    }
}

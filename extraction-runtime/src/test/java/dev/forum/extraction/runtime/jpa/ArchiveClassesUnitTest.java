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
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.asm.ClassWriter;
import org.springframework.asm.Opcodes;

/**
 * What {@link ArchiveClasses} counts as a class of a location, in a folder and in a jar: a class file named by its
 * bytes wherever it sits; {@code package-info.class} and {@code module-info.class} not at all; a {@code .class} entry
 * that is no class file refused, naming the location and the entry, as Hibernate's scanner fails on it.
 */
class ArchiveClassesUnitTest {

    @TempDir
    Path dir;

    static byte[] bytes(Class<?> type) throws IOException, URISyntaxException {
        return Files.readAllBytes(Path.of(ALL_MODULES.toURI()).resolve(type.getName().replace('.', '/') + ".class"));
    }

    /** A jar of the given entries (path to bytes), in their order, without directory entries. */
    private Path jar(String name, Map<String, byte[]> entries) throws IOException {
        Path jar = dir.resolve(name);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new JarEntry(entry.getKey()));
                out.write(entry.getValue());
            }
        }
        return jar;
    }

    /** A folder of the given files (path to bytes). */
    private Path folder(String name, Map<String, byte[]> files) throws IOException {
        Path folder = dir.resolve(name);
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path path = folder.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.write(path, file.getValue());
        }
        return folder;
    }

    /** Both shapes of a location holding the files: a folder and a jar (file: and jar: URLs). */
    private List<URL> locations(String name, Map<String, byte[]> files) throws IOException {
        Path jar = jar(name + ".jar", files);
        return List.of(folder(name, files).toUri().toURL(), jar.toUri().toURL(),
                UnlistedClassesScanJarUnitTest.url("jar:" + jar.toUri() + "!/"));
    }

    @Test
    void aClassIsNamedByItsBytesWhereverItsFileSits() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("BOOT-INF/classes/" + Patient.class.getName().replace('.', '/') + ".class", bytes(Patient.class));
        files.put("misplaced/Renamed.class", bytes(Visit.class));
        for (URL location : locations("named", files)) {
            assertThat(ArchiveClasses.of(location)).as(location.toString())
                    .containsExactlyInAnyOrder(Patient.class.getName(), Visit.class.getName());
        }
    }

    @Test
    void packageInfoAndModuleInfoAreNoClassesOfTheirPackage() throws Exception {
        String patients = Patient.class.getPackageName().replace('.', '/');
        ClassWriter packageInfo = new ClassWriter(0);
        packageInfo.visit(Opcodes.V17, Opcodes.ACC_ABSTRACT | Opcodes.ACC_INTERFACE | Opcodes.ACC_SYNTHETIC,
                patients + "/package-info", null, "java/lang/Object", null);
        packageInfo.visitEnd();
        ClassWriter moduleInfo = new ClassWriter(0);
        moduleInfo.visit(Opcodes.V17, Opcodes.ACC_MODULE, "module-info", null, null, null);
        moduleInfo.visitModule(Patient.class.getPackageName(), 0, null).visitEnd();
        moduleInfo.visitEnd();
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(patients + "/package-info.class", packageInfo.toByteArray());
        files.put("module-info.class", moduleInfo.toByteArray());
        files.put("META-INF/versions/17/module-info.class", moduleInfo.toByteArray());
        UnlistedClassesScan scan = new UnlistedClassesScan(topology(MODULES, "visits"), SCANNER);
        for (URL location : locations("infos", files)) {
            assertThat(ArchiveClasses.of(location)).as(location.toString()).isEmpty();
            assertThatCode(() -> scan.refuse(scanning(location), "f", Map.of())).as(location.toString())
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void aClassEntryThatIsNoClassFileIsRefusedNamingTheLocationAndTheEntryNotTakenForAnEmptyLocation()
            throws Exception {
        byte[] patient = bytes(Patient.class);
        Map<String, byte[]> malformed = new LinkedHashMap<>();
        malformed.put("garbage/Garbage.class", "not a class file".getBytes(StandardCharsets.UTF_8));
        malformed.put("cut/Cut.class", Arrays.copyOf(patient, 40)); // the magic, then a constant pool cut short
        malformed.put("empty/Empty.class", new byte[0]);
        UnlistedClassesScan scan = new UnlistedClassesScan(topology(MODULES, "visits"), SCANNER);
        int n = 0;
        for (Map.Entry<String, byte[]> bad : malformed.entrySet()) {
            Map<String, byte[]> files = new LinkedHashMap<>();
            files.put(Patient.class.getName().replace('.', '/') + ".class", patient);
            files.put(bad.getKey(), bad.getValue());
            for (URL location : locations("malformed-" + n++, files)) {
                assertThatThrownBy(() -> ArchiveClasses.of(location)).as(location.toString())
                        .isInstanceOf(ArchiveClasses.UnscannableException.class)
                        .hasMessageStartingWith("whose entry " + bad.getKey() + " cannot be scanned (");
                assertThatThrownBy(() -> scan.refuse(scanning(location), "entity manager factory 'a'", Map.of()))
                        .as(location.toString()).isInstanceOf(InvalidTopologyException.class)
                        .hasMessageStartingWith("Persistence unit 'archive' of entity manager factory 'a' is scanned"
                                + " by the JPA provider under " + location + ", whose entry " + bad.getKey()
                                + " cannot be scanned (")
                        .hasMessageEndingWith("), and Hibernate's scanner fails the start on it: rebuild that location"
                                + " or remove that entry")
                        .hasMessageNotContaining("\n");
            }
        }
    }

    @Test
    void aRemoteModulesClassUnderMetaInfVersionsIsFoundAsHibernateScansIt() throws Exception {
        UnlistedClassesScan scan = new UnlistedClassesScan(topology(MODULES, "visits"), SCANNER);
        Map<String, byte[]> files = Map.of("META-INF/versions/17/" + Patient.class.getName().replace('.', '/')
                + ".class", bytes(Patient.class));
        for (URL location : locations("versions", files)) {
            assertThat(ArchiveClasses.of(location)).as(location.toString()).containsExactly(Patient.class.getName());
            assertThatThrownBy(() -> scan.refuse(scanning(location), "f", Map.of())).as(location.toString())
                    .isInstanceOf(InvalidTopologyException.class)
                    .hasMessageContaining("finds under " + location + " to it, those of remote module patients too");
        }
    }

    /**
     * A jar {@code app.jar} in a folder of its own under {@code dir}, whose entry {@code lib/cut.jar} is a jar cut off
     * in the middle of its first entry, {@code readme.txt}, before a class file.
     */
    static Path brokenOff(Path dir) throws IOException, URISyntaxException {
        ByteArrayOutputStream lib = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(lib)) {
            out.putNextEntry(new JarEntry("readme.txt"));
            byte[] text = new byte[20_000];
            new Random(7).nextBytes(text); // incompressible: the cut falls inside it
            out.write(text);
            out.putNextEntry(new JarEntry(Patient.class.getName().replace('.', '/') + ".class"));
            out.write(bytes(Patient.class));
        }
        Path app = Files.createDirectories(dir.resolve("broken-off")).resolve("app.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(app))) {
            out.putNextEntry(new JarEntry("lib/cut.jar"));
            out.write(Arrays.copyOf(lib.toByteArray(), 10_000));
        }
        return app;
    }

    @Test
    void aZipStreamThatBreaksOffIsRefusedNamingTheEntryItBreaksAfter() throws Exception {
        URL location = UnlistedClassesScanJarUnitTest.url("jar:" + brokenOff(dir).toUri() + "!/lib/cut.jar");
        assertThatThrownBy(() -> new UnlistedClassesScan(topology(MODULES, "visits"), SCANNER)
                .refuse(scanning(location), "f", Map.of())).isInstanceOf(InvalidTopologyException.class)
                .hasMessageStartingWith("Persistence unit 'archive' of f is scanned by the JPA provider under "
                        + location + ", whose zip stream breaks off after its entry readme.txt (")
                .hasMessageEndingWith("), and Hibernate's scanner fails the start on it: rebuild that location")
                .hasMessageNotContaining("\n");
    }

    /**
     * The URL {@code jar:jar:<outer>!/lib/inner.jar!/}, made with a handler of its own: the JDK's {@code jar:} handler
     * refuses to make one, another (an application server's) may not.
     */
    static URL jarInJar(Path outer) throws MalformedURLException {
        return new URL(null, "jar:jar:" + outer.toUri() + "!/lib/inner.jar!/", new URLStreamHandler() {
            @Override
            protected URLConnection openConnection(URL url) throws IOException {
                throw new IOException("Not opened: " + url);
            }
        });
    }

    @Test
    void aJarUrlInsideAJarUrlIsRefusedAsHibernateRefusesIt() throws Exception {
        URL location = jarInJar(jar("outer.jar", Map.of("lib/inner.jar", new byte[0])));
        assertThatThrownBy(() -> new UnlistedClassesScan(topology(MODULES, "visits"), SCANNER)
                .refuse(scanning(location), "f", Map.of())).isInstanceOf(InvalidTopologyException.class)
                .hasMessage("Persistence unit 'archive' of f is scanned by the JPA provider under " + location
                        + ", a jar: URL inside a jar: URL (Hibernate throws IllegalArgumentException: jar:jar: not"
                        + " supported), and Hibernate's scanner fails the start on it: name that jar by a URL of its own (file: or Spring Boot's nested:), not by a jar: URL"
                        + " inside another");
    }
}

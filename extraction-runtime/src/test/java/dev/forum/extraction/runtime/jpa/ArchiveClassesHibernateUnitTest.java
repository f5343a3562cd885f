package dev.forum.extraction.runtime.jpa;

import static dev.forum.extraction.runtime.jpa.ArchiveClassesUnitTest.bytes;
import static dev.forum.extraction.runtime.jpa.UnlistedClassesScanJarUnitTest.url;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forum.extraction.runtime.jpa.fixture.patients.Patient;
import dev.forum.extraction.runtime.jpa.fixture.visits.Visit;
import dev.forum.extraction.runtime.jpa.fixture.billing.Invoice;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.URL;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.hibernate.boot.archive.internal.StandardArchiveDescriptorFactory;
import org.hibernate.boot.archive.spi.ArchiveContext;
import org.hibernate.boot.archive.spi.ArchiveEntryHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.asm.ClassReader;

/**
 * {@link ArchiveClasses} against Hibernate 7.4.5 itself (hibernate-core is on the test class path): over the same
 * locations, it finds exactly the classes of the class files Hibernate's {@code StandardArchiveDescriptorFactory}
 * visits, and it refuses where Hibernate's visit fails. What Hibernate's scanner then does with a visited entry
 * ({@code hibernate-scan-jandex}, not on the class path) is done by {@link #hibernateVisits}: a {@code .class} entry
 * but {@code package-info} and {@code module-info} is a class, read by its bytes, and a failure to open or read it
 * fails the visit.
 */
class ArchiveClassesHibernateUnitTest {

    @TempDir
    Path dir;

    /** The classes of the class files Hibernate visits under a location; what Hibernate throws, thrown. */
    static Set<String> hibernateVisits(URL location) {
        Set<String> classes = new HashSet<>();
        ArchiveEntryHandler handler = (entry, context) -> {
            String name = entry.getNameWithinArchive();
            if (name.endsWith(".class") && !name.endsWith("package-info.class")
                    && !name.endsWith("module-info.class")) {
                try (InputStream in = entry.getStreamAccess().accessInputStream()) {
                    classes.add(new ClassReader(in).getClassName().replace('/', '.'));
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            }
        };
        StandardArchiveDescriptorFactory.INSTANCE.buildArchiveDescriptor(location).visitArchive(new ArchiveContext() {
            @Override
            public boolean isRootUrl() {
                return true;
            }

            @Override
            public ArchiveEntryHandler obtainArchiveEntryHandler(
                    org.hibernate.boot.archive.spi.ArchiveEntry entry) {
                return handler;
            }
        });
        return classes;
    }

    /** Asserts that both read the same classes under each location, and that there are some. */
    static void assertSameClasses(List<URL> locations) throws Exception {
        for (URL location : locations) {
            Set<String> hibernate = hibernateVisits(location);
            assertThat(hibernate).as(location.toString()).isNotEmpty();
            assertThat(new HashSet<>(ArchiveClasses.of(location))).as(location.toString()).isEqualTo(hibernate);
        }
    }

    private static String path(Class<?> type) {
        return type.getName().replace('.', '/') + ".class";
    }

    private static void put(JarOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(bytes);
    }

    /**
     * A folder and a jar of the same entries: classes at the root, under {@code BOOT-INF/classes/} and
     * {@code META-INF/versions/17/}, a {@code package-info.class}, and the jar a nested {@code lib/billing.jar}.
     */
    private Path[] fixtures() throws Exception {
        Path folder = dir.resolve("classes");
        Files.createDirectories(folder.resolve("BOOT-INF/classes").resolve(path(Patient.class)).getParent());
        Files.write(folder.resolve("BOOT-INF/classes").resolve(path(Patient.class)), bytes(Patient.class));
        Files.createDirectories(folder.resolve("META-INF/versions/17").resolve(path(Visit.class)).getParent());
        Files.write(folder.resolve("META-INF/versions/17").resolve(path(Visit.class)), bytes(Visit.class));
        Files.createDirectories(folder.resolve(path(Invoice.class)).getParent());
        Files.write(folder.resolve(path(Invoice.class)), bytes(Invoice.class));
        ByteArrayOutputStream billing = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(billing)) {
            put(out, path(Invoice.class), bytes(Invoice.class));
        }
        Files.createDirectories(folder.resolve("lib"));
        Files.write(folder.resolve("lib/billing.jar"), billing.toByteArray());
        Path jar = dir.resolve("app.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            put(out, "BOOT-INF/classes/" + path(Patient.class), bytes(Patient.class));
            put(out, "META-INF/versions/17/" + path(Visit.class), bytes(Visit.class));
            put(out, path(Invoice.class), bytes(Invoice.class));
            put(out, "lib/billing.jar", billing.toByteArray());
        }
        return new Path[] {folder, jar};
    }

    @Test
    void aFolderAFileJarAndJarUrlsIntoThemHoldTheClassesHibernateVisits() throws Exception {
        Path[] fixtures = fixtures();
        Path folder = fixtures[0];
        Path jar = fixtures[1];
        assertSameClasses(List.of(folder.toUri().toURL(), jar.toUri().toURL(), url("jar:" + jar.toUri() + "!/"),
                url("jar:" + jar.toUri() + "!/BOOT-INF/classes/"), url("jar:" + jar.toUri() + "!/lib/billing.jar"),
                url("jar:" + folder.toUri() + "!/BOOT-INF/classes"), url("jar:" + folder.toUri() + "!/lib/billing.jar")));
        assertThat(ArchiveClasses.of(folder.toUri().toURL())).containsExactlyInAnyOrder(Patient.class.getName(),
                Visit.class.getName(), Invoice.class.getName());
    }

    @Test
    void symbolicLinksAreFollowedAsHibernateFollowsThemALoopIncluded() throws Exception {
        Path outside = dir.resolve("outside");
        Files.createDirectories(outside.resolve(path(Patient.class)).getParent());
        Files.write(outside.resolve(path(Patient.class)), bytes(Patient.class));
        Path real = Files.createDirectories(dir.resolve("real"));
        Files.write(real.resolve("Visit.class"), bytes(Visit.class));
        Files.createSymbolicLink(real.resolve("linked"), outside);
        Files.createSymbolicLink(real.resolve("loop"), real); // Hibernate follows it until the system refuses the path
        Files.createSymbolicLink(real.resolve("Dangling.class"), dir.resolve("nowhere")); // skipped by both
        Path link = Files.createSymbolicLink(dir.resolve("link"), real);
        assertSameClasses(List.of(real.toUri().toURL(), link.toUri().toURL()));
        assertThat(new HashSet<>(ArchiveClasses.of(link.toUri().toURL()))).containsExactlyInAnyOrder(
                Patient.class.getName(), Visit.class.getName());
    }

    @Test
    void whereHibernatesVisitFailsTheLocationIsRefused() throws Exception {
        Path[] fixtures = fixtures();
        Path folder = fixtures[0];
        Path socket = folder.resolve("Socket.class"); // exists, is no folder, and cannot be opened: even by root
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
        }
        List<URL> failing = List.of(folder.toUri().toURL(), url("jar:" + folder.toUri() + "!/absent"),
                url("jar:" + folder.toUri() + "!/" + path(Invoice.class)),
                ArchiveClassesUnitTest.jarInJar(fixtures[1]),
                url("jar:" + ArchiveClassesUnitTest.brokenOff(dir).toUri() + "!/lib/cut.jar"));
        for (URL location : failing) {
            assertThatThrownBy(() -> hibernateVisits(location)).as(location.toString())
                    .isInstanceOf(RuntimeException.class);
            assertThatThrownBy(() -> ArchiveClasses.of(location)).as(location.toString())
                    .isInstanceOf(ArchiveClasses.UnscannableException.class);
        }
        Files.delete(socket);
        assertSameClasses(List.of(folder.toUri().toURL()));
    }

    @Test
    void aFolderTooDeepToOpenIsSkippedAsHibernateSkipsIt() throws Exception {
        // Folders of 200-character names, 25 deep: past the system's 4096 bytes of a path, where Hibernate's
        // File.exists() is false and the walk cannot read the entry either. Built from the inside out by short moves.
        String name = "d".repeat(200);
        Path top = dir.resolve("top");
        Files.createDirectories(top.resolve(name));
        Files.write(top.resolve(name).resolve("Visit.class"), bytes(Visit.class));
        for (int i = 0; i < 25; i++) {
            Path outer = Files.createDirectories(dir.resolve("outer"));
            Files.move(top, outer.resolve(name));
            Files.move(outer, top);
        }
        Files.createDirectories(top.resolve(path(Patient.class)).getParent());
        Files.write(top.resolve(path(Patient.class)), bytes(Patient.class));
        try {
            assertSameClasses(List.of(top.toUri().toURL()));
            assertThat(ArchiveClasses.of(top.toUri().toURL())).containsExactly(Patient.class.getName());
        } finally { // unwrapped by short moves again: the temporary folder's removal cannot reach that deep
            Path inner = dir.resolve("inner");
            while (Files.isDirectory(top.resolve(name))) {
                Files.move(top.resolve(name), inner);
                deleteShallow(top);
                Files.move(inner, top);
            }
        }
    }

    /** Deletes a folder whose subfolders are empty or gone. */
    private static void deleteShallow(Path folder) throws IOException {
        try (var walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}

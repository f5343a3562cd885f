package dev.forum.extraction.runtime.topology;

import static dev.forum.extraction.runtime.topology.RemoteContractsTest.ORDERS_REFUSAL;
import static dev.forum.extraction.runtime.topology.RemoteContractsTest.classFiles;
import static dev.forum.extraction.runtime.topology.RemoteContractsTest.topology;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.loader.launch.LaunchedClassLoader;
import org.springframework.boot.loader.net.protocol.Handlers;

/**
 * The missing-contract refusal on an application run from its Spring Boot jar: the local modules' classes in
 * {@code BOOT-INF/classes/}, read through spring-boot-loader's class loader and its {@code nested:} handler (registered
 * as the launcher registers it), with every folder entry as Boot's plugins write the jar, and with only
 * {@code BOOT-INF/classes/}'s (its packages' folders left out, which Spring's {@code classpath*:} search needs).
 *
 * <p>As in {@code ArchiveClassesBootJarUnitTest}, the handlers are put back as they were after the class, so that the
 * test classes after this one read {@code jar:} URLs through the JDK's handler again.
 */
class RemoteContractsBootJarTest {

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
        URL.setURLStreamHandlerFactory(null); // empties the JDK's handler cache; no factory is set
        assertThat(URI.create("jar:file:/app.jar!/").toURL().openConnection().getClass().getName()).startsWith("sun.net.www.");
        assertThatThrownBy(() -> URI.create("nested:/app.jar/!BOOT-INF/classes/").toURL())
                .isInstanceOf(MalformedURLException.class);
    }

    /** A Boot jar holding the class files in BOOT-INF/classes/, with every folder entry or only that folder's. */
    private Path bootJar(boolean everyFolder) throws IOException {
        Path app = dir.resolve("app-" + everyFolder + ".jar");
        Map<String, byte[]> files = classFiles();
        TreeSet<String> folders = new TreeSet<>();
        folders.add("BOOT-INF/");
        folders.add("BOOT-INF/classes/");
        for (String file : everyFolder ? files.keySet() : java.util.Set.<String>of()) {
            for (int i = file.indexOf('/'); i > 0; i = file.indexOf('/', i + 1)) {
                folders.add("BOOT-INF/classes/" + file.substring(0, i + 1));
            }
        }
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(app))) {
            for (String folder : folders) {
                out.putNextEntry(new JarEntry(folder));
            }
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                out.putNextEntry(new JarEntry("BOOT-INF/classes/" + file.getKey()));
                out.write(file.getValue());
            }
        }
        return app;
    }

    @Test
    void theClassesOfABootJarAreReadWithOrWithoutThePackagesFolders() throws IOException {
        for (boolean everyFolder : new boolean[] {true, false}) {
            URL classes = URI.create("jar:nested:" + bootJar(everyFolder) + "/!BOOT-INF/classes/!/").toURL();
            ClassLoader loader = new LaunchedClassLoader(false, new URL[] {classes}, getClass().getClassLoader());
            assertThat(loader.getResource("t7/orders/") != null).as("folder entry of " + classes).isEqualTo(everyFolder);
            assertThatThrownBy(() -> topology("orders").remoteContracts(loader)).as(classes.toString())
                    .isInstanceOf(InvalidTopologyException.class).hasMessage(ORDERS_REFUSAL);
            assertThat(topology("widgets").remoteContracts(loader)).as(classes.toString()).containsOnlyKeys("catalog");
        }
    }
}

package dev.forum.extraction.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forum.extraction.FakeApp;
import dev.forum.extraction.FakeBaseImage;
import dev.forum.extraction.model.ScannedArtifact;
import dev.forum.extraction.model.ExtractionException;
import dev.forum.extraction.model.Planner;
import dev.forum.extraction.model.ServicePlan;
import dev.forum.extraction.model.ServiceRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds the fake app's beta service as an OCI image tar on a fake base, offline. */
class ServiceImageTest {

    private static final String MAIN = "fake.platform.Paging";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What the forum's build derives: its server.port, and actuator's probe paths. */
    private static final ContainerSettings FORUM =
            new ContainerSettings(3000, "/actuator/health/liveness", "/actuator/health/readiness", "forum.");

    @TempDir
    Path dir;

    private ImageLayout layout;
    private ImageBase base;

    @BeforeEach
    void beta() throws IOException {
        ServicePlan plan = Planner.plan(FakeApp.model(), FakeApp.scanned(dir.resolve("app"), false),
                List.of(new ServiceRequest("beta", List.of("beta")))).get(0);
        List<Path> jars = plan.included().keySet().stream().map(ScannedArtifact::location).toList();
        Path classes = dir.resolve("app-classes");
        Files.createDirectories(classes.resolve("app"));
        Files.writeString(classes.resolve("app/application.properties"), "server.port=3000\n");
        Files.write(classes.resolve("app/Main.class"), new byte[] {(byte) 0xCA, (byte) 0xFE});
        // "shared" stands for the third-party libraries; the modules' jars are the project's own.
        layout = ImageLayout.of(jars, jar -> !jar.getFileName().toString().equals("shared.jar"), classes, entry -> true,
                dir.resolve("image-jars"));
        base = ImageBase.parse("tar://" + FakeBaseImage.write(dir.resolve("base/base.tar")));
    }

    @Test
    void theSameInputsGiveTheSameDigestAndTheLayersHoldOnlyTheServicesModules() throws Exception {
        ServiceImage.Built first = build("one");
        ServiceImage.Built second = build("two");

        assertEquals(first.digest(), second.digest());
        assertEquals(first.imageId(), second.imageId());
        Map<String, byte[]> tar = entries(Files.newInputStream(dir.resolve("one/beta-image.tar")), false);
        JsonNode index = JSON.readTree(tar.get("index.json"));
        assertEquals(first.digest(), index.get("manifests").get(0).get("digest").asText());
        JsonNode manifest = JSON.readTree(blob(tar, first.digest()));
        assertEquals(first.imageId(), manifest.get("config").get("digest").asText());

        List<String> appLayers = new ArrayList<>();
        JsonNode layers = manifest.get("layers");
        assertEquals(1 + 4, layers.size(), "the base's layer, then libs, modules, resources, classes");
        for (int i = 1; i < layers.size(); i++) {
            Map<String, byte[]> files = entries(new GZIPInputStream(new java.io.ByteArrayInputStream(
                    blob(tar, layers.get(i).get("digest").asText()))), true);
            appLayers.add(String.join(" ", files.keySet().stream().filter(f -> !f.endsWith("/")).sorted().toList()));
        }
        assertEquals(List.of(
                "app/libs/shared.jar",
                "app/modules/alpha-api.jar app/modules/beta-api.jar app/modules/beta.jar",
                "app/resources/resources.jar",
                "app/classes/classes.jar"), appLayers);
        // Each folder an entry of its own, as Spring's classpath*: scanning needs to find a package in a jar.
        assertEquals(List.of("META-INF/MANIFEST.MF", "app/", "app/application.properties"),
                jarEntries(tar, layers.get(3), "app/resources/resources.jar"));
        assertEquals(List.of("META-INF/MANIFEST.MF", "app/", "app/Main.class"),
                jarEntries(tar, layers.get(4), "app/classes/classes.jar"));
        assertFalse(String.join(" ", appLayers).contains("alpha.jar"), "alpha's implementation is not in the service");
        assertFalse(String.join(" ", appLayers).contains("gamma"), "gamma is neither called nor included");

        JsonNode config = JSON.readTree(blob(tar, first.imageId())).get("config");
        assertEquals("65532:65532", config.get("User").asText());
        assertTrue(config.get("ExposedPorts").has("3000/tcp"));
        assertEquals(List.of("java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-cp",
                "/app/resources/resources.jar:/app/classes/classes.jar:/app/modules/*:/app/libs/*", MAIN),
                strings(config.get("Entrypoint")));
        for (String entry : ImageLayout.CLASS_PATH.split(":")) {
            // The JDK refuses to make an AOT cache (JEP 483) for a class path with a non-empty directory on it.
            assertTrue(entry.endsWith(".jar") || entry.endsWith("/*"), "only jars on the class path: " + entry);
        }
        assertEquals("/actuator/health/readiness", config.get("Labels").get("forum.health.readiness").asText());
        assertEquals("/actuator/health/liveness", config.get("Labels").get("forum.health.liveness").asText());
        assertFalse(config.toString().contains("SPRING_PROFILES_ACTIVE"), "the deploy sets the profile");
        assertTrue(strings(config.get("Env")).stream().anyMatch(e -> e.startsWith("PATH=")), "the base's env is kept");
        // The application listens on the port the image exposes, whatever its application.properties says.
        assertTrue(strings(config.get("Env")).contains("SERVER_PORT=3000"), config.toString());
    }

    @Test
    void filesInTheLayersCarryJibsFixedTimeNotTheBuildsTime() throws Exception {
        ServiceImage.Built built = build("one");
        Map<String, byte[]> tar = entries(Files.newInputStream(dir.resolve("one/beta-image.tar")), false);
        JsonNode layers = JSON.readTree(blob(tar, built.digest())).get("layers");
        try (TarArchiveInputStream classes = new TarArchiveInputStream(new GZIPInputStream(
                new java.io.ByteArrayInputStream(blob(tar, layers.get(layers.size() - 1).get("digest").asText()))))) {
            for (TarArchiveEntry entry = classes.getNextEntry(); entry != null; entry = classes.getNextEntry()) {
                assertTrue(entry.getModTime().toInstant().isBefore(Instant.parse("1970-01-02T00:00:00Z")), entry.getName());
            }
        }
    }

    @Test
    void aMissingBaseTarFailsWithOneLineNamingTheSetting() throws IOException {
        ImageBase missing = ImageBase.parse("tar://" + dir.resolve("nowhere/base.tar"));

        ExtractionException e = assertThrows(ExtractionException.class, () -> build("one", missing));

        assertOneLineNamingTheBaseSetting(e);
        assertTrue(e.getMessage().startsWith("Cannot read base image tar://"), e.getMessage());
    }

    @Test
    void anUnreachableRegistryBaseFailsWithOneLineNamingTheSetting() throws IOException {
        // Port 9 (discard) is closed on loopback: the connection is refused at once.
        ExtractionException e = assertThrows(ExtractionException.class,
                () -> build("one", ImageBase.parse("127.0.0.1:9/jre:25")));

        assertOneLineNamingTheBaseSetting(e);
        assertTrue(e.getMessage().startsWith("Cannot pull base image 127.0.0.1:9/jre:25"), e.getMessage());
    }

    @Test
    void aRegistryWhoseHostDoesNotResolveFailsAtOnce() throws IOException {
        // .invalid never resolves (RFC 2606); Jib alone would retry it for about a minute.
        long start = System.nanoTime();
        ExtractionException e = assertThrows(ExtractionException.class,
                () -> build("one", ImageBase.parse("registry.invalid/jre:25")));

        assertOneLineNamingTheBaseSetting(e);
        assertTrue(e.getMessage().contains("unknown host registry.invalid"), e.getMessage());
        assertTrue(System.nanoTime() - start < 10_000_000_000L, "took " + (System.nanoTime() - start) / 1e9 + " s");
    }

    @Test
    void anotherApplicationsImageExposesItsOwnPortAndNoHealthLabelsWithoutActuator() throws Exception {
        ServiceImage.Built built = build("other", base, null, new ContainerSettings(8080, null, null, "forum."));

        Map<String, byte[]> tar = entries(Files.newInputStream(dir.resolve("other/beta-image.tar")), false);
        JsonNode config = JSON.readTree(blob(tar, built.imageId())).get("config");
        assertTrue(config.get("ExposedPorts").has("8080/tcp"), config.toString());
        assertFalse(config.get("ExposedPorts").has("3000/tcp"), config.toString());
        assertTrue(strings(config.get("Env")).contains("SERVER_PORT=8080"), config.toString());
        assertFalse(config.toString().contains(".health."), config.toString());
    }

    @Test
    void aPushToARegistryThatRefusesConnectionsNamesItsAddressNotCredentials() {
        // Port 9 (discard) is closed on loopback: the connection is refused at once.
        ExtractionException e = assertThrows(ExtractionException.class,
                () -> build("push", base, "127.0.0.1:9/shop/beta:1", FORUM));

        assertTrue(e.getMessage().startsWith("Cannot push the image to 127.0.0.1:9/shop/beta:1: the registry is not"
                + " reachable at 127.0.0.1:9 ("), e.getMessage());
        assertFalse(e.getMessage().contains("credential"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    /** One line naming the setting, and the section of the plugin's README that shows how to make a base, by its heading. */
    private static void assertOneLineNamingTheBaseSetting(ExtractionException e) throws IOException {
        assertTrue(e.getMessage().contains("-Dextract.image.base=tar:///path/to/base.tar"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        String section = "The service's image";
        assertTrue(e.getMessage().endsWith(" (the extraction plugin's README, \"" + section + "\")"), e.getMessage());
        assertTrue(Files.readAllLines(Path.of("README.md")).contains("## " + section), "extraction-plugin/README.md has the heading");
    }

    private ServiceImage.Built build(String folder) throws Exception {
        return build(folder, base);
    }

    private ServiceImage.Built build(String folder, ImageBase from) throws Exception {
        return build(folder, from, null, FORUM);
    }

    private ServiceImage.Built build(String folder, ImageBase from, String registry, ContainerSettings container)
            throws Exception {
        Path out = dir.resolve(folder);
        ImageTarget target = ImageTarget.of("beta", out, "0.1.0-SNAPSHOT", null, registry, false);
        ServiceImage.Caches caches = new ServiceImage.Caches(out.resolve("cache/base"), out.resolve("cache/app"));
        return ServiceImage.build(layout, MAIN, from, target, caches, container, warning -> { });
    }

    private static byte[] blob(Map<String, byte[]> tar, String digest) {
        byte[] blob = tar.get("blobs/sha256/" + digest.substring("sha256:".length()));
        assertTrue(blob != null, "no blob " + digest);
        return blob;
    }

    private static Map<String, byte[]> entries(InputStream in, boolean keepDirectories) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                if (keepDirectories || !entry.isDirectory()) {
                    String name = entry.getName().replaceFirst("^\\./", "").replaceFirst("^/", "");
                    entries.put(name, tar.readAllBytes());
                }
            }
        }
        return entries;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }

    /** The entries of a jar inside an image layer, in the jar's order. */
    private static List<String> jarEntries(Map<String, byte[]> tar, JsonNode layer, String path) throws IOException {
        Map<String, byte[]> files = entries(new GZIPInputStream(new java.io.ByteArrayInputStream(
                blob(tar, layer.get("digest").asText()))), true);
        List<String> names = new ArrayList<>();
        try (JarInputStream jar = new JarInputStream(new java.io.ByteArrayInputStream(files.get(path)))) {
            if (jar.getManifest() != null) {
                names.add("META-INF/MANIFEST.MF");
            }
            for (JarEntry entry = jar.getNextJarEntry(); entry != null; entry = jar.getNextJarEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }
}

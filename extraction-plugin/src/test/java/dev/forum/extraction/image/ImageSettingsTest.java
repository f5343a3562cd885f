package dev.forum.extraction.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.tools.jib.api.ImageReference;
import dev.forum.extraction.model.ExtractionException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The image settings read from -Dextract.image.*: each mistake is one line naming the setting. */
class ImageSettingsTest {

    private static final Path FOLDER = Path.of("/build/target/services/posts");

    @Test
    void theDefaultBaseIsAJava25JrePinnedByDigest() {
        assertEquals(ImageBase.DEFAULT, ImageBase.parse(null).toString());
        assertTrue(ImageBase.DEFAULT.contains(":25-jre@sha256:"));
    }

    @Test
    void theDataMoveImageStartsFromTheSameDefaultBase() throws Exception {
        Path pom = Path.of(System.getProperty("forum.root", "..")).toAbsolutePath().normalize().resolve("data-move/pom.xml");
        String text = java.nio.file.Files.readString(pom);
        assertTrue(text.contains("<move.image.base>" + ImageBase.DEFAULT + "</move.image.base>"),
                "data-move's move.image.base is the services' default base " + ImageBase.DEFAULT);
    }

    @Test
    void aTarBaseNeedsAnAbsolutePath() {
        ExtractionException e = assertThrows(ExtractionException.class, () -> ImageBase.parse("tar://base.tar"));
        assertTrue(e.getMessage().contains("-Dextract.image.base=tar:///abs/path/base.tar"), e.getMessage());
    }

    @Test
    void aBaseThatIsNoImageReferenceIsRefused() {
        ExtractionException e = assertThrows(ExtractionException.class, () -> ImageBase.parse("Not An Image"));
        assertTrue(e.getMessage().contains("-Dextract.image.base="), e.getMessage());
    }

    @Test
    void byDefaultTheImageIsATarNamedAfterTheServiceAndVersion() {
        ImageTarget target = ImageTarget.of("posts", FOLDER, "0.1.0-SNAPSHOT", null, null, false);
        assertEquals(FOLDER.resolve("posts-image.tar"), target.tar());
        assertEquals("target/services/posts/posts-image.tar", target.describe(Path.of("/build")));
        assertEquals(null, target.registry());
    }

    @Test
    void aRegistryTargetIsPushedToAndNamesTheImage() {
        ImageTarget target = ImageTarget.of("posts", FOLDER, "0.1.0-SNAPSHOT", null, "127.0.0.1:5000/forum/posts:1", false);
        assertEquals("127.0.0.1:5000/forum/posts:1", target.describe(Path.of("/build")));
        assertEquals(null, target.tar());
    }

    @Test
    void registryAndDockerTogetherAreRefused() {
        ExtractionException e = assertThrows(ExtractionException.class,
                () -> ImageTarget.of("posts", FOLDER, "1", null, "127.0.0.1:5000/posts:1", true));
        assertTrue(e.getMessage().contains("set one of them"), e.getMessage());
    }

    @Test
    void aBadImageNameIsRefusedNamingTheSetting() {
        ExtractionException e = assertThrows(ExtractionException.class,
                () -> ImageTarget.of("posts", FOLDER, "1", "Posts Image", null, false));
        assertTrue(e.getMessage().startsWith("extract.image.name 'Posts Image'"), e.getMessage());
        ExtractionException shop = assertThrows(ExtractionException.class,
                () -> ImageTarget.of("members", FOLDER, "1", "Bad_Name", null, false));
        assertTrue(shop.getMessage().endsWith("set it like members:1 or 127.0.0.1:5000/members:1 (lower-case repository,"
                + " optional tag)"), shop.getMessage());
        assertFalse(shop.getMessage().contains("forum") || shop.getMessage().contains("posts"), shop.getMessage());
    }

    @Test
    void aFailedPushNamesCredentialsOnlyWhenTheRegistryRefusedThem() {
        ImageTarget target = ImageTarget.of("posts", FOLDER, "1", null, "registry.example.com/shop/posts:1", false);
        String refused = target.cannotWrite(new java.util.concurrent.ExecutionException(
                new java.net.ConnectException("Connection refused"))).getMessage();
        assertTrue(refused.startsWith("Cannot push the image to registry.example.com/shop/posts:1: the registry is not"
                + " reachable at registry.example.com:443 (ConnectException: Connection refused)"), refused);
        assertFalse(refused.contains("credential"), refused);
        String denied = target.cannotWrite(new RuntimeException("Tried to push image manifest but failed because:"
                + " 403 Forbidden")).getMessage();
        assertTrue(denied.contains("refused the credentials: log in (docker login registry.example.com)"), denied);
        String other = target.cannotWrite(new RuntimeException("manifest invalid")).getMessage();
        assertTrue(other.endsWith("(RuntimeException: manifest invalid): check -Dextract.image.registry"), other);
    }

    @Test
    void plainHttpIsForLoopbackRegistriesOnly() throws Exception {
        assertTrue(Registries.isLoopback(ImageReference.parse("127.0.0.1:5000/jre:25")));
        assertTrue(Registries.isLoopback(ImageReference.parse("localhost:5000/forum/posts:1")));
        assertTrue(Registries.isLoopback("[::1]:5000"));
        assertFalse(Registries.isLoopback(ImageReference.parse("123456789012.dkr.ecr.eu-west-1.amazonaws.com/posts:1")));
        assertFalse(Registries.isLoopback(ImageReference.parse("eclipse-temurin:25-jre")));
        assertFalse(Registries.isLoopback(ImageReference.parse("localhost.example.com/jre:25")));
    }

    @Test
    void jibsHttpsToHttpFallbackIsNoWarningForALoopbackRegistryOnly() {
        // The lines Jib 0.28 logged when pushing to docker-registry on 127.0.0.1 (system-tests).
        assertTrue(Registries.isLoopbackTlsFallback("Cannot verify server at https://127.0.0.1:43657/v2/. Attempting again with no TLS verification."));
        assertTrue(Registries.isLoopbackTlsFallback("Failed to connect to https://127.0.0.1:43657/v2/forum/jre/manifests/25 over HTTPS. Attempting again with HTTP."));
        assertTrue(Registries.isLoopbackTlsFallback("Failed to connect to https://localhost:5000/v2/ over HTTPS. Attempting again with HTTP."));
        assertTrue(Registries.isLoopbackTlsFallback("Failed to connect to https://[::1]:5000/v2/ over HTTPS. Attempting again with HTTP."));
        assertFalse(Registries.isLoopbackTlsFallback("Failed to connect to https://registry.example.com/v2/ over HTTPS. Attempting again with HTTP."));
        assertFalse(Registries.isLoopbackTlsFallback("Failed to connect to https://localhost.example.com/v2/ over HTTPS. Attempting again with HTTP."));
        assertFalse(Registries.isLoopbackTlsFallback("Base image '127.0.0.1:5000/forum/jre:25' does not use a specific image digest - build may not be reproducible"));
        assertFalse(Registries.isLoopbackTlsFallback(null));
    }
}

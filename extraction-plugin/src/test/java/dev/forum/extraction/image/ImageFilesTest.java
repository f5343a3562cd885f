package dev.forum.extraction.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.extraction.model.ExtractionException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files every image gets, checked against their checksums; the forum's RDS certificate authorities among them. */
class ImageFilesTest {

    @TempDir
    Path dir;

    @Test
    void aFolderIsTheImagesTreeAndChecksumFilesAreCheckedButLeftOut() throws Exception {
        Path bundle = dir.resolve("app/rds/bundle.pem");
        Files.createDirectories(bundle.getParent());
        Files.writeString(bundle, "certificates\n");
        Files.writeString(dir.resolve("app/rds/bundle.pem.sha256"), ImageFiles.sha256(bundle) + "  bundle.pem\n");
        Files.writeString(dir.resolve("app/notes.txt"), "x");
        assertEquals(Map.of("/app/notes.txt", dir.resolve("app/notes.txt"), "/app/rds/bundle.pem", bundle), ImageFiles.of(dir));
        assertEquals(Map.of(), ImageFiles.of(null));
    }

    @Test
    void aFileThatChangedStopsTheBuildWithBothChecksums() throws Exception {
        Path bundle = dir.resolve("bundle.pem");
        Files.writeString(bundle, "certificates\n");
        Files.writeString(dir.resolve("bundle.pem.sha256"), "0".repeat(64) + "  bundle.pem\n");
        ExtractionException changed = assertThrows(ExtractionException.class, () -> ImageFiles.of(dir));
        assertTrue(changed.getMessage().contains("has SHA-256 " + ImageFiles.sha256(bundle) + ", but ")
                && changed.getMessage().endsWith("restore the file, or check the new one and update its checksum"), changed.getMessage());

        Files.delete(bundle);
        ExtractionException missing = assertThrows(ExtractionException.class, () -> ImageFiles.of(dir));
        assertTrue(missing.getMessage().endsWith("which is missing"), missing.getMessage());
    }

    @Test
    void theForumsRdsBundleMatchesItsChecksumAndHoldsCurrentRdsRootAuthoritiesOnly() throws Exception {
        Path root = Path.of(System.getProperty("forum.root", "..")).toAbsolutePath().normalize().resolve("deploy/image");
        Map<String, Path> files = ImageFiles.of(root);
        Path bundle = files.get("/app/rds/global-bundle.pem");
        List<X509Certificate> certificates = new ArrayList<>();
        try (InputStream in = Files.newInputStream(bundle)) {
            CertificateFactory.getInstance("X.509").generateCertificates(in).forEach(c -> certificates.add((X509Certificate) c));
        }
        assertEquals(81, certificates.size(), "27 regions, an RSA2048, RSA4096 and ECC384 root each");
        for (X509Certificate certificate : certificates) {
            String subject = certificate.getSubjectX500Principal().getName();
            assertTrue(subject.contains("OU=Amazon RDS") && subject.contains("Root CA"), subject);
            assertEquals(certificate.getSubjectX500Principal(), certificate.getIssuerX500Principal(), "a root: " + subject);
            assertTrue(certificate.getBasicConstraints() >= 0, "a certificate authority: " + subject);
            assertTrue(certificate.getNotAfter().after(new Date()), "not expired: " + subject);
        }
        assertTrue(certificates.stream().anyMatch(c -> c.getSubjectX500Principal().getName().contains("Amazon RDS us-east-1 Root CA RSA2048 G1")),
                "the authority of rds-ca-rsa2048-g1, the stacks' CA");
    }
}

package dev.forum.extraction.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forum.topology.Topology;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * deploy.sh: valid bash, clean under shellcheck, and in the order that keeps every route served, shown by its
 * --dry-run (which prints every command and calls nothing).
 */
class DeployScriptTest {

    private static final String CERTIFICATE = "arn:aws:acm:eu-west-1:123456789012:certificate/abc";

    @TempDir
    Path dir;

    static List<Path> topologies() {
        return ForumTopologies.files().toList();
    }

    private Path write(Topology topology) throws IOException {
        Path ecs = dir.resolve("forum-app/target/ecs");
        for (Map.Entry<String, String> file : EcsRenderer.render(topology, ForumTopologies.settings()).entrySet()) {
            Path target = ecs.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue());
        }
        return ecs.resolve("deploy.sh");
    }

    private static Result run(Path directory, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "did not end: " + String.join(" ", command));
        // A dry run quotes like printf %q (posts\\,threads); the assertions read it unquoted.
        return new Result(process.exitValue(), output.replace("\\", ""));
    }

    record Result(int exit, String output) {
    }

    @ParameterizedTest
    @MethodSource("topologies")
    void isValidBashAndCleanUnderShellcheck(Path file) throws Exception {
        Path script = write(ForumTopologies.topology(file));
        Result syntax = run(dir, "bash", "-n", script.toString());
        assertEquals(0, syntax.exit(), syntax.output());
        boolean shellcheck = run(dir, "sh", "-c", "command -v shellcheck").exit() == 0;
        if (!shellcheck && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI must run shellcheck on deploy.sh: install it (Debian: apt-get install shellcheck)");
        }
        assumeTrue(shellcheck, "shellcheck is not installed: apt-get install shellcheck");
        Result check = run(dir, "shellcheck", "--severity=style", script.toString());
        assertEquals(0, check.exit(), check.output());
    }

    @Test
    void aCutoverDeploysInTheOrderThatKeepsEveryRouteServed() throws Exception {
        Path script = write(ForumTopologies.topology(ForumTopologies.root().resolve("deploy/topologies/posts-canary-10.yml")));
        Result dry = run(dir, "bash", script.toString(), "--dry-run", "--skip-build", "--certificate-arn", CERTIFICATE);
        assertEquals(0, dry.exit(), dry.output());
        List<String> deploys = new ArrayList<>();
        for (String line : dry.output().split("\n")) {
            if (line.startsWith("+ aws cloudformation deploy ")) {
                String stack = line.replaceAll(".*--stack-name (\\S+).*", "$1");
                String overrides = line.replaceAll(".*--parameter-overrides ", "").replaceAll("(ImageTag|PublicListener|S3PrefixList|Image)=(<[^>]*>\\S*|\\S+) ?", "")
                        .trim();
                deploys.add((stack + " " + overrides).trim());
            }
        }
        assertEquals(List.of(
                "forum-base DefaultRoute=monolith CertificateArn=" + CERTIFICATE,
                "forum-db-bootstrap",                                // the bootstrap image, pinned by digest
                "forum-posts Traffic=0",                             // stable and healthy before any weight moves
                "forum-monolith LocalModules=posts,threads,users",   // widen: can take every route
                "forum-posts Traffic=10",                            // routing: the topology's share
                "forum-monolith LocalModules=posts,threads,users"),  // narrow: posts stays local below 100 %
                deploys, dry.output());
        String output = dry.output();
        // Images go to ECR before any stack needs them, and the roles exist before any service starts.
        assertTrue(output.indexOf("skopeo copy") < output.indexOf("--stack-name forum-posts"), output);
        assertTrue(output.indexOf("aws ecs run-task") < output.indexOf("--stack-name forum-posts"), output);
        // The bootstrap runs our own image, pushed first and named by its digest.
        assertTrue(output.indexOf("skopeo copy --quiet oci-archive:") < output.indexOf("--stack-name forum-db-bootstrap"), output);
        assertTrue(output.contains("Image=<RepositoryDbBootstrapUri of forum-base>@sha256:"), output);
        // The services' rules attach to the serving listener the base stack names.
        assertTrue(output.contains("PublicListener=<PublicListener of forum-base>"), output);
        // The token signing keys are made once, into the base stack's secret, from a file (never a command line).
        assertTrue(output.contains("+ aws secretsmanager put-secret-value --secret-id forum/jwt/signing-keys --secret-string file://"), output);
        assertTrue(output.contains("S3PrefixList=pl-00000000"), output);
        assertTrue(output.indexOf("--stack-name forum-base") < output.indexOf("aws ecs run-task"), output);
        assertTrue(output.contains("+ aws ecs wait tasks-stopped"), output);
        assertTrue(output.contains("--no-fail-on-empty-changeset"), output);
        assertTrue(output.contains("--capabilities CAPABILITY_NAMED_IAM"), output);
    }

    /**
     * The images are built from the topology file the script was rendered from: the build renders target/ecs again,
     * and from the default file it would replace this deployment's templates with another's before step 4 reads them.
     */
    @Test
    void theImagesAreBuiltFromTheTopologyFileTheScriptWasRenderedFrom() throws Exception {
        Topology topology = ForumTopologies.topology(ForumTopologies.root().resolve("deploy/topologies/posts-extracted.yml"));
        Path ecs = dir.resolve("forum-app/target/ecs");
        EcsSettings settings = ForumTopologies.settings().topologyFile("deploy/topologies/posts-extracted.yml");
        for (Map.Entry<String, String> file : EcsRenderer.render(topology, settings).entrySet()) {
            Files.createDirectories(ecs.resolve(file.getKey()).getParent());
            Files.writeString(ecs.resolve(file.getKey()), file.getValue());
        }
        Result dry = run(dir, "bash", ecs.resolve("deploy.sh").toString(), "--dry-run", "--certificate-arn", CERTIFICATE);
        assertEquals(0, dry.exit(), dry.output());
        String build = dry.output().lines().filter(line -> line.contains(" package -DskipTests ")).findFirst()
                .orElseThrow(() -> new AssertionError("no build in: " + dry.output()));
        assertTrue(build.endsWith(" -Dextract=monolith,posts -Dextract.topology=deploy/topologies/posts-extracted.yml"), build);
    }

    /** Maven (the project's ./mvnw, else mvn) is checked before anything is created in AWS: one line naming what to install. */
    /**
     * A bin directory to be the whole PATH: the ordinary tools the script uses, linked, and an aws, skopeo and openssl
     * that only append their arguments to {@code calls} (aws fails). Its bash is {@code bin/bash}.
     */
    private Path fakeTools(Path calls) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        for (String tool : List.of("bash", "dirname", "sed", "tr", "cat", "head", "tail", "wc", "grep", "mktemp", "rm", "chmod",
                "date", "sort", "cut", "env", "basename", "tee", "mkdir", "ls", "sleep", "awk")) {
            for (String folder : List.of("/usr/bin", "/bin")) {
                Path found = Path.of(folder, tool);
                if (Files.isExecutable(found) && !Files.exists(bin.resolve(tool))) {
                    Files.createSymbolicLink(bin.resolve(tool), found);
                }
            }
        }
        for (String fake : List.of("aws", "skopeo", "openssl")) {
            Path tool = bin.resolve(fake);
            Files.writeString(tool, "#!/bin/bash\necho \"" + fake + " $*\" >> '" + calls + "'\n"
                    + (fake.equals("aws") ? "exit 1\n" : "exit 0\n"));
            tool.toFile().setExecutable(true);
        }
        return bin;
    }

    /** Runs the script for real (no --dry-run) with {@link #fakeTools} as the PATH. */
    private Result runWithFakeTools(Path bin, Path script, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(bin.resolve("bash").toString(), script.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("PATH", bin.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "did not end: " + command);
        return new Result(process.exitValue(), output);
    }

    @Test
    void withoutMavenItStopsBeforeCreatingAnythingInAws() throws Exception {
        Path script = write(ForumTopologies.topology(ForumTopologies.root().resolve("deploy/topologies/posts-extracted.yml")));
        Path calls = dir.resolve("aws-calls.log");
        Path bin = fakeTools(calls);
        ProcessBuilder builder = new ProcessBuilder(bin.resolve("bash").toString(), script.toString(), "--plain-http",
                "--image-tag", "v1").directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("PATH", bin.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, process.exitValue(), output);
        String root = dir.toRealPath().toString();
        assertEquals("deploy.sh: needs Maven to build the images: neither " + root + "/mvnw nor mvn on the PATH; install"
                + " Maven (https://maven.apache.org/install.html) or add the Maven wrapper (mvn wrapper:wrapper), or pass"
                + " --skip-build with images built already", output.strip().lines().reduce((first, last) -> last).orElse(""), output);
        String made = Files.exists(calls) ? Files.readString(calls) : "";
        assertFalse(made.contains(" deploy ") || made.contains("create") || made.contains("put-") || made.contains("copy"), made);
    }

    @Test
    void atOneHundredPercentTheMonolithNarrowsAfterTheWeightsMoved() throws Exception {
        Path script = write(ForumTopologies.topology(ForumTopologies.root().resolve("deploy/topologies/posts-extracted.yml")));
        Result dry = run(dir, "bash", script.toString(), "--dry-run", "--skip-build", "--image-tag", "v1", "--plain-http");
        assertEquals(0, dry.exit(), dry.output());
        String output = dry.output();
        int widen = output.indexOf("LocalModules=posts,threads,users");
        int routing = output.indexOf("Traffic=100");
        int narrow = output.indexOf("LocalModules=threads,users");
        assertTrue(widen > 0 && widen < routing && routing < narrow, output);
        assertTrue(output.contains("docker://<RepositoryPostsUri of forum-base>:v1"), output);
    }

    @Test
    void withoutAMonolithNothingWidensAndTheDefaultRouteIsA404() throws Exception {
        Path script = write(ForumTopologies.topology(ForumTopologies.root().resolve("deploy/topologies/all-extracted.yml")));
        Result dry = run(dir, "bash", script.toString(), "--dry-run", "--skip-build", "--no-db-bootstrap", "--plain-http");
        assertEquals(0, dry.exit(), dry.output());
        assertTrue(dry.output().contains("--parameter-overrides DefaultRoute=not-found CertificateArn= "), dry.output());
        assertTrue(!dry.output().contains("LocalModules=") && !dry.output().contains("run-task"), dry.output());
        assertTrue(dry.output().contains("forum-users") && dry.output().contains("forum-threads"), dry.output());
    }

    @Test
    void withoutACertificateItRefusesUnlessPlainHttpIsMeantAndThenSaysSoLoudly() throws Exception {
        Path script = write(ForumTopologies.topology(ForumTopologies.root().resolve("deploy/topologies/posts-extracted.yml")));
        Result refused = run(dir, "bash", script.toString(), "--dry-run", "--skip-build");
        assertEquals(1, refused.exit(), refused.output());
        assertTrue(refused.output().startsWith("deploy.sh: no TLS certificate: passwords and tokens would cross the load balancer in clear text."),
                refused.output());
        assertFalse(refused.output().contains("aws "), "nothing was done: " + refused.output());

        Result plain = run(dir, "bash", script.toString(), "--dry-run", "--skip-build", "--plain-http");
        assertEquals(0, plain.exit(), plain.output());
        assertTrue(plain.output().startsWith("deploy.sh: WARNING: PLAIN HTTP."), plain.output());

        Result both = run(dir, "bash", script.toString(), "--dry-run", "--plain-http", "--certificate-arn", CERTIFICATE);
        assertEquals(1, both.exit(), both.output());
        assertTrue(both.output().contains("contradict each other"), both.output());
    }

    /**
     * A certificate ARN of the wrong shape stops the script at once, with one line saying what to give, before any
     * call (the script runs for real, with an aws that records its calls); the script's rule is the topology parser's.
     */
    @Test
    void aMistypedCertificateArnIsRefusedInOneLineBeforeAnythingIsCalled() throws Exception {
        Path script = write(ForumTopologies.topology(ForumTopologies.root().resolve("deploy/topologies/posts-extracted.yml")));
        Path calls = dir.resolve("aws-calls.log");
        Path bin = fakeTools(calls);
        List<String> bad = List.of(
                "arn:aws:acm:eu-west-1:12345678901:certificate/abc",      // an account of 11 digits
                "arn:aws:iam::123456789012:server-certificate/abc",       // IAM's server certificate, not ACM's
                "acm:eu-west-1:123456789012:certificate/abc",             // no arn:aws: in front
                "arn:aws:acm:eu-west-1:123456789012:certificate/",        // no id
                "arn:aws:acm:eu-west-1:123456789012:certificate/abc ",    // a blank pasted along
                "arn:aws:acm:EU-WEST-1:123456789012:certificate/abc",     // a region in capitals
                "arn:aws:acm:eu-west-1:123456789012:certificate/abc\nx"); // two lines
        for (String arn : bad) {
            assertFalse(arn.matches(dev.forum.topology.EdgeSpec.CERTIFICATE_ARN), "the topology parser takes " + arn);
            Result refused = runWithFakeTools(bin, script, "--skip-build", "--certificate-arn", arn, "--image-tag", "v1");
            assertEquals(1, refused.exit(), refused.output());
            assertEquals("deploy.sh: --certificate-arn must be an ACM certificate ARN (arn:aws:acm:<region>:<account>:certificate/<id>,"
                    + " the account 12 digits), not '" + arn.replace("\n", "\\n") + "'\n", refused.output(), "one line");
            assertFalse(Files.exists(calls), "nothing is called: " + (Files.exists(calls) ? Files.readString(calls) : ""));
        }

        // The topology's own is checked by the parser already, and by the script too (here, one written in by hand).
        Path edited = dir.resolve("edited-deploy.sh");
        Files.writeString(edited, Files.readString(script).replace("\nCERTIFICATE_ARN=\n", "\nCERTIFICATE_ARN=arn:aws:acm:x:1:certificate/a\n"));
        Result fromTopology = runWithFakeTools(bin, edited, "--skip-build");
        assertEquals(1, fromTopology.exit(), fromTopology.output());
        assertTrue(fromTopology.output().startsWith("deploy.sh: edge.certificate-arn of posts-extracted.yml must be an ACM certificate ARN"),
                fromTopology.output());
        assertFalse(Files.exists(calls));

        String good = "arn:aws-us-gov:acm:us-gov-west-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789";
        assertTrue(good.matches(dev.forum.topology.EdgeSpec.CERTIFICATE_ARN));
        Result dry = run(dir, "bash", script.toString(), "--dry-run", "--skip-build", "--certificate-arn", good);
        assertEquals(0, dry.exit(), dry.output());
        assertTrue(dry.output().contains("CertificateArn=" + good), dry.output());
    }

    @Test
    void aTopologyWithACertificateDeploysHttpsWithoutAnOption() throws Exception {
        Path script = write(ForumTopologies.topology("""
                edge: { certificate-arn: '%s' }
                services: [ { name: monolith, monolith: true } ]
                """.formatted(CERTIFICATE)));
        Result dry = run(dir, "bash", script.toString(), "--dry-run", "--skip-build");
        assertEquals(0, dry.exit(), dry.output());
        assertTrue(dry.output().contains("CertificateArn=" + CERTIFICATE), dry.output());
    }

    @Test
    void theNewSigningKeysAreAP256KeyPairWhosePrivateHalfSignsWhatThePublicHalfVerifies() throws Exception {
        Path script = write(ForumTopologies.topology(ForumTopologies.root().resolve("topology.yml")));
        Result keys = run(dir, "bash", script.toString(), "--new-signing-keys");
        assertEquals(0, keys.exit(), keys.output());
        JsonNode set = new ObjectMapper().readTree(keys.output());
        assertEquals(1, set.path("keys").size(), keys.output());
        JsonNode jwk = set.path("keys").path(0);
        assertEquals("EC", jwk.path("kty").asText());
        assertEquals("P-256", jwk.path("crv").asText());
        assertEquals("ES256", jwk.path("alg").asText());
        assertEquals("sig", jwk.path("use").asText());
        assertTrue(jwk.path("kid").asText().matches("\\d{8}-[0-9a-f]{8}"), jwk.toString());

        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("EC");
        generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
        java.security.spec.ECParameterSpec p256 = ((java.security.interfaces.ECPublicKey) generator.generateKeyPair().getPublic()).getParams();
        java.security.KeyFactory factory = java.security.KeyFactory.getInstance("EC");
        java.security.PrivateKey privateKey = factory.generatePrivate(new java.security.spec.ECPrivateKeySpec(unsigned(jwk, "d"), p256));
        java.security.PublicKey publicKey = factory.generatePublic(new java.security.spec.ECPublicKeySpec(
                new java.security.spec.ECPoint(unsigned(jwk, "x"), unsigned(jwk, "y")), p256));
        byte[] message = "a token".getBytes(StandardCharsets.UTF_8);
        java.security.Signature signer = java.security.Signature.getInstance("SHA256withECDSA");
        signer.initSign(privateKey);
        signer.update(message);
        byte[] signature = signer.sign();
        java.security.Signature verifier = java.security.Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(publicKey);
        verifier.update(message);
        assertTrue(verifier.verify(signature), "x and y are the public half of d");

        Result again = run(dir, "bash", script.toString(), "--new-signing-keys");
        assertFalse(new ObjectMapper().readTree(again.output()).path("keys").path(0).path("d").asText().equals(jwk.path("d").asText()),
                "a new key every time");
    }

    private static java.math.BigInteger unsigned(JsonNode jwk, String member) {
        byte[] bytes = java.util.Base64.getUrlDecoder().decode(jwk.path(member).asText());
        assertEquals(32, bytes.length, member + " is 32 bytes on P-256");
        return new java.math.BigInteger(1, bytes);
    }

    @Test
    void aServiceWithItsOwnDatabaseGetsItBeforeTheBootstrapAndItsDataMovedAfterTheMonolithNarrowed() throws Exception {
        Path script = write(ForumTopologies.topology(OwnDatabaseTemplates.POSTS_OWN));
        Result refused = run(dir, "bash", script.toString(), "--dry-run", "--skip-build", "--plain-http");
        assertEquals(1, refused.exit(), refused.output());
        assertTrue(refused.output().contains("deploy.sh: posts has a database of its own: give --move-image"), refused.output());
        assertFalse(refused.output().contains("+ aws "), "nothing was done: " + refused.output());

        String image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/forum/data-move@sha256:" + "a".repeat(64);
        Result dry = run(dir, "bash", script.toString(), "--dry-run", "--skip-build", "--plain-http", "--move-image", image,
                "--alarm-topic", "arn:aws:sns:eu-west-1:123456789012:ops");
        assertEquals(0, dry.exit(), dry.output());
        String output = dry.output();
        int base = output.indexOf("--stack-name forum-base ");
        int own = output.indexOf("--stack-name forum-posts-db ");
        int bootstrapStack = output.indexOf("--stack-name forum-db-bootstrap ");
        int sharedBootstrap = output.indexOf("--task-definition <TaskDefinition of forum-db-bootstrap> ");
        int ownBootstrap = output.indexOf("--task-definition <TaskDefinitionPosts of forum-db-bootstrap> ");
        int service = output.indexOf("--stack-name forum-posts ");
        // A first deployment: posts' new service starts at 0 %, so the monolith widens to posts too (it still serves its
        // routes); it narrows to threads and users once posts takes 100 %, and only then is the data moved.
        int widen = output.indexOf("==> 5. monolith widen: every module local (posts,threads,users)");
        int narrow = output.indexOf("==> 7. monolith narrow: local modules threads,users");
        int move = output.indexOf("--task-definition <MoveTasks of forum-posts-db> ");
        assertTrue(base >= 0 && base < own && own < bootstrapStack && bootstrapStack < sharedBootstrap
                && sharedBootstrap < ownBootstrap && ownBootstrap < service && service < widen && widen < narrow && narrow < move,
                output);
        assertTrue(output.contains("MoveImage=" + image + " AlarmTopic=arn:aws:sns:eu-west-1:123456789012:ops"), output);
        assertTrue(output.contains("securityGroups=[<MoveSecurityGroup of forum-posts-db>]"), output);
        assertTrue(output.contains("==> 7b. moves: each module of posts"), output);
        assertTrue(output.indexOf("Traffic=100") < narrow, output);
        // A rollback (the setting removed) finds the stack by its tags, which a dry run cannot read: the script itself
        // moves the data back after the images and before the service loses the own database's credentials (step 4)
        // and before the monolith widens (step 5).
        String text = Files.readString(script);
        int back = text.indexOf("step \"3b. moves back to the shared database");
        assertTrue(back > text.indexOf("step \"3. images") && back < text.indexOf("step \"4. extracted services")
                && back < text.indexOf("step \"5. monolith widen"), "moves back before the services and the widening");
        assertTrue(text.indexOf("step \"7b. moves") > text.indexOf("step \"7. monolith narrow"), "moves after narrowing");
        Result check = run(dir, "sh", "-c", "command -v shellcheck");
        if (check.exit() == 0) {
            Result clean = run(dir, "shellcheck", "--severity=style", script.toString());
            assertEquals(0, clean.exit(), clean.output());
        }
    }

    @Test
    void anUnknownOptionIsRefusedWithTheUsage() throws Exception {
        Path script = write(ForumTopologies.topology(ForumTopologies.root().resolve("topology.yml")));
        Result wrong = run(dir, "bash", script.toString(), "--dryrun");
        assertEquals(1, wrong.exit(), wrong.output());
        assertTrue(wrong.output().contains("deploy.sh: unknown option '--dryrun'"), wrong.output());
        assertTrue(wrong.output().contains("--dry-run"), wrong.output());
    }
}

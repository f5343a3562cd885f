package dev.forum.extraction.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.topology.Topology;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy.sh's header, usage and steps describe what this deployment does: an application that issues no tokens is
 * told of no signing keys, one without a database bootstrap or own databases of no option of theirs, and such an
 * option, given anyway, is refused in one line; the forum (tokens, bootstrap) keeps them all.
 */
class DeployScriptHelpTest {

    @TempDir
    Path dir;

    /** The shop of {@link ForeignApplicationTest}: a monolith and an orders service, no tokens and no bootstrap. */
    private static Topology shop() {
        return ForeignApplicationTest.shop(ForeignApplicationTest.TOPOLOGY);
    }

    private static EcsSettings shopSettings() {
        return ForeignApplicationTest.shopSettings();
    }

    private Path write(Topology topology, EcsSettings settings) throws Exception {
        Path ecs = dir.resolve("app/target/ecs");
        Files.createDirectories(ecs);
        Path script = ecs.resolve("deploy.sh");
        Files.writeString(script, EcsRenderer.render(topology, settings).get("deploy.sh"));
        return script;
    }

    private String header(Path script) throws Exception {
        String text = Files.readString(script);
        return text.substring(0, text.indexOf("set -euo pipefail"));
    }

    private static String[] run(Path script, String... options) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        return new String[] {String.valueOf(process.exitValue()), output};
    }

    @Test
    void anApplicationWithoutTokensOrBootstrapIsToldOfNoSigningKeysAndRefusesTheirOptionsInOneLine() throws Exception {
        Path script = write(shop(), shopSettings());
        String header = header(script);
        for (String absent : List.of("signing", "--no-db-bootstrap", "--move-image", "--alarm-topic", "umoci", "openssl",
                "1b. own databases", "2. database bootstrap", "7b. moves", "@@")) {
            assertFalse(header.contains(absent), absent + " in:\n" + header);
        }
        assertTrue(header.contains("#   1. base stack: network, endpoints, load balancers, firewall, cluster, image repositories\n"
                + "#      and the database, with its secrets\n#      then the VPC's default security group emptied\n"
                + "#   3. images"), header);
        String[] help = run(script, "--help");
        assertEquals("0", help[0], help[1]);
        assertTrue(help[1].startsWith("  deploy.sh [--dry-run] [--certificate-arn ARN | --plain-http]"), help[1]);
        assertTrue(help[1].contains("--image-base REF") && !help[1].contains("signing") && !help[1].contains("Needs"), help[1]);

        for (List<String> option : List.of(List.of("--new-signing-keys"), List.of("--no-db-bootstrap"),
                List.of("--move-image", "x@sha256:" + "a".repeat(64)), List.of("--alarm-topic", "arn:aws:sns:eu-west-1:1:ops"))) {
            String[] refused = run(script, option.toArray(String[]::new));
            assertEquals("1", refused[0], option + ": " + refused[1]);
            assertEquals(1, refused[1].lines().count(), option + ": " + refused[1]);
            assertTrue(refused[1].startsWith("deploy.sh: " + option.get(0) + ": "), refused[1]);
        }
        assertEquals("deploy.sh: --new-signing-keys: this application issues no tokens (no extract.ecs.tokenIssuerModule),"
                + " so its deployment has no signing keys\n", run(script, "--new-signing-keys")[1]);
        assertTrue(Files.readString(script).contains("TOKENS=false"));
    }

    @Test
    void withoutADatabaseTheBaseStackHasNone() throws Exception {
        String header = header(write(shop(), shopSettings().databaseClients(DatabaseClients.NONE)));
        assertTrue(header.contains("image repositories\n#      then the VPC's default security group emptied\n#   3. images"), header);
        assertFalse(header.contains("3b. moves back"), "no database, no own database to move back from");
    }

    @Test
    void theForumIssuingTokensWithABootstrapKeepsEveryPartAndItsOptions() throws Exception {
        Path script = write(ForumTopologies.topology(ForumTopologies.root().resolve("topology.yml")), ForumTopologies.settings());
        String header = header(script);
        for (String present : List.of("[--no-db-bootstrap]", "[--new-signing-keys]", "--new-signing-keys    print a new token",
                "and openssl, for the token signing keys", "umoci and psql", "#      and the database, with its secrets",
                "#      and the token signing keys created (once; a deploy never replaces them)", "2. database bootstrap",
                "3b. moves back")) {
            assertTrue(header.contains(present), present + " not in:\n" + header);
        }
        assertFalse(header.contains("@@"), header);
        String[] help = run(script, "--help");
        assertTrue(help[1].contains("--new-signing-keys") && help[1].contains("--no-db-bootstrap"), help[1]);
    }

    @Test
    void aLineIsKeptOnlyWhenEveryConditionOfItHolds() {
        Map<String, Boolean> conditions = Map.of("A", true, "B", false);
        assertEquals("x\na\nnot b\n", DeployScript.kept("x\n@@IF_A@@a\n@@IF_B@@b\n@@IF_NOT_B@@not b\n@@IF_A@@@@IF_B@@ab\n",
                conditions));
        assertThrows(IllegalStateException.class, () -> DeployScript.kept("@@IF_C@@c", conditions));
    }
}

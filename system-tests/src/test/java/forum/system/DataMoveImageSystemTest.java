package forum.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.forum.datamove.support.ModuleDatabases;
import dev.forum.datamove.server.InitdbServer;
import forum.system.support.Archives;
import forum.system.support.Command;
import forum.system.support.EnabledIfSystemTools;
import forum.system.support.JreBaseImage;
import forum.system.support.Podman;
import forum.system.support.ProjectBuild;
import forum.system.support.SystemTools;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The data-move image (the ECS move tasks' image) built as data-move/README.md says, on the local JRE base made by
 * {@code deploy/images/build-jre-base.sh} (a tar): {@code ./mvnw package -pl data-move -am -Pmove-image
 * -Dmove.image.base=tar:///...}, twice, for the same digest. Then the OCI tar is opened (config, layers, the modules'
 * migrations and the RDS bundle) and the image is run by podman as ECS runs a task (read-only, no capability,
 * user 65532): its usage, a usage refusal, the move tasks' TLS set-up against an unreachable server, and a real move
 * of posts between two PostgreSQL servers of the test's own ({@code InitdbServer}, databases set up by data-move's
 * test support) and back, after a rollback with nothing to move.
 */
@EnabledIfSystemTools({"skopeo", "umoci", Podman.PROGRAM, "runc"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataMoveImageSystemTest {

    private static final Duration BUILD_WITHIN = Duration.ofMinutes(15);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path TAR = SystemTools.repositoryRoot().resolve("data-move/target/data-move-image.tar");

    private String digest;
    private String secondDigest;
    private Map<String, byte[]> blobs;
    private JsonNode manifest;
    private String imageId;

    @BeforeAll
    void buildTheImageTwiceOnTheLocalBase() throws IOException {
        Path base = JreBaseImage.writeTar(SystemTools.workDirectory("data-move-image").resolve("jre-25.tar"));
        digest = build("data-move-image-1.log", base);
        secondDigest = build("data-move-image-2.log", base);
        blobs = blobs(TAR);
        manifest = JSON.readTree(blob(digest));
        imageId = Podman.load(TAR);
    }

    @AfterAll
    void removeTheImage() {
        if (imageId != null) {
            Podman.removeImage(imageId);
        }
    }

    private static String build(String log, Path base) throws IOException {
        ProjectBuild.mvnw(log, BUILD_WITHIN, "-B", "-ntp", "package", "-Dmaven.test.skip=true", "-Dinvoker.skip=true", "-pl", "data-move",
                "-am", "-Pmove-image", "-Dmove.image.base=tar://" + base).orThrow();
        return Files.readString(TAR.resolveSibling("data-move-image.digest")).strip();
    }

    @Test
    void theSameSourcesGiveTheSameDigest() {
        assertTrue(digest.matches("sha256:[0-9a-f]{64}"), digest);
        assertEquals(digest, secondDigest, "a rebuild gives the same image");
    }

    @Test
    void theConfigRunsDataMoveAsTheServicesUserOnTheJreBase() throws IOException {
        JsonNode config = JSON.readTree(blob(manifest.path("config").path("digest").asString())).path("config");
        assertEquals(List.of("java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-cp", "@/app/jib-classpath-file",
                "dev.forum.datamove.cli.Main"), strings(config.path("Entrypoint")));
        assertTrue(config.path("Cmd").isMissingNode() || config.path("Cmd").isNull() || config.path("Cmd").isEmpty(),
                "the task gives the arguments: " + config.path("Cmd"));
        assertEquals("65532:65532", config.path("User").asString());
        assertTrue(strings(config.path("Env")).contains("JAVA_HOME=/opt/java/jre"), "the local JRE base's environment");
    }

    @Test
    void theLayersHoldDataMoveItsLibrariesTheModulesMigrationsAndTheRdsBundle() throws Exception {
        List<String> files = new ArrayList<>();
        byte[] bundle = null;
        for (JsonNode layer : manifest.path("layers")) {
            byte[] bytes = blob(layer.path("digest").asString());
            List<String> entries = Archives.layerEntries(bytes);
            files.addAll(entries);
            if (entries.contains("app/rds/global-bundle.pem")) {
                bundle = Archives.layerFile(bytes, "app/rds/global-bundle.pem").orElseThrow();
            }
        }
        assertTrue(files.contains("app/classes/dev/forum/datamove/cli/Main.class"), "data-move's classes");
        for (String library : List.of("postgresql-", "flyway-core-", "flyway-database-postgresql-")) {
            assertTrue(files.stream().anyMatch(f -> f.startsWith("app/libs/" + library) && f.endsWith(".jar") && !f.contains("!/")),
                    library + " in /app/libs");
        }
        for (String module : List.of("users", "threads", "posts")) {
            assertTrue(files.stream().anyMatch(f -> f.matches("app/libs/forum-" + module + "-[^/]+\\.jar!/db/migration/" + module
                    + "/V1__[^/]+\\.sql")), module + "'s migrations on the class path");
        }
        assertFalse(files.stream().anyMatch(f -> f.matches("app/libs/spring-[^/]+\\.jar")), "none of the modules' dependencies");
        assertTrue(files.contains("app/jib-classpath-file"));
        assertFalse(files.stream().anyMatch(f -> f.endsWith(".sha256")), "the bundle's checksum file stays out");
        Path repositoryBundle = SystemTools.repositoryRoot().resolve("deploy/image/app/rds/global-bundle.pem");
        String expected = Files.readString(repositoryBundle.resolveSibling("global-bundle.pem.sha256")).strip().split("\\s+")[0];
        assertTrue(bundle != null, "/app/rds/global-bundle.pem is in the image");
        assertEquals(expected, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bundle)),
                "the bundle is the checked one of deploy/image");
    }

    @Test
    void podmanRunsItAsEcsDoesItsUsageAndItsRefusals() {
        Command.Result help = Podman.runToEnd(imageId, Podman.AS_ECS_RUNS_IT, Map.of(), List.of("help"));
        assertEquals(0, help.exitCode(), help.output());
        assertTrue(help.output().contains("usage: data-move move|abort|status|drop-source --module M"), help.output());
        assertTrue(help.output().contains("[--ssl-root-cert FILE]"), help.output());

        Command.Result usage = Podman.runToEnd(imageId, Podman.AS_ECS_RUNS_IT, Map.of(), List.of("move", "--module", "posts"));
        assertEquals(2, usage.exitCode(), usage.output());
        assertTrue(usage.output().strip().endsWith("data-move: --source, --target, --source-user, --target-user, --owner,"
                + " --migrations are required (data-move help)"), usage.output());

        // The move task's command (MoveTasks): the bundle is readable by the image's user, then the server is not there.
        Map<String, String> passwords = Map.of("FORUM_MOVE_SOURCE_PASSWORD", "s", "FORUM_MOVE_TARGET_PASSWORD", "t",
                "FORUM_MOVE_OWNER_PASSWORD", "o");
        Command.Result unreachable = Podman.runToEnd(imageId, with(Podman.AS_ECS_RUNS_IT, "--network=none"), passwords,
                List.of("move", "--module", "posts", "--source", "shared@127.0.0.1:9/forum", "--source-user", "forum_admin",
                        "--target", "own@127.0.0.1:9/forum", "--target-user", "forum_admin", "--owner", "forum_posts_owner",
                        "--runtime-role", "forum_posts", "--migrations", "classpath:db/migration/posts",
                        "--ssl-root-cert", "/app/rds/global-bundle.pem"));
        assertEquals(1, unreachable.exitCode(), unreachable.output());
        assertTrue(unreachable.output().contains("data-move: cannot connect to shared (127.0.0.1:9/forum, TLS verified) as"
                + " forum_admin: "), unreachable.output());
    }

    @Test
    void theImageMovesPostsBetweenTwoServersAndBackWithTheMigrationsOnItsClassPath() {
        String unavailable = InitdbServer.unavailableReason();
        if (unavailable != null) {
            assertFalse(SystemTools.required(), unavailable);
            Assumptions.abort(unavailable);
        }
        Map<String, String> logical = Map.of("wal_level", "logical");
        try (InitdbServer shared = InitdbServer.temporary(logical); InitdbServer own = InitdbServer.temporary(logical);
                ModuleDatabases pair = new ModuleDatabases(shared, "shared", own, "own", "posts")) {
            pair.psql(pair.source, "insert into posts.posts (thread_id, text, user_id) select 1 + g % 7, 'seed ' || g, 1 + g % 5"
                    + " from generate_series(1, 200) g");
            String sharedAt = "shared@127.0.0.1:" + shared.port() + "/" + pair.database();
            String ownAt = "own@127.0.0.1:" + own.port() + "/" + pair.database();
            // The servers listen on the host's loopback: the container shares the host's network (ECS: awsvpc).
            List<String> options = with(Podman.AS_ECS_RUNS_IT, "--network=host");

            Command.Result nothing = Podman.runToEnd(imageId, options, passwords(own, shared), move(ownAt, sharedAt));
            assertEquals(0, nothing.exitCode(), nothing.output());
            assertTrue(nothing.output().contains("[data-move] posts is already on shared: nothing to move"), nothing.output());

            Command.Result moved = Podman.runToEnd(imageId, options, passwords(shared, own), move(sharedAt, ownAt));
            assertEquals(0, moved.exitCode(), moved.output());
            assertTrue(moved.output().contains("[data-move] done: own holds posts at epoch 1"), moved.output());
            assertEquals("200", pair.psql(pair.target, "select count(*) from posts.posts"));
            assertEquals("3", pair.psql(pair.target, "select count(*) from posts.flyway_schema_history where success"),
                    "the target migrated by posts' own migrations, read from the jar in /app/libs");

            Command.Result back = Podman.runToEnd(imageId, options, passwords(own, shared), move(ownAt, sharedAt));
            assertEquals(0, back.exitCode(), back.output());
            assertTrue(back.output().contains("[data-move] done: shared holds posts at epoch 2"), back.output());
        }
    }

    /** The move task's command (MoveTasks) with local addresses, the tests' superuser and no TLS (the servers have none). */
    private static List<String> move(String source, String target) {
        return List.of("move", "--module", "posts", "--source", source, "--source-user", "postgres", "--target", target,
                "--target-user", "postgres", "--owner", ModuleDatabases.owner("posts"), "--runtime-role",
                ModuleDatabases.runtime("posts"), "--migrations", "classpath:db/migration/posts");
    }

    private static Map<String, String> passwords(InitdbServer source, InitdbServer target) {
        return Map.of("FORUM_MOVE_SOURCE_PASSWORD", source.password(), "FORUM_MOVE_TARGET_PASSWORD", target.password(),
                "FORUM_MOVE_OWNER_PASSWORD", ModuleDatabases.OWNER_PASSWORD);
    }

    private static List<String> with(List<String> options, String more) {
        List<String> all = new ArrayList<>(options);
        all.add(more);
        return all;
    }

    private byte[] blob(String digest) {
        byte[] bytes = blobs.get("blobs/sha256/" + digest.substring("sha256:".length()));
        assertTrue(bytes != null, "blob " + digest + " in the tar");
        return bytes;
    }

    private static Map<String, byte[]> blobs(Path tar) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (InputStream in = Files.newInputStream(tar); TarArchiveInputStream archive = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry entry = archive.getNextEntry(); entry != null; entry = archive.getNextEntry()) {
                if (entry.isFile()) {
                    entries.put(entry.getName().replaceFirst("^\\./", ""), archive.readAllBytes());
                }
            }
        }
        JsonNode index = JSON.readTree(new ByteArrayInputStream(entries.get("index.json")));
        assertEquals(1, index.path("manifests").size(), "one image in the tar");
        return entries;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }
}

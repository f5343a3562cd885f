package forum.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import forum.system.support.Archives;
import forum.system.support.Command;
import forum.system.support.EnabledIfSystemTools;
import forum.system.support.JreBaseImage;
import forum.system.support.LocalRegistry;
import forum.system.support.Podman;
import forum.system.support.ProjectBuild;
import forum.system.support.SystemTools;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The posts service, extracted and shipped as a user does it (README, "Extracting a module"): a local
 * registry on 127.0.0.1, the JRE 25 base made by {@code deploy/images/build-jre-base.sh} and pushed there,
 * then {@code ./mvnw -Pextract=posts package} with the base and the push target set. Then the real outputs
 * are opened: the service jar, the image in the registry (layers, config), and the image run by podman with
 * its port published on 127.0.0.1, answering HTTP.
 */
@EnabledIfSystemTools({LocalRegistry.PROGRAM, "skopeo", "umoci", Podman.PROGRAM, "runc"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExtractedPostsImageSystemTest {

    private static final String REPOSITORY = "forum/posts";
    private static final String TAG = "system-test";
    private static final Duration BUILD_WITHIN = Duration.ofMinutes(15);
    private static final Duration READY_WITHIN = Duration.ofMinutes(3);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The progress line of the image step: `[extract] posts image: base ..., 5 layers (...) -> <target> sha256:... in 2.3 s`. */
    private static final Pattern IMAGE_LINE = Pattern.compile("\\[extract] posts image: .* -> (\\S+) (sha256:[0-9a-f]{64}) in ");
    /** The other modules' implementations: none of their classes or migrations may ship with posts. */
    private static final List<String> FOREIGN = List.of("forum/users/internal/", "forum/threads/internal/",
            "db/migration/users/", "db/migration/threads/", "db/seed/users/", "db/seed/threads/");
    private static final Set<String> SERVICE_MODULE_JARS = Set.of("forum-platform", "forum-posts", "forum-posts-api",
            "forum-threads-api", "forum-users-api");

    private LocalRegistry registry;
    private String baseReference;
    private Command.Result build;
    private String pushedDigest;

    @BeforeAll
    void buildThePostsServiceOnTheLocalBaseAndPushIt() throws Exception {
        registry = LocalRegistry.start(SystemTools.workDirectory("registry-" + ProcessHandle.current().pid()));
        baseReference = JreBaseImage.pushTo(registry);
        String target = registry.host() + "/" + REPOSITORY + ":" + TAG;
        // No -o: the nested build resolves what it lacks; -am builds the in-reactor plugin too.
        // useIncrementalCompilation=false: recompile stale sources only; the compiler's default recompiles every module,
        // since the build rewrites the jars each one depends on. The output is the same; only the time changes.
        build = ProjectBuild.mvnw("posts-build.log", BUILD_WITHIN, "-B", "-ntp", "-Pextract=posts", "package", "-DskipTests",
                "-Dmaven.compiler.useIncrementalCompilation=false", "-pl", "forum-app", "-am",
                "-Dextract.image.base=" + baseReference, "-Dextract.image.registry=" + target);
        build.orThrow();
        Matcher line = IMAGE_LINE.matcher(build.output());
        assertTrue(line.find(), "the build prints the image's progress line; log " + build.log());
        assertEquals(target, line.group(1), line.group());
        pushedDigest = line.group(2);
        // A pinned base on a plain-HTTP loopback registry is the expected set-up: nothing to warn about.
        assertEquals(List.of(), build.output().lines().filter(l -> l.startsWith("[WARNING] [extract]")).toList(),
                "the plugin's warnings; log " + build.log());
    }

    @AfterAll
    void stopTheRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void theServiceJarHoldsPostsAndOnlyTheApisOfUsersAndThreads() {
        List<String> entries = Archives.jarEntries(serviceJar());

        Set<String> projectJars = entries.stream().filter(name -> name.matches("BOOT-INF/lib/forum-[^/!]+\\.jar"))
                .map(name -> name.substring("BOOT-INF/lib/".length()).replaceFirst("-\\d[^/]*\\.jar$", ""))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(SERVICE_MODULE_JARS), projectJars, "the project's jars nested in posts.jar");
        assertContains(entries, "forum/posts/internal/PostService.class");
        assertContains(entries, "db/migration/posts/V1__create_posts.sql");
        assertContains(entries, "forum/users/UsersApi.class");
        assertContains(entries, "forum/threads/ThreadsApi.class");
        assertNoForeignImplementation(entries, "posts.jar");
    }

    @Test
    void theImageInTheRegistryIsLayeredAsDocumentedOnTheLocalBaseAndHoldsNoOtherModulesImplementation() {
        LocalRegistry.Manifest manifest = registry.manifest(REPOSITORY, TAG);
        assertEquals(pushedDigest, manifest.digest(), "the digest the build printed is the one the registry serves");
        assertEquals("application/vnd.oci.image.manifest.v1+json", manifest.json().path("mediaType").asString(),
                "an OCI image, as the plugin documents");

        List<String> baseLayers = digests(registry.manifest(JreBaseImage.REPOSITORY, JreBaseImage.TAG).json());
        List<String> layers = digests(manifest.json());
        assertEquals(baseLayers, layers.subList(0, baseLayers.size()), "the image starts with the local JRE base's layers");
        List<String> own = layers.subList(baseLayers.size(), layers.size());
        assertEquals(5, own.size(), "libs, files, modules, resources, classes");

        List<List<String>> files = new ArrayList<>();
        for (String digest : own) {
            files.add(Archives.layerEntries(registry.blob(REPOSITORY, digest)));
        }
        List<String> libs = topLevel(files.get(0));
        // deploy/image: the RDS certificate authorities for sslmode=verify-full, without their checksum file.
        assertEquals(List.of("app/rds/global-bundle.pem"), files.get(1).stream().filter(name -> !name.endsWith("/")).toList(),
                "files layer");
        files.remove(1);
        List<String> modules = topLevel(files.get(1));
        List<String> resources = topLevel(files.get(2));
        List<String> classes = topLevel(files.get(3));
        assertAllMatch(libs, "app/libs/[^/]+\\.jar", "libs layer");
        assertFalse(libs.stream().anyMatch(name -> name.startsWith("app/libs/forum-")), "no project jar among the libraries: " + libs);
        assertTrue(libs.size() > 50, "the third-party jars: " + libs.size());
        assertEquals(new TreeSet<>(SERVICE_MODULE_JARS), modules.stream()
                .map(name -> name.replaceFirst("^app/modules/", "").replaceFirst("-\\d[^/]*\\.jar$", ""))
                .collect(Collectors.toCollection(TreeSet::new)), "modules layer");
        // The application's own resources and classes as one jar each: the JDK's AOT cache refuses directories.
        assertEquals(List.of("app/resources/resources.jar"), resources, "resources layer");
        assertFalse(files.get(2).stream().anyMatch(name -> name.endsWith(".class")), "no classes among the resources");
        assertContains(files.get(2), "application.properties");
        assertEquals(List.of("app/classes/classes.jar"), classes, "classes layer");
        assertContains(files.get(3), "forum/ForumApplication.class");

        List<String> everything = files.stream().flatMap(List::stream).toList();
        assertContains(everything, "forum/posts/internal/PostService.class");
        assertNoForeignImplementation(everything, "the image's layers");

        JsonNode config = registry.json(registry.blob(REPOSITORY, manifest.json().path("config").path("digest").asString()))
                .path("config");
        assertEquals("65532:65532", config.path("User").asString(), "runs as the non-root user");
        assertTrue(config.path("ExposedPorts").has("3000/tcp"), "exposes 3000: " + config);
        assertEquals("/actuator/health/readiness", config.path("Labels").path("forum.health.readiness").asString());
        assertEquals(List.of("java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-cp",
                "/app/resources/resources.jar:/app/classes/classes.jar:/app/modules/*:/app/libs/*", "forum.ForumApplication"),
                strings(config.path("Entrypoint")));
        assertTrue(strings(config.path("Env")).contains("JAVA_HOME=/opt/java/jre"), "the base's environment is kept: " + config);
        assertTrue(strings(config.path("Env")).contains("SERVER_PORT=3000"), "listens on the port it exposes: " + config);
    }

    @Test
    void theLocalBaseHasEveryJavaModuleThePostsServiceNeeds() {
        Set<String> needed = JreBaseImage.modulesRequiredBy(serviceJar());
        Set<String> linked = JreBaseImage.modules(javaRelease().replaceFirst("(?s).*MODULES=\"([^\"]*)\".*", "$1"));

        assertTrue(needed.contains("java.base") && needed.size() > 3, "jdeps found the service's modules: " + needed);
        assertTrue(linked.containsAll(needed), "the JRE base lacks " + difference(needed, linked)
                + ": add them to deploy/images/jre-modules.txt");
        assertTrue(linked.containsAll(JreBaseImage.listedModules()), "the base was made from jre-modules.txt: " + linked);
    }

    @Test
    void podmanRunsTheImageAsEcsDoesAndItServesPostsButNotUsers() throws Exception {
        String imageId = Podman.pull(registry.host() + "/" + REPOSITORY + ":" + TAG);
        try {
            int port = LocalRegistry.freePort();
            int managementPort = LocalRegistry.freePort();
            // users and threads are remote to this service: a URL where nothing answers, as GET routes never call them.
            // Read-only root, /tmp a volume, no capability, an init process, user 65532, Actuator on its own port:
            // the rendered ECS task definition's settings.
            try (Podman.Container container = Podman.run(imageId, Map.of(port, 3000, managementPort, 3001),
                    Podman.AS_ECS_RUNS_IT, Map.of("EXTRACTION_TOPOLOGY_REMOTE_BASE_URL", "http://127.0.0.1:9",
                            "MANAGEMENT_SERVER_PORT", "3001"))) {
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
                String base = "http://127.0.0.1:" + port;
                awaitReady(http, "http://127.0.0.1:" + managementPort + "/actuator/health/readiness", container);
                assertEquals("true", container.inspect("{{.HostConfig.ReadonlyRootfs}}"), "a read-only root filesystem");
                assertEquals("65532:65532", container.inspect("{{.Config.User}}"));
                assertEquals("[]", container.inspect("{{.EffectiveCaps}}").replace("<no value>", "[]"), "no capability");
                assertEquals("true", container.inspect("{{.HostConfig.Init}}"));
                HttpResponse<String> actuator = get(http, base + "/actuator/health");
                assertEquals(404, actuator.statusCode(), "Actuator is not on the application's port: " + actuator.body());

                HttpResponse<String> posts = get(http, base + "/api/posts/in-thread/1");
                assertEquals(200, posts.statusCode(), posts.body());
                JsonNode thread1 = JSON.readTree(posts.body());
                assertEquals(2, thread1.size(), posts.body());
                assertEquals("Has anyone checked on the lich recently?", thread1.get(0).path("text").asString());
                assertEquals(4, thread1.get(0).path("user").asInt());

                HttpResponse<String> post = get(http, base + "/api/posts/6");
                assertEquals(200, post.statusCode(), post.body());
                assertEquals(3, JSON.readTree(post.body()).path("thread").asInt());

                for (String notHere : List.of("/api/users", "/api/users/1", "/api/threads")) {
                    HttpResponse<String> answer = get(http, base + notHere);
                    assertEquals(404, answer.statusCode(), notHere + " is not served by the posts service: " + answer.body());
                }
            }
        } finally {
            Podman.removeImage(imageId);
        }
    }

    private static Path serviceJar() {
        Path folder = SystemTools.repositoryRoot().resolve("forum-app/target/services/posts");
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> jars = files.filter(file -> file.toString().endsWith(".jar")).toList();
            assertEquals(1, jars.size(), "one executable jar in " + folder + ": " + jars);
            return jars.get(0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The JRE's {@code release} file, from the base image's layers in the registry. */
    private String javaRelease() {
        for (String digest : digests(registry.manifest(JreBaseImage.REPOSITORY, JreBaseImage.TAG).json())) {
            var release = Archives.layerFile(registry.blob(JreBaseImage.REPOSITORY, digest), "opt/java/jre/release");
            if (release.isPresent()) {
                return new String(release.get(), StandardCharsets.UTF_8);
            }
        }
        return fail("no opt/java/jre/release in " + baseReference);
    }

    private static void awaitReady(HttpClient http, String url, Podman.Container container) throws InterruptedException {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = get(http, url);
                if (response.statusCode() == 200) {
                    return;
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            if (!container.state().startsWith("running")) {
                fail("the container stopped (" + container.state() + "):\n" + Command.tail(container.logs()));
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        fail(url + " did not answer 200 within " + READY_WITHIN.toSeconds() + " s (last: " + last + "):\n"
                + Command.tail(container.logs()));
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> digests(JsonNode manifest) {
        List<String> digests = new ArrayList<>();
        manifest.path("layers").forEach(layer -> digests.add(layer.path("digest").asString()));
        return digests;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }

    /** The files of a layer itself, not those inside its jars. */
    private static List<String> topLevel(List<String> entries) {
        return entries.stream().filter(name -> !name.contains("!/")).toList();
    }

    private static void assertContains(List<String> entries, String path) {
        assertTrue(entries.stream().anyMatch(name -> name.equals(path) || Archives.innermost(name).equals(path)),
                "expected " + path);
    }

    private static void assertAllMatch(List<String> names, String regex, String what) {
        List<String> others = names.stream().filter(name -> !name.matches(regex)).toList();
        assertTrue(others.isEmpty(), what + " holds files outside " + regex + ": " + others);
        assertFalse(names.isEmpty(), what + " is empty");
    }

    private static void assertNoForeignImplementation(List<String> entries, String where) {
        List<String> foreign = entries.stream()
                .filter(name -> FOREIGN.stream().anyMatch(Archives.innermost(name)::startsWith)).toList();
        assertTrue(foreign.isEmpty(), where + " holds another module's implementation: " + foreign);
        assertFalse(entries.stream().anyMatch(name -> name.matches(".*forum-(users|threads)-\\d[^/!]*\\.jar")),
                where + " holds the users or threads implementation jar");
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> missing = new TreeSet<>(a);
        missing.removeAll(b);
        return missing;
    }
}

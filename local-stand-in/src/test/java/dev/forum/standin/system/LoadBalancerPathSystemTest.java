package dev.forum.standin.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forum.standin.haproxy.Endpoint;
import dev.forum.standin.haproxy.HaproxyConfig;
import dev.forum.standin.haproxy.HaproxyProcess;
import dev.forum.standin.haproxy.HaproxySettings;
import dev.forum.standin.haproxy.RuntimeApi;
import dev.forum.standin.process.Ports;
import dev.forum.standin.support.Checkout;
import dev.forum.standin.support.EnabledIfSystemTools;
import dev.forum.standin.support.HaproxyReady;
import dev.forum.standin.support.RawHttp;
import dev.forum.standin.support.StubServer;
import dev.forum.topology.CanonicalPath;
import dev.forum.topology.LoadBalancerProblem;
import dev.forum.topology.Topology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The load balancer and the application agree on the path: through the real HAProxy, configured from every example
 * topology in front of loopback stubs, a path that is not canonical is refused with the 400 problem naming what is
 * wrong before any rule picks a route (no stub sees it), while canonical paths (query strings with escapes included)
 * reach the service the model routes them to, unchanged. And every error HAProxy answers itself is a problem document
 * of the catalogue. Needs HAProxy only.
 */
@EnabledIfSystemTools(postgres = false)
@Timeout(180)
class LoadBalancerPathSystemTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Paths that decode or normalise to another path: the kinds of the issue, in inputs of our own. */
    static final List<String> NON_CANONICAL = List.of(
            "/api/post%73/1", "/api/post%53/1", "/api/%70osts/1", "/%61pi/posts", "/api/posts/%31", "/api/posts/1%7E",
            "/api/posts/1%7e", "/api/users/%2D1", "/api/threads/a%5Fb", "/api/posts/a%2Eb",
            "/api/posts%2F1", "/api/posts%2f1", "/api%2Fposts%2F1", "/api/users%2F..%2Fposts/1", "/api/posts%5C1",
            "/api/users%5c..%5cposts/1",
            "/api/posts/%2e%2e/users/1", "/api/posts/%2E%2E", "/api/posts/%2e", "/api/users/.%2e/posts/1",
            "/api/posts/./1", "/api/posts/../users/1", "/api/users/../posts/1", "/api/posts/..", "/api/posts/.", "/./api/posts",
            "/api/posts//1", "//api/posts/1", "/api//posts/1", "/api/posts/1//",
            "/api/posts;x=1/1", "/api/posts/1;jsessionid=abc", "/api/posts/;/1", "/api;/posts/1", "/api/users/..;/posts/1",
            "/api/posts/a%zz", "/api/posts/a%2", "/api/posts/a%", "/api/posts/%G1",
            "/api/post%73/1?limit=10", "/api/posts//1?q=%2F");

    /** Paths as they should be sent: each reaches the service that holds its module, exactly as sent. */
    static final List<String> CANONICAL = List.of(
            "/api/posts/1", "/api/posts", "/api/posts/in-thread/1", "/api/posts/by-user/2", "/api/users/1", "/api/threads",
            "/api/posts/1?x=%2F%2e%41", "/api/posts?limit=10&offset=0", "/api/posts/caf%C3%A9", "/api/posts/100%25",
            "/api/posts/a%20b", "/api/posts/a%40b", "/api/posts/a%3Bb", "/api/postsettings", "/api/posts/...", "/", "/api/");

    @TempDir
    Path dir;

    private final List<StubServer> stubs = new ArrayList<>();
    private HaproxyProcess haproxy;
    private int port;

    @AfterEach
    void stop() {
        if (haproxy != null) {
            haproxy.close();
        }
        stubs.forEach(StubServer::close);
    }

    static Stream<String> topologies() throws IOException {
        try (Stream<Path> files = Files.list(Checkout.root().resolve("deploy/topologies"))) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".yml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("topologies")
    void a_path_that_is_not_canonical_is_refused_before_any_rule_and_a_canonical_one_reaches_its_service(String file)
            throws Exception {
        Topology topology = Checkout.topology(file);
        start(topology, Duration.ofSeconds(15));

        for (String target : NON_CANONICAL) {
            for (String method : List.of("GET", "POST", "DELETE")) {
                RawHttp.Response response = RawHttp.request(port, method, target);
                String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
                CanonicalPath.Violation violation = CanonicalPath.violation(path).orElseThrow();
                assertProblem(LoadBalancerProblem.nonCanonicalPath(violation), response, file + ": " + method + " " + target);
            }
        }
        // The absolute form of the request target is judged by its path too.
        assertProblem(LoadBalancerProblem.nonCanonicalPath(CanonicalPath.Violation.NEEDLESS_ESCAPE),
                RawHttp.request(port, "GET", "http://127.0.0.1:" + port + "/api/post%73/1"), file + ": absolute form");
        assertEquals(List.of(), received(), file + ": no refused request reached a service");

        for (String target : CANONICAL) {
            RawHttp.Response response = RawHttp.request(port, "GET", target);
            String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
            Map<String, Integer> route = topology.routeOf(path);
            if (route.isEmpty()) {
                assertProblem(LoadBalancerProblem.NO_ROUTE, response, file + ": " + target + " (no service takes it)");
                continue;
            }
            assertEquals(200, response.status(), file + ": " + target + " -> " + response.body());
            String[] answer = response.body().split(" ", 3);
            assertTrue(route.getOrDefault(answer[0], 0) > 0, file + ": " + target + " went to " + answer[0] + ", the model says " + route);
            assertEquals(target, answer[2], file + ": the service gets the target exactly as sent");
        }
    }

    @Test
    void every_error_haproxy_answers_itself_is_a_problem_of_the_catalogue() throws Exception {
        Topology topology = Checkout.topology("posts-extracted.yml");
        RuntimeApi api = start(topology, Duration.ofSeconds(1));

        assertProblem(LoadBalancerProblem.BAD_GATEWAY, RawHttp.request(port, "GET", "/api/posts/1" + StubServer.GARBAGE),
                "a service that answers with something that is not HTTP");
        long start = System.nanoTime();
        assertProblem(LoadBalancerProblem.TIMEOUT, RawHttp.request(port, "GET", "/api/posts/1" + StubServer.SLOW),
                "a service that answers after the server timeout");
        assertTrue(System.nanoTime() - start < Duration.ofMillis(StubServer.SLOW_MILLIS).toNanos(), "answered at the timeout");

        api.setState("svc_posts", "posts-1", RuntimeApi.State.MAINT);
        api.setState("svc_posts", "posts-2", RuntimeApi.State.MAINT);
        assertProblem(LoadBalancerProblem.UNAVAILABLE, RawHttp.request(port, "GET", "/api/posts/1"), "no posts server in service");
        RawHttp.Response users = RawHttp.request(port, "GET", "/api/users/1");
        assertEquals(200, users.status(), "the monolith still answers its routes: " + users.body());

        // HAProxy's parser refuses these before any rule runs. HAProxy 2.6 answers them with its built-in page, which no
        // configuration of that version changes (haproxy/haproxy#3032); the README names that page.
        for (String malformed : List.of("HELLO\r\n\r\n", "GET /api/posts/1 HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
                "GET /api/posts/a b HTTP/1.1\r\nHost: a\r\n\r\n", "GET /api/posts/1#top HTTP/1.1\r\nHost: a\r\n\r\n",
                "POST /api/posts HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd")) {
            RawHttp.Response response = RawHttp.send(port, malformed.getBytes(StandardCharsets.ISO_8859_1));
            assertEquals(400, response.status(), malformed);
            if (haproxyVersion().startsWith("2.")) {
                assertEquals("text/html", response.contentType(), "HAProxy 2.x's own page for " + malformed);
            } else {
                assertProblem(LoadBalancerProblem.BAD_REQUEST, response, malformed);
            }
        }
        assertEquals(List.of("/api/posts/1" + StubServer.GARBAGE, "/api/posts/1" + StubServer.SLOW), received().stream()
                .filter(target -> target.startsWith("/api/posts")).toList(), "nothing was retried, nothing malformed passed");
    }

    /**
     * What the application answers for itself reaches the client: an unknown method (501), TRACE (the route's 405)
     * and an expectation it does not meet (417) pass through the load balancer to the service unchanged, as sent.
     */
    @Test
    void methods_and_expectations_reach_the_service_as_sent() throws Exception {
        start(Checkout.topology("posts-extracted.yml"), Duration.ofSeconds(15));
        Map<String, String> requests = new LinkedHashMap<>();
        for (String method : List.of("FOO", "get", "TRACE", "OPTIONS", "PROPFIND")) {
            requests.put(method + " /api/posts/1 HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n", method + " /api/posts/1 ");
        }
        requests.put("POST /api/posts HTTP/1.1\r\nHost: a\r\nExpect: foo\r\nContent-Type: application/json\r\n"
                + "Content-Length: 2\r\nConnection: close\r\n\r\n{}", "POST /api/posts ");
        for (var request : requests.entrySet()) {
            RawHttp.Response response = RawHttp.send(port, request.getKey().getBytes(StandardCharsets.ISO_8859_1));
            assertEquals(200, response.status(), request.getKey() + " -> " + response.statusLine() + " " + response.body());
            assertTrue(response.body().startsWith("posts "), "went to the posts service: " + response.body());
        }
        List<String> heads = stubs.stream().flatMap(stub -> stub.receivedHeads().stream()).toList();
        for (String requestLine : requests.values()) {
            assertEquals(1, heads.stream().filter(head -> head.startsWith(requestLine)).count(),
                    "the service got " + requestLine.trim() + " as sent: " + heads);
        }
        String expect = heads.stream().filter(head -> head.startsWith("POST ")).findFirst().orElseThrow();
        assertTrue(expect.toLowerCase(Locale.ROOT).contains("\r\nexpect: foo"),
                "the expectation reaches the service, which answers it (417): " + expect);
    }

    @Test
    void without_a_monolith_a_path_no_service_takes_is_the_no_route_problem() throws Exception {
        start(Checkout.topology("all-extracted.yml"), Duration.ofSeconds(15));
        for (String path : List.of("/api/postsettings", "/", "/api/", "/actuator/health", "/api/comments/1")) {
            assertProblem(LoadBalancerProblem.NO_ROUTE, RawHttp.request(port, "GET", path), path);
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private static void assertProblem(LoadBalancerProblem expected, RawHttp.Response response, String what) throws IOException {
        assertEquals(expected.status(), response.status(), what + ": " + response.statusLine() + " " + response.body());
        assertEquals(LoadBalancerProblem.MEDIA_TYPE, response.contentType(), what);
        JsonNode body = JSON.readTree(response.body());
        assertEquals(expected.type(), body.path("type").asText(), what);
        assertEquals(expected.title(), body.path("title").asText(), what);
        assertEquals(expected.status(), body.path("status").asInt(), what);
        assertEquals(expected.detail(), body.path("detail").asText(), what);
    }

    /** HAProxy with two stubs per deployed service, every stub checked UP. */
    private RuntimeApi start(Topology topology, Duration serverTimeout) throws Exception {
        Ports ports = new Ports();
        Map<String, List<Endpoint>> instances = new LinkedHashMap<>();
        for (var service : topology.deployedServices()) {
            List<Endpoint> list = new ArrayList<>();
            for (int i = 1; i <= 2; i++) {
                Endpoint endpoint = Endpoint.loopback(service.name(), i, ports.free());
                list.add(endpoint);
                stubs.add(StubServer.start(endpoint));
            }
            instances.put(service.name(), list);
        }
        port = ports.free();
        HaproxySettings settings = HaproxySettings.loopback(port, 0, dir.resolve("haproxy.sock"))
                .withServerTimeout(serverTimeout);
        haproxy = HaproxyProcess.start(HaproxyConfig.render(topology, instances, Set.of(), settings), dir, settings,
                Duration.ofSeconds(10));
        RuntimeApi api = haproxy.api();
        HaproxyReady.awaitEveryServiceServerUp(api, Duration.ofSeconds(10));
        return api;
    }

    private List<String> received() {
        return stubs.stream().flatMap(stub -> stub.received().stream()).toList();
    }

    private static String haproxyVersion() {
        try {
            Process process = new ProcessBuilder(HaproxyProcess.executable(), "-v").redirectErrorStream(true).start();
            String first = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElse("");
            process.waitFor();
            return first.replaceFirst("^HA-?Proxy version (\\S+).*", "$1");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

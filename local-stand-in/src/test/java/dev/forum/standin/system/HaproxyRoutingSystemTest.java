package dev.forum.standin.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.forum.standin.haproxy.Endpoint;
import dev.forum.standin.haproxy.HaproxyConfig;
import dev.forum.standin.haproxy.HaproxyProcess;
import dev.forum.standin.haproxy.HaproxySettings;
import dev.forum.standin.haproxy.RuntimeApi;
import dev.forum.standin.process.Ports;
import dev.forum.standin.support.Checkout;
import dev.forum.standin.support.EnabledIfSystemTools;
import dev.forum.standin.support.HaproxyReady;
import dev.forum.topology.Topology;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rendered configuration run by the real HAProxy in front of small loopback stubs that answer with their own name:
 * the rules route what the model says, weights and drain work through the runtime API, and the readiness check keeps
 * traffic from a server that is not ready. Needs HAProxy only.
 */
@EnabledIfSystemTools(postgres = false)
@Timeout(120)
class HaproxyRoutingSystemTest {

    /** The stubs' echo of the X-Forwarded-For values they received, joined as one list. */
    private static final String SEEN_FORWARDED_FOR = "X-Seen-Forwarded-For";

    @TempDir
    Path dir;

    private final List<HttpServer> stubs = new ArrayList<>();
    private final Map<String, AtomicInteger> readiness = new LinkedHashMap<>();
    private HaproxyProcess haproxy;
    private final HttpClient client = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        if (haproxy != null) {
            haproxy.close();
        }
        stubs.forEach(stub -> stub.stop(0));
        client.close();
    }

    @Test
    void every_example_topology_renders_a_configuration_haproxy_accepts() throws IOException {
        for (String file : List.of("monolith.yml", "posts-extracted.yml", "posts-canary-10.yml", "posts-and-threads.yml",
                "all-extracted.yml")) {
            Topology topology = Checkout.topology(file);
            Path config = dir.resolve(file + ".cfg");
            Ports ports = new Ports();
            Files.writeString(config, HaproxyConfig.render(topology, instances(topology, ports, false), Set.of(),
                    HaproxySettings.loopback(ports.free(), 0, dir.resolve("s.sock"))));
            assertNull(HaproxyProcess.check(config), file);
        }
    }

    @Test
    void the_posts_routes_are_split_by_weight_and_everything_else_goes_to_the_monolith() throws Exception {
        RuntimeApi api = start(Checkout.topology("posts-canary-10.yml"));

        Map<String, Integer> posts = count(List.of("/api/posts", "/api/posts/1", "/api/posts/in-thread/1", "/api/posts/by-user/2"), 50);
        assertEquals(200, posts.values().stream().mapToInt(Integer::intValue).sum());
        int toService = posts.getOrDefault("posts", 0);
        assertTrue(toService >= 10 && toService <= 30, "about 10 % of 200 posts requests to the posts service: " + posts);
        assertEquals(Map.of("monolith", 60), count(List.of("/api/users", "/api/threads/1", "/api/postsettings"), 20),
                "no rule takes /api/postsettings: it goes to the default route");

        api.setWeight("rule_10_posts", "monolith-1", 0);
        api.setWeight("rule_10_posts", "monolith-2", 0);
        assertEquals(Map.of("posts", 40), count(List.of("/api/posts"), 40), "weights change at run time, no reload");

        api.setState("svc_posts", "posts-1", RuntimeApi.State.DRAIN);
        Map<String, Integer> servers = countServers(List.of("/api/posts/1"), 20);
        assertEquals(Map.of("posts-2", 20), servers, "a drained server takes no new request, in every rule that tracks it");
    }

    @Test
    void a_server_that_is_not_ready_gets_no_traffic() throws Exception {
        RuntimeApi api = start(Checkout.topology("posts-extracted.yml"));
        readiness.get("posts-1").set(503);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (api.servers().stream().noneMatch(s -> s.backend().equals("svc_posts") && s.server().equals("posts-1")
                && s.status().equals("DOWN"))) {
            assertTrue(System.nanoTime() < deadline, "HAProxy marks posts-1 down within 10 s");
            Thread.sleep(100);
        }
        assertEquals(Map.of("posts-2", 20), countServers(List.of("/api/posts"), 20));
    }

    @Test
    void a_server_that_comes_back_up_gets_its_share_ramped_up_over_the_slow_start() throws Exception {
        RuntimeApi api = start(Checkout.topology("posts-extracted.yml"));
        assertEquals(Map.of("posts-1", 10, "posts-2", 10), countServers(List.of("/api/posts/1"), 20), "an even split at first");

        readiness.get("posts-1").set(503);
        awaitStatus(api, "posts-1", "DOWN");
        readiness.get("posts-1").set(200); // a restarted process: ready again
        awaitStatus(api, "posts-1", "UP");
        long back = System.nanoTime();
        Map<String, Integer> justBack = countServers(List.of("/api/posts/1"), 20);
        assertTrue(System.nanoTime() - back < HaproxySettings.SLOW_START.toNanos() / 4, "the first requests came in time");
        assertTrue(justBack.getOrDefault("posts-1", 0) <= 4,
                "within the first seconds of its " + HaproxySettings.SLOW_START.toSeconds() + " s slow start, posts-1 takes a"
                        + " small share (about a tenth of its half, not its half): " + justBack);

        Thread.sleep(HaproxySettings.SLOW_START.toMillis() - (System.nanoTime() - back) / 1_000_000 + 1_000);
        Map<String, Integer> ramped = countServers(List.of("/api/posts/1"), 20);
        assertTrue(Math.abs(ramped.getOrDefault("posts-1", 0) - 10) <= 2, "after the slow start, its full share again: " + ramped);
    }

    @Test
    void without_a_monolith_the_load_balancer_answers_404_for_paths_no_service_takes() throws Exception {
        start(Checkout.topology("all-extracted.yml"));
        assertEquals(Map.of("users", 10, "threads", 10, "posts", 10),
                count(List.of("/api/users/1", "/api/threads", "/api/posts/in-thread/1"), 10));
        HttpResponse<String> response = get("/api/postsettings");
        assertEquals(404, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void the_servers_learn_the_client_address_as_behind_an_alb() throws Exception {
        start(Checkout.topology("posts-extracted.yml"));
        for (String path : List.of("/api/users/1", "/api/posts/1")) {
            HttpResponse<String> direct = get(path);
            assertEquals("127.0.0.1", direct.headers().firstValue(SEEN_FORWARDED_FOR).orElse(null),
                    path + ": the client's address in X-Forwarded-For (login throttling and logs key on it)");
            HttpResponse<String> relayed = client.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("X-Forwarded-For", "203.0.113.9").timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals("203.0.113.9, 127.0.0.1", relayed.headers().firstValue(SEEN_FORWARDED_FOR).orElse(null),
                    path + ": an address the client sent comes first, the one HAProxy saw last (as an ALB appends it)");
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private RuntimeApi start(Topology topology) throws Exception {
        Ports ports = new Ports();
        Map<String, List<Endpoint>> instances = instances(topology, ports, true);
        HaproxySettings settings = HaproxySettings.loopback(ports.free(), 0, dir.resolve("haproxy.sock"));
        haproxy = HaproxyProcess.start(HaproxyConfig.render(topology, instances, Set.of(), settings), dir, settings,
                Duration.ofSeconds(10));
        RuntimeApi api = haproxy.api();
        HaproxyReady.awaitEveryServiceServerUp(api, Duration.ofSeconds(10));
        baseUrl = settings.frontendUrl();
        return api;
    }

    private String baseUrl;

    private static void awaitStatus(RuntimeApi api, String server, String status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (api.servers().stream().noneMatch(s -> s.backend().equals("svc_posts") && s.server().equals(server)
                && s.status().equals(status))) {
            assertTrue(System.nanoTime() < deadline, "HAProxy marks " + server + " " + status + " within 10 s");
            Thread.sleep(50);
        }
    }

    /** Two endpoints per service; with {@code serve}, each a stub answering its service and server name. */
    private Map<String, List<Endpoint>> instances(Topology topology, Ports ports, boolean serve) throws IOException {
        Map<String, List<Endpoint>> instances = new LinkedHashMap<>();
        for (var service : topology.deployedServices()) {
            List<Endpoint> list = new ArrayList<>();
            for (int i = 1; i <= 2; i++) {
                Endpoint endpoint = Endpoint.loopback(service.name(), i, ports.free());
                list.add(endpoint);
                if (serve) {
                    stub(endpoint);
                }
            }
            instances.put(service.name(), list);
        }
        return instances;
    }

    private void stub(Endpoint endpoint) throws IOException {
        AtomicInteger ready = new AtomicInteger(200);
        readiness.put(endpoint.name(), ready);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", endpoint.port()), 50);
        server.createContext("/", exchange -> {
            boolean health = exchange.getRequestURI().getPath().equals(HaproxySettings.READINESS);
            int status = health ? ready.get() : 200;
            byte[] body = (endpoint.service() + " " + endpoint.name()).getBytes(StandardCharsets.UTF_8);
            List<String> forwardedFor = exchange.getRequestHeaders().get("X-Forwarded-For");
            exchange.getResponseHeaders().set(SEEN_FORWARDED_FOR, forwardedFor == null ? "" : String.join(", ", forwardedFor));
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        stubs.add(server);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** How many of {@code rounds} x paths each service answered. */
    private Map<String, Integer> count(List<String> paths, int rounds) throws Exception {
        Map<String, Integer> counts = new TreeMap<>();
        for (int i = 0; i < rounds; i++) {
            for (String path : paths) {
                HttpResponse<String> response = get(path);
                assertEquals(200, response.statusCode(), path + ": " + response.body());
                counts.merge(response.body().split(" ")[0], 1, Integer::sum);
            }
        }
        return counts;
    }

    private Map<String, Integer> countServers(List<String> paths, int rounds) throws Exception {
        Map<String, Integer> counts = new TreeMap<>();
        for (int i = 0; i < rounds; i++) {
            for (String path : paths) {
                HttpResponse<String> response = get(path);
                assertEquals(200, response.statusCode(), path + ": " + response.body());
                counts.merge(response.body().split(" ")[1], 1, Integer::sum);
            }
        }
        return counts;
    }
}

package dev.forum.standin.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forum.standin.process.Instance;
import dev.forum.standin.stand.Stage;
import dev.forum.standin.stand.Stand;
import dev.forum.standin.stand.StandOptions;
import dev.forum.standin.support.Checkout;
import dev.forum.standin.support.EnabledIfSystemTools;
import dev.forum.standin.support.RawHttp;
import dev.forum.topology.CanonicalPath;
import dev.forum.topology.Topology;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * End to end with the real forum processes, posts extracted: the load balancer and each process refuse the same
 * non-canonical paths with the same problem, and answer the same canonical paths alike. Through HAProxy the refusal
 * is HAProxy's (no process sees the request); sent to a process directly, the application's own.
 */
@EnabledIfSystemTools
class PathAgreementSystemTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final List<String> NON_CANONICAL = List.of("/api/post%73/1", "/api/posts%2F1", "/api/posts%2f1", "/api/posts%5C1",
            "/api/posts/%2e%2e/users/1", "/api/posts/./1", "/api/posts//1", "/api/posts;x=1/1", "/api/posts/1%7E",
            "/api/users/../posts/1", "/%61pi/users/1", "/api/threads/a%", "/api/post%73/1?limit=5");

    /** Canonical paths and the service whose process holds their module in posts-extracted.yml. */
    static final List<List<String>> CANONICAL = List.of(List.of("/api/posts/1", "posts-1"), List.of("/api/posts/in-thread/1",
            "posts-2"), List.of("/api/users/1", "monolith-1"), List.of("/api/threads?limit=2", "monolith-2"),
            List.of("/api/posts/by-user/2?limit=10&offset=0", "posts-1"));

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void the_load_balancer_and_every_process_refuse_the_same_paths_and_serve_the_others_alike() throws Exception {
        Topology topology = Checkout.topology("posts-extracted.yml");
        Checkout.serviceJar("posts");
        StandOptions options = StandOptions.defaults(Checkout.root(), Path.of("target/system-tests/paths").toAbsolutePath(),
                System.out).withMonolithJarFallback(false);

        try (Stand stand = Stand.start(Stage.of("posts extracted", topology), options)) {
            int loadBalancer = URI.create(stand.url()).getPort();
            List<Instance> processes = List.of(stand.instance("monolith-1"), stand.instance("posts-1"));
            for (String target : NON_CANONICAL) {
                assertNonCanonical(RawHttp.request(loadBalancer, "GET", target), "the load balancer, " + target);
                for (Instance process : processes) {
                    assertNonCanonical(RawHttp.request(process.port(), "GET", target), process.name() + ", " + target);
                }
            }
            for (List<String> row : CANONICAL) {
                String target = row.get(0);
                RawHttp.Response through = RawHttp.request(loadBalancer, "GET", target);
                RawHttp.Response direct = RawHttp.request(stand.instance(row.get(1)).port(), "GET", target);
                assertEquals(200, through.status(), "the load balancer, " + target + ": " + through.body());
                assertEquals(200, direct.status(), row.get(1) + ", " + target + ": " + direct.body());
                assertEquals(JSON.readTree(direct.body()), JSON.readTree(through.body()), target + ": the same answer");
            }
        }
    }

    private static void assertNonCanonical(RawHttp.Response response, String what) throws Exception {
        assertEquals(400, response.status(), what + ": " + response.body());
        assertEquals("application/problem+json", response.contentType().replace(";charset=UTF-8", ""), what);
        JsonNode body = JSON.readTree(response.body());
        assertEquals(CanonicalPath.PROBLEM_TYPE, body.path("type").asText(), what + ": " + response.body());
        assertEquals(400, body.path("status").asInt(), what);
    }
}

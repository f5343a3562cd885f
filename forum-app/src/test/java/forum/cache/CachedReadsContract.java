package forum.cache;

import static org.assertj.core.api.Assertions.assertThat;

import forum.support.ForumHttp.Reply;
import forum.support.RunningForumTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Read answers kept by the process (forum.platform.web.cache), over real HTTP: given again byte for byte while the
 * module's data is unchanged, read afresh after any write, never kept when the answer is an error or not marked.
 * {@code Cache-Status} (RFC 9211) tells a kept answer ({@code hit}) from one read afresh ({@code fwd=...}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
abstract class CachedReadsContract extends RunningForumTest {

    static final String HIT = "forum; hit";

    @Autowired
    MeterRegistry meters;

    @Test
    void a_read_is_given_again_with_the_same_bytes_and_headers() {
        Reply first = http.get("/api/posts?limit=2&offset=1");
        Reply again = http.get("/api/posts?limit=2&offset=1");

        assertThat(first.cacheStatus()).contains("forum; fwd=miss");
        assertThat(again.cacheStatus()).contains(HIT);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.contentType()).isEqualTo(first.contentType());
        assertThat(again.link()).isEqualTo(first.link()).contains("</api/posts?limit=2&offset=3>; rel=\"next\"");
        assertThat(http.get("/api/posts?limit=2&offset=2").cacheStatus()).as("another query is another answer")
                .contains("forum; fwd=miss");
    }

    @Test
    void a_write_is_read_by_the_next_read() {
        http.get("/api/threads");
        assertThat(http.get("/api/threads").cacheStatus()).contains(HIT);

        Reply created = marceline.postJson("/api/threads", "{\"title\":\"Kept answers\",\"createdBy\":1}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        Reply after = http.get("/api/threads");
        assertThat(after.cacheStatus()).contains("forum; fwd=stale");
        assertThat(after.body()).contains("Kept answers");
        assertThat(http.get("/api/threads").cacheStatus()).contains(HIT);
        assertThat(http.get("/api/threads").body()).isEqualTo(after.body());
    }

    @Test
    void reads_in_flight_together_each_see_every_write_made_before_they_began() throws Exception {
        // Concurrent reads share version queries (forum.platform.data.GroupedReads): none may take one begun too early.
        try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int round = 0; round < 5; round++) {
                String title = "Read together " + round;
                Reply created = marceline.postJson("/api/threads", "{\"title\":\"" + title + "\",\"createdBy\":1}");
                assertThat(created.status()).as(created.toString()).isEqualTo(201);

                List<Future<Reply>> reads = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    reads.add(readers.submit(() -> http.get("/api/threads?limit=1000")));
                }
                for (Future<Reply> read : reads) {
                    Reply reply = read.get(30, TimeUnit.SECONDS);
                    assertThat(reply.status()).isEqualTo(200);
                    assertThat(reply.body()).contains(title);
                }
            }
        }
    }

    @Test
    void a_write_in_one_module_keeps_the_answers_of_the_others() {
        http.get("/api/users/2");
        marceline.postJson("/api/posts", "{\"thread\":1,\"text\":\"Only the posts module changed\"}");

        assertThat(http.get("/api/users/2").cacheStatus()).contains(HIT);
        assertThat(http.get("/api/posts/by-user/1?limit=1000").body()).contains("Only the posts module changed");
    }

    @Test
    void a_write_rolled_back_keeps_the_answers() {
        http.get("/api/users?limit=1000");
        Reply taken = http.postJson("/api/users", "{\"username\":\"finn\",\"name\":\"Another Finn\",\"password\":\"not-the-hero-at-all\"}");
        assertThat(taken.status()).as(taken.toString()).isEqualTo(409);

        Reply after = http.get("/api/users?limit=1000");
        assertThat(after.cacheStatus()).contains(HIT);
        assertThat(after.body()).doesNotContain("Another Finn");
    }

    @Test
    void errors_are_never_kept() {
        for (int i = 0; i < 2; i++) {
            Reply missing = http.get("/api/users/987654");
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.contentType()).isEqualTo("application/problem+json");
            assertThat(missing.cacheStatus()).contains("forum; fwd=miss");
        }
        for (int i = 0; i < 2; i++) {
            Reply bad = http.get("/api/posts/in-thread/abc");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.cacheStatus()).contains("forum; fwd=miss");
        }
    }

    @Test
    void one_answer_is_kept_whatever_the_accept_header() {
        Reply json = http.send("GET", "/api/threads/2", null, null, "Accept", "application/json");
        Reply any = http.send("GET", "/api/threads/2", null, null, "Accept", "*/*");
        assertThat(any.cacheStatus()).as("the API answers JSON whatever Accept says: the same kept answer").contains(HIT);
        assertThat(http.send("GET", "/api/threads/2", null, null, "Accept", "text/x-any-" + System.nanoTime())
                .cacheStatus()).as("no Accept adds an entry").contains(HIT);
        assertThat(any.body()).isEqualTo(json.body());
    }

    @Test
    void a_kept_answer_still_passes_spring_security() {
        http.get("/api/threads/1");
        assertThat(http.get("/api/threads/1").cacheStatus()).contains(HIT);

        Reply forged = http.withToken("not.a-valid.token").get("/api/threads/1");
        assertThat(forged.status()).as("a token that is sent must be valid, kept answer or not").isEqualTo(401);
        assertThat(forged.contentType()).isEqualTo("application/problem+json");
        assertThat(forged.body()).doesNotContain("What's up with the Lich?");
    }

    @Test
    void a_client_asks_again_with_the_entity_tag_and_gets_304_while_the_data_is_unchanged() {
        Reply first = http.get("/api/users/3");
        assertThat(first.etag()).isPresent();
        assertThat(first.cacheControl()).as("stored by a client, asked again before each use").contains("no-cache");
        String tag = first.etag().orElseThrow();

        Reply same = http.send("GET", "/api/users/3", null, null, "If-None-Match", tag);
        assertThat(same.status()).isEqualTo(304);
        assertThat(same.body()).isEmpty();
        assertThat(same.etag()).contains(tag);
        assertThat(http.send("GET", "/api/users/3", null, null, "If-None-Match", "\"0123\", W/" + tag).status())
                .as("weak comparison, any tag of the list").isEqualTo(304);
        Reply other = http.send("GET", "/api/users/3", null, null, "If-None-Match", "\"0123\"");
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.body()).isEqualTo(first.body());

        Reply signUp = http.postJson("/api/users", "{\"username\":\"tagless\",\"name\":\"Tag\",\"password\":\"a-long-enough-secret\"}");
        assertThat(signUp.status()).as(signUp.toString()).isEqualTo(201);
        Reply unchanged = http.send("GET", "/api/users/3", null, null, "If-None-Match", tag);
        assertThat(unchanged.cacheStatus()).as("the users module changed").contains("forum; fwd=stale");
        assertThat(unchanged.status()).as("but not user 3: the client's bytes are still right").isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();

        Reply threads = http.get("/api/threads?limit=1000");
        marceline.postJson("/api/threads", "{\"title\":\"A new tag\",\"createdBy\":1}");
        Reply changed = http.send("GET", "/api/threads?limit=1000", null, null, "If-None-Match", threads.etag().orElseThrow());
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body()).contains("A new tag");
        assertThat(changed.etag()).isPresent().isNotEqualTo(threads.etag());
    }

    @Test
    void head_is_answered_with_the_headers_get_has_and_304_for_a_matching_tag() {
        Reply headFirst = http.send("HEAD", "/api/users/4", null, null);
        Reply get = http.get("/api/users/4");
        Reply head = http.send("HEAD", "/api/users/4", null, null);

        assertThat(headFirst.status()).isEqualTo(200);
        assertThat(headFirst.cacheStatus()).contains("forum; fwd=miss");
        assertThat(get.cacheStatus()).as("HEAD read the answer GET is given").contains(HIT);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.cacheStatus()).contains(HIT);
        for (Reply headAnswer : List.of(headFirst, head)) {
            assertThat(headAnswer.etag()).isPresent().isEqualTo(get.etag());
            assertThat(headAnswer.cacheControl()).isEqualTo(get.cacheControl()).contains("no-cache");
            assertThat(headAnswer.header("Vary")).isEqualTo(get.header("Vary"));
            assertThat(headAnswer.contentType()).isEqualTo(get.contentType());
            assertThat(headAnswer.header("Pragma")).as("Spring Security's no-store headers are GET's: none").isEmpty();
        }

        Reply unchanged = http.send("HEAD", "/api/users/4", null, null, "If-None-Match", get.etag().orElseThrow());
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(unchanged.etag()).isEqualTo(get.etag());
        assertThat(http.send("HEAD", "/api/users/4", null, null, "If-None-Match", "\"0123\"").status()).isEqualTo(200);
    }

    @Test
    void a_route_not_marked_cacheable_is_never_kept() {
        Reply keys = http.get("/api/users/jwks.json");
        assertThat(keys.status()).isEqualTo(200);
        assertThat(keys.cacheStatus()).as("the JWK set is no row of the users module").isEmpty();
        assertThat(http.send("OPTIONS", "/", null, null).cacheStatus()).as("only GET and HEAD").isEmpty();
    }

    @Test
    void the_fixed_text_routes_are_kept_for_the_life_of_the_process() {
        for (String path : List.of("/", "/api", "/api/")) {
            Reply first = http.get(path);
            Reply again = http.get(path);
            assertThat(again.cacheStatus()).as(path).contains(HIT);
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.body()).isEqualTo(first.body()).endsWith("eady to receive requests");
            assertThat(again.contentType()).isEqualTo(first.contentType()).startsWith("text/plain");
            assertThat(again.header("X-Content-Type-Options")).as("still through Spring Security").contains("nosniff");
            assertThat(again.header("X-Request-Id")).isPresent().isNotEqualTo(first.header("X-Request-Id"));
        }
        marceline.postJson("/api/threads", "{\"title\":\"No data in /\",\"createdBy\":1}");
        assertThat(http.get("/").cacheStatus()).as("no module's write changes it").contains(HIT);

        Reply json = http.send("GET", "/", null, null, "Accept", "application/json");
        assertThat(json.cacheStatus()).as("one answer whatever the Accept, as every answer").contains(HIT);
        assertThat(json.body()).as("text whatever the Accept, as before").isEqualTo("Ready to receive requests");
        for (int i = 0; i < 2; i++) {
            Reply bad = http.get("/?unknown=1");
            assertThat(bad.status()).as("no query parameters: a 400 problem, never kept").isEqualTo(400);
            assertThat(bad.contentType()).isEqualTo("application/problem+json");
            assertThat(bad.cacheStatus()).contains("forum; fwd=miss");
        }
    }

    @Test
    void a_kept_answer_is_still_counted_under_its_route() throws InterruptedException {
        String route = "/api/posts/{id}";
        double start = count(route);
        http.get("/api/posts/3");
        // A request's timer stops after its answer has left: wait for the first read's to be counted.
        double before = settledCount(route, start + 1);
        double unknownBefore = count("UNKNOWN");
        for (int i = 0; i < 3; i++) {
            assertThat(http.get("/api/posts/3").cacheStatus()).contains(HIT);
        }
        assertThat(settledCount(route, before + 3)).isEqualTo(before + 3);
        assertThat(count("UNKNOWN")).as("no kept answer counted without its route").isEqualTo(unknownBefore);
    }

    /** The count of {@code uri}'s timer once it has reached {@code atLeast}, or after 5 s. */
    private double settledCount(String uri, double atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        double counted = count(uri);
        while (counted < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(20);
            counted = count(uri);
        }
        return counted;
    }

    private double count(String uri) {
        return meters.find("http.server.requests").tag("uri", uri).timers().stream().mapToDouble(timer -> timer.count()).sum();
    }
}

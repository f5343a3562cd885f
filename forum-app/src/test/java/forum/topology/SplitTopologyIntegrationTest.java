package forum.topology;

import static org.assertj.core.api.Assertions.assertThat;

import forum.support.ForumHttp;
import forum.support.ForumHttp.Reply;
import forum.support.SampleUsers;
import forum.support.TestTokens;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The monolith with users and threads local and posts remote, and the posts service with users and
 * threads remote, talking over loopback. The last test stops the monolith: posts writes, which need
 * users, fail fast with 503 while posts reads keep answering.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(OutputCaptureExtension.class)
class SplitTopologyIntegrationTest {

    SplitForum forum;
    ForumHttp monolith;
    ForumHttp posts;

    @BeforeAll
    void start() {
        forum = SplitForum.start("--logging.level.forum.access=debug");
        monolith = new ForumHttp(forum.monolithPort);
        posts = new ForumHttp(forum.postsPort);
    }

    @AfterAll
    void stop() {
        forum.close();
    }

    @Test
    @Order(1)
    void each_process_serves_only_its_own_modules_routes() {
        assertThat(monolith.get("/api/users/1").status()).isEqualTo(200);
        assertThat(monolith.get("/api/threads/1").status()).isEqualTo(200);
        Reply elsewhere = monolith.get("/api/posts/in-thread/1");
        assertThat(elsewhere.status()).isEqualTo(404);
        assertThat(elsewhere.contentType()).isEqualTo("application/problem+json");
        assertThat(elsewhere.json().get("type").asString()).isEqualTo("urn:forum:problem:remote-module-route");
        assertThat(elsewhere.json().get("module").asString()).isEqualTo("posts");
        assertThat(elsewhere.json().get("detail").asString()).contains("posts module runs in another service")
                .doesNotContain("127.0.0.1", String.valueOf(forum.postsPort));
        assertThat(monolith.get("/api/posts").json().get("type").asString()).isEqualTo("urn:forum:problem:remote-module-route");
        assertThat(monolith.get("/api/postsettings").json().get("type").asString()).isEqualTo("urn:forum:problem:no-route");
        assertThat(posts.get("/api/posts/in-thread/1").json()).hasSize(2);
        assertThat(posts.get("/api/users").json().get("type").asString()).isEqualTo("urn:forum:problem:remote-module-route");
        assertThat(posts.get("/api/threads/1").status()).isEqualTo(404);
    }

    @Test
    @Order(2)
    void a_remote_module_starts_nothing_in_the_process_no_beans_and_no_schema() throws Exception {
        assertThat(forum.posts.containsBean("usersDatabase")).isFalse();
        assertThat(forum.posts.containsBean("threadsDatabase")).isFalse();
        assertThat(forum.posts.containsBean("postsDatabase")).isTrue();
        assertThat(schemas(forum.posts.getBean("postsDataSource", DataSource.class))).contains("posts").doesNotContain("users", "threads");
        assertThat(schemas(forum.monolith.getBean("usersDataSource", DataSource.class))).contains("users", "threads").doesNotContain("posts");
    }

    @Test
    @Order(3)
    void creating_a_post_checks_its_thread_and_user_over_http_with_the_callers_token() {
        // A real token from the users module's login route, in the monolith; the posts service verifies it itself,
        // with the keys it fetched from the monolith's JWK set, and relays it to users and threads.
        ForumHttp jake = monolith.loggedInAs(SampleUsers.JAKE, SampleUsers.JAKE_PASSWORD);
        Reply created = posts.withToken(jake.token()).postJson("/api/posts", "{\"thread\":2,\"text\":\"Bring snacks\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("user").asLong()).isEqualTo(4);

        Reply noThread = posts.withToken(jake.token()).postJson("/api/posts", "{\"thread\":404,\"text\":\"Anyone?\"}");
        assertThat(noThread.status()).as(noThread.toString()).isEqualTo(422);
        assertThat(noThread.json().get("errors").get(0).get("field").asString()).isEqualTo("thread");

        // A valid token of a user the users module (in the monolith) does not have: the token's fault, not the body's.
        Reply unknown = posts.withToken(TestTokens.forUser(404)).postJson("/api/posts", "{\"thread\":2,\"text\":\"Who am I?\"}");
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(401);
        assertThat(unknown.json().get("detail").asString()).contains("it names user 404, and this forum has no such user");
    }

    @Test
    @Order(4)
    void one_request_can_be_followed_across_both_processes_by_its_request_id_trace_id_and_caller(CapturedOutput output) {
        String finn = monolith.loggedInAs(SampleUsers.FINN, SampleUsers.FINN_PASSWORD).token();
        // The caller's trace, not sampled (nor is anything here: management.tracing.sampling.probability=0.0), is
        // continued in both processes: the posts service passes it on to users and threads in its traceparent.
        String traceId = "5b8aa5a2d2c872e8321cf37308d69df2";
        Reply reply = posts.withToken(finn).send("POST", "/api/posts", "application/json", "{\"thread\":1,\"text\":\"Traced\"}",
                "X-Request-Id", "split-test-4711", "traceparent", "00-" + traceId + "-051581bf3cb55c13-00");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);

        List<LogLine> lines = output.getOut().lines().filter(line -> line.contains("split-test-4711")).map(LogLine::parse).toList();
        // Only the posts service serves posts, only the monolith users and threads: one line from each side.
        assertThat(lines).anySatisfy(line -> assertThat(line.module() + " " + line.message()).isEqualTo("posts POST /api/posts -> 201"));
        assertThat(lines).anySatisfy(line -> assertThat(line.module() + " " + line.message()).startsWith("users GET /api/users/2 -> 200"));
        assertThat(lines).anySatisfy(line -> assertThat(line.module() + " " + line.message()).startsWith("threads GET /api/threads/1 -> 200"));
        assertThat(lines).allSatisfy(line -> assertThat(line.traceId()).isEqualTo(traceId));
        // Each process verified the relayed token: every line names the caller and the client, none holds the token.
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.userId()).isEqualTo("2");
            assertThat(line.clientAddress()).isEqualTo("127.0.0.1");
            assertThat(line.raw()).doesNotContain(finn);
        });
    }

    /**
     * A request's access log line, as JSON (ECS, the prod profile) or as text, whose correlation part is
     * {@code [traceId,requestId,module,userId,clientAddress]} (application.properties).
     */
    record LogLine(String raw, String traceId, String module, String userId, String clientAddress, String message) {
        static LogLine parse(String line) {
            if (line.startsWith("{")) {
                var json = ForumHttp.JSON.readTree(line);
                return new LogLine(line, json.path("traceId").asString(""), json.path("module").asString(""),
                        json.path("userId").asString(""), json.path("clientAddress").asString(""),
                        json.path("message").asString("").replaceFirst(" in \\d+ ms$", ""));
            }
            var matcher = java.util.regex.Pattern.compile("\\[([^,\\]]*),([^,\\]]*),([^,\\]]*),([^,\\]]*),([^,\\]]*)\\].*? : (.*?)( in \\d+ ms)?$")
                    .matcher(line);
            if (!matcher.find()) {
                throw new AssertionError("not a log line of ours: " + line);
            }
            return new LogLine(line, matcher.group(1), matcher.group(3), matcher.group(4), matcher.group(5), matcher.group(6));
        }
    }

    @Test
    @Order(5)
    void readiness_reflects_only_what_the_process_holds_and_a_dead_users_side_fails_only_the_posts_writes_fast() {
        forum.monolith.close();

        long start = System.nanoTime();
        Reply write = posts.withToken(TestTokens.forUser(2)).postJson("/api/posts", "{\"thread\":1,\"text\":\"Anyone?\"}");
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(write.status()).as(write.toString()).isEqualTo(503);
        assertThat(write.contentType()).startsWith("application/problem+json");
        // The token still verified, with the keys cached while users was up: what failed is a module the write
        // needs (threads or users, both in the monolith), not the token.
        assertThat(write.json().get("type").asString()).isEqualTo("urn:forum:problem:unavailable");
        assertThat(write.json().get("module").asString()).isIn("threads", "users");
        assertThat(write.retryAfter()).as("Retry-After, whole seconds")
                .hasValueSatisfying(seconds -> assertThat(seconds).matches("[1-9][0-9]*"));
        assertThat(millis).as("answered within a second").isLessThan(1000);
        assertThat(posts.get("/api/posts").status()).isEqualTo(200);
        assertThat(posts.get("/api/posts/by-user/2").status()).isEqualTo(200);
        assertThat(posts.get("/actuator/health/readiness").status()).isEqualTo(200);
    }

    private static List<String> schemas(DataSource dataSource) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             ResultSet rows = connection.getMetaData().getSchemas()) {
            while (rows.next()) {
                names.add(rows.getString("TABLE_SCHEM").toLowerCase());
            }
        }
        return names;
    }

}

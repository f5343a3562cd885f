package forum.topology;

import static org.assertj.core.api.Assertions.assertThat;

import forum.support.ForumHttp;
import forum.support.ForumHttp.Reply;
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
        // JSON lines, as the prod profile logs, so each line can be read field by field.
        forum = SplitForum.start("--logging.level.forum.access=debug", "--logging.structured.format.console=ecs");
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
    void creating_a_post_checks_its_thread_and_user_over_http() {
        Reply created = posts.postJson("/api/posts", "{\"thread\":2,\"text\":\"Bring snacks\",\"user\":4}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        Reply unknown = posts.postJson("/api/posts", "{\"thread\":2,\"text\":\"Who am I?\",\"user\":404}");
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(422);
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("user");
    }

    @Test
    @Order(4)
    void one_request_can_be_followed_across_both_processes_by_its_request_id_and_trace_id(CapturedOutput output) {
        Reply reply = posts.send("POST", "/api/posts", "application/json", "{\"thread\":1,\"text\":\"Traced\",\"user\":2}",
                "X-Request-Id", "split-test-4711");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);

        List<String> lines = output.getOut().lines().filter(line -> line.contains("split-test-4711")).toList();
        // Only the posts service serves posts, only the monolith users and threads: one line from each side.
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("\"module\":\"posts\"").contains("POST /api/posts"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("\"module\":\"users\"").contains("GET /api/users/2"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("\"module\":\"threads\"").contains("GET /api/threads/1"));
        assertThat(lines).allSatisfy(line -> assertThat(traceId(line)).isEqualTo(traceId(lines.getFirst())).isNotEmpty());
    }

    @Test
    @Order(5)
    void readiness_reflects_only_what_the_process_holds_and_a_dead_users_side_fails_only_the_posts_writes_fast() {
        forum.monolith.close();

        long start = System.nanoTime();
        Reply write = posts.postJson("/api/posts", "{\"thread\":1,\"text\":\"Anyone?\",\"user\":2}");
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(write.status()).as(write.toString()).isEqualTo(503);
        assertThat(write.contentType()).startsWith("application/problem+json");
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

    private static String traceId(String logLine) {
        var matcher = java.util.regex.Pattern.compile("\"trace\\.id\":\"([0-9a-f]+)\"|\"traceId\":\"([0-9a-f]+)\"").matcher(logLine);
        return matcher.find() ? (matcher.group(1) != null ? matcher.group(1) : matcher.group(2)) : "";
    }
}

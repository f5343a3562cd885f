package forum.security;

import static org.assertj.core.api.Assertions.assertThat;

import forum.support.ForumHttp;
import forum.support.ForumHttp.Reply;
import forum.support.TestTokens;
import forum.topology.SplitForum;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The posts service started while the users module (the token issuer) is down, so it has never had its keys: it
 * starts and reports ready, serves reads, and answers a write it cannot verify with 503 (retry later), not 401
 * (the token may well be valid).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IssuerUnreachableIntegrationTest {

    ConfigurableApplicationContext posts;
    ForumHttp http;

    @BeforeAll
    void start() {
        int port = SplitForum.freePort();
        // Nothing listens on the free port taken here: every other module, the issuer included, is down.
        posts = SplitForum.postsServiceAlone(port, "http://127.0.0.1:" + SplitForum.freePort());
        http = new ForumHttp(port);
    }

    @AfterAll
    void stop() {
        posts.close();
    }

    @Test
    void it_starts_ready_and_serves_reads_without_the_issuer() {
        assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(http.get("/api/posts/in-thread/1").status()).isEqualTo(200);
    }

    /**
     * Every write, not only the first: those after it come within the issuer's refetch interval, when the keys are
     * not fetched again, and are still "try again later", never "log in again".
     */
    @Test
    void every_write_it_cannot_verify_for_want_of_keys_is_a_503_problem() {
        for (int attempt = 1; attempt <= 3; attempt++) {
            Reply write = http.withToken(TestTokens.forUser(attempt)).postJson("/api/posts", "{\"thread\":1,\"text\":\"x\"}");
            assertThat(write.status()).as("write %s: %s", attempt, write).isEqualTo(503);
            assertThat(write.contentType()).isEqualTo("application/problem+json");
            assertThat(write.json().get("type").asString()).isEqualTo("urn:forum:problem:unavailable");
            assertThat(write.json().get("detail").asString()).contains("cannot be verified now");
            assertThat(write.retryAfter()).as("write %s: Retry-After", attempt).hasValue("5");
        }
    }

    @Test
    void without_a_token_a_write_is_still_a_401() {
        assertThat(http.postJson("/api/posts", "{\"thread\":1,\"text\":\"x\"}").status()).isEqualTo(401);
    }
}

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

/**
 * The security table against the posts service of a split topology: it verifies every token by itself, with the
 * keys it fetches from the users module (in the monolith) through its remote URL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityOnPostsServiceIntegrationTest extends SecurityContract {

    SplitForum forum;

    @BeforeAll
    void start() {
        forum = SplitForum.start();
    }

    @AfterAll
    void stop() {
        forum.close();
    }

    @Override
    ForumHttp posts() {
        return new ForumHttp(forum.postsPort());
    }

    @Test
    void the_posts_service_serves_writes_of_tokens_from_the_monoliths_login() {
        String token = new ForumHttp(forum.monolithPort()).loggedInAs("pb", "candy-kingdom-science").token();
        Reply written = posts().withToken(token).postJson("/api/posts", "{\"thread\":2,\"text\":\"From the posts service\"}");
        assertThat(written.status()).as(written.toString()).isEqualTo(201);
        assertThat(written.json().get("user").asLong()).isEqualTo(3);
        assertThat(TestTokens.ISSUER).isNotBlank();
    }
}

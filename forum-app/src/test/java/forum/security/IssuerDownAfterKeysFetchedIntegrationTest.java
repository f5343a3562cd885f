package forum.security;

import static org.assertj.core.api.Assertions.assertThat;

import forum.support.ForumHttp;
import forum.support.ForumHttp.Reply;
import forum.support.TestTokens;
import forum.topology.SplitForum;
import org.junit.jupiter.api.Test;

/**
 * The posts service has fetched the issuer's keys, then the issuer (the monolith, with the users module) goes down,
 * and a token comes signed with a key the held set lacks (a key rotated in since, or another issuer instance's): the
 * service cannot know whether the issuer's current keys hold it, so the write is a 503 {@code unavailable} with
 * {@code Retry-After: 5}, not a 401 telling the user to log in while login is down (README.md, "Keys"). While the
 * issuer is up, the same token is a 401 on the posts service (fetched again, still unknown) and on the monolith.
 */
class IssuerDownAfterKeysFetchedIntegrationTest {

    private static final String WRITE = "{\"thread\":2,\"text\":\"after the issuer went down\"}";

    @Test
    void a_key_the_held_set_lacks_is_a_401_while_the_issuer_answers_and_a_503_once_it_is_down() throws Exception {
        // A 2 s cache makes the unknown key refetch interval 1 s.
        try (SplitForum forum = SplitForum.start("--forum.security.jwt.jwks-cache-ttl=2s")) {
            ForumHttp posts = new ForumHttp(forum.postsPort());
            String unknownKey = TestTokens.builder(1).signedWith(TestTokens.NEXT).sign();

            Reply known = posts.withToken(TestTokens.forUser(1)).postJson("/api/posts", WRITE);
            assertThat(known.status()).as("the keys fetched: %s", known).isEqualTo(201);
            assertRefused(posts.withToken(unknownKey).postJson("/api/posts", WRITE), "posts service, issuer up");
            assertRefused(new ForumHttp(forum.monolithPort()).withToken(unknownKey).postJson("/api/posts", WRITE),
                    "monolith, keys in process");

            forum.stopMonolith();
            Thread.sleep(1_200); // past the refetch interval: the key id is looked up again, and the fetch fails
            for (int attempt = 1; attempt <= 2; attempt++) {
                // The second is within the refetch interval, not fetched again: the last fetch failed, still a 503.
                Reply write = posts.withToken(unknownKey).postJson("/api/posts", WRITE);
                assertThat(write.status()).as("attempt %s: %s", attempt, write).isEqualTo(503);
                assertThat(write.contentType()).isEqualTo("application/problem+json");
                assertThat(write.json().get("type").asString()).isEqualTo("urn:forum:problem:unavailable");
                assertThat(write.json().get("detail").asString()).contains("cannot be verified now");
                assertThat(write.retryAfter()).as("attempt %s: Retry-After", attempt).hasValue("5");
            }
        }
    }

    private static void assertRefused(Reply write, String where) {
        assertThat(write.status()).as("%s: %s", where, write).isEqualTo(401);
        assertThat(write.json().get("detail").asString()).as(where)
                .contains("its signature does not verify with the issuer's current keys");
        assertThat(write.wwwAuthenticate()).hasValueSatisfying(value -> assertThat(value).contains("invalid_token"));
    }
}

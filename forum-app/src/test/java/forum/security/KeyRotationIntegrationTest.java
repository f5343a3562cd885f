package forum.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import forum.ForumApplication;
import forum.support.ForumHttp;
import forum.support.ForumHttp.Reply;
import forum.support.SampleUsers;
import forum.support.TestTokens;
import forum.topology.SplitForum;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A key rotation as the README describes it, on one monolith restarted with each key set: the old key's tokens
 * keep working while both keys are live, new tokens are signed with the new key, and once the old key is removed its
 * tokens are refused.
 */
class KeyRotationIntegrationTest {

    @Test
    void a_rotation_in_two_steps_refuses_no_token_until_the_old_key_is_removed() throws Exception {
        String oldToken;
        try (Forum before = Forum.with(TestTokens.primaryOnly())) {
            oldToken = before.http.loggedInAs(SampleUsers.FINN, SampleUsers.FINN_PASSWORD).token();
            assertThat(SignedJWT.parse(oldToken).getHeader().getKeyID()).isEqualTo(TestTokens.PRIMARY.getKeyID());
        }
        String newToken;
        try (Forum during = Forum.with(TestTokens.rotated())) {
            assertThat(during.write(oldToken).status()).as("an old token while both keys are live").isEqualTo(201);
            newToken = during.http.loggedInAs(SampleUsers.FINN, SampleUsers.FINN_PASSWORD).token();
            assertThat(SignedJWT.parse(newToken).getHeader().getKeyID()).isEqualTo(TestTokens.NEXT.getKeyID());
            assertThat(during.http.get("/api/users/jwks.json").body())
                    .contains(TestTokens.PRIMARY.getKeyID(), TestTokens.NEXT.getKeyID());
        }
        try (Forum after = Forum.with(TestTokens.onlyNext())) {
            Reply refused = after.write(oldToken);
            assertThat(refused.status()).as("an old token once its key is gone: %s", refused).isEqualTo(401);
            assertThat(refused.wwwAuthenticate()).hasValueSatisfying(value -> assertThat(value).contains("invalid_token"));
            assertThat(after.write(newToken).status()).isEqualTo(201);
        }
    }

    /** The monolith with a given signing key set, on H2 with the sample data. */
    private record Forum(ConfigurableApplicationContext context, ForumHttp http) implements AutoCloseable {

        static Forum with(String signingKeys) {
            int port = SplitForum.freePort();
            ConfigurableApplicationContext context = new SpringApplicationBuilder(ForumApplication.class)
                    .run("--server.port=" + port, "--forum.security.jwt.signing-keys=" + signingKeys);
            return new Forum(context, new ForumHttp(port));
        }

        Reply write(String token) {
            return http.withToken(token).postJson("/api/posts", "{\"thread\":1,\"text\":\"rotation\"}");
        }

        @Override
        public void close() {
            context.close();
        }
    }
}

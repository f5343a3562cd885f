package forum.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import forum.platform.ConflictException;
import forum.platform.FieldViolation;
import forum.platform.ResourceNotFoundException;
import forum.platform.ValidationException;
import forum.platform.CredentialsRejectedException;
import forum.support.SampleUsers;
import forum.support.TestTokens;
import forum.users.AccessToken;
import forum.users.Credentials;
import forum.users.NewUser;
import forum.users.User;
import forum.users.UserId;
import forum.users.UsersApi;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What {@link UsersApi} promises, asserted the same way in-process and over HTTP: same values, same
 * domain outcomes for bad input.
 */
abstract class UsersApiContract {

    abstract UsersApi users();

    @Test
    void lists_the_seeded_users_in_order() {
        assertThat(users().list(100, 0)).extracting(User::username).startsWith("marceline", "finn", "pb", "jake");
        assertThat(users().list(2, 1)).extracting(User::username).containsExactly("finn", "pb");
    }

    @Test
    void gets_a_user_by_id() {
        assertThat(users().get(new UserId(1)))
                .isEqualTo(new User(new UserId(1), "marceline", "Marceline Abadeer", "1000 year old vampire queen, musician"));
    }

    @Test
    void an_unknown_user_is_not_found() {
        assertThatThrownBy(() -> users().get(new UserId(9999)))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessage("No user with id 9999");
    }

    @Test
    void creates_a_user_that_can_be_read_back() {
        String username = "contract-" + UUID.randomUUID().toString().substring(0, 8);
        User created = users().create(new NewUser(username, "Contract User", "made by a test", "contract-user-password"));
        assertThat(created.username()).isEqualTo(username);
        assertThat(users().get(created.id())).isEqualTo(created);
    }

    @Test
    void a_taken_username_is_a_conflict_on_the_username() {
        assertThatThrownBy(() -> users().create(new NewUser("finn", "Another Finn", "", "a-second-adventurer")))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("username"))
                .hasMessage("The username 'finn' is taken");
    }

    @Test
    void invalid_fields_are_all_reported() {
        assertThatThrownBy(() -> users().create(new NewUser("", null, "", "contract-user-password")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .containsExactly(new FieldViolation("username", "must not be blank"), new FieldViolation("name", "is required")));
        assertThatThrownBy(() -> users().list(0, 0))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("limit"));
    }

    @Test
    void a_login_with_the_right_password_answers_a_bearer_token_for_that_user() throws Exception {
        AccessToken token = users().login(new Credentials(SampleUsers.PB, SampleUsers.PB_PASSWORD));
        assertThat(token.tokenType()).isEqualTo("Bearer");
        assertThat(token.expiresIn()).isEqualTo(900);
        var claims = com.nimbusds.jwt.SignedJWT.parse(token.accessToken()).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("3");
        assertThat(claims.getStringClaim("preferred_username")).isEqualTo("pb");
        assertThat(claims.getIssuer()).isEqualTo(TestTokens.ISSUER);
        assertThat(claims.getAudience()).containsExactly(TestTokens.AUDIENCE);
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(900_000);
    }

    @Test
    void a_wrong_password_and_an_unknown_user_are_refused_alike() {
        assertThatThrownBy(() -> users().login(new Credentials(SampleUsers.PB, "not-her-password")))
                .isInstanceOf(CredentialsRejectedException.class).hasMessage("The username or the password is wrong");
        assertThatThrownBy(() -> users().login(new Credentials("nobody-at-all", "not-her-password")))
                .isInstanceOf(CredentialsRejectedException.class).hasMessage("The username or the password is wrong");
    }

    @Test
    void the_jwk_set_publishes_the_signing_keys_public_parts_only() {
        Map<String, Object> jwks = users().jwks();
        assertThat(jwks.get("keys")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).singleElement()
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("kid", TestTokens.PRIMARY.getKeyID()).containsKeys("kty", "x", "y").doesNotContainKey("d");
    }
}

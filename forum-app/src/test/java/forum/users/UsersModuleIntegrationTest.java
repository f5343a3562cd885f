package forum.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import forum.platform.ValidationException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;

/** The users module booted alone (with the platform it stands on): no other module's bean exists. */
@ApplicationModuleTest(extraIncludes = "platform")
class UsersModuleIntegrationTest {

    @Autowired
    UsersApi users;

    @Test
    void creates_and_reads_a_user_in_process() {
        User created = users.create(new NewUser("  lsp ", "Lumpy Space Princess", null, "lumping-space-princess"));

        assertThat(created.username()).isEqualTo("lsp");
        assertThat(created.bio()).isEmpty();
        assertThat(users.get(created.id())).isEqualTo(created);
    }

    @Test
    void refuses_a_taken_username_and_bad_fields_with_domain_outcomes() {
        assertThatThrownBy(() -> users.create(new NewUser("marceline", "Someone Else", "", "a-second-vampire-queen")))
                .isInstanceOf(UsernameTakenException.class);
        assertThatThrownBy(() -> users.create(new NewUser("", "", "", "")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field()).containsExactly("username", "name", "password"));
        assertThatThrownBy(() -> users.get(new UserId(404)))
                .isInstanceOf(UserNotFoundException.class);
    }

    @Test
    void lists_the_seeded_users_in_id_order() {
        assertThat(users.list(2, 1)).extracting(User::username).containsExactly("finn", "pb");
    }
}

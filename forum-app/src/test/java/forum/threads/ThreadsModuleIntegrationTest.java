package forum.threads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.BDDMockito.given;

import forum.platform.ReferenceNotFoundException;
import forum.users.User;
import forum.users.UserId;
import forum.users.UserNotFoundException;
import forum.users.UsersApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** The threads module booted alone; the users API it depends on is a mock. */
@ApplicationModuleTest(extraIncludes = "platform")
class ThreadsModuleIntegrationTest {

    @Autowired
    ThreadsApi threads;

    @MockitoBean
    UsersApi users;

    @Test
    void a_thread_by_an_existing_user_is_created_after_asking_the_users_api() {
        UserId jake = new UserId(4);
        given(users.get(jake)).willReturn(new User(jake, "jake", "Jake the Dog", ""));

        ForumThread created = threads.create(new NewThread("Bacon pancakes", jake));

        assertThat(threads.get(created.id())).isEqualTo(created);
        assertThat(created.createdBy()).isEqualTo(jake);
    }

    @Test
    void a_thread_by_an_unknown_user_is_refused_and_not_stored() {
        UserId nobody = new UserId(77);
        given(users.get(nobody)).willThrow(new UserNotFoundException(nobody));
        int before = threads.list(1000, 0).size();

        assertThatThrownBy(() -> threads.create(new NewThread("Ghost thread", nobody)))
                .isInstanceOfSatisfying(ReferenceNotFoundException.class,
                        e -> assertThat(e.violations().getFirst().field()).isEqualTo("createdBy"));
        assertThat(threads.list(1000, 0)).hasSize(before);
    }
}

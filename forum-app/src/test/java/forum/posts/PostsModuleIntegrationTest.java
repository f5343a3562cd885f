package forum.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.BDDMockito.given;

import forum.platform.FieldViolation;
import forum.platform.ReferenceNotFoundException;
import forum.threads.ForumThread;
import forum.threads.ThreadId;
import forum.threads.ThreadNotFoundException;
import forum.threads.ThreadsApi;
import forum.users.User;
import forum.users.UserId;
import forum.users.UserNotFoundException;
import forum.users.UsersApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** The posts module booted alone; the users and threads APIs it depends on are mocks. */
@ApplicationModuleTest(extraIncludes = "platform")
class PostsModuleIntegrationTest {

    @Autowired
    PostsApi posts;

    @MockitoBean
    UsersApi users;

    @MockitoBean
    ThreadsApi threads;

    @Test
    void a_post_is_created_when_its_thread_and_user_exist() {
        ThreadId thread = new ThreadId(3);
        UserId user = new UserId(1);
        given(threads.get(thread)).willReturn(new ForumThread(thread, "In search of a new guitar", user));
        given(users.get(user)).willReturn(new User(user, "marceline", "Marceline Abadeer", ""));

        Post created = posts.create(new NewPost(thread, "Try the axe bass", user));

        assertThat(posts.get(created.id())).isEqualTo(created);
        assertThat(posts.inThread(thread, 100, 0)).last().isEqualTo(created);
        assertThat(posts.byUser(user, 100, 0)).last().isEqualTo(created);
    }

    @Test
    void both_missing_references_are_reported_and_nothing_is_stored() {
        ThreadId thread = new ThreadId(90);
        UserId user = new UserId(91);
        given(threads.get(thread)).willThrow(new ThreadNotFoundException(thread));
        given(users.get(user)).willThrow(new UserNotFoundException(user));
        int before = posts.list(1000, 0).size();

        assertThatThrownBy(() -> posts.create(new NewPost(thread, "Hello?", user)))
                .isInstanceOfSatisfying(ReferenceNotFoundException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("thread", "user"));
        assertThat(posts.list(1000, 0)).hasSize(before);
    }
}

package forum.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import forum.platform.FieldViolation;
import forum.platform.ReferenceNotFoundException;
import forum.platform.ResourceNotFoundException;
import forum.platform.ValidationException;
import forum.posts.NewPost;
import forum.posts.Post;
import forum.posts.PostId;
import forum.posts.PostsApi;
import forum.threads.ThreadId;
import forum.support.SampleUsers;
import forum.support.TestTokens;
import forum.users.UserId;
import forum.users.UsersApi;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** What {@link PostsApi} promises, asserted the same way in-process and over HTTP. */
abstract class PostsApiContract {

    abstract PostsApi posts();

    /** Where a test logs in (the users module, local or remote). */
    abstract UsersApi users();

    private String jake() {
        return AsUser.login(users(), SampleUsers.JAKE, SampleUsers.JAKE_PASSWORD);
    }

    @Test
    void lists_the_seeded_posts_in_data_order() {
        assertThat(posts().list(6, 0)).extracting(Post::text).containsExactly(
                "Has anyone checked on the lich recently?", "I'll stop by and see how he's doing tomorrow!",
                "Come party with the candy people tomorrow!", "Mathematical!", "I'll bring my guitar",
                "I need a new guitar to play the most savory licks in Ooo");
    }

    @Test
    void lists_the_posts_of_a_thread_and_of_a_user() {
        assertThat(posts().inThread(new ThreadId(1), 2, 0)).extracting(Post::user).containsExactly(new UserId(4), new UserId(2));
        assertThat(posts().byUser(new UserId(1), 2, 0)).extracting(Post::thread).containsExactly(new ThreadId(2), new ThreadId(3));
    }

    @Test
    void an_unknown_post_is_not_found() {
        assertThatThrownBy(() -> posts().get(new PostId(9999)))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessage("No post with id 9999");
    }

    @Test
    void creates_a_post_whose_thread_and_user_exist() {
        Post created = AsUser.call(jake(), () -> posts().create(new NewPost(new ThreadId(3), "Try the axe bass", new UserId(4))));
        assertThat(posts().get(created.id())).isEqualTo(created);
    }

    @Test
    void a_post_to_an_unknown_thread_is_refused_naming_it() {
        assertThatThrownBy(() -> AsUser.call(jake(),
                () -> posts().create(new NewPost(new ThreadId(9998), "Hello?", new UserId(4)))))
                .isInstanceOfSatisfying(ReferenceNotFoundException.class, e -> assertThat(e.violations()).containsExactly(
                        new FieldViolation("thread", "is not an existing thread: 9998")));
    }

    @Test
    void a_post_by_an_unknown_user_is_refused() {
        // A valid token of a user that does not exist: no login gives one, so the test signs it.
        assertUnknownAuthorRefused(() -> AsUser.call(TestTokens.forUser(9999),
                () -> posts().create(new NewPost(new ThreadId(9998), "Hello?", new UserId(9999)))), "user", 9999);
    }

    /**
     * How a write whose token names a user that does not exist is refused. In-process, by the write's own check of
     * its author ({@code field}, 422 over the wire); over HTTP the route refuses it as a token first (401
     * {@code invalid_token}, forum.platform.security.Callers#writeAs), as it refuses an expired one, so the remote
     * client reports the call refused.
     */
    void assertUnknownAuthorRefused(ThrowingCallable write, String field, long user) {
        assertThatThrownBy(write).isInstanceOfSatisfying(ReferenceNotFoundException.class, e -> assertThat(e.violations())
                .contains(new FieldViolation(field, "is not an existing user: " + user)));
    }

    @Test
    void invalid_fields_are_all_reported() {
        assertThatThrownBy(() -> AsUser.call(jake(), () -> posts().create(new NewPost(null, "", new UserId(4)))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("thread", "text"));
    }
}

package forum.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import forum.platform.FieldViolation;
import forum.platform.ReferenceNotFoundException;
import forum.platform.ResourceNotFoundException;
import forum.platform.ValidationException;
import forum.threads.ForumThread;
import forum.threads.NewThread;
import forum.threads.ThreadId;
import forum.threads.ThreadsApi;
import forum.support.SampleUsers;
import forum.support.TestTokens;
import forum.users.UserId;
import forum.users.UsersApi;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** What {@link ThreadsApi} promises, asserted the same way in-process and over HTTP. */
abstract class ThreadsApiContract {

    abstract ThreadsApi threads();

    /** Where a test logs in (the users module, local or remote). */
    abstract UsersApi users();

    private String finn() {
        return AsUser.login(users(), SampleUsers.FINN, SampleUsers.FINN_PASSWORD);
    }

    @Test
    void lists_the_seeded_threads_in_order() {
        assertThat(threads().list(100, 0)).extracting(ForumThread::title)
                .startsWith("What's up with the Lich?", "Party at the candy kingdom tomorrow", "In search of a new guitar");
    }

    @Test
    void gets_a_thread_by_id() {
        assertThat(threads().get(new ThreadId(2)))
                .isEqualTo(new ForumThread(new ThreadId(2), "Party at the candy kingdom tomorrow", new UserId(3)));
    }

    @Test
    void an_unknown_thread_is_not_found() {
        assertThatThrownBy(() -> threads().get(new ThreadId(9999)))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessage("No thread with id 9999");
    }

    @Test
    void creates_a_thread_by_an_existing_user() {
        ForumThread created = AsUser.call(finn(), () -> threads().create(new NewThread("Contract thread", new UserId(2))));
        assertThat(threads().get(created.id())).isEqualTo(created);
        assertThat(created.createdBy()).isEqualTo(new UserId(2));
    }

    @Test
    void a_thread_by_an_unknown_user_is_refused_on_created_by() {
        // A valid token of a user that does not exist: no login gives one, so the test signs it.
        assertUnknownAuthorRefused(() -> AsUser.call(TestTokens.forUser(9999),
                () -> threads().create(new NewThread("Ghost thread", new UserId(9999)))), "createdBy", 9999);
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
        assertThatThrownBy(() -> AsUser.call(finn(), () -> threads().create(new NewThread(" ", new UserId(2)))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .containsExactly(new FieldViolation("title", "must not be blank")));
    }
}

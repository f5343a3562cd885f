package forum.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forum.extraction.runtime.remote.RemoteModuleException;
import forum.posts.PostsApi;
import forum.threads.ThreadsApi;
import forum.users.UsersApi;
import java.lang.reflect.Proxy;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;

/**
 * The same module contracts over HTTP: each API is the client bean a process gets when the module is
 * remote, talking to the module running in another Spring context on loopback.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModuleContractsOverHttpIntegrationTest {

    SplitForum forum;

    @BeforeAll
    void start() {
        forum = SplitForum.start();
    }

    @AfterAll
    void stop() {
        forum.close();
    }

    @Nested
    class Users extends UsersApiContract {
        @Override
        UsersApi users() {
            return remote(forum.postsBean(UsersApi.class));
        }
    }

    @Nested
    class Threads extends ThreadsApiContract {
        @Override
        ThreadsApi threads() {
            return remote(forum.postsBean(ThreadsApi.class));
        }

        @Override
        UsersApi users() {
            return remote(forum.postsBean(UsersApi.class));
        }

        @Override
        void assertUnknownAuthorRefused(ThrowingCallable write, String field, long user) {
            assertRefusedAsAToken(write, user);
        }
    }

    @Nested
    class Posts extends PostsApiContract {
        @Override
        PostsApi posts() {
            return remote(forum.monolithBean(PostsApi.class));
        }

        @Override
        UsersApi users() {
            return forum.monolithBean(UsersApi.class);
        }

        @Override
        void assertUnknownAuthorRefused(ThrowingCallable write, String field, long user) {
            assertRefusedAsAToken(write, user);
        }
    }

    /**
     * The route refused the caller's token (401): a failure of the call between the two processes, not an answer about
     * the data, so the remote client reports it as a {@link RemoteModuleException} (502, RemoteErrorResponseException's
     * rule), naming the 401 and its reason. What an end client gets is SecurityOnMonolithIntegrationTest's and SplitTopologyIntegrationTest's.
     */
    private static void assertRefusedAsAToken(ThrowingCallable write, long user) {
        assertThatThrownBy(write).as("a write by user %d", user).isInstanceOfSatisfying(RemoteModuleException.class, e -> {
            assertThat(e.getStatusCode().value()).isEqualTo(502);
            assertThat(e.getMessage()).contains(" with 401: ", "it names user " + user + ", and this forum has no such user");
        });
    }

    /** Guards against testing the in-process service by mistake: a remote module's API is a client proxy. */
    private static <T> T remote(T api) {
        assertThat(Proxy.isProxyClass(api.getClass())).as("%s is a generated HTTP client", api).isTrue();
        return api;
    }
}

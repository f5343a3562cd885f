package forum.topology;

import static org.assertj.core.api.Assertions.assertThat;

import forum.posts.PostsApi;
import forum.threads.ThreadsApi;
import forum.users.UsersApi;
import java.lang.reflect.Proxy;
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
    }

    /** Guards against testing the in-process service by mistake: a remote module's API is a client proxy. */
    private static <T> T remote(T api) {
        assertThat(Proxy.isProxyClass(api.getClass())).as("%s is a generated HTTP client", api).isTrue();
        return api;
    }
}

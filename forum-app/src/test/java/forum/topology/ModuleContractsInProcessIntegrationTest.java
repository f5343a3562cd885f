package forum.topology;

import forum.posts.PostsApi;
import forum.threads.ThreadsApi;
import forum.users.UsersApi;
import org.junit.jupiter.api.Nested;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

/** The module contracts against the modules in-process: every module local, plain method calls. */
@SpringBootTest
@TestPropertySource(properties = "forum.test.context=contracts-in-process")
class ModuleContractsInProcessIntegrationTest {

    @Autowired
    UsersApi usersApi;
    @Autowired
    ThreadsApi threadsApi;
    @Autowired
    PostsApi postsApi;

    @Nested
    class Users extends UsersApiContract {
        @Override
        UsersApi users() {
            return usersApi;
        }
    }

    @Nested
    class Threads extends ThreadsApiContract {
        @Override
        UsersApi users() {
            return usersApi;
        }

        @Override
        ThreadsApi threads() {
            return threadsApi;
        }
    }

    @Nested
    class Posts extends PostsApiContract {
        @Override
        UsersApi users() {
            return usersApi;
        }

        @Override
        PostsApi posts() {
            return postsApi;
        }
    }
}

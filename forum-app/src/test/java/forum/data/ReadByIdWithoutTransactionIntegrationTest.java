package forum.data;

import static org.assertj.core.api.Assertions.assertThat;

import forum.posts.PostId;
import forum.posts.PostsApi;
import forum.threads.ThreadId;
import forum.threads.ThreadsApi;
import forum.users.NewUser;
import forum.users.UserId;
import forum.users.UsersApi;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;

/**
 * The hot path of every {@code GET /api/<module>/{id}}: one select, no transaction around it (on PostgreSQL a
 * read-only transaction costs a begin and a commit, two more round trips; BENCHMARKS.md). Counted on each
 * module's own transaction manager; a write still runs in one, which shows the counting works.
 */
@SpringBootTest
@TestPropertySource(properties = "forum.test.context=read-by-id-without-transaction")
class ReadByIdWithoutTransactionIntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    UsersApi users;
    @Autowired
    ThreadsApi threads;
    @Autowired
    PostsApi posts;

    private final Map<String, AtomicInteger> begun = new HashMap<>();

    @BeforeEach
    void countTransactions() {
        for (String module : new String[] {"users", "threads", "posts"}) {
            AtomicInteger count = new AtomicInteger();
            begun.put(module, count);
            context.getBean(module + "TransactionManager", AbstractPlatformTransactionManager.class)
                    .addListener(new TransactionExecutionListener() {
                        @Override
                        public void beforeBegin(TransactionExecution transaction) {
                            count.incrementAndGet();
                        }
                    });
        }
    }

    @Test
    void readingOneResourceByIdBeginsNoTransaction() {
        assertThat(users.get(new UserId(1)).username()).isEqualTo("marceline");
        assertThat(threads.get(new ThreadId(1)).id()).isEqualTo(new ThreadId(1));
        assertThat(posts.get(new PostId(1)).id()).isEqualTo(new PostId(1));

        assertThat(begun).allSatisfy((module, count) -> assertThat(count).as(module).hasValue(0));
    }

    @Test
    void aWriteStillRunsInATransaction() {
        users.create(new NewUser("lsp", "Lumpy Space Princess", "Oh my glob", "lumping-space-princess"));

        assertThat(begun.get("users").get()).isPositive();
    }
}

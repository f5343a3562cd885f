package forum.posts.internal;

import dev.forum.extraction.runtime.topology.ConditionalOnLocalModule;
import forum.platform.data.ModuleDatabaseBeans;
import forum.posts.internal.persistence.PostRepository;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;

/**
 * Wires the posts module where it is local: its own database connection (schema {@code posts}, migrated
 * and seeded at start) and its repositories on it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnLocalModule("posts")
@Import(PostsModuleConfiguration.PostsDatabase.class)
@EnableJdbcRepositories(basePackageClasses = PostRepository.class,
        jdbcAggregateOperationsRef = "postsJdbcAggregateOperations",
        transactionManagerRef = "postsTransactionManager")
class PostsModuleConfiguration {

    static final class PostsDatabase extends ModuleDatabaseBeans {
        PostsDatabase() {
            super("posts", "posts.posts");
        }
    }
}

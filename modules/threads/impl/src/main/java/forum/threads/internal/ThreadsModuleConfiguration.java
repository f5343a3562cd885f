package forum.threads.internal;

import dev.forum.extraction.runtime.topology.ConditionalOnLocalModule;
import forum.platform.data.ModuleDatabaseBeans;
import forum.threads.internal.persistence.ThreadRepository;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;

/**
 * Wires the threads module where it is local: its own database connection (schema {@code threads}, migrated
 * and seeded at start) and its repositories on it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnLocalModule("threads")
@Import(ThreadsModuleConfiguration.ThreadsDatabase.class)
@EnableJdbcRepositories(basePackageClasses = ThreadRepository.class,
        jdbcAggregateOperationsRef = "threadsJdbcAggregateOperations",
        transactionManagerRef = "threadsTransactionManager")
class ThreadsModuleConfiguration {

    static final class ThreadsDatabase extends ModuleDatabaseBeans {
        ThreadsDatabase() {
            super("threads", "threads.threads");
        }
    }
}

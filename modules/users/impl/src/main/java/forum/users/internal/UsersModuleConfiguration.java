package forum.users.internal;

import dev.forum.extraction.runtime.topology.ConditionalOnLocalModule;
import forum.platform.data.ModuleDatabaseBeans;
import forum.users.internal.persistence.UserRepository;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;

/**
 * Wires the users module where it is local: its own database connection (schema {@code users}, migrated
 * and seeded at start) and its repositories on it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnLocalModule("users")
@Import(UsersModuleConfiguration.UsersDatabase.class)
@EnableJdbcRepositories(basePackageClasses = UserRepository.class,
        jdbcAggregateOperationsRef = "usersJdbcAggregateOperations",
        transactionManagerRef = "usersTransactionManager")
class UsersModuleConfiguration {

    static final class UsersDatabase extends ModuleDatabaseBeans {
        UsersDatabase() {
            super("users", "users.users");
        }
    }
}

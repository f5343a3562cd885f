package forum.users.internal;

import forum.platform.data.ModuleSchema;
import forum.platform.data.SeedPolicy;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;

/** Wires the users module: its repositories and its own schema. */
@Configuration(proxyBeanMethods = false)
@EnableJdbcRepositories(basePackageClasses = forum.users.internal.persistence.UserRepository.class)
class UsersModuleConfiguration {

    @Bean
    ModuleSchema usersSchema(DataSource dataSource, SeedPolicy seedPolicy) {
        return new ModuleSchema("users", "users.users", dataSource, seedPolicy);
    }
}

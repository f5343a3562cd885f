package forum.threads.internal;

import forum.platform.data.ModuleSchema;
import forum.platform.data.SeedPolicy;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;

/** Wires the threads module: its repositories and its own schema. */
@Configuration(proxyBeanMethods = false)
@EnableJdbcRepositories(basePackageClasses = forum.threads.internal.persistence.ThreadRepository.class)
class ThreadsModuleConfiguration {

    @Bean
    ModuleSchema threadsSchema(DataSource dataSource, SeedPolicy seedPolicy) {
        return new ModuleSchema("threads", "threads.threads", dataSource, seedPolicy);
    }
}

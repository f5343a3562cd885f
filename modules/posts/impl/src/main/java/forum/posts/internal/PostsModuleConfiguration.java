package forum.posts.internal;

import forum.platform.data.ModuleSchema;
import forum.platform.data.SeedPolicy;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;

/** Wires the posts module: its repositories and its own schema. */
@Configuration(proxyBeanMethods = false)
@EnableJdbcRepositories(basePackageClasses = forum.posts.internal.persistence.PostRepository.class)
class PostsModuleConfiguration {

    @Bean
    ModuleSchema postsSchema(DataSource dataSource, SeedPolicy seedPolicy) {
        return new ModuleSchema("posts", "posts.posts", dataSource, seedPolicy);
    }
}

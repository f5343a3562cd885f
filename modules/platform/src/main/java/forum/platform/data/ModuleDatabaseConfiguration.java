package forum.platform.data;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.core.convert.JdbcCustomConversions;
import org.springframework.data.jdbc.core.dialect.JdbcDialect;
import org.springframework.data.jdbc.core.dialect.JdbcPostgresDialect;
import org.springframework.data.jdbc.core.mapping.JdbcMappingContext;
import org.springframework.data.jdbc.repository.config.JdbcConfiguration;
import org.springframework.data.relational.RelationalManagedTypes;
import org.springframework.data.relational.core.mapping.DefaultNamingStrategy;

/**
 * What every module database shares: the seed policy ({@code forum.seed-data}: embedded, always, never)
 * and Spring Data JDBC's mapping. H2 runs in PostgreSQL mode with lower-case names, so both databases
 * use PostgreSQL's dialect. Spring Boot's own Spring Data JDBC set-up expects a single database and is
 * excluded ({@code spring.autoconfigure.exclude}); each module brings its own (see {@link ModuleDatabaseBeans}).
 */
@Configuration(proxyBeanMethods = false)
class ModuleDatabaseConfiguration {

    @Bean
    SeedPolicy seedPolicy(@Value("${forum.seed-data:embedded}") SeedPolicy policy) {
        return policy;
    }

    @Bean
    JdbcDialect jdbcDialect() {
        return JdbcPostgresDialect.INSTANCE;
    }

    @Bean
    JdbcCustomConversions jdbcCustomConversions(JdbcDialect dialect) {
        return JdbcConfiguration.createCustomConversions(dialect, List.of());
    }

    @Bean
    JdbcMappingContext jdbcMappingContext(JdbcCustomConversions conversions) {
        return JdbcConfiguration.createMappingContext(RelationalManagedTypes.empty(), conversions, DefaultNamingStrategy.INSTANCE);
    }
}

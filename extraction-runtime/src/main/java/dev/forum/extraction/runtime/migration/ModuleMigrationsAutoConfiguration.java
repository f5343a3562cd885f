package dev.forum.extraction.runtime.migration;

import dev.forum.extraction.runtime.remote.RemoteModuleRegistrar;
import dev.forum.extraction.runtime.topology.Topology;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;

/**
 * Per-module migrations ({@link ModuleMigrations}) when the application turns on Spring Modulith's convention
 * ({@code spring.modulith.runtime.flyway-enabled=true}), has Spring Boot's Flyway support and module metadata.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration")
@ConditionalOnClass(name = {"org.flywaydb.core.Flyway", "org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy"})
@ConditionalOnProperty(name = "spring.modulith.runtime.flyway-enabled", havingValue = "true")
public class ModuleMigrationsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(FlywayMigrationStrategy.class)
    @ConditionalOnBean(name = RemoteModuleRegistrar.TOPOLOGY_BEAN)
    FlywayMigrationStrategy moduleMigrations(@Qualifier(RemoteModuleRegistrar.TOPOLOGY_BEAN) Topology topology) {
        return new ModuleMigrations(topology);
    }
}

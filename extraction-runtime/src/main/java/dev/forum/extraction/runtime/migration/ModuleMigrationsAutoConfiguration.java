package dev.forum.extraction.runtime.migration;

import dev.forum.extraction.runtime.topology.Topology;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;

/**
 * Per-module migrations ({@link ModuleMigrations}) when the application turns on Spring Modulith's convention
 * ({@code spring.modulith.runtime.flyway-enabled=true}) and has Spring Boot's Flyway support; without module metadata
 * every migration runs, as Spring Boot runs them.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration")
@ConditionalOnClass(name = {"org.flywaydb.core.Flyway", "org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy"})
@ConditionalOnProperty(name = "spring.modulith.runtime.flyway-enabled", havingValue = "true")
public class ModuleMigrationsAutoConfiguration {

    /** The topology is registered after conditions are evaluated, so it is looked up when the migrations run. */
    @Bean
    @ConditionalOnMissingBean(FlywayMigrationStrategy.class)
    FlywayMigrationStrategy moduleMigrations(ObjectProvider<Topology> topology) {
        return flyway -> {
            Topology resolved = topology.getIfAvailable();
            if (resolved == null) {
                flyway.migrate(); // no module metadata: every migration, as Spring Boot runs them
            } else {
                new ModuleMigrations(resolved).migrate(flyway);
            }
        };
    }
}

package dev.forum.extraction.runtime.migration;

import dev.forum.extraction.runtime.topology.Topology;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Per-module migrations of the local modules only, when the application turns on Spring Modulith's convention
 * ({@code spring.modulith.runtime.flyway-enabled=true}) and has Spring Boot's Flyway support. One strategy is in
 * charge:
 * <ul>
 * <li>with {@code spring-modulith-runtime}, Spring Modulith's own strategy (it registers it whatever other strategy
 * exists), with a {@link LocalModuleMigrationFilter} that leaves out the modules of other processes;</li>
 * <li>without it, {@link ModuleMigrations}, which follows the same convention;</li>
 * <li>an application's own {@code FlywayMigrationStrategy} bean replaces ours (with {@code spring-modulith-runtime}
 * it must be {@code @Primary} to win over Spring Modulith's, which is Spring Modulith's rule: without it the context
 * fails on two strategies). It then runs alone: {@link LocalModuleMigrationFilter} filters only Spring Modulith's.</li>
 * </ul>
 * Without module metadata, Spring Modulith's strategy runs every module's migrations; ours, which then knows no
 * module, runs every migration as Spring Boot does.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
        afterName = "org.springframework.modulith.runtime.autoconfigure.SpringModulithRuntimeAutoConfiguration")
@ConditionalOnClass(name = {"org.flywaydb.core.Flyway", "org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy"})
@ConditionalOnProperty(name = "spring.modulith.runtime.flyway-enabled", havingValue = "true")
public class ModuleMigrationsAutoConfiguration {

    /**
     * Ours only when no other strategy is defined: after Spring Modulith's auto-configuration (see the ordering above),
     * so its strategy, when present, is seen here.
     */
    @Bean
    @ConditionalOnMissingBean(FlywayMigrationStrategy.class)
    FlywayMigrationStrategy moduleMigrations(ObjectProvider<Topology> topology) {
        return flyway -> {
            Topology resolved = topology.getIfAvailable();
            if (resolved == null) {
                flyway.migrate(); // no module metadata, so no module list: every migration, as Spring Boot runs them
            } else {
                new ModuleMigrations(resolved).migrate(flyway);
            }
        };
    }

    /** Spring Modulith combines every {@code MigrationFilter} bean with its own filters. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.modulith.runtime.flyway.MigrationFilter")
    static class SpringModulithMigrations {

        @Bean
        LocalModuleMigrationFilter localModuleMigrationFilter(ObjectProvider<Topology> topology) {
            return new LocalModuleMigrationFilter(topology);
        }
    }
}

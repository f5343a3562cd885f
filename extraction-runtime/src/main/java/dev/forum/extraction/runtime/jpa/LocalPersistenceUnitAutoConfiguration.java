package dev.forum.extraction.runtime.jpa;

import dev.forum.extraction.runtime.topology.Topology;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * In a JPA application (Spring's {@code spring-orm} on the class path): every persistence unit of a
 * {@code LocalContainerEntityManagerFactoryBean}, Spring Boot's or the application's own, holds only the local modules'
 * managed classes ({@link LocalPersistenceUnitBeanPostProcessor}, {@link LocalPersistenceUnitPostProcessor}). The bean
 * post-processor is a static bean, so the context makes and registers it with the other bean post-processors, before
 * any entity manager factory; the order of the auto-configurations does not matter for it.
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.springframework.orm.jpa.persistenceunit.PersistenceUnitPostProcessor")
public class LocalPersistenceUnitAutoConfiguration {

    /**
     * Static: a post-processor is made before other beans. The topology is registered after conditions are evaluated
     * ({@code RemoteModuleRegistrar}), so it is looked up when a persistence unit is post-processed.
     */
    @Bean
    static LocalPersistenceUnitBeanPostProcessor localPersistenceUnitBeanPostProcessor(ObjectProvider<Topology> topology) {
        return new LocalPersistenceUnitBeanPostProcessor(topology);
    }
}

package dev.forum.extraction.runtime.jpa;

import dev.forum.extraction.runtime.topology.Topology;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * In a JPA application (Spring's {@code spring-orm} on the class path): the persistence unit holds only the local
 * modules' managed classes ({@link LocalManagedTypesPostProcessor}). Spring Boot's {@code PersistenceManagedTypes} bean is
 * declared by {@code spring-boot-jpa}'s {@code JpaBaseConfiguration}, which {@code spring-boot-hibernate}'s
 * {@code HibernateJpaAutoConfiguration} imports. The post-processor is a static bean, so the context makes and registers
 * it with the other bean post-processors, before any ordinary bean such as that one; the order of the
 * auto-configurations does not matter for it ({@code beforeName} only orders the bean definitions).
 */
@AutoConfiguration(beforeName = "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration")
@ConditionalOnClass(name = "org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes")
public class LocalManagedTypesAutoConfiguration {

    /**
     * Static: a post-processor is made before other beans. The topology is registered after conditions are evaluated
     * ({@code RemoteModuleRegistrar}), so it is looked up when the managed types are made.
     */
    @Bean
    static LocalManagedTypesPostProcessor localManagedTypesPostProcessor(ObjectProvider<Topology> topology) {
        return new LocalManagedTypesPostProcessor(topology);
    }
}
